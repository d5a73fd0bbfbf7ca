// RUN: tt-opt %s --split-input-file --tt-lower-memory-space -verify-diagnostics

// A device with a tiny L1: the three CBs (2 x 2048 bytes each) do not fit.
func.func @l1_overflow(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0, l1 = 8192>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      tl.copy %A[%c0, %c0] to %a : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%c0, %c0] to %b : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      // expected-error @+1 {{circular buffers need 12288 bytes of L1 per core but wormhole_b0 has 8192: cb_in0 (shared 32x32) 4096 bytes; cb_in1 (shared 32x32) 4096 bytes; cb_out (fragment 32x32) 4096 bytes;}}
      tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %c to %C[%c0, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<32x32xbf16>
  }
  return
}

// -----

// C += A * B starts from C's block: loaded once, before the K loop, not
// as well as cleared.
func.func @cleared_and_loaded(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xf32>) {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    // expected-error @+1 {{the accumulator is both cleared and loaded from global memory before the K loop; clear it (C = A * B) or load it (C += A * B)}}
    tl.copy %C[%c0, %c0] to %c : memref<32x32xf32> to memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      tl.copy %A[%c0, %c0] to %a : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%c0, %c0] to %b : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %c to %C[%c0, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<32x32xf32>
  }
  return
}

// -----

func.func @loaded_in_loop(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xf32>) {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      // expected-error @+1 {{loads the accumulator inside the K loop; load it once, before the loop}}
      tl.copy %C[%c0, %c0] to %c : memref<32x32xf32> to memref<32x32xf32, #tl.scope<fragment>>
      tl.copy %A[%c0, %c0] to %a : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%c0, %c0] to %b : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %c to %C[%c0, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<32x32xf32>
  }
  return
}

// -----

// expected-error @+1 {{the Tenstorrent lowering handles one tl.gemm inside one tl.pipelined K loop per kernel; found 1 gemm(s) and 0 loop(s)}}
func.func @no_k_loop(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>) {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    tl.copy %A[%c0, %c0] to %a : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
    tl.copy %B[%c0, %c0] to %b : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
    tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    tl.copy %c to %C[%c0, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<32x32xbf16>
  }
  return
}

// -----

func.func @never_cleared(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>) {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    // expected-error @+1 {{the accumulator must be cleared (or loaded from global memory) before the K loop and stored after it}}
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      tl.copy %A[%c0, %c0] to %a : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%c0, %c0] to %b : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %c to %C[%c0, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<32x32xbf16>
  }
  return
}

// -----

func.func @unaligned_region(%A: memref<64x64xbf16>, %B: memref<64x64xbf16>, %C: memref<64x64xbf16>) {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c16 : index
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      // expected-error @+1 {{region start in dimension 0 must be a provable multiple of 32 elements (sums of constants and of block indices or loop counters times constants that add up to a multiple of 32 for every value): DRAM holds whole 32x32 tiles}}
      tl.copy %A[%row, %c0] to %a : memref<64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%c0, %c0] to %b : memref<64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %c to %C[%c0, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<64x64xbf16>
  }
  return
}

// -----

// A gemm placed before the copy of its B operand would multiply the previous
// step's B (or nothing): refused, not compiled to a plain A * B.
func.func @gemm_before_load(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>) {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      tl.copy %A[%c0, %c0] to %a : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      // expected-error @+1 {{'tl.gemm' op reads B before the tl.copy that loads it in the same K step; move the copy before the gemm}}
      tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
      // expected-note @+1 {{loaded here}}
      tl.copy %B[%c0, %c0] to %b : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
    }
    tl.copy %c to %C[%c0, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<32x32xbf16>
  }
  return
}

// -----

// Clearing inside the K loop drops the partial sums of earlier steps.
func.func @clear_inside_loop(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>) {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      tl.copy %A[%c0, %c0] to %a : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%c0, %c0] to %b : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      // expected-error @+1 {{'tl.clear' op clears the accumulator inside the K loop, which would drop partial sums; clear it before the loop}}
      tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
      tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %c to %C[%c0, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<32x32xbf16>
  }
  return
}

// -----

func.func @clear_after_loop(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>) {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      tl.copy %A[%c0, %c0] to %a : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%c0, %c0] to %b : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    // expected-error @+1 {{'tl.clear' op clears the accumulator after the K loop, which would drop partial sums; clear it before the loop}}
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    tl.copy %c to %C[%c0, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<32x32xbf16>
  }
  return
}

// -----

func.func @store_inside_loop(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>) {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      tl.copy %A[%c0, %c0] to %a : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%c0, %c0] to %b : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
      // expected-error @+1 {{'tl.copy' op stores the accumulator inside the K loop; store it once, after the loop}}
      tl.copy %c to %C[%c0, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<32x32xbf16>
    }
  }
  return
}

// -----

// Block floating point is a storage format for a matmul's inputs: the result
// stays bf16 or f32.
func.func @bfp8_result(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16> {tt.format = #tt.format<bfp8_b>})
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = lofi, fp32_dest_acc = false>} {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      tl.copy %A[%c0, %c0] to %a : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%c0, %c0] to %b : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    // expected-error @+1 {{the result is stored as bfp8_b; only a matmul's inputs may be stored in block floating point (block floating point results are not supported yet)}}
    tl.copy %c to %C[%c0, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<32x32xbf16>
  }
  return
}

// -----

// A^T goes through DST tile by tile every K step: not for bfp8_b tiles yet.
func.func @bfp8_transposed_a(%A: memref<32x32xbf16> {tt.format = #tt.format<bfp8_b>}, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = lofi, fp32_dest_acc = false>} {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      tl.copy %A[%c0, %c0] to %a : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%c0, %c0] to %b : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      // expected-error @+1 {{A is stored as bfp8_b and transposed: transposing block floating point tiles on the core is not supported yet (store A as bf16, or B in block floating point)}}
      tl.gemm %a, %b, %c transpose_a : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %c to %C[%c0, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<32x32xbf16>
  }
  return
}
