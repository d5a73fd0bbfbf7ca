//===- TTDialect.td - Tenstorrent Metalium dialect ---------*- tablegen -*-===//
#ifndef TTDIALECT_TT_IR_TTDIALECT_TD
#define TTDIALECT_TT_IR_TTDIALECT_TD

include "mlir/IR/OpBase.td"

def TT_Dialect : Dialect {
  let name = "tt";
  let cppNamespace = "::mlir::tt";
  let summary = "Tenstorrent Metalium programs: kernels, circular buffers, NoC and host objects";
  let description = [{
    Ops of this dialect are Metalium's own concepts at the tt-metal commit the
    project targets (the "2026.08 profile"). Kernel-side ops live in
    `func.func` kernels marked with `tt.kernel_role`; each maps to one call of
    Metalium's kernel API (`cb_reserve_back`, `noc_async_read_page`,
    `matmul_tiles`, ...). Host-side ops live in a `tt.program` and map to host
    API objects (`MeshBuffer`, `CreateCircularBuffer`, `CreateKernel`,
    `SetRuntimeArgs`, enqueue calls).
  }];
  let dependentDialects = ["::mlir::func::FuncDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::scf::SCFDialect"];
  let useDefaultAttributePrinterParser = 1;
  let useDefaultTypePrinterParser = 1;
  let hasOperationAttrVerify = 1;
  let hasRegionArgAttrVerify = 1;
  let extraClassDeclaration = [{
    /// Name of the discardable attribute that makes a `func.func` a kernel.
    static constexpr ::llvm::StringLiteral kKernelRoleAttrName = "tt.kernel_role";
    // Planning attributes the lowering passes attach to the function they lower.
    /// What the function is compiled for: a #tt.target.
    static constexpr ::llvm::StringLiteral kTargetAttrName = "tt.target";
    /// How its output blocks are spread over cores: a #tt.work_split.
    static constexpr ::llvm::StringLiteral kWorkSplitAttrName = "tt.work_split";
    /// The schedule chosen for the function's matmul: a #tt.schedule.
    static constexpr ::llvm::StringLiteral kScheduleAttrName = "tt.schedule";
    /// On a tl.copy that loads a block: the block is the same for every core
    /// of a grid row or column, so its first core reads it and multicasts it
    /// (a #tt.along, set by tt-infer-schedule, read by tt-lower-memory-space).
    static constexpr ::llvm::StringLiteral kMulticastAttrName = "tt.multicast";
    /// On loops the passes create: what the loop does, for people reading the
    /// emitted C++ (printed as a comment above it).
    static constexpr ::llvm::StringLiteral kCommentAttrName = "tt.comment";
    /// On loops and values the passes create: the C++ name of the loop
    /// counter or of the value in the emitted kernel (`kt`, `out_row`).
    static constexpr ::llvm::StringLiteral kNameAttrName = "tt.name";
    /// A #tt.matmul, set when the kernel computes the whole C = op(A) * op(B)
    /// (so the host program can check its result against a reference matmul).
    static constexpr ::llvm::StringLiteral kWholeMatmulAttrName = "tt.whole_matmul";
    // The kernel interface tt-split-kernels fixes and tt-build-program reads.
    /// On a kernel: where each runtime argument comes from, in order (a
    /// buffer's name for its address, #tt.work<start|count>, an integer).
    static constexpr ::llvm::StringLiteral kRuntimeArgsAttrName = "tt.runtime_args";
    /// On a kernel: the buffers whose TensorAccessorArgs the host appends to
    /// its compile-time arguments, in order (buffer names).
    static constexpr ::llvm::StringLiteral kCompileArgsAttrName = "tt.compile_args";
    /// On a host interface (a declaration): its kernels (symbol references).
    static constexpr ::llvm::StringLiteral kKernelsAttrName = "tt.kernels";
    /// Argument attribute: the layout descriptor of a global buffer.
    static constexpr ::llvm::StringLiteral kShardAttrName = "tt.shard";
    /// Argument attribute: the data format a matmul input is stored in on the
    /// device when it differs from its element type's (`#tt.format<bfp8_b>`:
    /// block floating point, converted by the host when it uploads the data).
    static constexpr ::llvm::StringLiteral kFormatAttrName = "tt.format";
    /// How a function's matmul is split over a mesh: a #tt.mesh_split
    /// (tt-split-mesh).
    static constexpr ::llvm::StringLiteral kMeshSplitAttrName = "tt.mesh_split";
    /// Argument attributes of a matmul split over a mesh: the global matrix's
    /// shape (the argument is one device's shard of it) and how it is cut
    /// (a #tt.mesh_shard).
    static constexpr ::llvm::StringLiteral kGlobalShapeAttrName = "tt.global_shape";
    static constexpr ::llvm::StringLiteral kMeshShardAttrName = "tt.mesh_shard";
    void registerAttributes();
  }];
}

class TT_Op<string mnemonic, list<Trait> traits = []>
    : Op<TT_Dialect, mnemonic, traits>;

#endif // TTDIALECT_TT_IR_TTDIALECT_TD
