//===- PassUtils.cpp - helpers shared by the passes -----------------------===//
#include "TTDialect/Transforms/Passes.h"

using namespace mlir;
using namespace mlir::tt;

Attribute mlir::tt::getEpilogueStep(Attribute tlStep) {
  if (auto activation = llvm::dyn_cast<tl::ActivationAttr>(tlStep))
    return ActivationAttr::get(
        tlStep.getContext(),
        *symbolizeActivation(tl::stringifyActivation(activation.getValue())));
  if (auto scale = llvm::dyn_cast<tl::ScaleAttr>(tlStep))
    return ScaleAttr::get(tlStep.getContext(), scale.getFactor());
  return {};
}

Attribute mlir::tt::getEpilogueStep(Operation *op) {
  if (auto activation = llvm::dyn_cast<tl::ActivationOp>(op))
    return getEpilogueStep(activation.getKindAttr());
  if (auto scale = llvm::dyn_cast<tl::ScaleOp>(op))
    return ScaleAttr::get(op->getContext(), scale.getFactorAttr());
  return {};
}

FailureOr<TargetAttr> mlir::tt::getTarget(func::FuncOp func, StringRef pass) {
  if (auto target = func->getAttrOfType<TargetAttr>(TTDialect::kTargetAttrName))
    return target;
  return func.emitError() << pass << " needs the function's target ("
                          << TTDialect::kTargetAttrName
                          << "): run tt-apply-target-defaults first";
}
