// RUN: tt-opt %s --tt-infer-schedule --split-input-file | FileCheck %s

// What the kernel computes is stated where it is built (tl.kernel
// whole_matmul); tt-infer-schedule carries it to the function, where the host
// program finds it for its reference check. The body is not re-examined.

// CHECK-LABEL: func.func @whole
// CHECK-SAME: tt.whole_matmul = #tt.matmul<transpose_a = false, transpose_b = false>
func.func @whole(%A: memref<64x96xbf16>, %B: memref<96x64xbf16>, %C: memref<64x64xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.kernel [2, 2] as (%bx, %by) whole_matmul {
  }
  return
}

// -----

// The kernel's gemm says which operands the stated product reads transposed.
// CHECK-LABEL: func.func @whole_transposed
// CHECK-SAME: tt.whole_matmul = #tt.matmul<transpose_a = false, transpose_b = true>
func.func @whole_transposed(%A: memref<64x96xbf16>, %B: memref<64x96xbf16>, %C: memref<64x64xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c32 = arith.constant 32 : index
  tl.kernel [2, 2] as (%bx, %by) whole_matmul {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 3 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%row, %kk] to %a : memref<64x96xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%col, %kk] to %b : memref<64x96xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %c transpose_b : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %c to %C[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<64x64xbf16>
  }
  return
}

// -----

// A fragment loaded from the region of C it is stored to: C += A * B, which
// is no read-after-write hazard (each block reads and writes only its own
// region), even with each index spelled twice.
// CHECK-LABEL: func.func @whole_accumulate
// CHECK-SAME: tt.whole_matmul = #tt.matmul<transpose_a = false, transpose_b = false, accumulate = true>
func.func @whole_accumulate(%A: memref<64x96xbf16>, %B: memref<96x64xbf16>, %C: memref<64x64xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c32 = arith.constant 32 : index
  tl.kernel [2, 2] as (%bx, %by) whole_matmul {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.copy %C[%row, %col] to %c : memref<64x64xbf16> to memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 3 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%row, %kk] to %a : memref<64x96xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %b : memref<96x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    %row2 = arith.muli %by, %c32 : index
    %col2 = arith.muli %bx, %c32 : index
    tl.copy %c to %C[%row2, %col2] : memref<32x32xf32, #tl.scope<fragment>> to memref<64x64xbf16>
  }
  return
}

// -----

// Without the statement the function is not marked, whatever the body does.
// CHECK-LABEL: func.func @unstated
// CHECK-NOT: tt.whole_matmul
// CHECK: return
func.func @unstated(%A: memref<64x96xbf16>, %B: memref<96x64xbf16>, %C: memref<64x64xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c32 = arith.constant 32 : index
  tl.kernel [2, 2] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 3 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%row, %kk] to %a : memref<64x96xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %b : memref<96x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %c to %C[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<64x64xbf16>
  }
  return
}
