// RUN: tt-opt %s -split-input-file -verify-diagnostics

func.func @two_globals(%A: memref<64x64xbf16>, %B: memref<32x32xbf16>) {
  %c0 = arith.constant 0 : index
  tl.kernel [1] as (%bx) {
    // expected-error @+1 {{copies between a global buffer and a local one; got a global buffer and a global buffer}}
    tl.copy %A[%c0, %c0] to %B : memref<64x64xbf16> to memref<32x32xbf16>
  }
  return
}

// -----

func.func @two_locals() {
  tl.kernel [1] as (%bx) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    // expected-error @+1 {{copies between a global buffer and a local one; got a shared buffer and a shared buffer}}
    tl.copy %a to %b : memref<32x32xbf16, #tl.scope<shared>> to memref<32x32xbf16, #tl.scope<shared>>
  }
  return
}

// -----

func.func @wrong_rank(%A: memref<64x64xbf16>) {
  %c0 = arith.constant 0 : index
  tl.kernel [1] as (%bx) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    // expected-error @+1 {{the global buffer has rank 2 but the region has 1 start indices}}
    tl.copy %A[%c0] to %a : memref<64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
  }
  return
}

// -----

func.func @indices_on_local(%A: memref<64x64xbf16>) {
  %c0 = arith.constant 0 : index
  tl.kernel [1] as (%bx) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    // expected-error @+1 {{only the global side takes region indices}}
    tl.copy %A[%c0, %c0] to %a[%c0, %c0] : memref<64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
  }
  return
}

// -----

func.func @load_changes_type(%A: memref<64x64xf32>) {
  %c0 = arith.constant 0 : index
  tl.kernel [1] as (%bx) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    // expected-error @+1 {{a load into a shared buffer keeps the element type; got 'f32' to 'bf16'}}
    tl.copy %A[%c0, %c0] to %a : memref<64x64xf32> to memref<32x32xbf16, #tl.scope<shared>>
  }
  return
}

// -----

func.func @constant_out_of_bounds(%A: memref<64x64xbf16>) {
  %c0 = arith.constant 0 : index
  %c64 = arith.constant 64 : index
  tl.kernel [1] as (%bx) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    // expected-error @+1 {{region is out of bounds in dimension 1: it can start at element 64 but the buffer has 64}}
    tl.copy %A[%c0, %c64] to %a : memref<64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
  }
  return
}

// -----

// The grid has 3 blocks of 32 rows but the buffer only 64 rows: the third
// block starts past the end.
func.func @grid_out_of_bounds(%C: memref<64x32xbf16>) {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  tl.kernel [3] as (%by) {
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    // expected-error @+1 {{region is out of bounds in dimension 0: it can start at element 64 but the buffer has 64}}
    tl.copy %c to %C[%row, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<64x32xbf16>
  }
  return
}

// -----

// A K loop that walks past the end of K.
func.func @loop_out_of_bounds(%A: memref<32x128xbf16>) {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  tl.kernel [1] as (%bx) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    tl.pipelined %k in 5 stages 2 {
      %kk = arith.muli %k, %c32 : index
      // expected-error @+1 {{region is out of bounds in dimension 1: it can start at element 128 but the buffer has 128}}
      tl.copy %A[%c0, %kk] to %a : memref<32x128xbf16> to memref<32x32xbf16, #tl.scope<shared>>
    }
  }
  return
}

// -----

func.func @local_rank(%A: memref<64x64xbf16>, %a: memref<32x32x32xbf16, #tl.scope<shared>>) {
  %c0 = arith.constant 0 : index
  tl.kernel [1] as (%bx) {
    // expected-error @+1 {{the local buffer must be a matrix (rank 2), got 'memref<32x32x32xbf16, #tl.scope<shared>>'}}
    tl.copy %A[%c0, %c0] to %a : memref<64x64xbf16> to memref<32x32x32xbf16, #tl.scope<shared>>
  }
  return
}

// -----

func.func @batch_index_missing(%A: memref<3x64x64xbf16>, %a: memref<32x32xbf16, #tl.scope<shared>>) {
  %c0 = arith.constant 0 : index
  tl.kernel [1] as (%bx) {
    // expected-error @+1 {{the global buffer has rank 3 but the region has 2 start indices}}
    tl.copy %A[%c0, %c0] to %a : memref<3x64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
  }
  return
}

// -----

// The batch index selects a whole matrix: no padding lets it reach past the
// last one.
func.func @batch_index_out_of_bounds(%A: memref<3x64x64xbf16>, %a: memref<32x32xbf16, #tl.scope<shared>>) {
  %c0 = arith.constant 0 : index
  tl.kernel [2, 2, 4] as (%bx, %by, %bz) {
    // expected-error @+1 {{matrix index is out of bounds: it can be 3 but the buffer holds a batch of 3 matrices}}
    tl.copy %A[%bz, %c0, %c0] to %a : memref<3x64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
  }
  return
}

// -----

func.func @local_not_tile_multiple(%A: memref<64x64xbf16>, %a: memref<32x16xbf16, #tl.scope<shared>>) {
  %c0 = arith.constant 0 : index
  tl.kernel [1] as (%bx) {
    // expected-error @+1 {{local buffer dimension 1 is 16, which is not a positive multiple of the 32x32 tile}}
    tl.copy %A[%c0, %c0] to %a : memref<64x64xbf16> to memref<32x16xbf16, #tl.scope<shared>>
  }
  return
}

// -----

func.func @outside_kernel(%A: memref<64x64xbf16>, %a: memref<32x32xbf16, #tl.scope<shared>>) {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{must be nested in a 'tl.kernel'}}
  tl.copy %A[%c0, %c0] to %a : memref<64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
  return
}

// -----

// A region may reach past the buffer (an edge block) but must start inside
// its tiles (50 rows are stored as 64): the third block of 32 rows starts at 64.
func.func @past_the_padding(%C: memref<50x32xbf16>) {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  tl.kernel [3] as (%by) {
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    // expected-error @+1 {{region is out of bounds in dimension 0: it can start at element 64 but the buffer has 50 (64 with its last tile's padding)}}
    tl.copy %c to %C[%row, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<50x32xbf16>
  }
  return
}

// -----

// A negative constant start is a compile-time error, not a run-time fault.
func.func @negative_start(%A: memref<64x64xbf16>) {
  %c0 = arith.constant 0 : index
  %cm32 = arith.constant -32 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    // expected-error @+1 {{region starts at element -32 in dimension 0: indices must not be negative}}
    tl.copy %A[%cm32, %c0] to %a : memref<64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
  }
  return
}
