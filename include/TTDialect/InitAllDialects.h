//===- InitAllDialects.h - dialects the tools load --------------*- C++ -*-===//
#ifndef TTDIALECT_INITALLDIALECTS_H
#define TTDIALECT_INITALLDIALECTS_H

#include "TTDialect/TL/IR/TLOps.h"
#include "TTDialect/TT/IR/TTOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/EmitC/IR/EmitC.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/DialectRegistry.h"

namespace mlir::tt {
/// The project's dialects plus the upstream ones its IR mixes in.
inline void registerAllDialects(DialectRegistry &registry) {
  registry.insert<tl::TLDialect, tt::TTDialect, arith::ArithDialect,
                  emitc::EmitCDialect, func::FuncDialect, linalg::LinalgDialect,
                  math::MathDialect, memref::MemRefDialect, scf::SCFDialect>();
}
} // namespace mlir::tt

#endif // TTDIALECT_INITALLDIALECTS_H
