// RUN: tt-opt %s --split-input-file --verify-diagnostics --pass-pipeline='builtin.module(func.func(tt-split-mesh))'

func.func @kernel_form(%A: memref<64x64xbf16>, %B: memref<64x64xbf16>, %C: memref<64x64xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false, mesh = <1, 2>>} {
  // expected-error @below {{a 1x2 mesh needs a whole-buffer matmul (tl.matmul or linalg.matmul) to split; a tl.kernel's blocks are laid out for one device}}
  tl.kernel [2, 2] as (%bx, %by) {
  }
  return
}

// -----

func.func @batch(%A: memref<2x64x64xbf16>, %B: memref<2x64x64xbf16>, %C: memref<2x64x64xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false, mesh = <1, 2>>} {
  // expected-error @below {{a batch of products is not split over a mesh yet}}
  tl.matmul %A, %B into %C : memref<2x64x64xbf16>, memref<2x64x64xbf16> into memref<2x64x64xbf16>
  return
}

// -----

func.func @more_than_the_matmul(%A: memref<64x64xbf16>, %B: memref<64x64xbf16>, %C: memref<64x64xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false, mesh = <1, 2>>} {
  tl.matmul %A, %B into %C : memref<64x64xbf16>, memref<64x64xbf16> into memref<64x64xbf16>
  // expected-error @below {{a function split over a mesh holds only its tl.matmul}}
  %c0 = arith.constant 0 : index
  return
}

// -----

func.func @same_operand(%A: memref<64x64xbf16>, %C: memref<64x64xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false, mesh = <1, 2>>} {
  // expected-error @below {{a matmul split over a mesh takes distinct function arguments as its operands}}
  tl.matmul %A, %A into %C : memref<64x64xbf16>, memref<64x64xbf16> into memref<64x64xbf16>
  return
}

// -----

// expected-error @below {{a mesh is 1 to 32 devices (rows x columns), not 8x8}}
// expected-error @below {{failed to parse TT_TargetAttr parameter 'mesh'}}
func.func @too_large() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false, mesh = <8, 8>>} {
  return
}
