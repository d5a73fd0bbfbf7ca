// Found by scripts/fuzz.sh as a timeout: the schedule search enumerated block
// counts one by one, 2^40 / 32 of them for this M.
// 2^40 rows: sizes stay 64-bit through the schedule choice and the split.
// expected-error @+2 {{the program's DRAM buffers need 131072.01 GiB}}
// expected-note @+1 {{the largest is @a, 65536.00 GiB}}
func.func @huge(%A: memref<1099511627776x32xbf16>, %B: memref<32x32xbf16>, %C: memref<1099511627776x32xbf16>) {
  tl.matmul %A, %B into %C : memref<1099511627776x32xbf16>, memref<32x32xbf16> into memref<1099511627776x32xbf16>
  return
}
