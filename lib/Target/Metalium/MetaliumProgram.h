//===- MetaliumProgram.h - what the Metalium emitters share -----*- C++ -*-===//
//
// The checked view of one tt.program the file emitters work from, and the
// emitters themselves (one per kind of file).
//
//===----------------------------------------------------------------------===//
#ifndef TTDIALECT_LIB_TARGET_METALIUM_METALIUMPROGRAM_H
#define TTDIALECT_LIB_TARGET_METALIUM_METALIUMPROGRAM_H

#include "TTDialect/TL/IR/TLOps.h"
#include "TTDialect/TT/IR/TTOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include <string>

namespace mlir::tt::metalium {

/// A kernel of the program: where it runs, its source file and its arguments.
struct KernelInfo {
  KernelRole role;
  // Op handles are mutable: their accessors are not const.
  mutable CreateKernelOp create;
  mutable func::FuncOp func;
  /// Source file in the output directory: reader.cpp, compute.cpp, writer.cpp.
  std::string file;
  /// Name of the kernel's handle in host.cpp (its role).
  std::string handle;
  /// Name of each runtime argument, by index (from the kernel's
  /// tt.get_arg_val names, `arg<i>` where the kernel gives none).
  SmallVector<std::string> runtimeArgNames;
  /// The kernel's tt.set_runtime_args, one per core, in IR order.
  mutable SmallVector<SetRuntimeArgsOp> runtimeArgs;
};

/// A DRAM buffer and what the host does with it.
struct BufferInfo {
  mutable BufferOp op;
  /// C++ base name in host.cpp: <var>_buffer, <var>_host, <var>_tiles.
  std::string var;
  /// Written by tt.enqueue_write_buffer (the host generates its data).
  bool uploaded = false;
  /// Read back by tt.enqueue_read_buffer.
  bool readBack = false;

  /// One matrix's rows and columns; a batched buffer holds `matrices()` of
  /// them one after the other.
  /// (A vector is one row.)
  int64_t rows() const {
    return op.getShape()->size() == 1 ? 1 : op.getShape()->take_back(2)[0];
  }
  int64_t cols() const { return op.getShape()->back(); }
  int64_t matrices() const {
    return op.getShape()->size() == 3 ? (*op.getShape())[0] : 1;
  }
  bool batched() const { return op.getShape()->size() == 3; }
  /// The shape as the IR writes it: "100x64", "3x100x64" for a batch, "64"
  /// for a vector.
  std::string shapeText() const {
    if (op.getShape()->size() == 1)
      return std::to_string(cols());
    return (batched() ? std::to_string(matrices()) + "x" : std::string()) +
           std::to_string(rows()) + "x" + std::to_string(cols());
  }
  /// The shape in whole 32x32 tiles: the buffer stores a partial last tile
  /// row or column zero-padded.
  /// On a mesh, whole shards: the tile grid the shards cut.
  int64_t paddedRows() const {
    if (MeshShardAttr shard = op.getMeshShardAttr())
      return shard.getTilesY() * tl::kTileSize;
    return tl::paddedToTiles(rows());
  }
  int64_t paddedCols() const {
    if (MeshShardAttr shard = op.getMeshShardAttr())
      return shard.getTilesX() * tl::kTileSize;
    return tl::paddedToTiles(cols());
  }
  /// Padded beyond whole tiles (a mesh's last shards): the pad and crop
  /// helpers take the padded extent.
  bool paddedPastTiles() const {
    return paddedRows() != tl::paddedToTiles(rows()) ||
           paddedCols() != tl::paddedToTiles(cols());
  }
  bool padded() const { return paddedRows() != rows() || paddedCols() != cols(); }
};

/// A work split the program sets arguments over, and what its kernels call
/// a core's share of it.
struct WorkSplitInfo {
  WorkSplitAttr split;
  /// The kernels' names of a core's first unit and unit count
  /// (start_block / num_blocks), and of the unit itself (blocks).
  std::string start = "work_start", count = "work_count", unit = "units";
  /// Every tt.set_runtime_args over this split, with its kernel.
  SmallVector<std::pair<const KernelInfo *, SetRuntimeArgsOp>> uses;
};

/// How close the device's C must be to the host's reference:
///   max |C - ref| <= max |ref| * relativeBound(), with
///   relativeBound() = uOut + sqrt(dstRoundings) * uDst + uMul + uIn.
/// (The PCC is reported, not checked: no floor follows from the numerics,
/// and a fixed one rejects correct results whose values vary little, such
/// as products of all-positive inputs.)
struct Tolerance {
  /// Rounding of the output format (bf16: 2^-8, f32: 2^-24).
  double uOut = 0;
  /// Rounding of the DST accumulator (bf16 DST: 2^-8, fp32 DST with
  /// fp32_dest_acc_en: 2^-24).
  double uDst = 0;
  /// Products at the math fidelity: the operand bits no phase reads (bf16:
  /// HiFi4 0, HiFi3 under 2^-11, HiFi2 2^-7, LoFi 2^-4; fp32 inputs lose
  /// source A's bits past 9 even at HiFi4: 2^-8 - 2^-10).
  double uMul = 0;
  /// f32 inputs enter the matrix engine with a 10-bit mantissa (2^-11);
  /// bf16 inputs are exact.
  double uIn = 0;
  /// K in whole tiles (K / 32), as the plan reports it.
  int64_t kTiles = 1;
  /// Roundings in DST along one output's sum: a bf16 DST rounds once per K
  /// tile (K / 32), an fp32 DST once per product (K: the matrix engine adds
  /// each product to DST in fp32); adding C's values (C += A * B) is one
  /// more. They add up like a random walk, hence the square root.
  int64_t dstRoundings = 1;

