//===- TTDialect.cpp - tt dialect -----------------------------------------===//
#include "TTDialect/TT/IR/TTDialect.h"
#include "TTDialect/TT/IR/TTOps.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::tt;

#include "TTDialect/TT/IR/TTOpsDialect.cpp.inc"
#define GET_TYPEDEF_CLASSES
#include "TTDialect/TT/IR/TTOpsTypes.cpp.inc"

void TTDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "TTDialect/TT/IR/TTOps.cpp.inc"
      >();
  addTypes<
#define GET_TYPEDEF_LIST
#include "TTDialect/TT/IR/TTOpsTypes.cpp.inc"
      >();
  registerAttributes();
}

LogicalResult TTDialect::verifyOperationAttribute(Operation *op,
                                                  NamedAttribute attr) {
  StringRef name = attr.getName().getValue();
  Attribute value = attr.getValue();
  auto expect = [&](bool ok, StringRef what) -> LogicalResult {
    if (ok)
      return success();
    return op->emitError() << "'" << name << "' must be " << what << ", got "
                           << value;
  };
  if (name == kKernelRoleAttrName) {
    if (failed(expect(llvm::isa<KernelRoleAttr>(value), "a #tt.kernel_role")))
      return failure();
    auto func = llvm::dyn_cast<func::FuncOp>(op);
    if (!func)
      return op->emitError() << "'" << kKernelRoleAttrName
                             << "' only marks func.func kernels";
    // Kernels are `void kernel_main()`: everything comes from arguments the
    // host sets, never from C++ parameters.
    if (func.getNumArguments() != 0 || func.getNumResults() != 0)
      return op->emitError() << "kernel @" << func.getSymName()
                             << " must take no arguments and return nothing";
    return success();
  }
  if (name == kWholeMatmulAttrName)
    return expect(llvm::isa<MatmulFormAttr>(value) && llvm::isa<func::FuncOp>(op),
                  "a #tt.matmul on a func.func");
  if (name == kCommentAttrName)
    return expect(llvm::isa<StringAttr>(value), "a string");
  if (name == kNameAttrName) {
    auto str = llvm::dyn_cast<StringAttr>(value);
    if (failed(expect(str && isCIdentifier(str.getValue()),
                      "a C++ identifier string")))
      return failure();
    if (op->getNumResults() != 1 && !llvm::isa<scf::ForOp>(op))
      return op->emitError() << "'" << name
                             << "' names a loop counter or a single result";
    return success();
  }
  if (name == kTargetAttrName)
    return expect(llvm::isa<TargetAttr>(value), "a #tt.target");
  if (name == kScheduleAttrName)
    return expect(llvm::isa<ScheduleAttr>(value) && llvm::isa<func::FuncOp>(op),
                  "a #tt.schedule on a func.func");
  if (name == kMulticastAttrName) {
    if (failed(expect(llvm::isa<McastDirectionAttr>(value),
                      "a #tt.along<row>, #tt.along<column> or #tt.along<grid>")))
      return failure();
    // The tt dialect does not depend on tl: the op is known by name.
    if (op->getName().getStringRef() != "tl.copy")
      return op->emitError() << "'" << name << "' marks a tl.copy block load";
    return success();
  }
  auto arrayOf = [&](auto isElement) {
    auto array = llvm::dyn_cast<ArrayAttr>(value);
    return array && llvm::all_of(array, isElement);
  };
  if (name == kRuntimeArgsAttrName)
    return expect(arrayOf([](Attribute a) {
                    return llvm::isa<StringAttr, WorkArgAttr, McastArgAttr,
                                     IntegerAttr>(a);
                  }),
                  "an array of buffer names, #tt.work, #tt.mcast and "
                  "integers");
  if (name == kCompileArgsAttrName)
    return expect(arrayOf([](Attribute a) { return llvm::isa<StringAttr>(a); }),
                  "an array of buffer names");
  if (name == kKernelsAttrName)
    return expect(arrayOf([](Attribute a) {
                    return llvm::isa<FlatSymbolRefAttr>(a);
                  }),
                  "an array of kernel symbols");
  if (name == kWorkSplitAttrName)
    return expect(llvm::isa<WorkSplitAttr>(value), "a #tt.work_split");
  if (name == kMeshSplitAttrName)
    return expect(llvm::isa<MeshSplitAttr>(value) && llvm::isa<func::FuncOp>(op),
                  "a #tt.mesh_split on a func.func");
  return op->emitError() << "unknown tt dialect attribute '" << name << "'";
}

