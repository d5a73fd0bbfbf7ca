// RUN: tt-opt %s -split-input-file -verify-diagnostics

tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{@a is not a buffer of the program}}
  tt.enqueue_write_buffer @a
}

// -----

tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{@c is not a buffer of the program}}
  tt.enqueue_read_buffer @c
}

// -----

func.func @f() {
  // expected-error @+1 {{'tt.enqueue_program' op expects parent op 'tt.program'}}
  tt.enqueue_program
  return
}
