// RUN: tt-opt %s --tl-to-tt-pipeline --split-input-file -verify-diagnostics

func.func @dynamic(%A: memref<?x64xbf16>, %B: memref<64x64xbf16>, %C: memref<?x64xbf16>) {
  // expected-error @+1 {{cannot be lowered to Tenstorrent: the Tenstorrent pipeline needs static shapes}}
  linalg.matmul ins(%A, %B : memref<?x64xbf16>, memref<64x64xbf16>) outs(%C : memref<?x64xbf16>)
  return
}

// -----

// The error points at the matmul the CBs come from.
func.func @tiny_l1(%A: memref<64x64xbf16>, %B: memref<64x64xbf16>, %C: memref<64x64xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0, l1 = 10000>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  // expected-error @+1 {{circular buffers need 12288 bytes of L1 per core but wormhole_b0 has 10000}}
  tl.matmul %A, %B into %C : memref<64x64xbf16>, memref<64x64xbf16> into memref<64x64xbf16>
  return
}


// -----

// Operands the host program does not create are diagnosed, not a crash.
func.func @local_operand(%B: memref<64x64xbf16>, %C: memref<64x64xbf16>) {
  %A = memref.alloc() : memref<64x64xbf16>
  // expected-error @+1 {{the matmul's operand A must be an argument of @local_operand: the host program places only function arguments in DRAM}}
  tl.matmul %A, %B into %C : memref<64x64xbf16>, memref<64x64xbf16> into memref<64x64xbf16>
  return
}

// -----

// expected-note @+1 {{in this function}}
func.func @store_after(%A: memref<64x64xbf16>, %B: memref<64x64xbf16>, %C: memref<64x64xbf16>) {
  tl.matmul %A, %B into %C : memref<64x64xbf16>, memref<64x64xbf16> into memref<64x64xbf16>
  %c0 = arith.constant 0 : index
  %z = arith.constant 0.0 : bf16
  // expected-error @+1 {{'memref.store' uses buffer argument 2 of @store_after directly; on Tenstorrent only the matmul (tl.copy in the kernel form) moves data to or from DRAM}}
  memref.store %z, %C[%c0, %c0] : memref<64x64xbf16>
  return
}

// -----

// expected-note @+1 {{in this function}}
func.func @offset_argument(%A: memref<64x64xbf16>, %B: memref<64x64xbf16>, %C: memref<64x64xbf16>, %off: index) {
  %c32 = arith.constant 32 : index
  tl.kernel [2, 2] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %off, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 2 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%row, %kk] to %a : memref<64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %b : memref<64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    // expected-error @+1 {{this computes with argument 3 ('index') of @offset_argument, whose value the host program does not know; kernels take offsets and shapes as constants}}
    tl.copy %c to %C[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<64x64xbf16>
  }
  return
}

// -----

// The pipeline lowers one whole matmul per function; a loop around it is
// diagnosed at the matmul, in the pipeline's terms.
func.func @in_loop(%A: memref<64x64xbf16>, %B: memref<64x64xbf16>, %C: memref<64x64xbf16>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  scf.for %i = %c0 to %c2 step %c1 {
    // expected-error @+1 {{'tl.matmul' op must sit directly in its function's body, not inside 'scf.for': the Tenstorrent lowering compiles one whole matmul per function (call the function in a loop instead)}}
    tl.matmul %A, %B into %C : memref<64x64xbf16>, memref<64x64xbf16> into memref<64x64xbf16>
  }
  return
}

// -----

// Operands larger than the card's DRAM: 16 GiB of A on a 12 GiB n150.
// expected-error @+2 {{the program's DRAM buffers need 16.02 GiB (1433231360 bytes in each of 12 banks) but wormhole_b0 has 11.99 GiB for buffers (1073676288 bytes per bank)}}
// expected-note @+1 {{the largest is @a, 16.00 GiB}}
func.func @too_big(%A: memref<262144x32768xbf16>, %B: memref<32768x32xbf16>, %C: memref<262144x32xbf16>) {
  tl.matmul %A, %B into %C : memref<262144x32768xbf16>, memref<32768x32xbf16> into memref<262144x32xbf16>
  return
}

