// RUN: tt-opt %s --tt-lower-memory-space --split-input-file -verify-diagnostics

func.func @bias_after_step(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>, %bias: memref<32xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    tl.clear %acc : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      tl.copy %A[%c0, %c0] to %a : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%c0, %c0] to %b : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.scale %acc by 0.5 : memref<32x32xf32, #tl.scope<fragment>>
    // expected-error @+1 {{adds the bias after another epilogue step; the Tenstorrent lowering adds the bias first, as the result is unpacked (scale the bias instead)}}
    tl.add_bias %bias[%c0] to %acc : memref<32xbf16> to memref<32x32xf32, #tl.scope<fragment>>
    tl.copy %acc to %C[%c0, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<32x32xbf16>
  }
  return
}

// -----

func.func @step_in_loop(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    tl.clear %acc : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      tl.copy %A[%c0, %c0] to %a : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%c0, %c0] to %b : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
      // expected-error @+1 {{is an epilogue step inside the K loop; epilogue steps follow the loop and precede the store}}
      tl.activation <relu> %acc : memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %acc to %C[%c0, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<32x32xbf16>
  }
  return
}

// -----

func.func @step_after_store(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    tl.clear %acc : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      tl.copy %A[%c0, %c0] to %a : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%c0, %c0] to %b : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %acc to %C[%c0, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<32x32xbf16>
    // expected-error @+1 {{is an epilogue step after the fragment's store; apply it before the store}}
    tl.activation <relu> %acc : memref<32x32xf32, #tl.scope<fragment>>
  }
  return
}

// -----

func.func @two_biases(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>, %bias: memref<32xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    tl.clear %acc : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      tl.copy %A[%c0, %c0] to %a : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%c0, %c0] to %b : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.add_bias %bias[%c0] to %acc : memref<32xbf16> to memref<32x32xf32, #tl.scope<fragment>>
    // expected-error @+1 {{adds a second bias; the Tenstorrent lowering fuses one bias row}}
    tl.add_bias %bias[%c0] to %acc : memref<32xbf16> to memref<32x32xf32, #tl.scope<fragment>>
    tl.copy %acc to %C[%c0, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<32x32xbf16>
  }
  return
}
