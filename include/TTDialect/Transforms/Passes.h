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

/// The tt epilogue step (#tt.activation, #tt.scale) of a tl one: an epilogue
/// op (tl.activation, tl.scale) or a step attribute of tl.matmul's
/// `epilogue`; null for anything else. Activations map by name.
Attribute getEpilogueStep(Operation *op);
Attribute getEpilogueStep(Attribute tlStep);
} // namespace mlir::tt

#endif // TTDIALECT_TRANSFORMS_PASSES_H
