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
    func->setAttr(TTDialect::kTargetAttrName,
                  TargetAttr::get(ctx, DeviceAttr::getBuiltin(ctx, device),
                                  mathFidelity, fp32DestAcc));
  }
};
} // namespace
