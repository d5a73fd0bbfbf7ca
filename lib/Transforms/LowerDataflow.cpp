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

namespace {
/// The runtime facts of the multicast group a kernel's core belongs to along
/// one direction, read once at the kernel's entry.
struct McastGroup {
  Value isSender, senderX, senderY, destStartX, destStartY, destEndX,
      destEndY, numDests;
  Value sends; // i1: this core is the sender
  Value ready; // L1 address: receivers count themselves ready on the sender
  Value valid; // L1 address: the sender marks the data valid on receivers
};

/// Extends a kernel's runtime-argument interface (tt.runtime_args) with the
/// multicast groups its reads use.
class McastGroups {
public:
  /// New argument reads go after the kernel's existing ones.
  explicit McastGroups(func::FuncOp kernel)
      : kernel(kernel), b(kernel.getContext()) {
    Block &entry = kernel.getBody().front();
    b.setInsertionPointToStart(&entry);
    for (Operation &op : entry)
      if (llvm::isa<GetArgValOp>(op))
        b.setInsertionPointAfter(&op);
  }

  const McastGroup &get(McastDirection direction) {
    auto it = groups.find(direction);
    if (it != groups.end())
      return it->second;
    Location loc = kernel.getLoc();
    StringRef prefix = getMcastGroupPrefix(direction);
    auto arg = [&](McastField field, StringRef what) -> Value {
      auto args = kernel->getAttrOfType<ArrayAttr>(
          TTDialect::kRuntimeArgsAttrName);
      SmallVector<Attribute> list;
      if (args)
        list.append(args.begin(), args.end());
      unsigned index = list.size();
      list.push_back(McastArgAttr::get(b.getContext(), direction, field));
      kernel->setAttr(TTDialect::kRuntimeArgsAttrName, b.getArrayAttr(list));
      return GetArgValOp::create(
          b, loc, b.getI32Type(), index,
          b.getStringAttr(llvm::formatv("{0}_{1}", prefix, what).str()));
    };
    McastGroup g;
    g.isSender = arg(McastField::IsSender, "is_sender");
    g.senderX = arg(McastField::SenderX, "sender_x");
    g.senderY = arg(McastField::SenderY, "sender_y");
    g.destStartX = arg(McastField::DestStartX, "dest_start_x");
    g.destStartY = arg(McastField::DestStartY, "dest_start_y");
    g.destEndX = arg(McastField::DestEndX, "dest_end_x");
    g.destEndY = arg(McastField::DestEndY, "dest_end_y");
    g.numDests = arg(McastField::NumDests, "num_dests");
    Value readyId = arg(McastField::ReadySemaphore, "ready_sem_id");
    Value validId = arg(McastField::ValidSemaphore, "valid_sem_id");
    g.ready = GetSemaphoreOp::create(
        b, loc, b.getI32Type(), readyId,
        b.getStringAttr(llvm::formatv("{0}_ready_sem", prefix).str()));
    g.valid = GetSemaphoreOp::create(
        b, loc, b.getI32Type(), validId,
        b.getStringAttr(llvm::formatv("{0}_valid_sem", prefix).str()));
    // The sender's own valid semaphore holds VALID: it is the value the
    // sender multicasts to mark its receivers' data valid.
    g.sends = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne,
                                    g.isSender, i32Const(b, loc, 0));
    setCppName(g.sends.getDefiningOp(),
               llvm::formatv("{0}_sends", prefix).str());
    auto init = scf::IfOp::create(b, loc, g.sends, /*withElseRegion=*/false);
    setComment(init,
               direction == McastDirection::Grid
                   ? std::string("Multicast to the whole grid of cores: its "
                                 "first core reads each block from DRAM and "
                                 "sends it to all the others")
                   : llvm::formatv("Multicast along the core's grid {0}: the "
                                   "{0}'s first core reads each block from "
                                   "DRAM and sends it to the others",
                                   stringifyMcastDirection(direction))
                         .str());
    OpBuilder then = init.getThenBodyBuilder();
    NocSemaphoreSetOp::create(then, loc, g.valid, i32Const(then, loc, kValid));
    b.setInsertionPointAfter(init);
    return groups.try_emplace(direction, g).first->second;
  }

