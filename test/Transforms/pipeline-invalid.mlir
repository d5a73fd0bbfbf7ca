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


// -----

// Operands the host program does not create are diagnosed, not a crash.
func.func @local_operand(%B: memref<64x64xbf16>, %C: memref<64x64xbf16>) {
  %A = memref.alloc() : memref<64x64xbf16>
  // expected-error @+1 {{the matmul's operand A must be an argument of @local_operand: the host program places only function arguments in DRAM}}
  tl.matmul %A, %B into %C : memref<64x64xbf16>, memref<64x64xbf16> into memref<64x64xbf16>
  return
}

// -----

// expected-note @+1 {{in this function}}
func.func @store_after(%A: memref<64x64xbf16>, %B: memref<64x64xbf16>, %C: memref<64x64xbf16>) {
  tl.matmul %A, %B into %C : memref<64x64xbf16>, memref<64x64xbf16> into memref<64x64xbf16>
  %c0 = arith.constant 0 : index
  %z = arith.constant 0.0 : bf16
  // expected-error @+1 {{'memref.store' uses buffer argument 2 of @store_after directly; on Tenstorrent only the matmul (tl.copy in the kernel form) moves data to or from DRAM}}
  memref.store %z, %C[%c0, %c0] : memref<64x64xbf16>
  return
}

// -----

// expected-note @+1 {{in this function}}
func.func @offset_argument(%A: memref<64x64xbf16>, %B: memref<64x64xbf16>, %C: memref<64x64xbf16>, %off: index) {
  %c32 = arith.constant 32 : index
  tl.kernel [2, 2] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %off, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 2 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%row, %kk] to %a : memref<64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %b : memref<64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    // expected-error @+1 {{this computes with argument 3 ('index') of @offset_argument, whose value the host program does not know; kernels take offsets and shapes as constants}}
    tl.copy %c to %C[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<64x64xbf16>
  }
  return
}
