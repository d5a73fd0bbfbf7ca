// C[1000x300] = A[1000x256] * B[256x300]: rows that do not divide a 2x4 mesh's
// rows (32 tiles in shards of 16) and columns that do not divide its columns
// (10 tiles in shards of 3: the last shard holds 2 tiles of zeros).
func.func @mm(%A: memref<1000x256xbf16>, %B: memref<256x300xbf16>, %C: memref<1000x300xbf16>) {
  tl.matmul %A, %B into %C : memref<1000x256xbf16>, memref<256x300xbf16> into memref<1000x300xbf16>
  return
}
