// RUN: tt-opt %s --tl-to-tt-pipeline --split-input-file -verify-diagnostics

func.func @unaligned(%A: memref<64x48xbf16>, %B: memref<48x64xbf16>, %C: memref<64x64xbf16>) {
  // expected-error @+1 {{dimension K = 48 is not a multiple of the 32-element tile; padding is not supported yet}}
  tl.matmul %A, %B into %C : memref<64x48xbf16>, memref<48x64xbf16> into memref<64x64xbf16>
  return
}

// -----

func.func @dynamic(%A: memref<?x64xbf16>, %B: memref<64x64xbf16>, %C: memref<?x64xbf16>) {
  // expected-error @+1 {{cannot be lowered to Tenstorrent: the Tenstorrent pipeline needs static shapes}}
  linalg.matmul ins(%A, %B : memref<?x64xbf16>, memref<64x64xbf16>) outs(%C : memref<?x64xbf16>)
  return
}

// -----

// The error points at the matmul the CBs come from.
func.func @tiny_l1(%A: memref<64x64xbf16>, %B: memref<64x64xbf16>, %C: memref<64x64xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0, l1 = 10000>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  // expected-error @+1 {{circular buffers need 12288 bytes of L1 per core but wormhole_b0 has 10000}}
  tl.matmul %A, %B into %C : memref<64x64xbf16>, memref<64x64xbf16> into memref<64x64xbf16>
  return
}

