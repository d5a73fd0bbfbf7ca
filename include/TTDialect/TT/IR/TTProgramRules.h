//===- TTProgramRules.h - whole-program rules of a tt.program ---*- C++ -*-===//
//
// The rules that need a tt.program and its kernels together, so no op
// verifier can check them. tt-verify checks them, and so does
// tt-translate --emit-metalium before it writes anything, through this one
// function: each rule lives here and nowhere else.
//
//===----------------------------------------------------------------------===//
#ifndef TTDIALECT_TT_IR_TTPROGRAMRULES_H
#define TTDIALECT_TT_IR_TTPROGRAMRULES_H

#include "TTDialect/TT/IR/TTOps.h"
#include "mlir/IR/BuiltinOps.h"

namespace mlir::tt {
/// Checks, with a located diagnostic for the first violation:
///  - the circular buffers of every core fit the device's L1;
///  - every CB a kernel uses is created on all of the kernel's cores, in the
///    kernel's data format, with at least the pages the kernel's type claims;
///  - every created CB has exactly one producer kernel (cb_reserve_back) and
///    one consumer kernel (cb_wait_front);
///  - in every block of a kernel, constant pushes equal reserves and pops
///    equal waits, so each loop iteration leaves every CB as it found it;
///  - each kernel's runtime arguments have one length on every core and
///    cover every index the kernel reads.
LogicalResult verifyProgramRules(ModuleOp module, ProgramOp program);
} // namespace mlir::tt

#endif // TTDIALECT_TT_IR_TTPROGRAMRULES_H
