//===- TTTypes.td - tt types -------------------------------*- tablegen -*-===//
#ifndef TTDIALECT_TT_IR_TTTYPES_TD
#define TTDIALECT_TT_IR_TTTYPES_TD

include "TTDialect/TT/IR/TTAttrs.td"
include "mlir/IR/AttrTypeBase.td"

class TT_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<TT_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def TT_TileType : TT_Type<"Tile", "tile"> {
  let summary = "a 32x32 tile stored as four 16x16 faces";
  let description = [{
    Example: `!tt.tile<bf16>` (2048 bytes), `!tt.tile<f32>` (4096 bytes),
    `!tt.tile<bfp8_b>` (1088 bytes).
  }];
  let parameters = (ins EnumParameter<TT_DataFormat>:$format);
  let assemblyFormat = "`<` $format `>`";
  let extraClassDeclaration = [{
    /// Bytes of one tile in this format.
    uint64_t getSizeInBytes() const;
  }];
}

def TT_CircularBufferType : TT_Type<"CircularBuffer", "cb"> {
  let summary = "a circular buffer in L1: index, capacity in pages, page type";
  let description = [{
    `!tt.cb<INDEX, PAGES x TILE>` names circular buffer `tt::CBIndex::c_INDEX`
    holding up to `PAGES` tiles. Wormhole provides indices 0-31, Blackhole
    0-63; outputs conventionally use 16.

    Example: `!tt.cb<0, 2 x !tt.tile<bf16>>`
  }];
  let parameters = (ins "uint32_t":$index, "uint32_t":$numPages,
                        "TileType":$tile);
  let assemblyFormat = "`<` $index `,` $numPages `x` qualified($tile) `>`";
  let genVerifyDecl = 1;
}

def TT_TensorAccessorType : TT_Type<"TensorAccessor", "accessor"> {
  let summary = "a TensorAccessor for page-addressed reads and writes of a DRAM buffer";
  let description = [{ Example: `!tt.accessor` }];
}

#endif // TTDIALECT_TT_IR_TTTYPES_TD
