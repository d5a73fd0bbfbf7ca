//===- TTOps.h - tt types, attributes and operations ------------*- C++ -*-===//
#ifndef TTDIALECT_TT_IR_TTOPS_H
#define TTDIALECT_TT_IR_TTOPS_H

#include "TTDialect/TT/IR/TTDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/StringExtras.h"

#include "TTDialect/TT/IR/TTEnums.h.inc"
#include "TTDialect/TT/IR/TTInterfaces.h.inc"

namespace mlir::tt {
/// DST tiles one side of the register may use: 16 bf16 / 8 fp32 tiles in
/// full-sync mode, half of that in half-sync mode (tt-metal's DEST_AUTO_LIMIT).
/// The one place this rule lives.
inline unsigned getDstTileCapacity(bool fp32DestAcc, bool fullSync) {
  unsigned full = fp32DestAcc ? 8 : 16;
  return fullSync ? full : full / 2;
}
} // namespace mlir::tt

#define GET_ATTRDEF_CLASSES
#include "TTDialect/TT/IR/TTAttrs.h.inc"
#define GET_TYPEDEF_CLASSES
#include "TTDialect/TT/IR/TTOpsTypes.h.inc"

namespace mlir::tt {
/// The pointers and page counts of the circular buffers a kernel uses, as a
/// side-effect resource: see TT_CBResource in TTOps.td.
struct CircularBufferResource
    : public SideEffects::Resource::Base<CircularBufferResource> {
  StringRef getName() final { return "<CircularBuffer>"; }
};

/// The semaphores of a core (see TT_SemaphoreResource in TTOps.td).
struct SemaphoreResource
    : public SideEffects::Resource::Base<SemaphoreResource> {
  StringRef getName() final { return "<Semaphore>"; }
};

/// Whether `name` is a C/C++ identifier (letters, digits, '_', not starting
/// with a digit): what tt.name and the IR's value names must be.
inline bool isCIdentifier(StringRef name) {
  return !name.empty() && !llvm::isDigit(name.front()) &&
         llvm::all_of(name, [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

/// Runtime arguments Metalium accepts per kernel and core.
constexpr size_t kMaxRuntimeArgs = 341;

/// Bytes of one 32x32 tile of `format`.
uint64_t getTileSizeInBytes(DataFormat format);

/// The prefix of a multicast group's names in kernels and host code (its
/// runtime arguments, semaphores, NoC coordinates): row, col, grid.
llvm::StringRef getMcastGroupPrefix(McastDirection direction);

/// Block floating point (bfp8_b, bfp4_b): a storage format for a matmul's
/// inputs, whose values the host converts.
inline bool isBlockFloat(DataFormat format) {
  return format == DataFormat::Bfp8_b || format == DataFormat::Bfp4_b;
}

/// The format a global buffer (a function argument, or a view of one) is
/// stored in on the device: its #tt.shard's, else its tt.format argument
/// attribute, else its element type's (bf16: Float16_b, f32: Float32).
DataFormat getStorageFormat(Value buffer);

/// The role of the kernel function that contains `op`, if it is in one.
std::optional<KernelRole> getEnclosingKernelRole(Operation *op);

/// Checks that `op` sits in a kernel whose role may run it.
LogicalResult verifyKernelPlacement(Operation *op, bool computeOp);

/// An epilogue's steps are #tt.activation and #tt.scale attributes.
LogicalResult verifyEpilogueSteps(Operation *op, ArrayAttr steps);

template <typename ConcreteType>
class DataMovementOnly
    : public OpTrait::TraitBase<ConcreteType, DataMovementOnly> {
public:
  static LogicalResult verifyTrait(Operation *op) {
    return verifyKernelPlacement(op, /*computeOp=*/false);
  }
};

template <typename ConcreteType>
class ComputeOnly : public OpTrait::TraitBase<ConcreteType, ComputeOnly> {
public:
  static LogicalResult verifyTrait(Operation *op) {
    return verifyKernelPlacement(op, /*computeOp=*/true);
  }
};
} // namespace mlir::tt

#define GET_OP_CLASSES
#include "TTDialect/TT/IR/TTOps.h.inc"

#endif // TTDIALECT_TT_IR_TTOPS_H
