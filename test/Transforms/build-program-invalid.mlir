// RUN: tt-opt %s --split-input-file --verify-diagnostics --tt-build-program

// expected-error @+1 {{'tt.kernels' of @mm names @nowhere, which is not a kernel}}
func.func private @mm(memref<32x32xbf16> {tt.name = "a", tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 1, tiles_x = 1, page_size = 2048, format = bf16>})
    attributes {tt.kernels = [@nowhere],
                tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>,
                tt.work_split = #tt.work_split<units = 1, grid_x = 8, grid_y = 8, row_wise = false, cores = 1, group1_cores = 1, group1_units = 1, group2_units = 0>}

// -----

// expected-error @+1 {{@mm has no writer kernel}}
func.func private @mm(memref<32x32xbf16> {tt.name = "a", tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 1, tiles_x = 1, page_size = 2048, format = bf16>})
    attributes {tt.kernels = [@r, @c],
                tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>,
                tt.work_split = #tt.work_split<units = 1, grid_x = 8, grid_y = 8, row_wise = false, cores = 1, group1_cores = 1, group1_units = 1, group2_units = 0>}
func.func @r() attributes {tt.kernel_role = #tt.kernel_role<reader>} { return }
func.func @c() attributes {tt.kernel_role = #tt.kernel_role<compute>} { return }

// -----

func.func private @mm(memref<32x32xbf16> {tt.name = "a", tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 1, tiles_x = 1, page_size = 2048, format = bf16>})
    attributes {tt.kernels = [@r, @c, @w],
                tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>,
                tt.work_split = #tt.work_split<units = 1, grid_x = 8, grid_y = 8, row_wise = false, cores = 1, group1_cores = 1, group1_units = 1, group2_units = 0>}
func.func @r() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %in0 = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
  return
}
func.func @c() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  // expected-error @+1 {{circular buffer 0 is '!tt.cb<0, 4 x !tt.tile<bf16>>' here but '!tt.cb<0, 2 x !tt.tile<bf16>>' in another kernel of @mm}}
  %in0 = tt.get_cb as "cb_in0" : !tt.cb<0, 4 x !tt.tile<bf16>>
  return
}
func.func @w() attributes {tt.kernel_role = #tt.kernel_role<writer>} { return }

// -----

func.func private @mm(memref<32x32xbf16> {tt.name = "a", tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 1, tiles_x = 1, page_size = 2048, format = bf16>})
    attributes {tt.kernels = [@r, @c, @w],
                tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>,
                tt.work_split = #tt.work_split<units = 1, grid_x = 8, grid_y = 8, row_wise = false, cores = 1, group1_cores = 1, group1_units = 1, group2_units = 0>}
// expected-error @+1 {{@r takes the address of buffer 'b', which @mm does not have}}
func.func @r() attributes {tt.kernel_role = #tt.kernel_role<reader>, tt.runtime_args = ["b"]} { return }
func.func @c() attributes {tt.kernel_role = #tt.kernel_role<compute>} { return }
func.func @w() attributes {tt.kernel_role = #tt.kernel_role<writer>} { return }

// -----

// expected-error @+1 {{tt-build-program needs the function's work split (tt.work_split): run tt-grid-to-persistent first}}
func.func private @mm(memref<32x32xbf16> {tt.name = "a", tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 1, tiles_x = 1, page_size = 2048, format = bf16>})
    attributes {tt.kernels = [],
                tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>}

// -----

// expected-error @+1 {{argument 0 of @mm needs a memref type, a DRAM layout (tt.shard) and a name (tt.name)}}
func.func private @mm(memref<32x32xbf16> {tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 1, tiles_x = 1, page_size = 2048, format = bf16>})
    attributes {tt.kernels = [@r, @c, @w],
                tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>,
                tt.work_split = #tt.work_split<units = 1, grid_x = 8, grid_y = 8, row_wise = false, cores = 1, group1_cores = 1, group1_units = 1, group2_units = 0>}
func.func @r() attributes {tt.kernel_role = #tt.kernel_role<reader>} { return }
func.func @c() attributes {tt.kernel_role = #tt.kernel_role<compute>} { return }
func.func @w() attributes {tt.kernel_role = #tt.kernel_role<writer>} { return }

// -----

// expected-error @+1 {{'tt.runtime_args' must be an array of buffer names, #tt.work, #tt.mcast and integers, got [1.000000e+00 : f32]}}
func.func @r() attributes {tt.kernel_role = #tt.kernel_role<reader>, tt.runtime_args = [1.0 : f32]} { return }
