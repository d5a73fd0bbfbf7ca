//===- TLOps.cpp - tl operations ------------------------------------------===//
#include "TTDialect/TL/IR/TLOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/OpImplementation.h"

#include <cmath>

using namespace mlir;
using namespace mlir::tl;

std::optional<MemoryScope> mlir::tl::getMemoryScope(MemRefType type) {
  if (auto scope = llvm::dyn_cast_or_null<MemoryScopeAttr>(type.getMemorySpace()))
    return scope.getValue();
  return std::nullopt;
}

static bool isGlobal(MemRefType type) { return !type.getMemorySpace(); }

static StringRef describe(MemRefType type) {
  if (isGlobal(type))
    return "a global buffer";
  std::optional<MemoryScope> scope = getMemoryScope(type);
  if (!scope)
    return "a buffer in an unknown memory space";
  return *scope == MemoryScope::Shared ? "a shared buffer" : "a fragment";
}

std::optional<int64_t> mlir::tl::getStaticUpperBound(Value v) {
  APInt constant;
  if (matchPattern(v, m_ConstantInt(&constant)))
    return constant.getSExtValue();
  if (auto arg = llvm::dyn_cast<BlockArgument>(v)) {
    Operation *owner = arg.getOwner()->getParentOp();
    if (auto kernel = llvm::dyn_cast_or_null<KernelOp>(owner))
      return kernel.getGrid()[arg.getArgNumber()] - 1;
    if (auto loop = llvm::dyn_cast_or_null<PipelinedOp>(owner))
      return loop.getCount() - 1;
    return std::nullopt;
  }
  Operation *def = v.getDefiningOp();
  if (!def || def->getNumOperands() != 2)
    return std::nullopt;
  // Only non-negative terms are handled, so the bound of a sum or product is
  // the sum or product of the bounds.
  std::optional<int64_t> lhs = getStaticUpperBound(def->getOperand(0));
  std::optional<int64_t> rhs = getStaticUpperBound(def->getOperand(1));
  if (!lhs || !rhs || *lhs < 0 || *rhs < 0)
    return std::nullopt;
  if (llvm::isa<arith::AddIOp>(def))
    return *lhs + *rhs;
  if (llvm::isa<arith::MulIOp>(def))
    return *lhs * *rhs;
  return std::nullopt;
}

/// Shapes and element types every local tile buffer must have.
static LogicalResult verifyTileBuffer(Operation *op, MemRefType type,
                                      StringRef what) {
  if (!type.hasStaticShape())
    return op->emitOpError() << what << " must have a static shape, got "
                             << type;
  for (auto [dim, size] : llvm::enumerate(type.getShape()))
    if (size <= 0 || size % kTileSize != 0)
      return op->emitOpError()
             << what << " dimension " << dim << " is " << size
             << ", which is not a positive multiple of the " << kTileSize << "x"
             << kTileSize << " tile";
  return success();
}

static LogicalResult verifyInsideKernel(Operation *op) {
  if (op->getParentOfType<KernelOp>())
    return success();
  return op->emitOpError("must be nested in a 'tl.kernel'");
}

//===----------------------------------------------------------------------===//
// MatmulOp
//===----------------------------------------------------------------------===//

