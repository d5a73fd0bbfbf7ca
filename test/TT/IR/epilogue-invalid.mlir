// RUN: tt-opt %s -split-input-file -verify-diagnostics

!p = !tt.cb<24, 4 x !tt.tile<f32>>
!o = !tt.cb<16, 4 x !tt.tile<bf16>>
!i = !tt.cb<0, 4 x !tt.tile<bf16>>

func.func @nothing_to_do() {
  %p = tt.get_cb : !p
  %o = tt.get_cb : !o
  %i = tt.get_cb : !i
  // expected-error @+1 {{has neither a bias nor epilogue steps}}
  tt.epilogue_block %p -> %o block 2 x 2 subblock 1 x 2 epilogue [] matmul %i, %i : !p, !o, !i, !i
  return
}

// -----

!p = !tt.cb<24, 4 x !tt.tile<f32>>
!o = !tt.cb<16, 4 x !tt.tile<bf16>>
!i = !tt.cb<0, 4 x !tt.tile<bf16>>

func.func @subblock() {
  %p = tt.get_cb : !p
  %o = tt.get_cb : !o
  %i = tt.get_cb : !i
  // expected-error @+1 {{subblock 2x2 does not tile the 2x3 block}}
  tt.epilogue_block %p -> %o block 2 x 3 subblock 2 x 2 epilogue [#tt.activation<relu>] matmul %i, %i : !p, !o, !i, !i
  return
}

// -----

!p = !tt.cb<24, 4 x !tt.tile<f32>>
!o = !tt.cb<16, 4 x !tt.tile<bf16>>
!i = !tt.cb<0, 4 x !tt.tile<bf16>>
!b = !tt.cb<3, 1 x !tt.tile<bf16>>

func.func @bias_pages() {
  %p = tt.get_cb : !p
  %o = tt.get_cb : !o
  %i = tt.get_cb : !i
  %b = tt.get_cb : !b
  // expected-error @+1 {{the bias CB holds 1 pages, fewer than the block's 2 columns}}
  tt.epilogue_block %p -> %o block 2 x 2 subblock 1 x 2 bias %b epilogue [] matmul %i, %i : !p, !o, !i, !i, !b
  return
}

// -----

!o = !tt.cb<16, 4 x !tt.tile<bf16>>

func.func @bad_step() {
  %o = tt.get_cb : !o
  // expected-error @+1 {{epilogue steps are #tt.activation or #tt.scale attributes, got "relu"}}
  tt.pack_block %o count 1 epilogue ["relu"] : !o
  return
}
