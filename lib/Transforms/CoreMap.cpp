//===- CoreMap.cpp - place the schedule on cores --------------------------===//
#include "TTDialect/Transforms/Passes.h"

namespace mlir::tt {
#define GEN_PASS_DEF_TTCOREMAP
#include "TTDialect/Transforms/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

namespace {
/// The first `count` cores of a grid in column-major order (y fastest), as
/// tt-metal's num_cores_to_corerangeset(..., row_wise = false) numbers them,
/// as disjoint rectangles: full columns, then a partial one.
SmallVector<CoreRangeAttr> columnMajorRanges(MLIRContext *ctx,
                                             DeviceAttr device,
                                             uint64_t count) {
  SmallVector<CoreRangeAttr> ranges;
  uint32_t rows = device.getGridY();
  uint64_t fullColumns = count / rows, rest = count % rows;
  if (fullColumns)
    ranges.push_back(
        CoreRangeAttr::get(ctx, 0, 0, fullColumns - 1, rows - 1));
  if (rest)
    ranges.push_back(CoreRangeAttr::get(ctx, fullColumns, 0, fullColumns,
                                        rest - 1));
  return ranges;
}

struct TTCoreMapPass : tt::impl::TTCoreMapBase<TTCoreMapPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    auto schedule =
        func->getAttrOfType<ScheduleAttr>(TTDialect::kScheduleAttrName);
    if (!schedule)
      return;
    DeviceAttr device = getPlannedDevice(func);
    uint64_t cores = schedule.getCores();
    func->setAttr(TTDialect::kCoresAttrName,
                  CoreRangeSetAttr::get(&getContext(),
                                        columnMajorRanges(&getContext(),
                                                          device, cores)));
    SmallVector<int64_t> work;
    uint64_t start = 0;
    for (uint64_t i = 0; i < cores; ++i) {
      uint64_t count = i < schedule.getGroup1Cores()
                           ? schedule.getGroup1Tiles()
                           : schedule.getGroup2Tiles();
      work.append({int64_t(i / device.getGridY()),
                   int64_t(i % device.getGridY()), int64_t(start),
                   int64_t(count)});
      start += count;
    }
    assert(start == schedule.getTiles() && "every tile has one owner");
    func->setAttr(TTDialect::kCoreWorkAttrName,
                  DenseI64ArrayAttr::get(&getContext(), work));
  }
};
} // namespace
