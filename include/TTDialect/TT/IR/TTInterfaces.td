//===- TTInterfaces.td - tt op interfaces ------------------*- tablegen -*-===//
#ifndef TTDIALECT_TT_IR_TTINTERFACES_TD
#define TTDIALECT_TT_IR_TTINTERFACES_TD

include "mlir/IR/OpBase.td"

def TT_KernelCallOpInterface : OpInterface<"KernelCallOpInterface"> {
  let description = [{
    An op that is one call of the Metalium kernel API: the emitted C++ is
    `callee<template_args>(operands...)`, the operands in order. The EmitC
    conversion lowers every such op with one pattern that asks the op for its
    callee, so a new kernel call is one op definition.
  }];
  let cppNamespace = "::mlir::tt";
  let methods = [
    StaticInterfaceMethod<"The kernel API function the op calls.",
                          "::llvm::StringRef", "getCallee">,
    StaticInterfaceMethod<"Its template arguments as C++ text (empty: none).",
                          "::llvm::StringRef", "getTemplateArgs", (ins), [{}],
                          [{ return {}; }]>,
    StaticInterfaceMethod<"The kernel API header that declares it (empty: one "
                          "of the headers every compute kernel includes).",
                          "::llvm::StringRef", "getHeader", (ins), [{}],
                          [{ return {}; }]>,
  ];
}

// An op that is the kernel API call `callee<templateArgs>(operands...)`.
class TT_KernelCall<string callee, string templateArgs = ""> {
  string kernelCallDecl = "static ::llvm::StringRef getCallee() { return \""
      # callee # "\"; }"
      # !if(!empty(templateArgs), "",
            " static ::llvm::StringRef getTemplateArgs() { return \""
            # templateArgs # "\"; }");
}

#endif // TTDIALECT_TT_IR_TTINTERFACES_TD
