//===- InferSchedule.cpp - WS2 schedule inference -------------------------===//
#include "TTDialect/Transforms/Passes.h"

namespace mlir::tt {
#define GEN_PASS_DEF_TTINFERSCHEDULE
#include "TTDialect/Transforms/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

namespace {
struct TTInferSchedulePass
    : tt::impl::TTInferScheduleBase<TTInferSchedulePass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    auto kernels = llvm::to_vector(func.getOps<tl::KernelOp>());
    if (kernels.empty())
      return;
    if (kernels.size() > 1) {
      kernels[1].emitOpError(
          "a function may hold one tl.kernel; split the others into their own "
          "functions");
      return signalPassFailure();
    }
    tl::KernelOp kernel = kernels.front();
    if (kernel.getGrid().size() != 2) {
      kernel.emitOpError() << "the Tenstorrent lowering expects a 2-D grid "
                              "(T.Kernel(grid_x, grid_y)), got "
                           << kernel.getGrid().size() << " dimensions";
      return signalPassFailure();
    }
    auto policy =
        func->getAttrOfType<StringAttr>(TTDialect::kSchedulePolicyAttrName);
    auto order =
        func->getAttrOfType<StringAttr>(TTDialect::kScheduleOrderAttrName);
    if (!policy || !order) {
      func.emitError("run tt-apply-target-defaults first: no schedule policy");
      return signalPassFailure();
    }
    if (order.getValue() != "row_major") {
      func.emitError() << "schedule order " << order
                       << " is not supported yet; use row_major";
      return signalPassFailure();
    }
    DeviceAttr device = getPlannedDevice(func);
    uint64_t gridX = kernel.getGrid()[0], gridY = kernel.getGrid()[1];
    uint64_t tiles = gridX * gridY;
    uint64_t cores = std::min<uint64_t>(tiles, device.getNumCores());
    // split_work_to_cores: everyone gets floor(tiles / cores); the remainder
    // goes one each to the first cores (group 1).
    uint64_t base = tiles / cores, extra = tiles % cores;
    uint64_t group1Cores = extra ? extra : cores;
    uint64_t group1Tiles = extra ? base + 1 : base;
    uint64_t group2Cores = extra ? cores - extra : 0;
    uint64_t group2Tiles = extra ? base : 0;
    func->setAttr(TTDialect::kScheduleAttrName,
                  ScheduleAttr::get(&getContext(), policy.getValue(),
                                    order.getValue(), gridX, gridY, tiles,
                                    cores, group1Cores, group1Tiles,
                                    group2Cores, group2Tiles));
  }
};
} // namespace
