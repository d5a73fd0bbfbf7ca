//===- ApplyTargetDefaults.cpp - WS1 target defaults ----------------------===//
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
    if (func.getOps<tl::KernelOp>().empty())
      return;
    MLIRContext *ctx = &getContext();
    // Options are validated even when the user's attributes make them moot,
    // so a typo never goes unnoticed.
    DeviceAttr deviceAttr = DeviceAttr::lookup(ctx, device);
    if (!deviceAttr) {
      func.emitError() << "unknown device '" << device
                       << "', expected wormhole_b0 or blackhole";
      return signalPassFailure();
    }
    std::optional<MathFidelity> fidelity = symbolizeMathFidelity(mathFidelity);
    if (!fidelity) {
      func.emitError() << "unknown math fidelity '" << mathFidelity
                       << "', expected lofi, hifi2, hifi3 or hifi4";
      return signalPassFailure();
    }
    if (schedulePolicy != "contiguous") {
      func.emitError() << "unknown schedule policy '" << schedulePolicy
                       << "', expected contiguous";
      return signalPassFailure();
    }
    if (scheduleOrder != "row_major" && scheduleOrder != "column_major") {
      func.emitError() << "unknown schedule order '" << scheduleOrder
                       << "', expected row_major or column_major";
      return signalPassFailure();
    }

    // The user's own attributes win over options and defaults.
    auto setDefault = [&](StringRef name, Attribute value) {
      if (!func->hasAttr(name))
        func->setAttr(name, value);
    };
    setDefault(TTDialect::kDeviceAttrName, deviceAttr);
    setDefault(TTDialect::kSchedulePolicyAttrName,
               StringAttr::get(ctx, schedulePolicy));
    setDefault(TTDialect::kScheduleOrderAttrName,
               StringAttr::get(ctx, scheduleOrder));
    setDefault(TTDialect::kLayoutAttrName,
               BufferLayoutAttr::get(ctx, BufferLayout::DramInterleaved));
    setDefault(TTDialect::kTileShapeAttrName,
               DenseI64ArrayAttr::get(ctx, {tl::kTileSize, tl::kTileSize}));
    setDefault(TTDialect::kMathFidelityAttrName,
               MathFidelityAttr::get(ctx, *fidelity));
    setDefault(TTDialect::kFp32DestAccAttrName, BoolAttr::get(ctx, fp32DestAcc));
    auto layout =
        func->getAttrOfType<BufferLayoutAttr>(TTDialect::kLayoutAttrName);
    if (layout && layout.getValue() != BufferLayout::DramInterleaved) {
      func.emitError() << "layout " << stringifyBufferLayout(layout.getValue())
                       << " is not supported yet; use dram_interleaved";
      return signalPassFailure();
    }
  }
};
} // namespace
