//===- TLDialect.cpp - tl dialect -----------------------------------------===//
#include "TTDialect/TL/IR/TLDialect.h"
#include "TTDialect/TL/IR/TLOps.h"

#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::tl;

#include "TTDialect/TL/IR/TLOpsDialect.cpp.inc"
#include "TTDialect/TL/IR/TLEnums.cpp.inc"
#define GET_ATTRDEF_CLASSES
#include "TTDialect/TL/IR/TLAttrs.cpp.inc"

void TLDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "TTDialect/TL/IR/TLOps.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "TTDialect/TL/IR/TLAttrs.cpp.inc"
      >();
}