  static constexpr int64_t kValid = 1, kInvalid = 0;

private:
  func::FuncOp kernel;
  OpBuilder b;
  llvm::SmallDenseMap<McastDirection, McastGroup> groups;
};
} // namespace

/// Builds the transfer of tile (row, col) with `transfer`, under a test that
/// the tile lies inside its buffer when the block is an edge block (a limit
/// is set): tiles past the edge are neither read nor written.
static void ifInside(OpBuilder &b, Location loc, StringRef buffer, Value row,
                     Value col, Value rowLimit, Value colLimit,
                     function_ref<void(OpBuilder &)> transfer) {
  Value inside;
  for (auto [index, limit] : {std::pair{row, rowLimit}, {col, colLimit}}) {
    if (!limit)
      continue;
    Value below = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult,
                                        index, limit);
    inside = inside ? arith::AndIOp::create(b, loc, inside, below).getResult()
                    : below;
  }
  if (!inside) {
    transfer(b);
    return;
  }
  setCppName(inside.getDefiningOp(), "inside");
  // The tile's coordinates are used twice (the test and the page): named.
  for (Value v : {row, col})
    if (Operation *def = v.getDefiningOp();
        def && llvm::isa<arith::AddIOp>(def) && !def->hasAttr(TTDialect::kNameAttrName))
      setCppName(def, (buffer + (v == row ? "_row" : "_col")).str());
  auto guard = scf::IfOp::create(b, loc, inside, /*withElseRegion=*/false);
  OpBuilder then = guard.getThenBodyBuilder();
  transfer(then);
}

/// Reads the tiles of `op`'s block from DRAM into its reserved CB pages.
static void readBlockFromDram(OpBuilder &b, Location loc, ReadTilesOp op,
                              Value l1) {
  int64_t cols = op.getCols();
  uint64_t pageBytes = op.getCb().getType().getTile().getSizeInBytes();
  // Row-major over the block: page slot i * cols + j.
  forRange(b, loc, op.getRows(), "tile_row", "Read the block's tiles row by row",
           [&](OpBuilder &b, Value i) {
    forRange(b, loc, cols, "tile_col", [&](OpBuilder &b, Value j) {
      Value row = arith::AddIOp::create(b, loc, op.getRow(), i);
      Value col = arith::AddIOp::create(b, loc, op.getCol(), j);
      Value page = pageOf(b, loc, row, col, op.getTilesPerRow());
      Value slot = arith::AddIOp::create(
          b, loc, arith::MulIOp::create(b, loc, i, i32Const(b, loc, cols)), j);
      ifInside(b, loc, nameOf(op.getBuffer()), row, col, op.getRowLimit(),
               op.getColLimit(), [&](OpBuilder &b) {
        NocAsyncReadPageOp::create(b, loc, page, op.getBuffer(),
                                   slotAddress(b, loc, l1, slot, pageBytes));
      });
    });
  });
}

static Value isNonZero(OpBuilder &b, Location loc, Value v) {
  return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, v,
                               i32Const(b, loc, 0));
}

