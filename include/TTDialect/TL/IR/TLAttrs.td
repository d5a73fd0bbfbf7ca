//===- TLAttrs.td - tl attributes --------------------------*- tablegen -*-===//
#ifndef TTDIALECT_TL_IR_TLATTRS_TD
#define TTDIALECT_TL_IR_TLATTRS_TD

include "TTDialect/TL/IR/TLDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def TL_MemoryScope : I32EnumAttr<"MemoryScope", "where a local tile buffer lives", [
  I32EnumAttrCase<"Shared", 0, "shared">,
  I32EnumAttrCase<"Fragment", 1, "fragment">
]> {
  let cppNamespace = "::mlir::tl";
  let genSpecializedAttr = 0;
}

def TL_MemoryScopeAttr : EnumAttr<TL_Dialect, TL_MemoryScope, "scope"> {
  let summary = "memory space of a TileLang local buffer";
  let description = [{
    Used as the memory space of a memref: `memref<32x32xbf16, #tl.scope<shared>>`
    is a `T.alloc_shared` buffer (an L1 circular buffer after lowering) and
    `memref<32x32xf32, #tl.scope<fragment>>` is a `T.alloc_fragment`
    accumulator (the DST register after lowering).
  }];
  let assemblyFormat = "`<` $value `>`";
}

def TL_Activation : I32EnumAttr<"Activation", "an element-wise activation function", [
  I32EnumAttrCase<"Relu", 0, "relu">,
  I32EnumAttrCase<"Gelu", 1, "gelu">,
  I32EnumAttrCase<"GeluTanh", 2, "gelu_tanh">,
  I32EnumAttrCase<"Silu", 3, "silu">,
  I32EnumAttrCase<"Sigmoid", 4, "sigmoid">,
  I32EnumAttrCase<"Tanh", 5, "tanh">,
  I32EnumAttrCase<"Exp", 6, "exp">,
  I32EnumAttrCase<"GeluFast", 7, "gelu_fast">
]> {
  let cppNamespace = "::mlir::tl";
  let genSpecializedAttr = 0;
}

def TL_ActivationAttr : EnumAttr<TL_Dialect, TL_Activation, "activation"> {
  let summary = "an activation of a matmul epilogue";
  let description = [{
    `relu` max(x, 0); `gelu` x * Phi(x) (the erf form); `gelu_tanh` its tanh
    approximation 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))); `silu`
    x * sigmoid(x); `sigmoid` 1 / (1 + e^-x); `tanh`; `exp` e^x;
    `gelu_fast` the vector engine's fast GELU (tt-metal's
    `gelu_tile<true>`: a six-segment piecewise-linear table, off the
    exact GELU by up to 0.015 and cheaper), for a user who trades accuracy
    for time.

    Example: `#tl.activation<gelu>`
  }];
  let assemblyFormat = "`<` $value `>`";
}

def TL_ScaleAttr : AttrDef<TL_Dialect, "Scale"> {
  let mnemonic = "scale";
  let summary = "a multiplication by a constant in a matmul epilogue";
  let description = [{
    Example: `#tl.scale<1.250000e-01 : f32>` multiplies by 0.125.
  }];
  let parameters = (ins "::mlir::FloatAttr":$factor);
  let assemblyFormat = "`<` $factor `>`";
  let genVerifyDecl = 1;
}

#endif // TTDIALECT_TL_IR_TLATTRS_TD
