//===- InferSchedule.cpp - output blocks spread over cores ----------------===//
#include "TTDialect/Transforms/Passes.h"

#include "mlir/IR/Matchers.h"

namespace mlir::tt {
#define GEN_PASS_DEF_TTINFERSCHEDULE
#include "TTDialect/Transforms/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

namespace {
/// Whether `v` is `x * c` (either operand order) for a constant c == scale.
bool isScaled(Value v, Value x, int64_t scale) {
  auto mul = v.getDefiningOp<arith::MulIOp>();
  if (!mul)
    return false;
  for (auto [a, b] : {std::pair{mul.getLhs(), mul.getRhs()},
                      std::pair{mul.getRhs(), mul.getLhs()}}) {
    APInt c;
    if (a == x && matchPattern(b, m_ConstantInt(&c)) && c.getSExtValue() == scale)
      return true;
  }
  return false;
}

/// Whether `kernel` is the canonical GEMM over whole buffers:
///   C[by*bm, bx*bn] = sum_k A[by*bm, k*bk] * B[k*bk, bx*bn]
/// with the grid and the K loop covering M, N and K exactly.
bool computesWholeMatmul(tl::KernelOp kernel) {
  SmallVector<tl::GemmOp> gemms;
  kernel.walk([&](tl::GemmOp op) { gemms.push_back(op); });
  if (gemms.size() != 1 || kernel.getGrid().size() != 2)
    return false;
  tl::GemmOp gemm = gemms.front();
  auto loop = llvm::dyn_cast<tl::PipelinedOp>(gemm->getParentOp());
  if (!loop || gemm.getTransposeA() || gemm.getTransposeB())
    return false;
  Value bx = kernel.getBlockIndices()[0], by = kernel.getBlockIndices()[1];
  Value k = loop.getInductionVar();
  MemRefType aS = gemm.getA().getType(), bS = gemm.getB().getType();
  int64_t bm = aS.getDimSize(0), bk = aS.getDimSize(1), bn = bS.getDimSize(1);
  tl::CopyOp loadA, loadB, store;
  int copies = 0;
  kernel.walk([&](tl::CopyOp copy) {
    ++copies;
    if (copy.isLoad() && copy.getDest() == gemm.getA())
      loadA = copy;
    else if (copy.isLoad() && copy.getDest() == gemm.getB())
      loadB = copy;
    else if (!copy.isLoad() && copy.getSource() == gemm.getC())
      store = copy;
  });
  if (copies != 3 || !loadA || !loadB || !store)
    return false;
  auto idx = [](tl::CopyOp copy, unsigned i) {
    return copy.getGlobalIndices()[i];
  };
  if (!isScaled(idx(loadA, 0), by, bm) || !isScaled(idx(loadA, 1), k, bk) ||
      !isScaled(idx(loadB, 0), k, bk) || !isScaled(idx(loadB, 1), bx, bn) ||
      !isScaled(idx(store, 0), by, bm) || !isScaled(idx(store, 1), bx, bn))
    return false;
  auto a = llvm::cast<MemRefType>(loadA.getSource().getType());
  auto b = llvm::cast<MemRefType>(loadB.getSource().getType());
  auto c = llvm::cast<MemRefType>(store.getDest().getType());
  int64_t gx = kernel.getGrid()[0], gy = kernel.getGrid()[1];
  return a.getDimSize(0) == gy * bm && c.getDimSize(0) == gy * bm &&
         b.getDimSize(1) == gx * bn && c.getDimSize(1) == gx * bn &&
         a.getDimSize(1) == loop.getCount() * bk &&
         b.getDimSize(0) == loop.getCount() * bk;
}

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
    if (computesWholeMatmul(kernel))
      func->setAttr(TTDialect::kWholeMatmulAttrName,
                    UnitAttr::get(&getContext()));
    func->setAttr(TTDialect::kWorkSplitAttrName,
                  WorkSplitAttr::compute(&getContext(), blocks,
                                         device.getGridX(), device.getGridY(),
                                         /*rowWise=*/false));
  }
};
} // namespace