/// Adjacent tile reads share one barrier: reserve all, read all, wait once,
/// push all. A multicast read is read from DRAM by its group's sender only;
/// receivers signal the sender they have reserved the pages, and after the
/// barrier the sender multicasts the block and then the valid flag (the NoC
/// delivers them in order), which the receivers wait for.
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
  McastGroups mcast(kernel);
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
    SmallVector<Value> l1s;
    for (ReadTilesOp op : group) {
      int64_t rows = op.getRows(), cols = op.getCols();
      auto reserve = CBReserveBackOp::create(b, loc, op.getCb(),
                                             i32Const(b, loc, rows * cols));
      std::string what =
          llvm::formatv("{0} of {1} into {2}", blockWords(rows, cols),
                        nameOf(op.getBuffer()), nameOf(op.getCb()))
              .str();
      setComment(reserve, op.getMulticast()
                              ? "Receive " + what + ", read by the first core "
                                    "of the " +
                                    stringifyMcastDirection(*op.getMulticast()).str()
                              : "Read " + what);
      Value l1 = GetWritePtrOp::create(b, loc, b.getI32Type(), op.getCb());
      l1s.push_back(l1);
      std::optional<McastDirection> along = op.getMulticast();
      if (!along) {
        readBlockFromDram(b, loc, op, l1);
        continue;
      }
      const McastGroup &g = mcast.get(*along);
      auto role = scf::IfOp::create(b, loc, g.sends, /*withElseRegion=*/true);
      OpBuilder then = role.getThenBodyBuilder();
      readBlockFromDram(then, loc, op, l1);
      // A receiver: invalidate its flag, then tell the sender its pages are
      // reserved.
      OpBuilder other = role.getElseBodyBuilder();
      NocSemaphoreSetOp::create(other, loc, g.valid,
                                i32Const(other, loc, McastGroups::kInvalid));
      Value ready = GetNocAddrOp::create(other, loc, other.getI64Type(),
                                         g.senderX, g.senderY, g.ready);
      NocSemaphoreIncOp::create(other, loc, ready, i32Const(other, loc, 1));
    }
    auto barrier = NocAsyncReadBarrierOp::create(b, loc);
    setComment(barrier,
               "Wait for the reads to land, then hand the pages to compute");
    for (auto [op, l1] : llvm::zip(group, l1s)) {
      std::optional<McastDirection> along = op.getMulticast();
      if (!along)
        continue;
      const McastGroup &g = mcast.get(*along);
      int64_t bytes = op.getRows() * op.getCols() *
                      op.getCb().getType().getTile().getSizeInBytes();
      auto role = scf::IfOp::create(b, loc, g.sends, /*withElseRegion=*/true);
      setComment(role, "The sender multicasts the block once every receiver "
                       "is ready; a receiver waits until it is valid");
      OpBuilder then = role.getThenBodyBuilder();
      auto send = scf::IfOp::create(then, loc,
                                    isNonZero(then, loc, g.numDests),
                                    /*withElseRegion=*/false);
      OpBuilder s = send.getThenBodyBuilder();
      NocSemaphoreWaitOp::create(s, loc, g.ready, g.numDests);
      NocSemaphoreSetOp::create(s, loc, g.ready,
                                i32Const(s, loc, McastGroups::kInvalid));
      // The grid's rectangle holds the sender: tt-metal multicasts into it
      // only with the loopback variants, which count the sender too (it
      // rewrites its own block and its own VALID flag unchanged).
      bool loopback = *along == McastDirection::Grid;
      Value count = g.numDests;
      if (loopback) {
        count = arith::AddIOp::create(s, loc, g.numDests, i32Const(s, loc, 1));
        setCppName(count.getDefiningOp(), "grid_cores");
      }
      Value dst = GetNocMulticastAddrOp::create(
          s, loc, s.getI64Type(), g.destStartX, g.destStartY, g.destEndX,
          g.destEndY, l1);
      Value size = i32Const(s, loc, bytes);
      if (loopback)
        NocAsyncWriteMulticastLoopbackOp::create(s, loc, l1, dst, size, count);
      else
        NocAsyncWriteMulticastOp::create(s, loc, l1, dst, size, count);
      Value flag = GetNocMulticastAddrOp::create(
          s, loc, s.getI64Type(), g.destStartX, g.destStartY, g.destEndX,
          g.destEndY, g.valid);
      if (loopback)
        NocSemaphoreSetMulticastLoopbackOp::create(s, loc, g.valid, flag, count);
      else
        NocSemaphoreSetMulticastOp::create(s, loc, g.valid, flag, count);
      // The pages go back to compute, which may free them for the next
      // read: the multicast must have left L1 first.
      NocAsyncWritesFlushedOp::create(s, loc);
      OpBuilder other = role.getElseBodyBuilder();
      NocSemaphoreWaitOp::create(other, loc, g.valid,
                                 i32Const(other, loc, McastGroups::kValid));
    }
    for (ReadTilesOp op : group)
      CBPushBackOp::create(b, loc, op.getCb(),
                           i32Const(b, loc, op.getRows() * op.getCols()));
    for (ReadTilesOp op : group)
      op.erase();
  }
}

