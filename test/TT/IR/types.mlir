// RUN: tt-opt %s | tt-opt | FileCheck %s
// RUN: tt-opt %s --mlir-print-op-generic | tt-opt | FileCheck %s

// CHECK-LABEL: func.func private @tiles
// CHECK-SAME: !tt.tile<bf16>, !tt.tile<f32>, !tt.tile<bfp8_b>
func.func private @tiles(!tt.tile<bf16>, !tt.tile<f32>, !tt.tile<bfp8_b>)

// CHECK-LABEL: func.func private @cbs
// CHECK-SAME: !tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<16, 1 x !tt.tile<f32>>, !tt.cb<63, 8 x !tt.tile<bfp8_b>>
func.func private @cbs(!tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<16, 1 x !tt.tile<f32>>, !tt.cb<63, 8 x !tt.tile<bfp8_b>>)

// CHECK-LABEL: func.func private @accessor
// CHECK-SAME: !tt.accessor
func.func private @accessor(!tt.accessor)
