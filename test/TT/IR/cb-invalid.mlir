// RUN: tt-opt %s -split-input-file -verify-diagnostics

func.func @reserve_too_many() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %c3 = arith.constant 3 : i32
  %cb = tt.get_cb : !tt.cb<0, 2 x !tt.tile<bf16>>
  // expected-error @+1 {{asks for 3 pages of circular buffer 0, which holds only 2}}
  tt.cb_reserve_back %cb, %c3 : !tt.cb<0, 2 x !tt.tile<bf16>>
  return
}

// -----

func.func @push_too_many() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %c5 = arith.constant 5 : i32
  %cb = tt.get_cb : !tt.cb<0, 4 x !tt.tile<bf16>>
  // expected-error @+1 {{asks for 5 pages of circular buffer 0, which holds only 4}}
  tt.cb_push_back %cb, %c5 : !tt.cb<0, 4 x !tt.tile<bf16>>
  return
}

// -----

func.func @wait_too_many() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  %c2 = arith.constant 2 : i32
  %cb = tt.get_cb : !tt.cb<1, 1 x !tt.tile<bf16>>
  // expected-error @+1 {{asks for 2 pages of circular buffer 1, which holds only 1}}
  tt.cb_wait_front %cb, %c2 : !tt.cb<1, 1 x !tt.tile<bf16>>
  return
}

// -----

func.func @pop_zero() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  %c0 = arith.constant 0 : i32
  %cb = tt.get_cb : !tt.cb<1, 2 x !tt.tile<bf16>>
  // expected-error @+1 {{page count must be positive, got 0}}
  tt.cb_pop_front %cb, %c0 : !tt.cb<1, 2 x !tt.tile<bf16>>
  return
}

// -----

func.func @not_a_cb(%x: i32) {
  // expected-error @+1 {{'tt.cb_wait_front' op operand #0 must be circular buffer, but got 'i32'}}
  tt.cb_wait_front %x, %x : i32
  return
}