LogicalResult MatmulOp::verify() {
  auto a = getA().getType(), b = getB().getType(), c = getC().getType();
  for (auto [name, type] : {std::pair<StringRef, MemRefType>{"A", a},
                            {"B", b},
                            {"C", c}}) {
    if (!isGlobal(type))
      return emitOpError() << "operand " << name
                           << " must be a global buffer, got " << describe(type);
    if (!type.hasStaticShape())
      return emitOpError() << "operand " << name
                           << " must have a static shape, got " << type;
  }
  if (a.getElementType() != b.getElementType())
    return emitOpError() << "A and B must have one element type, got "
                         << a.getElementType() << " and " << b.getElementType();
  // A batch: C holds one product per matrix of A or B; an operand without a
  // batch is shared by all of them.
  bool batched = a.getRank() == 3 || b.getRank() == 3;
  if (batched != (c.getRank() == 3))
    return emitOpError() << (batched ? "C must be batched (rank 3) like its "
                                       "batched operands, got "
                                     : "C is batched but neither A nor B is; "
                                       "got ")
                         << c;
  int64_t batch = batchOf(c);
  for (auto [name, type] :
       {std::pair<StringRef, MemRefType>{"A", a}, {"B", b}})
    if (type.getRank() == 3 && type.getDimSize(0) != batch)
      return emitOpError() << name << " holds a batch of "
                           << type.getDimSize(0) << " matrices but C holds "
                           << batch;
  auto [m, k, n, kOfB] = getShape();
  if (kOfB != k)
    return emitOpError() << (getTransposeA() ? "A^T is " : "A is ") << m
                         << "x" << k << " but "
                         << (getTransposeB() ? "B^T has " : "B has ") << kOfB
                         << " rows; they must agree on K";
  int64_t cRows = c.getDimSize(c.getRank() - 2),
          cCols = c.getDimSize(c.getRank() - 1);
  if (cRows != m || cCols != n)
    return emitOpError() << "C must be " << m << "x" << n
                         << (batched ? " per matrix" : "") << ", got " << cRows
                         << "x" << cCols;
  if (Value bias = getBias()) {
    auto type = llvm::cast<MemRefType>(bias.getType());
    if (!isGlobal(type) || !type.hasStaticShape() || type.getDimSize(0) != n)
      return emitOpError() << "the bias must be a global vector of N = " << n
                           << " elements, got " << type;
  }
  if (ArrayAttr steps = getEpilogueAttr())
    for (Attribute step : steps)
      if (!llvm::isa<ActivationAttr, ScaleAttr>(step))
        return emitOpError() << "epilogue steps are #tl.activation or "
                                "#tl.scale attributes, got "
                             << step;
  return success();
}

//===----------------------------------------------------------------------===//
// KernelOp
//===----------------------------------------------------------------------===//

void KernelOp::build(OpBuilder &builder, OperationState &state,
                     ArrayRef<int64_t> grid, bool wholeMatmul) {
  state.getOrAddProperties<Properties>().grid = builder.getDenseI64ArrayAttr(grid);
  if (wholeMatmul)
    state.getOrAddProperties<Properties>().whole_matmul = builder.getUnitAttr();
  Region *body = state.addRegion();
  Block *block = new Block();
  for (size_t i = 0; i < grid.size(); ++i)
    block->addArgument(builder.getIndexType(), state.location);
  body->push_back(block);
}

ParseResult KernelOp::parse(OpAsmParser &parser, OperationState &result) {
  // tl.kernel [8, 4] as (%bx, %by) whole_matmul? { ... }
  SmallVector<int64_t> grid;
  if (parser.parseCommaSeparatedList(OpAsmParser::Delimiter::Square, [&] {
        int64_t extent;
        if (parser.parseInteger(extent))
          return failure();
        grid.push_back(extent);
        return success();
      }))
    return failure();
  SmallVector<OpAsmParser::Argument> indices;
  if (parser.parseKeyword("as") ||
      parser.parseArgumentList(indices, OpAsmParser::Delimiter::Paren))
    return failure();
  for (OpAsmParser::Argument &arg : indices)
    arg.type = parser.getBuilder().getIndexType();
  result.getOrAddProperties<Properties>().grid =
      parser.getBuilder().getDenseI64ArrayAttr(grid);
  if (succeeded(parser.parseOptionalKeyword("whole_matmul")))
    result.getOrAddProperties<Properties>().whole_matmul =
        parser.getBuilder().getUnitAttr();
  Region *body = result.addRegion();
  if (parser.parseRegion(*body, indices) ||
      parser.parseOptionalAttrDict(result.attributes))
    return failure();
  if (body->empty())
    body->push_back(new Block());
  return success();
}

void KernelOp::print(OpAsmPrinter &p) {
  p << " [";
  llvm::interleaveComma(getGrid(), p);
  p << "] as (";
  llvm::interleaveComma(getBlockIndices(), p,
                        [&](BlockArgument arg) { p.printOperand(arg); });
  p << ") ";
  if (getWholeMatmul())
    p << "whole_matmul ";
  p.printRegion(getBody(), /*printEntryBlockArgs=*/false);
  p.printOptionalAttrDict((*this)->getAttrs(),
                          {getGridAttrName(), getWholeMatmulAttrName()});
}

