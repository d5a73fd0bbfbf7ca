//===- KernelNames.h - C++ names of a kernel's values -----------*- C++ -*-===//
//
// Internal to the EmitC conversion of kernels: the names the emitted C++
// gives the values a kernel declares, decided before the patterns run, and
// the patterns' shared helpers that use them.
//
//===----------------------------------------------------------------------===//
#ifndef LIB_CONVERSION_TTTOEMITC_KERNELNAMES_H
#define LIB_CONVERSION_TTTOEMITC_KERNELNAMES_H

#include "TTDialect/TT/IR/TTOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Transforms/DialectConversion.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <string>

namespace mlir::tt::emitc_kernel {

/// C++ names of the values a kernel declares, decided before the conversion.
struct KernelNames {
  /// Op -> the name of the constant its result becomes.
  llvm::DenseMap<Operation *, std::string> valueName;
  /// tensor_accessor op -> the name of its TensorAccessorArgs constant.
  llvm::DenseMap<Operation *, std::string> argsName;
  /// tensor_accessor op -> the template argument of its TensorAccessorArgs.
  llvm::DenseMap<Operation *, std::string> argsOffsetExpr;
  /// get_semaphore op -> the name of its `volatile tt_l1_ptr uint32_t*`
  /// (its address is valueName).
  llvm::DenseMap<Operation *, std::string> semaphorePtrName;
  /// get_cb ops that reuse an earlier handle's declaration.
  llvm::DenseSet<Operation *> cbAliases;
  /// Kernel call -> the names under which its computed operands are
  /// declared before the call, by operand (empty: used as it is). The NoC
  /// page calls name their page index and L1 address: `a_page`, `a_l1_addr`.
  llvm::DenseMap<Operation *, llvm::SmallVector<std::string>> callOperandNames;
};

/// Decides the C++ name of every named value of `kernel`; fails with a
/// located error on a name that is not a C++ identifier.
LogicalResult assignNames(func::FuncOp kernel, KernelNames &names);

/// The declared name of the circular buffer `cb` (from its tt.get_cb).
std::string cbNameOf(Value cb, const KernelNames &names);

/// Replaces `op` by `result`; a value the passes named (tt.name) is declared
/// first, `const uint32_t name = ...;`, so it is computed once where it was
/// defined and reads by its meaning.
void replaceNamed(Operation *op, Value result, const KernelNames &names,
                  ConversionPatternRewriter &rewriter);

/// Puts each op's `tt.comment` in the kernel as a C++ comment line above it
/// (and a blank line before it, between top-level stages).
void insertStageComments(func::FuncOp kernel);

/// i32 arithmetic on the kernel's uint32_t values as plain C++ operators.
void populateUnsignedArithPatterns(const TypeConverter &converter,
                                   RewritePatternSet &patterns,
                                   const KernelNames &names);

} // namespace mlir::tt::emitc_kernel

#endif // LIB_CONVERSION_TTTOEMITC_KERNELNAMES_H
