//===- TLDialect.h - tl dialect ---------------------------------*- C++ -*-===//
#ifndef TTDIALECT_TL_IR_TLDIALECT_H
#define TTDIALECT_TL_IR_TLDIALECT_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Dialect.h"

#include "TTDialect/TL/IR/TLOpsDialect.h.inc"

#endif // TTDIALECT_TL_IR_TLDIALECT_H