void KernelOp::getAsmBlockArgumentNames(Region &region,
                                        OpAsmSetValueNameFn setNameFn) {
  static const char *names[] = {"bx", "by", "bz"};
  for (auto [i, arg] : llvm::enumerate(region.getArguments()))
    if (i < 3)
      setNameFn(arg, names[i]);
}

LogicalResult KernelOp::verify() {
  ArrayRef<int64_t> grid = getGrid();
  if (grid.empty() || grid.size() > 3)
    return emitOpError() << "grid must have 1 to 3 dimensions, got "
                         << grid.size();
  for (auto [dim, extent] : llvm::enumerate(grid))
    if (extent <= 0)
      return emitOpError() << "grid extent " << dim << " must be positive, got "
                           << extent;
  Block &body = getBodyBlock();
  if (body.getNumArguments() != grid.size())
    return emitOpError() << "expects one block index per grid dimension ("
                         << grid.size() << "), got " << body.getNumArguments();
  for (BlockArgument arg : body.getArguments())
    if (!arg.getType().isIndex())
      return emitOpError("block indices must be of index type");
  return success();
}

//===----------------------------------------------------------------------===//
// PipelinedOp
//===----------------------------------------------------------------------===//

void PipelinedOp::build(OpBuilder &builder, OperationState &state,
                        int64_t count, int64_t stages) {
  Properties &props = state.getOrAddProperties<Properties>();
  props.count = builder.getI64IntegerAttr(count);
  props.stages = builder.getI64IntegerAttr(stages);
  Region *body = state.addRegion();
  Block *block = new Block();
  block->addArgument(builder.getIndexType(), state.location);
  body->push_back(block);
}

ParseResult PipelinedOp::parse(OpAsmParser &parser, OperationState &result) {
  // tl.pipelined %k in 8 stages 2 { ... }
  OpAsmParser::Argument iv;
  int64_t count, stages;
  if (parser.parseArgument(iv) || parser.parseKeyword("in") ||
      parser.parseInteger(count) || parser.parseKeyword("stages") ||
      parser.parseInteger(stages))
    return failure();
  iv.type = parser.getBuilder().getIndexType();
  Properties &props = result.getOrAddProperties<Properties>();
  props.count = parser.getBuilder().getI64IntegerAttr(count);
  props.stages = parser.getBuilder().getI64IntegerAttr(stages);
  Region *body = result.addRegion();
  if (parser.parseRegion(*body, {iv}) ||
      parser.parseOptionalAttrDict(result.attributes))
    return failure();
  if (body->empty())
    body->push_back(new Block());
  return success();
}

void PipelinedOp::print(OpAsmPrinter &p) {
  p << " ";
  p.printOperand(getInductionVar());
  p << " in " << getCount() << " stages " << getStages() << " ";
  p.printRegion(getBody(), /*printEntryBlockArgs=*/false);
  p.printOptionalAttrDict((*this)->getAttrs(),
                          {getCountAttrName(), getStagesAttrName()});
}

void PipelinedOp::getAsmBlockArgumentNames(Region &region,
                                           OpAsmSetValueNameFn setNameFn) {
  if (region.getNumArguments() == 1)
    setNameFn(region.getArgument(0), "k");
}

LogicalResult PipelinedOp::verify() {
  if (getCount() <= 0)
    return emitOpError() << "trip count must be positive, got " << getCount();
  if (getStages() < 1)
    return emitOpError() << "stages must be at least 1, got " << getStages();
  Block &body = getBodyBlock();
  if (body.getNumArguments() != 1 || !body.getArgument(0).getType().isIndex())
    return emitOpError("expects a single index induction variable");
  return success();
}

//===----------------------------------------------------------------------===//
// Local buffers
//===----------------------------------------------------------------------===//

