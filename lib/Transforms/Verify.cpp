//===- Verify.cpp - the whole-program rules as a pass ---------------------===//
#include "TTDialect/TT/IR/TTProgramRules.h"
#include "TTDialect/Transforms/Passes.h"

namespace mlir::tt {
#define GEN_PASS_DEF_TTVERIFY
#include "TTDialect/Transforms/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

namespace {
struct TTVerifyPass : tt::impl::TTVerifyBase<TTVerifyPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    bool ok = true;
    for (auto program : module.getOps<ProgramOp>())
      ok &= succeeded(verifyProgramRules(module, program));
    if (!ok)
      signalPassFailure();
  }
};
} // namespace
