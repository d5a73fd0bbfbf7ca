// RUN: tt-opt %s --tt-split-kernels -split-input-file -verify-diagnostics

// expected-error @+1 {{run tt-lower-memory-space and tt-tensorize before tt-split-kernels: tl ops remain}}
func.func @unlowered(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>, tt.work_split = #tt.work_split<units = 1, grid_x = 8, grid_y = 8, row_wise = false, cores = 1, group1_cores = 1, group1_units = 1, group2_units = 0>} {
  tl.matmul %A, %B into %C : memref<32x32xbf16>, memref<32x32xbf16> into memref<32x32xbf16>
  return
}

// -----

// expected-error @+1 {{argument 0 has no DRAM layout (tt.shard): run tt-infer-shard first}}
func.func @no_layout(%A: memref<32x32xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>, tt.work_split = #tt.work_split<units = 1, grid_x = 8, grid_y = 8, row_wise = false, cores = 1, group1_cores = 1, group1_units = 1, group2_units = 0>} {
  return
}

// -----

// expected-error @+1 {{tt-split-kernels needs the function's target (tt.target): run tt-apply-target-defaults first}}
func.func @no_target(%A: memref<32x32xbf16>)
    attributes {tt.work_split = #tt.work_split<units = 1, grid_x = 8, grid_y = 8, row_wise = false, cores = 1, group1_cores = 1, group1_units = 1, group2_units = 0>} {
  return
}
