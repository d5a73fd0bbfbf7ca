//===- TLDialect.td - TileLang-shaped tile dialect ---------*- tablegen -*-===//
#ifndef TTDIALECT_TL_IR_TLDIALECT_TD
#define TTDIALECT_TL_IR_TLDIALECT_TD

include "mlir/IR/OpBase.td"

def TL_Dialect : Dialect {
  let name = "tl";
  let cppNamespace = "::mlir::tl";
  let summary = "Tile-level GEMM programs in the shape of TileLang";
  let description = [{
    The `tl` dialect holds matmul programs as a TileLang user writes them: a
    whole-buffer `tl.matmul`, or the kernel form with a block grid
    (`T.Kernel(gx, gy) as (bx, by)`), shared and fragment buffers, tile copies,
    `gemm` and a pipelined K loop. Global buffers are plain memrefs; shared and
    fragment buffers are memrefs in the `#tl.scope<shared>` and
    `#tl.scope<fragment>` memory spaces.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
  let useDefaultAttributePrinterParser = 1;
}

class TL_Op<string mnemonic, list<Trait> traits = []>
    : Op<TL_Dialect, mnemonic, traits>;

#endif // TTDIALECT_TL_IR_TLDIALECT_TD