static LogicalResult verifyAlloc(Operation *op, MemRefType type,
                                 MemoryScope expected) {
  if (failed(verifyInsideKernel(op)))
    return failure();
  if (getMemoryScope(type) != expected)
    return op->emitOpError() << "result must be in memory space "
                             << MemoryScopeAttr::get(op->getContext(), expected)
                             << ", got " << type;
  return verifyTileBuffer(op, type, "buffer");
}

LogicalResult AllocSharedOp::verify() {
  return verifyAlloc(*this, getType(), MemoryScope::Shared);
}

LogicalResult AllocFragmentOp::verify() {
  return verifyAlloc(*this, getType(), MemoryScope::Fragment);
}

LogicalResult ClearOp::verify() {
  if (getMemoryScope(getBuffer().getType()) != MemoryScope::Fragment)
    return emitOpError() << "operand must be a fragment, got "
                         << describe(getBuffer().getType());
  return verifyInsideKernel(*this);
}

//===----------------------------------------------------------------------===//
// CopyOp
//===----------------------------------------------------------------------===//

void CopyOp::build(OpBuilder &builder, OperationState &state, Value source,
                   ValueRange sourceIndices, Value dest, ValueRange destIndices) {
  build(builder, state, TypeRange(), source, sourceIndices, dest, destIndices);
}

LogicalResult CopyOp::verify() {
  if (failed(verifyInsideKernel(*this)))
    return failure();
  MemRefType src = getSource().getType(), dst = getDest().getType();
  bool srcGlobal = isGlobal(src), dstGlobal = isGlobal(dst);
  if (srcGlobal == dstGlobal)
    return emitOpError() << "copies between a global buffer and a local one; "
                         << "got " << describe(src) << " and " << describe(dst);
  if (!getSourceIndices().empty() && !getDestIndices().empty())
    return emitOpError("only the global side takes region indices");
  MemRefType global = srcGlobal ? src : dst, local = srcGlobal ? dst : src;
  OperandRange indices = srcGlobal ? getSourceIndices() : getDestIndices();
  if (indices.size() != static_cast<size_t>(global.getRank()))
    return emitOpError() << "the global buffer has rank " << global.getRank()
                         << " but the region has " << indices.size()
                         << " start indices";
  // A batched global buffer is indexed by a matrix first; the region is the
  // local buffer's shape inside that matrix.
  if (local.getRank() != 2)
    return emitOpError() << "the local buffer must be a matrix (rank 2), got "
                         << local;
  if (global.getRank() != 2 && global.getRank() != 3)
    return emitOpError() << "the global buffer must be a matrix or a batch of "
                            "matrices (rank 2 or 3), got "
                         << global;
  if (failed(verifyTileBuffer(*this, local, "local buffer")))
    return failure();
  if (srcGlobal && src.getElementType() != dst.getElementType() &&
      getMemoryScope(dst) == MemoryScope::Shared)
    return emitOpError() << "a load into a shared buffer keeps the element type; "
                         << "got " << src.getElementType() << " to "
                         << dst.getElementType();
  for (auto [dim, index] : llvm::enumerate(indices)) {
    APInt start;
    if (matchPattern(index, m_ConstantInt(&start)) && start.isNegative())
      return emitOpError() << "region starts at element " << start.getSExtValue()
                           << " in dimension " << dim
                           << ": indices must not be negative";
    if (global.isDynamicDim(dim))
      continue;
    std::optional<int64_t> bound = getStaticUpperBound(index);
    if (!bound)
      continue;
    // A region may reach past the buffer's end (an edge block: reads see 0
    // there, writes are dropped), but it must start inside the buffer's
    // tiles: a region wholly outside is a grid or loop larger than the data.
    int64_t size = global.getDimSize(dim);
    // The batch index selects one matrix: it has no padding.
    bool batchIndex = global.getRank() == 3 && dim == 0;
    if (batchIndex && *bound >= size)
      return emitOpError() << "matrix index is out of bounds: it can be "
                           << *bound << " but the buffer holds a batch of "
                           << size << " matrices";
    if (!batchIndex && *bound >= paddedToTiles(size))
      return emitOpError() << "region is out of bounds in dimension " << dim
                           << ": it can start at element " << *bound
                           << " but the buffer has " << size
                           << (size % kTileSize
                                   ? " (" + std::to_string(paddedToTiles(size)) +
                                         " with its last tile's padding)"
                                   : std::string());
  }
  return success();
}

