// RUN: tt-opt %s --verify-diagnostics --pass-pipeline='builtin.module(func.func(tt-split-mesh{split=both}))'

// Rows over the mesh's rows and columns over its columns needs a 2D mesh.
func.func @n300(%A: memref<64x64xbf16>, %B: memref<64x64xbf16>, %C: memref<64x64xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false, mesh = <1, 2>>} {
  // expected-error @below {{a split of rows and columns needs a mesh of several rows and columns, not 1x2}}
  tl.matmul %A, %B into %C : memref<64x64xbf16>, memref<64x64xbf16> into memref<64x64xbf16>
  return
}