LogicalResult TTDialect::verifyRegionArgAttribute(Operation *op, unsigned,
                                                  unsigned argIndex,
                                                  NamedAttribute attr) {
  if (attr.getName() == kNameAttrName) {
    auto str = llvm::dyn_cast<StringAttr>(attr.getValue());
    if (str && isCIdentifier(str.getValue()))
      return success();
    return op->emitError() << "'" << kNameAttrName << "' of argument "
                           << argIndex << " must be a C++ identifier string";
  }
  if (attr.getName() == kFormatAttrName) {
    auto format = llvm::dyn_cast<DataFormatAttr>(attr.getValue());
    if (!format)
      return op->emitError() << "'" << kFormatAttrName << "' of argument "
                             << argIndex << " must be a #tt.format";
    auto func = llvm::dyn_cast<FunctionOpInterface>(op);
    Type type = func ? func.getArgumentTypes()[argIndex] : Type();
    auto memref = llvm::dyn_cast_if_present<MemRefType>(type);
    if (!memref || !(memref.getElementType().isBF16() ||
                     memref.getElementType().isF32()))
      return op->emitError() << "'" << kFormatAttrName << "' of argument "
                             << argIndex
                             << " needs a memref of bf16 or f32 values, got "
                             << type;
    return success();
  }
  if (attr.getName() == kGlobalShapeAttrName) {
    auto shape = llvm::dyn_cast<DenseI64ArrayAttr>(attr.getValue());
    if (!shape || shape.empty() || shape.size() > 2 ||
        llvm::any_of(shape.asArrayRef(), [](int64_t d) { return d <= 0; }))
      return op->emitError() << "'" << kGlobalShapeAttrName << "' of argument "
                             << argIndex
                             << " must be a matrix's or a vector's positive "
                                "shape (array<i64: ...>)";
    return success();
  }
  if (attr.getName() == kMeshShardAttrName) {
    if (!llvm::isa<MeshShardAttr>(attr.getValue()))
      return op->emitError() << "'" << kMeshShardAttrName << "' of argument "
                             << argIndex << " must be a #tt.mesh_shard";
    return success();
  }
  if (attr.getName() != kShardAttrName)
    return op->emitError() << "unknown tt dialect argument attribute '"
                           << attr.getName().getValue() << "'";
  if (!llvm::isa<ShardAttr>(attr.getValue()))
    return op->emitError() << "'" << kShardAttrName << "' of argument "
                           << argIndex << " must be a #tt.shard";
  return success();
}

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

DataFormat mlir::tt::getStorageFormat(Value buffer) {
  // Through views (a batch folded into rows) to the function argument.
  while (auto view = buffer.getDefiningOp<ViewLikeOpInterface>())
    buffer = view.getViewSource();
  if (auto arg = llvm::dyn_cast<BlockArgument>(buffer))
    if (auto func =
            llvm::dyn_cast<FunctionOpInterface>(arg.getOwner()->getParentOp())) {
      if (auto shard = func.getArgAttrOfType<ShardAttr>(
              arg.getArgNumber(), TTDialect::kShardAttrName))
        return shard.getFormat();
      if (auto format = func.getArgAttrOfType<DataFormatAttr>(
              arg.getArgNumber(), TTDialect::kFormatAttrName))
        return format.getValue();
    }
  Type element = llvm::cast<MemRefType>(buffer.getType()).getElementType();
  return element.isF32() ? DataFormat::Float32 : DataFormat::Float16_b;
}

llvm::StringRef mlir::tt::getMcastGroupPrefix(McastDirection direction) {
  return direction == McastDirection::Column
             ? llvm::StringRef("col")
             : stringifyMcastDirection(direction);
}

uint64_t mlir::tt::getTileSizeInBytes(DataFormat format) {
  switch (format) {
  case DataFormat::Float16_b:
    return 2048;
  case DataFormat::Float32:
    return 4096;
  case DataFormat::Bfp8_b:
    return 1088; // 1024 mantissa bytes + 64 shared exponents
  case DataFormat::Bfp4_b:
    return 576; // 512 bytes of two 4-bit values + 64 shared exponents
  }
  llvm_unreachable("unknown data format");
}

uint64_t TileType::getSizeInBytes() const {
  return getTileSizeInBytes(getFormat());
}

LogicalResult
CircularBufferType::verify(function_ref<InFlightDiagnostic()> emitError,
                           uint32_t index, uint32_t numPages, TileType) {
  if (index >= 64)
    return emitError() << "circular buffer index " << index
                       << " is out of range (0-31 on Wormhole, 0-63 on Blackhole)";
  if (numPages == 0)
    return emitError() << "circular buffer must hold at least one page";
  return success();
}
