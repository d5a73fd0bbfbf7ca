// RUN: tt-opt %s --tl-to-tt-pipeline="block-m=32 block-n=32 block-k=32 schedule=reuse" --split-input-file | FileCheck %s
// RUN: tt-opt %s --tl-to-tt-pipeline="device=blackhole math-fidelity=hifi2 cb-depth=3 block-m=32 block-n=32 block-k=32 schedule=reuse" --split-input-file | FileCheck %s --check-prefix=BH

// From linalg: 120 output tiles (M = 320, N = 384) on 64 Wormhole cores give
// two groups: cores 0-55 take 2 tiles, 56-63 take 1.
// CHECK-LABEL: func.func @from_linalg_reader()
// CHECK-LABEL: tt.program @from_linalg device <wormhole_b0>
// CHECK: tt.buffer @a size 204800 page_size 2048 format <bf16> layout <dram_interleaved> shape [320, 320]
// CHECK: tt.buffer @b size 245760 page_size 2048 format <bf16> layout <dram_interleaved> shape [320, 384]
// CHECK: tt.buffer @c size 245760 page_size 2048 format <bf16> layout <dram_interleaved> shape [320, 384]
// CHECK: tt.create_cb 0 on <(0, 0) to (7, 7)> total_size 4096 page_size 2048 format <bf16>
// CHECK: tt.create_kernel @from_linalg_compute on <(0, 0) to (7, 7)> config #tt.compute<math_fidelity = hifi4
// reader args: a, b, start_tile, num_tiles, Kt, Nt (one-tile blocks over all
// of C: Nt is also the number of block columns); one op per kernel
// over the work split, whatever the number of cores.
// CHECK: tt.set_runtime_args @from_linalg_reader split <units = 120, grid_x = 8, grid_y = 8, row_wise = false, cores = 64, group1_cores = 56, group1_units = 2, group2_units = 1> [@a, @b, #tt.work<start>, #tt.work<count>, 10, 12]
// CHECK-NOT: tt.set_runtime_args @from_linalg_reader
// CHECK: tt.set_runtime_args @from_linalg_compute split <{{.*}}> [#tt.work<count>, 10]
// CHECK: tt.set_runtime_args @from_linalg_writer split <{{.*}}> [@c, #tt.work<start>, #tt.work<count>, 12]
// BH-LABEL: tt.program @from_linalg device <blackhole>
// BH: tt.create_cb 0 on <(0, 0) to (10, 9)> total_size 6144 page_size 2048 format <bf16>
// BH: tt.create_kernel @from_linalg_compute on <(0, 0) to (10, 9)> config #tt.compute<math_fidelity = hifi2
// BH: tt.set_runtime_args @from_linalg_reader split <units = 120, grid_x = 11, grid_y = 10, row_wise = false, cores = 110, group1_cores = 10, group1_units = 2, group2_units = 1> [@a, @b, #tt.work<start>, #tt.work<count>, 10, 12]
func.func @from_linalg(%A: memref<320x320xbf16>, %B: memref<320x384xbf16>, %C: memref<320x384xbf16>) {
  %zero = arith.constant 0.0 : bf16
  linalg.fill ins(%zero : bf16) outs(%C : memref<320x384xbf16>)
  linalg.matmul ins(%A, %B : memref<320x320xbf16>, memref<320x384xbf16>) outs(%C : memref<320x384xbf16>)
  return
}

// -----

// From tl.matmul with f32 data and Kt = 1: one core, f32 CBs (4096-byte pages).
// CHECK-LABEL: tt.program @single_tile device <wormhole_b0>
// CHECK: tt.buffer @a size 4096 page_size 4096 format <f32>
// CHECK: tt.create_cb 0 on <(0, 0) to (0, 0)> total_size 8192 page_size 4096 format <f32>
// CHECK: tt.create_cb 16 on <(0, 0) to (0, 0)> total_size 8192 page_size 4096 format <f32>
// CHECK: tt.set_runtime_args @single_tile_reader split <units = 1, grid_x = 8, grid_y = 8, row_wise = false, cores = 1, group1_cores = 1, group1_units = 1, group2_units = 0> [@a, @b, #tt.work<start>, #tt.work<count>, 1, 1]
// CHECK-NOT: tt.set_runtime_args @single_tile_reader
func.func @single_tile(%A: memref<32x32xf32>, %B: memref<32x32xf32>, %C: memref<32x32xf32>) {
  tl.matmul %A, %B into %C : memref<32x32xf32>, memref<32x32xf32> into memref<32x32xf32>
  return
}

// -----

// The kernel form as a TileLang user writes it is accepted as is.
// CHECK-LABEL: func.func @kernel_form_reader()
// CHECK-LABEL: func.func @kernel_form_compute()
// CHECK-LABEL: func.func @kernel_form_writer()
// CHECK-LABEL: tt.program @kernel_form
// CHECK: tt.create_kernel @kernel_form_reader on <(0, 0) to (0, 3)>
// CHECK: tt.set_runtime_args @kernel_form_reader split <units = 4, {{.*}}, cores = 4, group1_cores = 4, group1_units = 1, group2_units = 0> [@a, @b, #tt.work<start>, #tt.work<count>, 8, 2]
func.func @kernel_form(%A: memref<64x256xbf16>, %B: memref<256x64xbf16>, %C: memref<64x64xbf16>) {
  %c32 = arith.constant 32 : index
  tl.kernel [2, 2] as (%bx, %by) whole_matmul {
    %A_shared = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %B_shared = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %C_local = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %C_local : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 8 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%row, %kk] to %A_shared : memref<64x256xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %B_shared : memref<256x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %A_shared, %B_shared, %C_local : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %C_local to %C[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<64x64xbf16>
  }
  return
}
