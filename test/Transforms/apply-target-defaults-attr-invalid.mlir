// RUN: tt-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{'tt.schedule_policy' must be "contiguous" (the only policy so far), got "strided"}}
func.func @policy() attributes {tt.schedule_policy = "strided"} {
  return
}

// -----

// expected-error @+1 {{'tt.tile_shape' must be array<i64: 32, 32> (the only tile Metalium matmuls take), got array<i64: 16, 32>}}
func.func @tile() attributes {tt.tile_shape = array<i64: 16, 32>} {
  return
}

// -----

// expected-error @+1 {{'tt.device' must be a #tt.device, got "n150"}}
func.func @device() attributes {tt.device = "n150"} {
  return
}

// -----

// expected-error @+1 {{'tt.core_work' must be an array of (x, y, start, count) quadruples, got array<i64: 0, 0, 1>}}
func.func @work() attributes {tt.core_work = array<i64: 0, 0, 1>} {
  return
}

// -----

// expected-error @+1 {{'tt.shard' of argument 0 must be a #tt.shard}}
func.func @shard(%a: memref<32x32xbf16> {tt.shard = 1 : i64}) {
  return
}
