//===- TLOps.h - tl operations ----------------------------------*- C++ -*-===//
#ifndef TTDIALECT_TL_IR_TLOPS_H
#define TTDIALECT_TL_IR_TLOPS_H

#include "TTDialect/TL/IR/TLDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "TTDialect/TL/IR/TLEnums.h.inc"
#define GET_ATTRDEF_CLASSES
#include "TTDialect/TL/IR/TLAttrs.h.inc"

namespace mlir::tl {
/// The extents of a matrix product op(A) * op(B), in elements: op(A) is
/// m x k, op(B) is k x n. `kOfB` is K as B provides it (equal to `k` in a
/// well-formed product). A buffer of rank 3 is a batch of matrices, its
/// leading dimension the batch: the extents are those of one matrix.
struct MatmulShape {
  int64_t m, k, n, kOfB;
  static MatmulShape of(MemRefType a, MemRefType b, bool transposeA,
                        bool transposeB) {
    auto rows = [](MemRefType t) { return t.getDimSize(t.getRank() - 2); };
    auto cols = [](MemRefType t) { return t.getDimSize(t.getRank() - 1); };
    return {transposeA ? cols(a) : rows(a), transposeA ? rows(a) : cols(a),
            transposeB ? rows(b) : cols(b), transposeB ? cols(b) : rows(b)};
  }
};

/// The number of matrices a global buffer holds: the leading extent of a
/// rank-3 buffer (a batch), 1 for a matrix.
inline int64_t batchOf(MemRefType type) {
  return type.getRank() == 3 ? type.getDimSize(0) : 1;
}
} // namespace mlir::tl

#define GET_OP_CLASSES
#include "TTDialect/TL/IR/TLOps.h.inc"

namespace mlir::tl {
/// The memory scope of a memref, or none for a global buffer.
std::optional<MemoryScope> getMemoryScope(MemRefType type);
/// Edge length of the hardware tile that block shapes must be multiples of.
constexpr int64_t kTileSize = 32;
/// Tiles that hold `elements` along one dimension: a partial last tile is
/// padded with zeros (reads see 0, writes to the padding are dropped).
constexpr int64_t tilesFor(int64_t elements) {
  return (elements + kTileSize - 1) / kTileSize;
}
/// `elements` rounded up to whole tiles.
constexpr int64_t paddedToTiles(int64_t elements) {
  return tilesFor(elements) * kTileSize;
}
/// The largest value `v` can take inside a `tl.kernel`, when it is built from
/// constants, block indices, pipelined-loop counters and `arith.addi/muli`.
std::optional<int64_t> getStaticUpperBound(Value v);
} // namespace mlir::tl

#endif // TTDIALECT_TL_IR_TLOPS_H
