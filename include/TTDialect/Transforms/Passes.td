//===- Passes.td - tl -> tt lowering passes ----------------*- tablegen -*-===//
#ifndef TTDIALECT_TRANSFORMS_PASSES_TD
#define TTDIALECT_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def TLFoldSharedBatch : Pass<"tl-fold-shared-batch", "mlir::func::FuncOp"> {
  let summary = "Compute a batch that shares B as one matmul of the stacked matrices";
  let description = [{
    `C[i] = A[i] * B` for every matrix `i` of a batch is one matmul of the
    matrices stacked: `batch*M x K` times `K x N`. When `M` is a multiple of
    32 (and `A` is not transposed), the stacked matrices are stored exactly as
    the batch is, each matrix starting at tile row `i * Mt` with no padding
    between them, so the fold changes only the view: `tl.matmul` then reads
    `memref.collapse_shape`s of `A` and `C`. The schedules that follow share
    `B`'s blocks between all the matrices (read once per block column, not
    once per matrix) and spread the stacked rows over the cores, as ttnn
    folds a batch into M. Other batches are left as they are (each matrix
    padded on its own, or `A` stored transposed).

    Example:

    ```mlir
    tl.matmul %X, %W into %Y
        : memref<8x256x64xbf16>, memref<64x96xbf16> into memref<8x256x96xbf16>
    // becomes
    %X2 = memref.collapse_shape %X [[0, 1], [2]] : memref<8x256x64xbf16> into memref<2048x64xbf16>
    %Y2 = memref.collapse_shape %Y [[0, 1], [2]] : memref<8x256x96xbf16> into memref<2048x96xbf16>
    tl.matmul %X2, %W into %Y2
        : memref<2048x64xbf16>, memref<64x96xbf16> into memref<2048x96xbf16>
    ```
  }];
  let dependentDialects = ["mlir::memref::MemRefDialect"];
}