/// Pages arrive subblock by subblock, row-major inside each subblock. A
/// block of one subblock is waited for, written and popped whole; a block of
/// several is written subblock by subblock as compute packs them, so the
/// writes overlap the packing of the rest.
static void expandWrites(func::FuncOp kernel) {
  SmallVector<WriteTilesOp> writes;
  kernel.walk([&](WriteTilesOp op) { writes.push_back(op); });
  for (WriteTilesOp op : writes) {
    OpBuilder b(op);
    Location loc = op.getLoc();
    int64_t rows = op.getRows(), cols = op.getCols();
    int64_t h = op.getSubblockRows(), w = op.getSubblockCols();
    bool whole = h == rows && w == cols;
    uint64_t pageBytes = op.getCb().getType().getTile().getSizeInBytes();
    Value accessor = op.getBuffer();
    auto mul = [&](OpBuilder &b, Value v, int64_t c) -> Value {
      return arith::MulIOp::create(b, loc, v, i32Const(b, loc, c));
    };
    auto add = [&](OpBuilder &b, Value x, Value y) -> Value {
      return arith::AddIOp::create(b, loc, x, y);
    };
    // Writes the subblock at (sbRow, sbCol) from the CB's front pages.
    auto writeSubblock = [&](OpBuilder &b, Value sbRow, Value sbCol) {
      Value tiles = i32Const(b, loc, h * w);
      auto wait = CBWaitFrontOp::create(b, loc, op.getCb(), tiles);
      std::string what = blockWords(h, w);
      if (!whole)
        what = llvm::formatv("a {0}x{1} subblock", h, w).str();
      setComment(wait, llvm::formatv("Wait for {0} of {1} and write it to {2}",
                                     what, nameOf(op.getCb()),
                                     nameOf(op.getBuffer()))
                           .str());
      Value l1 = GetReadPtrOp::create(b, loc, b.getI32Type(), op.getCb());
      forRange(b, loc, h, "tile_row", [&](OpBuilder &b, Value i) {
        forRange(b, loc, w, "tile_col", [&](OpBuilder &b, Value j) {
          Value rowInBlock = add(b, mul(b, sbRow, h), i);
          setCppName(rowInBlock.getDefiningOp(), "row_in_block");
          Value row = add(b, op.getRow(), rowInBlock);
          Value col = add(b, op.getCol(), add(b, mul(b, sbCol, w), j));
          Value slot = add(b, mul(b, i, w), j);
          ifInside(b, loc, nameOf(op.getBuffer()), row, col,
                   op.getRowLimit(), op.getColLimit(), [&](OpBuilder &b) {
            NocAsyncWritePageOp::create(
                b, loc, pageOf(b, loc, row, col, op.getTilesPerRow()), accessor,
                slotAddress(b, loc, l1, slot, pageBytes));
          });
        });
      });
      if (whole) {
        auto barrier = NocAsyncWriteBarrierOp::create(b, loc);
        setComment(barrier, rows * cols == 1
                                ? "Wait for the write to complete, then free "
                                  "the page"
                                : "Wait for the writes to complete, then free "
                                  "the pages");
      } else {
        auto flushed = NocAsyncWritesFlushedOp::create(b, loc);
        setComment(flushed, "Free the pages once the writes have left L1");
      }
      CBPopFrontOp::create(b, loc, op.getCb(), tiles);
    };
    if (whole) {
      Value zero = i32Const(b, loc, 0);
      writeSubblock(b, zero, zero);
    } else {
      forRange(b, loc, rows / h, "subblock_row",
               "Write the block subblock by subblock, as compute packs them",
               [&](OpBuilder &b, Value sbRow) {
        forRange(b, loc, cols / w, "subblock_col",
                 [&](OpBuilder &b, Value sbCol) { writeSubblock(b, sbRow, sbCol); });
      });
      auto barrier = NocAsyncWriteBarrierOp::create(b, loc);
      setComment(barrier, "Wait for the block's writes to complete");
    }
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
