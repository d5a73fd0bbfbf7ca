// RUN: tt-opt %s --tl-to-tt-pipeline="block-m=512 block-n=512 block-k=256" -verify-diagnostics

// Blocks too large for L1, and subblock choices that do not fit DST.
func.func @huge_blocks(%A: memref<1024x1024xbf16>, %B: memref<1024x1024xbf16>, %C: memref<1024x1024xbf16>) {
  // expected-error @+1 {{circular buffers need 2129920 bytes of L1 per core but wormhole_b0 has 1499136: cb_in0 (shared 512x256) 524288 bytes; cb_in1 (shared 256x512) 524288 bytes; cb_partials (fp32 partial sums) 1048576 bytes; cb_out (fragment 512x512) 32768 bytes;}}
  tl.matmul %A, %B into %C : memref<1024x1024xbf16>, memref<1024x1024xbf16> into memref<1024x1024xbf16>
  return
}
