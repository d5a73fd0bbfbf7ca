//===- InferSchedule.cpp - output blocks spread over cores ----------------===//
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
    FailureOr<TargetAttr> target = getTarget(func, "tt-infer-schedule");
    if (failed(target))
      return signalPassFailure();
    DeviceAttr device = target->getDevice();
    uint64_t gridX = kernel.getGrid()[0], gridY = kernel.getGrid()[1];
    // Each output block is one unit of work; a 32-bit kernel counts them.
    uint64_t blocks = gridX * gridY;
    if ((gridY != 0 && blocks / gridY != gridX) || blocks > UINT32_MAX) {
      kernel.emitError() << "the kernel's grid has " << gridX << " x " << gridY
                         << " output blocks, more than the 2^32 a kernel can "
                            "count";
      return signalPassFailure();
    }
    // What the kernel computes was stated when it was built.
    if (kernel.getWholeMatmul())
      func->setAttr(TTDialect::kWholeMatmulAttrName,
                    UnitAttr::get(&getContext()));
    func->setAttr(TTDialect::kWorkSplitAttrName,
                  WorkSplitAttr::compute(&getContext(), blocks,
                                         device.getGridX(), device.getGridY(),
                                         /*rowWise=*/false));
  }
};
} // namespace
