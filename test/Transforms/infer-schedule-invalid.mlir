// RUN: tt-opt %s --split-input-file --tt-infer-schedule -verify-diagnostics

// expected-error @+1 {{tt-infer-schedule needs the function's target (tt.target): run tt-apply-target-defaults first}}
func.func @no_target() {
  tl.kernel [2, 2] as (%bx, %by) {
  }
  return
}

// -----

func.func @one_d() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  // expected-error @+1 {{the Tenstorrent lowering expects a 2-D grid (T.Kernel(grid_x, grid_y)) or a batch of them (T.Kernel(grid_x, grid_y, batch)), got 1 dimension}}
  tl.kernel [4] as (%bx) {
  }
  return
}

// -----

func.func @two_kernels() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  // expected-error @+1 {{a function may hold one tl.kernel; split the others into their own functions}}
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}

// -----

func.func @too_many_blocks() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  // expected-error @+1 {{the kernel's grid has 65536 x 65536 output blocks, more than the 2^32 a kernel can count}}
  tl.kernel [65536, 65536] as (%bx, %by) {
  }
  return
}

// -----

// A kernel that writes a buffer it also reads races across cores.
func.func @writes_its_input(%A: memref<64x64xbf16>, %B: memref<64x64xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c32 = arith.constant 32 : index
  tl.kernel [2, 2] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 2 stages 2 {
      %kk = arith.muli %k, %c32 : index
      // expected-note @+1 {{read here}}
      tl.copy %A[%row, %kk] to %a : memref<64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %b : memref<64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    // expected-error @+1 {{the kernel writes argument 0 of @writes_its_input, which it also reads: blocks run on different cores in no order, so a block could read tiles another has already overwritten; write the result to a buffer of its own}}
    tl.copy %c to %A[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<64x64xbf16>
  }
  return
}

// -----

// Accumulating into C is a block's own region read and written back; a
// fragment loaded from another block's region (here the one to the right)
// is a race.
func.func @accumulates_from_elsewhere(%A: memref<64x64xbf16>, %B: memref<64x64xbf16>, %C: memref<64x96xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c32 = arith.constant 32 : index
  tl.kernel [2, 2] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    %next = arith.addi %col, %c32 : index
    // expected-note @+1 {{read here}}
    tl.copy %C[%row, %next] to %c : memref<64x96xbf16> to memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 2 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%row, %kk] to %a : memref<64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %b : memref<64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    // expected-error @+1 {{the kernel writes argument 2 of @accumulates_from_elsewhere, which it also reads}}
    tl.copy %c to %C[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<64x96xbf16>
  }
  return
}

// -----

// A batch multiplies the blocks a kernel counts.
func.func @too_many_batched_blocks() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  // expected-error @+1 {{the kernel's grid has 65536 x 256 x 256 output blocks, more than the 2^32 a kernel can count}}
  tl.kernel [65536, 256, 256] as (%bx, %by, %bz) {
  }
  return
}
