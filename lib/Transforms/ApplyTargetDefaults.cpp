//===- ApplyTargetDefaults.cpp - the target a kernel is compiled for ------===//
#include "TTDialect/Transforms/Passes.h"

namespace mlir::tt {
#define GEN_PASS_DEF_TTAPPLYTARGETDEFAULTS
#include "TTDialect/Transforms/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

namespace {
struct TTApplyTargetDefaultsPass
    : tt::impl::TTApplyTargetDefaultsBase<TTApplyTargetDefaultsPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if ((func.getOps<tl::KernelOp>().empty() &&
         func.getOps<tl::MatmulOp>().empty()) ||
        func->hasAttr(TTDialect::kTargetAttrName))
      return;
    MLIRContext *ctx = &getContext();
    // The systems of several chips are Wormhole systems.
    if (system != System::Single && device != Arch::WormholeB0) {
      func.emitError() << "system '" << stringifySystem(system)
                       << "' is a mesh of Wormhole (wormhole_b0) devices, "
                          "not of "
                       << stringifyArch(device);
      return signalPassFailure();
    }
    func->setAttr(TTDialect::kTargetAttrName,
                  TargetAttr::get(ctx, DeviceAttr::getBuiltin(ctx, device),
                                  mathFidelity, fp32DestAcc,
                                  MeshAttr::forSystem(ctx, system)));
  }
};
} // namespace