def TLMatmulToKernel : Pass<"tl-matmul-to-kernel", "mlir::func::FuncOp"> {
  let summary = "Rewrite whole-buffer tl.matmul into the tl kernel form";
  let description = [{
    Produces the program a TileLang user would write for `C = A * B`: a grid
    of `N / block-n` x `M / block-m` blocks (the function's `tt.schedule`
    blocks when `tt-select-schedule` chose them), shared buffers for A and B, an
    f32 fragment, and a pipelined K loop of copies and `gemm`, marked
    `whole_matmul` (it computes the whole product). Blocks cover the
    dimensions rounded up to whole 32x32 tiles (the copies read zeros in a
    last tile's padding); a block size must divide the padded dimension.
    A transposed operand's shared block holds the region as it is stored
    (`block-n x block-k` for `transpose_b`, as TileLang declares `B_shared`
    for `transpose_B=True`) and the gemm carries the transpose. A batch
    (rank-3 `C`) is the grid's third extent: `tl.kernel [gx, gy, batch] as
    (%bx, %by, %bz)`, each batched operand copied from matrix `%bz`.

    Example (block sizes 32):

    ```mlir
    tl.matmul %A, %B into %C : memref<64x32xbf16>, memref<32x96xbf16> into memref<64x96xbf16>
    // becomes
    tl.kernel [3, 2] as (%bx, %by) whole_matmul {
      %A_shared = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
      ...
      tl.pipelined %k in 1 stages 2 { tl.copy ...  tl.gemm ... }
      tl.copy %C_local to %C[%row, %col] : ...
    }
    ```
  }];
  let options = [
    Option<"blockM", "block-m", "int64_t", "32", "rows of C per block">,
    Option<"blockN", "block-n", "int64_t", "32", "columns of C per block">,
    Option<"blockK", "block-k", "int64_t", "32", "K extent per pipelined step">,
    Option<"numStages", "stages", "int64_t", "2", "stages of the K loop">
  ];
  let dependentDialects = ["mlir::tl::TLDialect", "mlir::arith::ArithDialect"];
}

def TTApplyTargetDefaults : Pass<"tt-apply-target-defaults", "mlir::func::FuncOp"> {
  let summary = "Attach the Tenstorrent target a tl kernel is compiled for";
  let description = [{
    On every function holding a `tl.kernel` or a `tl.matmul` and no
    `tt.target`, sets
    `tt.target` from the pass options: the device, the matrix engine's math
    fidelity and whether DST accumulates in fp32. A `tt.target` the user
    wrote is never changed.

    Example (`--tt-apply-target-defaults=device=blackhole`):

    ```mlir
    func.func @mm(...) attributes {
        tt.target = #tt.target<device = <blackhole>, math_fidelity = hifi4, fp32_dest_acc = false>}
    ```
  }];
  let options = [
    Option<"device", "device", "::mlir::tt::Arch", "::mlir::tt::Arch::WormholeB0",
           "target device", [{::llvm::cl::values(
             clEnumValN(::mlir::tt::Arch::WormholeB0, "wormhole_b0", "Wormhole (n150 card)"),
             clEnumValN(::mlir::tt::Arch::Blackhole, "blackhole", "Blackhole (p150 card)"))}]>,
    Option<"mathFidelity", "math-fidelity", "::mlir::tt::MathFidelity",
           "::mlir::tt::MathFidelity::HiFi4", "matrix engine fidelity", [{::llvm::cl::values(
             clEnumValN(::mlir::tt::MathFidelity::LoFi, "lofi", "one multiplier phase"),
             clEnumValN(::mlir::tt::MathFidelity::HiFi2, "hifi2", "two phases"),
             clEnumValN(::mlir::tt::MathFidelity::HiFi3, "hifi3", "three phases"),
             clEnumValN(::mlir::tt::MathFidelity::HiFi4, "hifi4", "four phases (full precision)"))}]>,
    Option<"fp32DestAcc", "fp32-dest-acc", "bool", "false",
           "accumulate in fp32 in DST (half the DST tiles)">,
    Option<"system", "system", "::mlir::tt::System", "::mlir::tt::System::Single",
           "the devices a whole matmul is split over", [{::llvm::cl::values(
             clEnumValN(::mlir::tt::System::Single, "single", "one device (n150 or p150)"),
             clEnumValN(::mlir::tt::System::N300, "n300", "an n300 card: a 1x2 mesh of Wormholes"),
             clEnumValN(::mlir::tt::System::T3K, "t3k", "a T3000: a 2x4 mesh of Wormholes"),
             clEnumValN(::mlir::tt::System::Galaxy, "galaxy", "a Galaxy: a 4x8 mesh of Wormholes"))}]>
  ];
  let dependentDialects = ["mlir::tt::TTDialect"];
}

def TTSplitMesh : Pass<"tt-split-mesh", "mlir::func::FuncOp"> {
  let summary = "Split a whole-buffer matmul over the devices of a mesh";
  let description = [{
    For a function whose `tt.target` names a mesh of more than one device,
    cuts its `tl.matmul` into one shard per device: C's rows over `m`
    devices and its columns over `n` (`m * n` devices). Candidates: by M over
    all devices (B copied to each), by N over all devices (A copied), and on
    a 2D mesh by M over its rows and N over its columns. Each is predicted
    with the single-device cost model on its shard (the best schedule the
    shard gets) plus the host transfers over the system's host links (the
    emulator's system model); the cheapest wins unless `split` fixes it.
    A split along K would need a reduction across devices and is not made.

    The function's arguments become one device's shards (dimensions that
    are split round up to whole tiles, the last shards zero-padded), each
    with `tt.global_shape` (the matrix the host holds) and `tt.mesh_shard`
    (how it is cut, as tt-metal's `ShardedBufferConfig`); the function gets
    `tt.mesh_split`. The rest of the pipeline compiles the shard as a
    single-device matmul; `tt-build-program` and the emitter make the mesh
    buffers and run the program on every device.

    Example (`--tt-split-mesh` on a 2x4 mesh; 1024x1024x1024):

    ```mlir
    func.func @mm(%a: memref<512x1024xbf16> {tt.global_shape = array<i64: 1024, 1024>,
                     tt.mesh_shard = #tt.mesh_shard<tiles_y = 32, tiles_x = 32, shard_y = 16,
                                                    shard_x = 0, col_major = true>}, ...)
        attributes {tt.mesh_split = #tt.mesh_split<m = 2, n = 4>, ...}
    ```
  }];
  let options = [
    Option<"split", "split", "::mlir::tt::MeshSplitChoice", "::mlir::tt::MeshSplitChoice::Auto",
           "how C is cut over the devices", [{::llvm::cl::values(
             clEnumValN(::mlir::tt::MeshSplitChoice::Auto, "auto", "chosen by the cost model"),
             clEnumValN(::mlir::tt::MeshSplitChoice::M, "m", "rows of C over all devices (B on every device)"),
             clEnumValN(::mlir::tt::MeshSplitChoice::N, "n", "columns of C over all devices (A on every device)"),
             clEnumValN(::mlir::tt::MeshSplitChoice::Both, "both", "rows over the mesh's rows, columns over its columns"))}]>,
    Option<"explain", "explain", "bool", "false",
           "report each split's predicted device and host-transfer time">
  ];
  let dependentDialects = ["mlir::tt::TTDialect"];
}

def TTSelectSchedule : Pass<"tt-select-schedule", "mlir::func::FuncOp"> {
  let summary = "Choose the schedule and block sizes of a whole-buffer matmul by cost";
  let description = [{
    For a function's `tl.matmul`, considers every schedule (`reuse`,
    `multicast`) and every output block and K step (tile multiples that
    divide M, N and K, K steps up to 8 tiles) the options leave open, keeps
    those whose circular buffers fit L1 and whose grid the schedule can map,
    predicts each one's cycles with an analytic model of the device (the
    parameters the emulator's timing model uses,
    `emulator/include/ttemu/device_model.hpp`) and records the fastest as
    `tt.schedule`. Options the user gives are honored as given.

    With `explain`, a remark at the matmul says which candidate won, its
    predicted cycles and modeled utilization, what bounds it, and how the
    best candidates of each kind compare.

    Example (`--tt-select-schedule` on a 2048^3 bf16 matmul, Wormhole):

    ```mlir
    func.func @mm(...) attributes {
      tt.schedule = #tt.schedule<kind = multicast, block_m = 256, block_n = 256, block_k = 128>, ...}
    ```
  }];
  let options = [
    Option<"schedule", "schedule", "::mlir::tt::Schedule",
           "::mlir::tt::Schedule::Auto", "the schedule (auto: choose by cost)",
           [{::llvm::cl::values(
             clEnumValN(::mlir::tt::Schedule::Auto, "auto", "choose by cost"),
             clEnumValN(::mlir::tt::Schedule::Reuse, "reuse",
                        "blocks split over all cores, each core reads its own inputs"),
             clEnumValN(::mlir::tt::Schedule::Multicast, "multicast",
                        "one block per core; A multicast along rows, B down columns (or a shared block to the whole grid)"))}]>,
    Option<"blockM", "block-m", "int64_t", "0", "rows of C per block (0: choose)">,
    Option<"blockN", "block-n", "int64_t", "0", "columns of C per block (0: choose)">,
    Option<"blockK", "block-k", "int64_t", "0", "K extent per K step (0: choose)">,
    Option<"numStages", "stages", "int64_t", "2", "stages of the K loop">,
    Option<"explain", "explain", "bool", "false",
           "report the candidates and why the winner won (a remark)">
  ];
  let dependentDialects = ["mlir::tt::TTDialect"];
}

def TTInferSchedule : Pass<"tt-infer-schedule", "mlir::func::FuncOp"> {
  let summary = "Map the output blocks of a tl kernel onto the device's cores";
  let description = [{
    Counts the kernel's output blocks (its grid) and decides which core
    computes which, recorded as `tt.work_split`. The host program calls
    `split_work_to_cores` itself and loops over the cores, so nothing here
    grows with the number of cores. A kernel marked `whole_matmul` marks the
    function `tt.whole_matmul` for the host program's reference check.

    The schedule is the function's `tt.schedule` (`tt-select-schedule`
    chose it), else the option; `auto` (the default) takes the one the cost
    model predicts faster for the kernel's own blocks, multicast only when
    the blocks fit the core grid and some load is shared.

    A batch (a grid's third extent) multiplies the units: `reuse` splits
    every block of every matrix over the cores; `multicast` keeps one block
    per core for the blocks of one matrix and each core computes its block of
    every matrix in turn (`tt-grid-to-persistent` loops over the batch).

    `schedule=reuse` splits the blocks the way tt-metal's
    `split_work_to_cores(grid, blocks, row_wise = false)` does:
    `min(blocks, cores)` cores numbered column-major, in two groups whose
    shares differ by one. Every core reads its own A and B blocks.

    `schedule=multicast` (the 2D multicast of tt-metal's
    `matmul_multicore_reuse_mcast`) places block `(bx, by)` on core
    `(bx, by)` of a `grid_x x grid_y` rectangle, one block per core, and marks
    each block load (`tl.copy` into shared memory) whose indices do not depend
    on `bx` with `tt.multicast = #tt.along<row>` (all cores of a row load
    it: A) and each that does not depend on `by` with `#tt.along<column>`
    (B). The first core of each row (column) then reads the block and
    multicasts it, so each DRAM tile is read once. The kernel's grid must fit
    the device's compute grid, or be one row (column) of blocks that fills a
    rectangle of it: those blocks are folded onto it row by row (the 1D
    multicast of tt-metal's `matmul_multicore_reuse_mcast_1d` for
    short-wide and tall-skinny products), each core reads its own B (A)
    blocks, and the load every block shares is marked
    `#tt.along<grid>`: core (0, 0) reads it and multicasts it to the whole
    rectangle.

    Example: 120 blocks on an 8x8 Wormhole grid (`reuse`) give

    ```mlir
    tt.work_split = #tt.work_split<units = 120, grid_x = 8, grid_y = 8, row_wise = false,
                                   cores = 64, group1_cores = 56, group1_units = 2, group2_units = 1>
    ```

    and a 4x2 grid of blocks (`multicast`)

    ```mlir
    tt.work_split = #tt.work_split<units = 8, grid_x = 4, grid_y = 2, row_wise = true,
                                   cores = 8, group1_cores = 8, group1_units = 1, group2_units = 0>
    tl.copy %A[%row, %kk] to %A_shared {tt.multicast = #tt.along<row>} : ...
    tl.copy %B[%kk, %col] to %B_shared {tt.multicast = #tt.along<column>} : ...
    ```
  }];
  let options = [
    Option<"schedule", "schedule", "::mlir::tt::Schedule",
           "::mlir::tt::Schedule::Auto", "how blocks and their inputs reach the cores",
           [{::llvm::cl::values(
             clEnumValN(::mlir::tt::Schedule::Auto, "auto",
                        "the function's tt.schedule, else the cheaper one for the kernel's blocks"),
             clEnumValN(::mlir::tt::Schedule::Reuse, "reuse",
                        "blocks split over all cores, each core reads its own inputs"),
             clEnumValN(::mlir::tt::Schedule::Multicast, "multicast",
                        "one block per core; A multicast along rows, B down columns (or a shared block to the whole grid)"))}]>,
    Option<"explain", "explain", "bool", "false",
           "with schedule=auto, report both schedules' predicted cycles (a remark)">
  ];
  let dependentDialects = ["mlir::tt::TTDialect"];
}

def TTInferShard : Pass<"tt-infer-shard", "mlir::func::FuncOp"> {
  let summary = "Describe the DRAM layout of every global buffer of a tl kernel";
  let description = [{
    Attaches `tt.shard` to each memref argument: DRAM-interleaved layout (the
    only one the lowering emits), 32x32 tiles per dimension, page size and
    data format. A partial last tile row or column is stored whole: the host
    zero-pads the data (at most 31 rows and columns), so kernels see whole
    tiles, zeros along K add nothing and C's padding is cut off on read-back.
    Padding in the host rather than in the readers keeps one kernel per
    padded shape and no per-tile masks on the device; it costs at most one
    extra tile row and column per operand.

    Example:

    ```mlir
    func.func @mm(%A: memref<64x96xbf16> {tt.shard = #tt.shard<layout = dram_interleaved,
        tiles_y = 2, tiles_x = 3, page_size = 2048, format = bf16>}, ...)
    ```
  }];
  let dependentDialects = ["mlir::tt::TTDialect"];
}

def TTGridToPersistent : Pass<"tt-grid-to-persistent", "mlir::func::FuncOp"> {
  let summary = "Turn the block grid into a per-core loop over the blocks it owns";
  let description = [{
    Replaces `tl.kernel` by a loop over the running core's output tiles
    (`tt.core_tile_range`) and recovers the block indices from the tile id
    (row-major: `bx = t mod grid_x`, `by = t / grid_x`). The grid extents
    become `tt.runtime_param`s so kernels stay shape-generic. The body must
    already be in `tt` terms (`tt-lower-memory-space` runs first, while the
    grid is still visible): it computes with the i32 block coordinates
    directly. When one-tile-wide blocks cover the whole matmul, `grid_x` is
    C's tile columns and the store's `Nt` parameter serves for both.

    A 3-D grid is a batch: when the function's work split counts every block
    of every matrix, `by = (t / grid_x) mod grid_y` and the matrix
    `bz = t / (grid_x * grid_y)`; when it counts the blocks of one matrix
    (the multicast schedule), each core loops over the `batch` matrices
    inside its block loop, so the cores of a row or column step through the
    batch together.

    Example:

    ```mlir
    tl.kernel [2, 2] as (%bx, %by) {
      %bx_i32 = arith.index_castui %bx : index to i32
      tt.read_tiles %A[%by_i32, %k] ...
    }
    ```

    becomes

    ```mlir
    %start, %count = tt.core_tile_range : i32, i32
    %grid_x = tt.runtime_param "grid_x" = 2 : i32
    scf.for %t = %start to %end step %c1 : i32 {
      %out_col = arith.remui %t, %grid_x : i32
      %out_row = arith.divui %t, %grid_x : i32
      tt.read_tiles %A[%out_row, %k] ...
    }
    ```
  }];
  let dependentDialects = ["mlir::tt::TTDialect", "mlir::scf::SCFDialect",
                           "mlir::arith::ArithDialect"];
}

def TTLowerMemorySpace : Pass<"tt-lower-memory-space", "mlir::func::FuncOp"> {
  let summary = "Shared buffers to circular buffers, fragments to DST plus an output CB";
  let description = [{
    Runs inside the `tl.kernel` grid (before `tt-grid-to-persistent`), so
    block indices, the K loop and the fragment's uses are still `tl`
    structure; the grid is kept and its body comes out in `tt` terms,
    computing with the block indices as i32 (cast once at the top).

    Each shared buffer becomes an input circular buffer (`c_0`, `c_1`, ...)
    holding `depth` K steps of tiles, its loads `tt.read_tiles`; the fragment
    becomes the DST register and a double-buffered output circular buffer
    (`c_16`) that `tt.write_tiles` drains; `tl.gemm` becomes
    `tt.matmul_block` and the K loop an `scf.for` up to a K-step parameter.

    When the fragment fits DST (8 bf16 tiles in half-sync mode) it stays in
    DST across the K loop: `tl.clear` is `tile_regs_acquire` (the packer
    leaves released DST zeroed) and the store packs it (`tt.pack_block`).
    When it does not, it is computed in subblocks that fit DST and its partial
    sums live in an f32 circular buffer (`c_24`) between K steps (a spilling
    `tt.matmul_block`). The subblock is the largest `h x w` with `h | m`,
    `w | n` and `h * w <= 8`, preferring wide subblocks (long pack runs), unless
    `subblock-h` / `subblock-w` choose it.

    The circular buffers must fit the device's L1; otherwise the error names
    every buffer and its bytes.

    A batched buffer's matrices are stored one after the other, each in
    whole tiles: a copy from matrix `i` reads tile rows from `i * Mt` on, and
    an edge block's row limit moves with it (`i * Mt + Mt`). A stacked view
    of a batch (`memref.collapse_shape`, from `tl-fold-shared-batch`) is
    read and written as the buffer itself.

    Example:

    ```mlir
    %in0 = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
    tt.read_tiles %A[%by, %k] tiles_per_row %Kt block 1 x 1 -> %in0 : ...
    ```
  }];
  let options = [
    Option<"cbDepth", "cb-depth", "int64_t", "0",
           "K steps each input CB holds (0: the K loop's stage count)">,
    Option<"subblockH", "subblock-h", "int64_t", "0",
           "rows of DST subblocks when the output block exceeds DST (0: choose)">,
    Option<"subblockW", "subblock-w", "int64_t", "0",
           "columns of DST subblocks when the output block exceeds DST (0: choose)">
  ];
  let dependentDialects = ["mlir::tt::TTDialect", "mlir::scf::SCFDialect"];
}

def TTTensorize : Pass<"tt-tensorize", "mlir::func::FuncOp"> {
  let summary = "Expand block matmuls and packs into matmul_tiles and the DST handshake";
  let description = [{
    `tt.matmul_block` becomes `cb_wait_front`, one `matmul_tiles` per
    (i, j, k) tile triple accumulating into DST tile `i * n + j`, and
    `cb_pop_front`; `tt.pack_block` becomes `tile_regs_commit`,
    `cb_reserve_back`, `tile_regs_wait`, `pack_tile` per DST tile,
    `tile_regs_release` and `cb_push_back`. A spilling `tt.matmul_block`
    keeps its partial sums in the fp32 CB: the first K step packs them
    there, the middle steps pack onto them with the packer's L1
    accumulation (`pack_reconfig_l1_acc`), the last step reloads them
    (`copy_tile`) and packs the result to the output; the packer and the
    source-A unpacker are reconfigured where the partials' format differs
    (`pack_reconfig_data_format`, `reconfig_data_format_srca`). Subblocks
    larger than DST (8 bf16 tiles in half-sync mode) are rejected.

    Example:

    ```mlir
    tt.matmul_block %in0, %in1 block 1 x 1 x 1 : ...
    // becomes
    tt.cb_wait_front %in0, %c1 ...
    tt.matmul_tiles %in0[%c0], %in1[%c0] -> dst[%c0] : ...
    tt.cb_pop_front %in0, %c1 ...
    ```
  }];
  let dependentDialects = ["mlir::tt::TTDialect", "mlir::arith::ArithDialect"];
}

def TTSplitKernels : Pass<"tt-split-kernels", "mlir::ModuleOp"> {
  let summary = "Split the lowered function into reader, compute and writer kernels";
  let description = [{
    Clones the planned function once per RISC-V role and keeps in each copy
    only that role's work (tile reads, compute, tile writes) and what it
    depends on. A read multicast down the core's column goes with the writer
    (the other RISC and NoC, as in tt-metal's multicast matmul), so the row's
    and the column's multicasts proceed side by side. It fixes each kernel's interface: the buffers' addresses, the
    core's tile range and the shape parameters become runtime arguments
    (`tt.get_arg_val`), the buffers become `TensorAccessor`s whose
    compile-time arguments the host appends, and the kernel records where each
    argument comes from (`tt.runtime_args`, `tt.compile_args`) for
    `tt-build-program`. The compute kernel gets its hardware start-up and
    `matmul_init`. What remains of the function is a declaration, its host
    interface: the named buffers with their DRAM layouts, the target, the work
    split and the kernels (`tt.kernels`).

    Example (the reader of a 1x1-block matmul; compute and writer alike):

    ```mlir
    func.func private @mm(memref<64x64xbf16> {tt.name = "a", tt.shard = ...}, ...)
        attributes {tt.kernels = [@mm_reader, @mm_compute, @mm_writer],
                    tt.target = ..., tt.work_split = ...}
    func.func @mm_reader() attributes {
        tt.compile_args = ["a", "b"], tt.kernel_role = #tt.kernel_role<reader>,
        tt.runtime_args = ["a", "b", #tt.work<start>, #tt.work<count>, 2, 3]} {
      %a_addr = tt.get_arg_val 0 as "a_addr" : i32
      %a = tt.tensor_accessor %a_addr args 0 as "a" : !tt.accessor
      ...
      tt.read_tiles %a[%by, %k] tiles_per_row %Kt block 1 x 1 -> %cb_in0
          : !tt.accessor, !tt.cb<0, 2 x !tt.tile<bf16>>
    ```
  }];
  let dependentDialects = ["mlir::tt::TTDialect", "mlir::scf::SCFDialect",
                           "mlir::arith::ArithDialect"];
}

def TTLowerDataflow : Pass<"tt-lower-dataflow", "mlir::func::FuncOp"> {
  let summary = "Expand a kernel's tile reads and writes into NoC page transfers";
  let description = [{
    Rewrites `tt.read_tiles` into CB reservations, one
    `noc_async_read_page` per tile through the kernel's `TensorAccessor`, a
    read barrier and pushes; adjacent reads share one barrier. A read with
    `multicast <row>` (`<column>`) is read from DRAM by its group's first
    core only: receivers reserve their pages, clear their valid flag and
    count themselves ready on the sender's semaphore (`noc_semaphore_inc`);
    after the barrier the sender waits for them, multicasts the block and
    then its valid flag, which the receivers wait for. The group's facts
    (sender and receiver NoC coordinates, count, semaphore ids) become
    runtime arguments appended to the kernel's `tt.runtime_args`
    (`#tt.mcast<row, sender_x>`, ...). Rewrites `tt.write_tiles` into page
    writes subblock by subblock, in the order compute packs them (wait,
    write, flush, pop for each), and a write barrier. Runs on kernels (after
    `tt-split-kernels`), where buffers are accessors.

    Example:

    ```mlir
    tt.read_tiles %a[%by, %k] tiles_per_row %Kt block 1 x 1 -> %cb_in0
        : !tt.accessor, !tt.cb<0, 2 x !tt.tile<bf16>>
    // becomes
    tt.cb_reserve_back %cb_in0, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
    %l1 = tt.get_write_ptr %cb_in0 : !tt.cb<0, 2 x !tt.tile<bf16>> -> i32
    %row = arith.muli %by, %Kt : i32
    %page = arith.addi %row, %k : i32
    tt.noc_async_read_page %page, %a, %l1 : i32, !tt.accessor, i32
    tt.noc_async_read_barrier
    tt.cb_push_back %cb_in0, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
    ```
  }];
  let dependentDialects = ["mlir::tt::TTDialect", "mlir::scf::SCFDialect",
                           "mlir::arith::ArithDialect"];
}

def TTBuildProgram : Pass<"tt-build-program", "mlir::ModuleOp"> {
  let summary = "Build the host tt.program of a function's kernels";
  let description = [{
    Replaces each host interface `tt-split-kernels` left (a declaration with
    `tt.kernels`) by a `tt.program`: a DRAM buffer per argument, the circular
    buffers the kernels use on every core of the work split, the kernels'
    placement (reader on RISCV_1 / NoC 1, writer on RISCV_0 / NoC 0, compute
    with the target's fidelity), the semaphores of the multicast groups the
    kernels use (`tt.semaphore`, named by the runtime arguments that pass
    their ids), their runtime arguments over the work split,
    and the host steps (inputs written, program enqueued, output read back,
    a reference matmul when the kernels compute the whole product).

    Example output:

    ```mlir
    tt.program @mm device <wormhole_b0> {
      tt.buffer @a size 8192 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 64]
      ...
      tt.create_kernel @mm_reader on <(0, 0) to (0, 5)> config #tt.data_movement<...> compile_args [@a, @b]
      tt.set_runtime_args @mm_reader split <...> [@a, @b, #tt.work<start>, #tt.work<count>, 2, 3]
      tt.enqueue_write_buffer @a
      ...
    }
    ```
  }];
  let dependentDialects = ["mlir::tt::TTDialect"];
}

def TTVerify : Pass<"tt-verify", "mlir::ModuleOp"> {
  let summary = "Check the whole-program rules of a lowered Metalium program";
  let description = [{
    Fails with a located diagnostic unless: every circular buffer a kernel
    uses is configured on the kernel's cores with the same page count and
    format; every CB has exactly one producer kernel (reserve/push) and one
    consumer kernel (wait/pop); pushes equal reserves and pops equal waits in
    each loop body; each kernel's runtime-argument table has the same length
    on every core and covers every index the kernel reads; the circular
    buffers of every core fit the device's L1.
  }];
}

#endif // TTDIALECT_TRANSFORMS_PASSES_TD
