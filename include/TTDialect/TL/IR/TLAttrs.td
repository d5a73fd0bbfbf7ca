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

#endif // TTDIALECT_TL_IR_TLATTRS_TD
