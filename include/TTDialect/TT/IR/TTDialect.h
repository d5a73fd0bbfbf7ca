//===- TTDialect.h - tt dialect ---------------------------------*- C++ -*-===//
#ifndef TTDIALECT_TT_IR_TTDIALECT_H
#define TTDIALECT_TT_IR_TTDIALECT_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Dialect.h"

#include "TTDialect/TT/IR/TTOpsDialect.h.inc"

#endif // TTDIALECT_TT_IR_TTDIALECT_H
