//===- LowerDataflow.cpp - tile reads and writes to NoC page transfers ----===//
#include "TTDialect/Transforms/LoopUtils.h"
#include "TTDialect/Transforms/Passes.h"

#include "llvm/Support/FormatVariadic.h"

namespace mlir::tt {
#define GEN_PASS_DEF_TTLOWERDATAFLOW
#include "TTDialect/Transforms/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

/// "a page" or "a 2x4 block", for comments.
static std::string blockWords(int64_t rows, int64_t cols) {
  if (rows * cols == 1)
    return "a page";
  return llvm::formatv("a {0}x{1} block", rows, cols).str();
}

/// The name the IR gives an accessor or CB, for comments.
static std::string nameOf(Value value) {
  std::optional<StringRef> name;
  if (auto acc = value.getDefiningOp<TensorAccessorOp>())
    name = acc.getName();
  else if (auto cb = value.getDefiningOp<GetCBOp>())
    name = cb.getName();
  if (name)
    return name->str();
  if (auto type = llvm::dyn_cast<CircularBufferType>(value.getType()))
    return "c_" + std::to_string(type.getIndex());
  return "DRAM";
}

/// The DRAM page of tile (row, col): row * tiles_per_row + col.
static Value pageOf(OpBuilder &b, Location loc, Value row, Value col,
                    Value perRow) {
  Value rowStart = arith::MulIOp::create(b, loc, row, perRow);
  return arith::AddIOp::create(b, loc, rowStart, col);
}

/// The L1 address of page `slot` of a CB window starting at `base`.
static Value slotAddress(OpBuilder &b, Location loc, Value base, Value slot,
                         uint64_t pageBytes) {
  Value offset =
      arith::MulIOp::create(b, loc, slot, i32Const(b, loc, pageBytes));
  return arith::AddIOp::create(b, loc, base, offset);
}

/// Adjacent tile reads share one barrier: reserve all, read all, wait once,
/// push all.
static void expandReads(func::FuncOp kernel) {
  // Reads separated only by index arithmetic form one group; the
  // arithmetic moves above the group so every address is ready first.
  SmallVector<SmallVector<ReadTilesOp>> groups;
  kernel.walk([&](ReadTilesOp op) {
    if (!groups.empty()) {
      ReadTilesOp last = groups.back().back();
      bool adjacent = last->getBlock() == op->getBlock();
      for (Operation *it = last->getNextNode(); adjacent && it != op;
           it = it->getNextNode())
        adjacent = isPure(it) && it->getNumRegions() == 0;
      if (adjacent) {
        groups.back().push_back(op);
        return;
      }
    }
    groups.push_back({op});
  });
  for (auto &group : groups) {
    for (ReadTilesOp op : ArrayRef(group).drop_front()) {
      SmallVector<Operation *> between;
      for (Operation *it = group.front()->getNextNode(); it != op;
           it = it->getNextNode())
        if (!llvm::isa<ReadTilesOp>(it))
          between.push_back(it);
      for (Operation *it : between)
        it->moveBefore(group.front());
    }
    OpBuilder b(group.front());
    Location loc = group.front().getLoc();
    for (ReadTilesOp op : group) {
      int64_t rows = op.getRows(), cols = op.getCols();
      auto reserve = CBReserveBackOp::create(b, loc, op.getCb(),
                                           i32Const(b, loc, rows * cols));
    setComment(reserve, llvm::formatv("Read {0} of {1} into {2}",
                                      blockWords(rows, cols),
                                      nameOf(op.getBuffer()),
                                      nameOf(op.getCb()))
                            .str());
      Value l1 = GetWritePtrOp::create(b, loc, b.getI32Type(), op.getCb());
      uint64_t pageBytes = op.getCb().getType().getTile().getSizeInBytes();
      Value accessor = op.getBuffer();
      // Row-major over the block: page slot i * cols + j.
      forRange(b, loc, rows, "tile_row", "Read the block's tiles row by row",
               [&](OpBuilder &b, Value i) {
        forRange(b, loc, cols, "tile_col", [&](OpBuilder &b, Value j) {
          Value row = arith::AddIOp::create(b, loc, op.getRow(), i);
          Value col = arith::AddIOp::create(b, loc, op.getCol(), j);
          Value page = pageOf(b, loc, row, col, op.getTilesPerRow());
          Value slot = arith::AddIOp::create(
              b, loc, arith::MulIOp::create(b, loc, i, i32Const(b, loc, cols)),
              j);
          NocAsyncReadPageOp::create(b, loc, page, accessor,
                                     slotAddress(b, loc, l1, slot, pageBytes));
        });
      });
    }
    auto barrier = NocAsyncReadBarrierOp::create(b, loc);
    setComment(barrier,
               "Wait for the reads to land, then hand the pages to compute");
    for (ReadTilesOp op : group)
      CBPushBackOp::create(b, loc, op.getCb(),
                           i32Const(b, loc, op.getRows() * op.getCols()));
    for (ReadTilesOp op : group)
      op.erase();
  }
}

/// Pages arrive subblock by subblock, row-major inside each subblock.
static void expandWrites(func::FuncOp kernel) {
  SmallVector<WriteTilesOp> writes;
  kernel.walk([&](WriteTilesOp op) { writes.push_back(op); });
  for (WriteTilesOp op : writes) {
    OpBuilder b(op);
    Location loc = op.getLoc();
    int64_t rows = op.getRows(), cols = op.getCols();
    int64_t h = op.getSubblockRows(), w = op.getSubblockCols();
    Value tiles = i32Const(b, loc, rows * cols);
    auto wait = CBWaitFrontOp::create(b, loc, op.getCb(), tiles);
    setComment(wait, llvm::formatv("Wait for {0} of {1} and write it to {2}",
                                   blockWords(rows, cols), nameOf(op.getCb()),
                                   nameOf(op.getBuffer()))
                         .str());
    Value l1 = GetReadPtrOp::create(b, loc, b.getI32Type(), op.getCb());
    uint64_t pageBytes = op.getCb().getType().getTile().getSizeInBytes();
    Value accessor = op.getBuffer();
    forRange(b, loc, rows / h, "subblock_row",
             "Write the block's tiles in the order compute packed them "
             "(subblock by subblock)",
             [&](OpBuilder &b, Value sbRow) {
      forRange(b, loc, cols / w, "subblock_col", [&](OpBuilder &b, Value sbCol) {
        forRange(b, loc, h, "tile_row", [&](OpBuilder &b, Value i) {
          forRange(b, loc, w, "tile_col", [&](OpBuilder &b, Value j) {
            auto mul = [&](Value v, int64_t c) -> Value {
              return arith::MulIOp::create(b, loc, v, i32Const(b, loc, c));
            };
            auto add = [&](Value x, Value y) -> Value {
              return arith::AddIOp::create(b, loc, x, y);
            };
            Value rowInBlock = add(mul(sbRow, h), i);
            setCppName(rowInBlock.getDefiningOp(), "row_in_block");
            Value row = add(op.getRow(), rowInBlock);
            Value col = add(op.getCol(), add(mul(sbCol, w), j));
            // With one subblock per row of the block, the slot is the
            // tile's row-major index in the block.
            Value slot;
            if (cols / w == 1) {
              slot = add(mul(rowInBlock, w), j);
            } else {
              Value subblock = add(mul(sbRow, cols / w), sbCol);
              slot = add(mul(add(mul(subblock, h), i), w), j);
            }
            NocAsyncWritePageOp::create(
                b, loc, pageOf(b, loc, row, col, op.getTilesPerRow()),
                accessor, slotAddress(b, loc, l1, slot, pageBytes));
          });
        });
      });
    });
    auto barrier = NocAsyncWriteBarrierOp::create(b, loc);
    setComment(barrier, rows * cols == 1
                            ? "Wait for the write to complete, then free the "
                              "page"
                            : "Wait for the writes to complete, then free the "
                              "pages");
    CBPopFrontOp::create(b, loc, op.getCb(), tiles);
    op.erase();
  }
}


namespace {
struct TTLowerDataflowPass
    : tt::impl::TTLowerDataflowBase<TTLowerDataflowPass> {
  void runOnOperation() override {
    func::FuncOp kernel = getOperation();
    // Page transfers address DRAM through a kernel's TensorAccessor; a tile
    // transfer on a memref has not been through tt-split-kernels.
    bool any = false;
    WalkResult unsplit = kernel.walk([&](Operation *op) {
      Value buffer;
      if (auto read = llvm::dyn_cast<ReadTilesOp>(op))
        buffer = read.getBuffer();
      else if (auto write = llvm::dyn_cast<WriteTilesOp>(op))
        buffer = write.getBuffer();
      if (!buffer)
        return WalkResult::advance();
      any = true;
      if (llvm::isa<TensorAccessorType>(buffer.getType()))
        return WalkResult::advance();
      op->emitError() << "'" << op->getName()
                      << "' still reads a memref: run tt-split-kernels before "
                         "tt-lower-dataflow, which expands transfers through "
                         "a kernel's TensorAccessor";
      return WalkResult::interrupt();
    });
    if (unsplit.wasInterrupted())
      return signalPassFailure();
    if (!any)
      return markAllAnalysesPreserved();
    expandReads(kernel);
    expandWrites(kernel);
    // Fold the expansions' constants into one set at the top.
    if (failed(simplifyLoops(kernel))) {
      kernel.emitError("could not simplify the kernel");
      return signalPassFailure();
    }
  }
};
} // namespace