//===----------------------------------------------------------------------===//
// GemmOp
//===----------------------------------------------------------------------===//

LogicalResult GemmOp::verify() {
  if (failed(verifyInsideKernel(*this)))
    return failure();
  MemRefType a = getA().getType(), b = getB().getType(), c = getC().getType();
  if (getMemoryScope(a) != MemoryScope::Shared)
    return emitOpError() << "A must be a shared buffer, got " << describe(a);
  if (getMemoryScope(b) != MemoryScope::Shared)
    return emitOpError() << "B must be a shared buffer, got " << describe(b);
  if (getMemoryScope(c) != MemoryScope::Fragment)
    return emitOpError() << "C must be a fragment, got " << describe(c);
  if (a.getElementType() != b.getElementType())
    return emitOpError() << "A and B must have one element type, got "
                         << a.getElementType() << " and " << b.getElementType();
  if (!c.getElementType().isF32())
    return emitOpError() << "the accumulator C must be f32, got "
                         << c.getElementType();
  auto [m, k, n, kb] = getShape();
  if (k != kb)
    return emitOpError() << "A provides K = " << k << " but B provides K = "
                         << kb;
  if (c.getDimSize(0) != m || c.getDimSize(1) != n)
    return emitOpError() << "C must be " << m << "x" << n << ", got "
                         << c.getDimSize(0) << "x" << c.getDimSize(1);
  return success();
}

#define GET_OP_CLASSES
#include "TTDialect/TL/IR/TLOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Epilogue ops
//===----------------------------------------------------------------------===//

LogicalResult ScaleAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                FloatAttr factor) {
  if (!factor || !factor.getType().isF32())
    return emitError() << "scale factor must be an f32 constant";
  if (!std::isfinite(factor.getValueAsDouble()))
    return emitError() << "scale factor must be finite, got "
                       << factor.getValueAsDouble();
  return success();
}

/// An epilogue op works on a fragment inside a kernel.
static LogicalResult verifyEpilogueFragment(Operation *op, MemRefType type) {
  if (failed(verifyInsideKernel(op)))
    return failure();
  if (getMemoryScope(type) != MemoryScope::Fragment)
    return op->emitOpError() << "applies to a fragment (the accumulator), got "
                             << describe(type);
  return verifyTileBuffer(op, type, "fragment");
}

LogicalResult AddBiasOp::verify() {
  MemRefType fragment = getFragment().getType();
  if (failed(verifyEpilogueFragment(*this, fragment)))
    return failure();
  MemRefType bias = getBias().getType();
  if (!isGlobal(bias))
    return emitOpError() << "the bias must be a global buffer, got "
                         << describe(bias);
  if (!bias.hasStaticShape())
    return emitOpError() << "the bias must have a static shape, got " << bias;
  APInt start;
  if (matchPattern(getCol(), m_ConstantInt(&start)) && start.isNegative())
    return emitOpError() << "bias region starts at element "
                         << start.getSExtValue()
                         << ": indices must not be negative";
  // As tl.copy: the region may reach into the last tile's padding, and must
  // start inside the vector's tiles.
  if (std::optional<int64_t> bound = getStaticUpperBound(getCol());
      bound && *bound >= paddedToTiles(bias.getDimSize(0)))
    return emitOpError() << "bias region is out of bounds: it can start at "
                            "element "
                         << *bound << " but the bias has "
                         << bias.getDimSize(0) << " elements";
  return success();
}

LogicalResult ActivationOp::verify() {
  return verifyEpilogueFragment(*this, getFragment().getType());
}

LogicalResult ScaleOp::verify() {
  if (failed(verifyEpilogueFragment(*this, getFragment().getType())))
    return failure();
  if (!std::isfinite(getFactor().convertToDouble()))
    return emitOpError() << "scale factor must be finite";
  return success();
}
