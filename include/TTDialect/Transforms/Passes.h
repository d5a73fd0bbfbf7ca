//===- Passes.h - tl -> tt lowering passes ----------------------*- C++ -*-===//
#ifndef TTDIALECT_TRANSFORMS_PASSES_H
#define TTDIALECT_TRANSFORMS_PASSES_H

#include "TTDialect/TL/IR/TLOps.h"
#include "TTDialect/Transforms/EnumOptionParser.h"
#include "TTDialect/TT/IR/TTOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::tt {
#define GEN_PASS_DECL
#include "TTDialect/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "TTDialect/Transforms/Passes.h.inc"

//===----------------------------------------------------------------------===//
// Helpers shared by the passes
//===----------------------------------------------------------------------===//

/// The target `func` is compiled for (its `tt.target`), or a located error
/// naming `pass`, which needs it.
FailureOr<TargetAttr> getTarget(func::FuncOp func, StringRef pass);
} // namespace mlir::tt

#endif // TTDIALECT_TRANSFORMS_PASSES_H