  double relativeBound() const;
};

/// The checked view of a tt.program and its kernels.
struct ProgramInfo {
  mutable ModuleOp module;
  mutable ProgramOp program;
  SmallVector<BufferInfo> buffers;
  mutable SmallVector<CreateCBOp> cbs;
  /// tt.semaphore ops, in program order.
  mutable SmallVector<SemaphoreOp> semaphores;
  /// In tt.create_kernel order.
  SmallVector<KernelInfo> kernels;
  /// tt.enqueue_write_buffer / tt.enqueue_program / tt.enqueue_read_buffer,
  /// in program order.
  SmallVector<Operation *> steps;
  /// The distinct work splits of the tt.set_runtime_args, in program order.
  SmallVector<WorkSplitInfo> splits;
  /// The result check, if the program asks for one.
  mutable ReferenceMatmulOp reference;
  /// M, K and N of the checked product op(A) * op(B), in elements.
  struct MatmulDims {
    int64_t m = 0, k = 0, n = 0;
    /// Products checked: C's matrices (1 without a batch).
    int64_t batch = 1;
  } referenceDims;
  Tolerance tolerance;

  const BufferInfo *buffer(StringRef symbol) const;
  /// The semaphore `symbol`, or null.
  SemaphoreOp semaphore(StringRef symbol) const;
  const KernelInfo *kernel(KernelRole role) const;
  const KernelInfo *kernel(StringRef symbol) const;
  /// The index of `split` in `splits`.
  size_t splitIndex(WorkSplitAttr split) const;
};

/// Finds the single tt.program of `module` and checks everything the
/// emitters rely on; failures are located diagnostics.
FailureOr<ProgramInfo> analyzeProgram(ModuleOp module);

/// The C++ source of `kernel`, through convert-tt-to-emitc and
/// mlir::emitc::translateToCpp.
FailureOr<std::string> emitKernelSource(const KernelInfo &kernel);

/// host.cpp.
std::string emitHostProgram(const ProgramInfo &info);

/// The helpers host.cpp includes (lib/Target/Metalium/support/), shipped
/// unchanged with every program.
inline constexpr const char *kHostSupportFile = "tt_host_support.hpp";
StringRef hostSupportHeader();

/// tt.plan.json (schema lib/Target/Metalium/tt.plan.schema.json).
std::string emitPlan(const ProgramInfo &info);

/// CMakeLists.txt and README.txt of the output directory.
std::string emitCMakeLists(const ProgramInfo &info);
std::string emitReadme(const ProgramInfo &info);

//===----------------------------------------------------------------------===//
// Spellings shared by the emitters
//===----------------------------------------------------------------------===//

/// A C++ identifier made from a symbol name.
std::string sanitize(StringRef name);

/// reader / writer / compute.
StringRef roleName(KernelRole role);
/// Float16_b / Float32 / Bfp8_b / Bfp4_b (tt::DataFormat enumerators).
StringRef dataFormatName(DataFormat format);
/// LoFi / HiFi2 / HiFi3 / HiFi4 (MathFidelity enumerators).
StringRef mathFidelityName(MathFidelity fidelity);
/// RISCV_0 / RISCV_1.
StringRef processorName(Processor processor);
/// RISCV_0_default / RISCV_1_default.
StringRef nocName(Noc noc);
/// n150 / p150 board of an architecture, for comments.
StringRef boardName(Arch arch);

/// The version of tt.plan.json's schema this emitter writes.
inline constexpr const char *kPlanSchemaVersion = "2.8";

} // namespace mlir::tt::metalium

#endif // TTDIALECT_LIB_TARGET_METALIUM_METALIUMPROGRAM_H
