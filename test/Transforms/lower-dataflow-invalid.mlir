// RUN: tt-opt %s --split-input-file --verify-diagnostics --pass-pipeline='builtin.module(func.func(tt-lower-dataflow))'

// Before the split, tile transfers name the function's memref: there is no
// accessor to read pages through yet.
func.func @unsplit(%A: memref<64x64xbf16>) {
  %c0 = arith.constant 0 : i32
  %c2 = arith.constant 2 : i32
  %in0 = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
  // expected-error @+1 {{'tt.read_tiles' still reads a memref: run tt-split-kernels before tt-lower-dataflow}}
  tt.read_tiles %A[%c0, %c0] tiles_per_row %c2 block 1 x 1 -> %in0 : memref<64x64xbf16>, !tt.cb<0, 2 x !tt.tile<bf16>>
  return
}
