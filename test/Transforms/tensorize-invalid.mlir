// RUN: tt-opt %s --tt-tensorize -split-input-file -verify-diagnostics

func.func @dst_overflow() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %in0 = tt.get_cb : !tt.cb<0, 8 x !tt.tile<bf16>>
  %in1 = tt.get_cb : !tt.cb<1, 8 x !tt.tile<bf16>>
  // expected-error @+1 {{accumulates 4x4 = 16 tiles in DST, which holds 8 bf16 tiles in half-sync mode}}
  tt.matmul_block %in0, %in1 block 4 x 1 x 4 : !tt.cb<0, 8 x !tt.tile<bf16>>, !tt.cb<1, 8 x !tt.tile<bf16>>
  return
}

// -----

// expected-error @+1 {{tt-tensorize needs the function's target (tt.target): run tt-apply-target-defaults first}}
func.func @no_target() {
  %in0 = tt.get_cb : !tt.cb<0, 8 x !tt.tile<bf16>>
  %in1 = tt.get_cb : !tt.cb<1, 8 x !tt.tile<bf16>>
  tt.matmul_block %in0, %in1 block 1 x 1 x 1 : !tt.cb<0, 8 x !tt.tile<bf16>>, !tt.cb<1, 8 x !tt.tile<bf16>>
  return
}
