//===- Passes.h - conversion passes -----------------------------*- C++ -*-===//
#ifndef TTDIALECT_CONVERSION_PASSES_H
#define TTDIALECT_CONVERSION_PASSES_H

#include "TTDialect/TL/IR/TLOps.h"
#include "TTDialect/TT/IR/TTOps.h"
#include "mlir/Dialect/EmitC/IR/EmitC.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::tt {
#define GEN_PASS_DECL
#include "TTDialect/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "TTDialect/Conversion/Passes.h.inc"
} // namespace mlir::tt

#endif // TTDIALECT_CONVERSION_PASSES_H
