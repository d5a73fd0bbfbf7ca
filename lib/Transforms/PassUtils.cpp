//===- PassUtils.cpp - helpers shared by the passes -----------------------===//
#include "TTDialect/Transforms/Passes.h"

using namespace mlir;
using namespace mlir::tt;

FailureOr<TargetAttr> mlir::tt::getTarget(func::FuncOp func, StringRef pass) {
  if (auto target = func->getAttrOfType<TargetAttr>(TTDialect::kTargetAttrName))
    return target;
  return func.emitError() << pass << " needs the function's target ("
                          << TTDialect::kTargetAttrName
                          << "): run tt-apply-target-defaults first";
}