// -----

// 2^40 rows: sizes stay 64-bit through the schedule choice and the split.
// expected-error @+2 {{the program's DRAM buffers need 131072.01 GiB}}
// expected-note @+1 {{the largest is @a, 65536.00 GiB}}
func.func @huge(%A: memref<1099511627776x32xbf16>, %B: memref<32x32xbf16>, %C: memref<1099511627776x32xbf16>) {
  tl.matmul %A, %B into %C : memref<1099511627776x32xbf16>, memref<32x32xbf16> into memref<1099511627776x32xbf16>
  return
}

// -----

// C = A * B into one of its inputs: the same race, told at the matmul.
func.func @into_input(%A: memref<64x64xbf16>, %B: memref<64x64xbf16>) {
  // expected-error @+2 {{the kernel writes argument 0 of @into_input, which it also reads}}
  // expected-note @+1 {{read here}}
  tl.matmul %A, %B into %A : memref<64x64xbf16>, memref<64x64xbf16> into memref<64x64xbf16>
  return
}

// -----

// The function's interface is its buffers: no other arguments, no results.
// expected-error @+1 {{argument 3 of @extra_argument has type 'index': the host program passes only buffers (memrefs) to a Tenstorrent program; remove it}}
func.func @extra_argument(%A: memref<64x64xbf16>, %B: memref<64x64xbf16>, %C: memref<64x64xbf16>, %n: index) {
  tl.matmul %A, %B into %C : memref<64x64xbf16>, memref<64x64xbf16> into memref<64x64xbf16>
  return
}

// -----

// expected-error @+1 {{@returns_value returns 1 value: a Tenstorrent program returns nothing, its results are the buffers it writes}}
func.func @returns_value(%A: memref<64x64xbf16>, %B: memref<64x64xbf16>, %C: memref<64x64xbf16>) -> index {
  tl.matmul %A, %B into %C : memref<64x64xbf16>, memref<64x64xbf16> into memref<64x64xbf16>
  %c0 = arith.constant 0 : index
  return %c0 : index
}

// -----

// A transposed operand given as a strided view is refused, not read row-major.
// expected-note @+1 {{in this function}}
func.func @strided_operand(%A: memref<64x64xbf16, strided<[1, 64]>>, %B: memref<64x64xbf16>, %C: memref<64x64xbf16>) {
  // expected-error @+1 {{argument 0 of @strided_operand has layout strided<[1, 64]>}}
  tl.matmul %A, %B into %C : memref<64x64xbf16, strided<[1, 64]>>, memref<64x64xbf16> into memref<64x64xbf16>
  return
}

// -----

// An offset view of a larger buffer, the same.
// expected-note @+1 {{in this function}}
func.func @offset_operand(%A: memref<64x64xbf16, strided<[64, 1], offset: 32>>, %B: memref<64x64xbf16>, %C: memref<64x64xbf16>) {
  // expected-error @+1 {{argument 0 of @offset_operand has layout strided<[64, 1], offset: 32>}}
  tl.matmul %A, %B into %C : memref<64x64xbf16, strided<[64, 1], offset: 32>>, memref<64x64xbf16> into memref<64x64xbf16>
  return
}

// -----

// A view of part of an argument is not a buffer of the host program either.
func.func @subview_operand(%big: memref<128x64xbf16>, %B: memref<64x64xbf16>, %C: memref<64x64xbf16>) {
  %A = memref.subview %big[0, 0] [64, 64] [1, 1] : memref<128x64xbf16> to memref<64x64xbf16, strided<[64, 1]>>
  %Ac = memref.cast %A : memref<64x64xbf16, strided<[64, 1]>> to memref<64x64xbf16>
  // expected-error @+1 {{the matmul's operand A must be an argument of @subview_operand: the host program places only function arguments in DRAM}}
  tl.matmul %Ac, %B into %C : memref<64x64xbf16>, memref<64x64xbf16> into memref<64x64xbf16>
  return
}
