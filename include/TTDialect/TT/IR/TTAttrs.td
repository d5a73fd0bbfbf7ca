//===- TTAttrs.td - tt enums and attributes ----------------*- tablegen -*-===//
#ifndef TTDIALECT_TT_IR_TTATTRS_TD
#define TTDIALECT_TT_IR_TTATTRS_TD

include "TTDialect/TT/IR/TTDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def TT_DataFormat : I32EnumAttr<"DataFormat", "tile data format (tt::DataFormat)", [
  I32EnumAttrCase<"Float16_b", 0, "bf16">,
  I32EnumAttrCase<"Float32", 1, "f32">,
  I32EnumAttrCase<"Bfp8_b", 2, "bfp8_b">,
  I32EnumAttrCase<"Bfp4_b", 3, "bfp4_b">
]> {
  let cppNamespace = "::mlir::tt";
  let genSpecializedAttr = 0;
}

def TT_MathFidelity : I32EnumAttr<"MathFidelity", "matrix engine fidelity (MathFidelity)", [
  I32EnumAttrCase<"LoFi", 0, "lofi">,
  I32EnumAttrCase<"HiFi2", 2, "hifi2">,
  I32EnumAttrCase<"HiFi3", 3, "hifi3">,
  I32EnumAttrCase<"HiFi4", 4, "hifi4">
]> {
  let cppNamespace = "::mlir::tt";
  let genSpecializedAttr = 0;
}

def TT_KernelRole : I32EnumAttr<"KernelRole", "what a kernel does", [
  I32EnumAttrCase<"Reader", 0, "reader">,
  I32EnumAttrCase<"Writer", 1, "writer">,
  I32EnumAttrCase<"Compute", 2, "compute">
]> {
  let cppNamespace = "::mlir::tt";
  let genSpecializedAttr = 0;
}

def TT_Processor : I32EnumAttr<"Processor", "data-movement RISC-V (DataMovementProcessor)", [
  I32EnumAttrCase<"RISCV_0", 0, "riscv_0">,
  I32EnumAttrCase<"RISCV_1", 1, "riscv_1">
]> {
  let cppNamespace = "::mlir::tt";
  let genSpecializedAttr = 0;
}

def TT_Noc : I32EnumAttr<"Noc", "network-on-chip a data-movement kernel uses (NOC)", [
  I32EnumAttrCase<"RISCV_0_default", 0, "riscv_0_default">,
  I32EnumAttrCase<"RISCV_1_default", 1, "riscv_1_default">
]> {
  let cppNamespace = "::mlir::tt";
  let genSpecializedAttr = 0;
}

def TT_Arch : I32EnumAttr<"Arch", "Tenstorrent chip architecture", [
  I32EnumAttrCase<"WormholeB0", 0, "wormhole_b0">,
  I32EnumAttrCase<"Blackhole", 1, "blackhole">
]> {
  let cppNamespace = "::mlir::tt";
  let genSpecializedAttr = 0;
}

def TT_BufferLayout : I32EnumAttr<"BufferLayout", "how a buffer's pages are placed", [
  I32EnumAttrCase<"DramInterleaved", 0, "dram_interleaved">,
  I32EnumAttrCase<"L1Sharded", 1, "l1_sharded">
]> {
  let cppNamespace = "::mlir::tt";
  let genSpecializedAttr = 0;
}

def TT_Schedule : I32EnumAttr<"Schedule", "how output blocks and their inputs reach the cores", [
  I32EnumAttrCase<"Reuse", 0, "reuse">,
  I32EnumAttrCase<"Multicast", 1, "multicast">,
  I32EnumAttrCase<"Auto", 2, "auto">
]> {
  let cppNamespace = "::mlir::tt";
  let genSpecializedAttr = 0;
}

class TT_EnumAttr<EnumAttrInfo enumInfo, string mnemonic, string doc>
    : EnumAttr<TT_Dialect, enumInfo, mnemonic> {
  let summary = doc;
  let assemblyFormat = "`<` $value `>`";
}

def TT_DataFormatAttr : TT_EnumAttr<TT_DataFormat, "format",
    "tile data format: bf16 (Float16_b), f32 (Float32), bfp8_b (Bfp8_b), bfp4_b (Bfp4_b)">;
def TT_MathFidelityAttr : TT_EnumAttr<TT_MathFidelity, "fidelity",
    "matrix engine fidelity">;
def TT_KernelRoleAttr : TT_EnumAttr<TT_KernelRole, "kernel_role",
    "role of a kernel function: reader, writer or compute">;
def TT_ProcessorAttr : TT_EnumAttr<TT_Processor, "processor",
    "data-movement RISC-V core">;
def TT_NocAttr : TT_EnumAttr<TT_Noc, "noc", "NoC of a data-movement kernel">;
def TT_ArchAttr : TT_EnumAttr<TT_Arch, "arch", "chip architecture">;
def TT_BufferLayoutAttr : TT_EnumAttr<TT_BufferLayout, "layout",
    "buffer page placement (DRAM interleaved; L1 sharded is reserved)">;

//===----------------------------------------------------------------------===//
// Cores
//===----------------------------------------------------------------------===//

class TT_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<TT_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

def TT_CoreCoordAttr : TT_Attr<"CoreCoord", "core"> {
  let summary = "logical coordinate of a Tensix core (CoreCoord)";
  let description = [{
    `x` is the column and `y` the row of the compute grid, as in Metalium's
    `CoreCoord{x, y}`.

    Example: `#tt.core<3, 0>`
  }];
  let parameters = (ins "uint32_t":$x, "uint32_t":$y);
  let assemblyFormat = "`<` $x `,` $y `>`";
}

def TT_CoreRangeAttr : TT_Attr<"CoreRange", "core_range"> {
  let summary = "inclusive rectangle of cores (CoreRange)";
  let description = [{
    Example: `#tt.core_range<(0, 0) to (7, 3)>` is 32 cores, columns 0-7 of rows 0-3.
  }];
  let parameters = (ins "uint32_t":$startX, "uint32_t":$startY,
                        "uint32_t":$endX, "uint32_t":$endY);
  let assemblyFormat = "`<` `(` $startX `,` $startY `)` `to` ` ` `(` $endX `,` $endY `)` `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    uint64_t size() const {
      return uint64_t(getEndX() - getStartX() + 1) * (getEndY() - getStartY() + 1);
    }
    bool contains(uint32_t x, uint32_t y) const {
      return x >= getStartX() && x <= getEndX() && y >= getStartY() && y <= getEndY();
    }
    bool intersects(CoreRangeAttr other) const;
  }];
}

def TT_CoreRangeSetAttr : TT_Attr<"CoreRangeSet", "core_range_set"> {
  let summary = "set of disjoint core rectangles (CoreRangeSet)";
  let description = [{
    Example: `#tt.core_range_set<(0, 0) to (7, 6), (0, 7) to (3, 7)>` is the
    first 60 cores of an 8x8 grid in row-major order.
  }];
  let parameters = (ins ArrayRefParameter<"CoreRangeAttr", "rectangles">:$ranges);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    uint64_t size() const;
    bool contains(uint32_t x, uint32_t y) const;
    bool intersects(CoreRangeSetAttr other) const;
    /// Every core, rectangle by rectangle, row-major inside each rectangle.
    void forEachCore(::llvm::function_ref<void(uint32_t, uint32_t)> fn) const;
  }];
}

//===----------------------------------------------------------------------===//
// Device
//===----------------------------------------------------------------------===//

def TT_DeviceAttr : TT_Attr<"Device", "device"> {
  let summary = "a Tenstorrent device description";
  let description = [{
    The facts the compiler plans with: architecture, compute grid (columns x
    rows), L1 bytes per core, DRAM banks and clock. `#tt.device<wormhole_b0>`
    (n150: 8x8 grid, 1464 KB L1, 12 DRAM banks, 1000 MHz) and
    `#tt.device<blackhole>` (p150: 11x10 grid, 1464 KB L1, 8 DRAM banks,
    1350 MHz) are built in; any field can be overridden:

    ```mlir
    #tt.device<wormhole_b0, grid = 4x2>
    ```
  }];
  let parameters = (ins EnumParameter<TT_Arch>:$arch,
                        "uint32_t":$gridX, "uint32_t":$gridY,
                        "uint64_t":$l1Size, "uint32_t":$dramBanks,
                        "uint32_t":$clockMHz);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The built-in description of `arch`.
    static DeviceAttr getBuiltin(::mlir::MLIRContext *ctx, Arch arch);
    /// The built-in description named `name` (wormhole_b0, blackhole), if any.
    static DeviceAttr lookup(::mlir::MLIRContext *ctx, ::llvm::StringRef name);
    uint32_t getNumCores() const { return getGridX() * getGridY(); }
    /// Circular buffer indices the architecture provides.
    uint32_t getNumCBs() const { return getArch() == Arch::WormholeB0 ? 32 : 64; }
    /// DRAM bytes per bank that buffers may use (the device model's bank
    /// size less its reserved start).
    uint64_t getDramBankCapacity() const;
    /// Bytes an interleaved buffer of `pages` pages of `pageBytes` takes in
    /// every bank.
    uint64_t getInterleavedBankBytes(uint64_t pages, uint64_t pageBytes) const;
  }];
}

//===----------------------------------------------------------------------===//
// Kernel configurations
//===----------------------------------------------------------------------===//

def TT_DataMovementConfigAttr : TT_Attr<"DataMovementConfig", "data_movement"> {
  let summary = "processor and NoC of a data-movement kernel (DataMovementConfig)";
  let description = [{
    Example: `#tt.data_movement<processor = riscv_1, noc = riscv_1_default>`
  }];
  let parameters = (ins EnumParameter<TT_Processor>:$processor,
                        EnumParameter<TT_Noc>:$noc);
  let assemblyFormat = "`<` struct(params) `>`";
}

def TT_ComputeConfigAttr : TT_Attr<"ComputeConfig", "compute"> {
  let summary = "configuration of a compute kernel (ComputeConfig)";
  let description = [{
    Example:
    `#tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>`
  }];
  let parameters = (ins EnumParameter<TT_MathFidelity>:$math_fidelity,
                        "bool":$fp32_dest_acc_en, "bool":$dst_full_sync_en);
  let assemblyFormat = "`<` struct(params) `>`";
  let extraClassDeclaration = [{
    /// DST tiles one side of the register may use: 16 bf16 / 8 fp32 tiles in
    /// full-sync mode, half of that in the default half-sync mode.
    unsigned getDstTileCapacity() const {
      return ::mlir::tt::getDstTileCapacity(getFp32DestAccEn(), getDstFullSyncEn());
    }
  }];
}

//===----------------------------------------------------------------------===//
// Planning attributes (attached to the function being lowered)
//===----------------------------------------------------------------------===//

def TT_System : I32EnumAttr<"System", "a system of devices a program runs on", [
  I32EnumAttrCase<"Single", 0, "single">,
  I32EnumAttrCase<"N300", 1, "n300">,
  I32EnumAttrCase<"T3K", 2, "t3k">,
  I32EnumAttrCase<"Galaxy", 3, "galaxy">
]> {
  let cppNamespace = "::mlir::tt";
  let genSpecializedAttr = 0;
}

def TT_MeshSplitChoice : I32EnumAttr<"MeshSplitChoice", "how a matmul is split over a mesh", [
  I32EnumAttrCase<"Auto", 0, "auto">,
  I32EnumAttrCase<"M", 1, "m">,
  I32EnumAttrCase<"N", 2, "n">,
  I32EnumAttrCase<"Both", 3, "both">
]> {
  let cppNamespace = "::mlir::tt";
  let genSpecializedAttr = 0;
}

def TT_MeshAttr : TT_Attr<"Mesh", "mesh"> {
  let summary = "a mesh of devices: rows x columns of chips";
  let description = [{
    The devices a program runs on, as tt-metal's `MeshShape(rows, cols)`:
    `<1, 2>` is an n300 card, `<2, 4>` a T3000, `<4, 8>` a Galaxy. Each
    device runs the same single-device program on its shard of the operands.

    Example:

    ```mlir
    #tt.target<device = <wormhole_b0>, math_fidelity = hifi4,
               fp32_dest_acc = false, mesh = <2, 4>>
    ```
  }];
  let parameters = (ins "int64_t":$rows, "int64_t":$cols);
  let assemblyFormat = "`<` $rows `,` $cols `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    int64_t getNumDevices() const { return getRows() * getCols(); }
    /// The mesh of a system (n300 1x2, t3k 2x4, galaxy 4x8); null for one device.
    static MeshAttr forSystem(::mlir::MLIRContext *ctx, System system);
    /// The system's name for this shape on `arch` ("n300", "t3k", ...), or "".
    ::llvm::StringRef getSystemName(Arch arch) const;
  }];
}

def TT_MeshSplitAttr : TT_Attr<"MeshSplit", "mesh_split"> {
  let summary = "how a matmul's output is split over a mesh's devices";
  let description = [{
    Set by `tt-split-mesh` on a function whose `tl.matmul` runs on a mesh:
    C's rows are cut into `m` shards and its columns into `n`, one shard per
    device (`m * n` devices). With both above 1, rows follow the mesh's rows
    and columns its columns; otherwise the shards go over all devices row by
    row. The function's operands are the shards one device computes with;
    `tt.mesh_shard` on each argument says how its global matrix is cut.

    Example:

    ```mlir
    func.func @mm(...) attributes {tt.mesh_split = #tt.mesh_split<m = 2, n = 4>}
    ```
  }];
  let parameters = (ins "int64_t":$m, "int64_t":$n);
  let assemblyFormat = "`<` struct(params) `>`";
}

def TT_MeshShardAttr : TT_Attr<"MeshShard", "mesh_shard"> {
  let summary = "how a buffer's global matrix is distributed over a mesh";
  let description = [{
    tt-metal's `ShardedBufferConfig` in tiles: the global matrix is a grid of
    `tiles_y x tiles_x` 32x32 tiles (zero-padded so the shards divide it),
    cut into shards of `shard_y x shard_x` tiles; a 0 replicates that
    dimension (every device along it gets the whole extent). Shards go to the
    devices row by row, or column by column with `col_major`.

    Example (A of a 2x4 mesh split by M over the mesh's rows, whole along K
    and copied to every column):

    ```mlir
    #tt.mesh_shard<tiles_y = 64, tiles_x = 32, shard_y = 32, shard_x = 0, col_major = true>
    ```
  }];
  let parameters = (ins "int64_t":$tiles_y, "int64_t":$tiles_x,
                        "int64_t":$shard_y, "int64_t":$shard_x,
                        DefaultValuedParameter<"bool", "false">:$col_major);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// Tiles of one device's shard (a replicated dimension is whole).
    int64_t getShardTilesY() const { return getShardY() ? getShardY() : getTilesY(); }
    int64_t getShardTilesX() const { return getShardX() ? getShardX() : getTilesX(); }
  }];
}

def TT_TargetAttr : TT_Attr<"Target", "target"> {
  let summary = "what a function is compiled for: device, math fidelity, DST accumulation";
  let description = [{
    The one target description the lowering passes read (`tt.target` on the
    function; `tt-apply-target-defaults` sets it from its options unless the
    user wrote one). `fp32_dest_acc` is `ComputeConfig::fp32_dest_acc_en`:
    DST accumulates in fp32 and holds half as many tiles.

    Example:

    ```mlir
    func.func @mm(...) attributes {
      tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>}
    ```
  }];
  let parameters = (ins "DeviceAttr":$device,
                        EnumParameter<TT_MathFidelity>:$math_fidelity,
                        "bool":$fp32_dest_acc,
                        OptionalParameter<"MeshAttr">:$mesh);
  let assemblyFormat = "`<` struct(params) `>`";
  let extraClassDeclaration = [{
    /// DST tiles one side of the register holds in the half-sync mode the
    /// lowering uses.
    unsigned getDstTileCapacity() const {
      return ::mlir::tt::getDstTileCapacity(getFp32DestAcc(), /*fullSync=*/false);
    }
    /// Devices of the mesh (1 without one).
    int64_t getNumDevices() const { return getMesh() ? getMesh().getNumDevices() : 1; }
  }];
}

def TT_WorkArg : I32EnumAttr<"WorkArg", "a per-core share of a work split", [
  I32EnumAttrCase<"Start", 0, "start">,
  I32EnumAttrCase<"Count", 1, "count">
]> {
  let cppNamespace = "::mlir::tt";
  let genSpecializedAttr = 0;
}
def TT_WorkArgAttr : TT_EnumAttr<TT_WorkArg, "work",
    "a core's first work unit (start) or its number of units (count)">;

def TT_McastDirection : I32EnumAttr<"McastDirection", "the cores a multicast reaches", [
  I32EnumAttrCase<"Row", 0, "row">,
  I32EnumAttrCase<"Column", 1, "column">,
  I32EnumAttrCase<"Grid", 2, "grid">
]> {
  let cppNamespace = "::mlir::tt";
  let genSpecializedAttr = 0;
}
def TT_McastDirectionAttr : TT_EnumAttr<TT_McastDirection, "along",
    "a multicast along the core's grid row, down its grid column, or to the whole rectangle of cores the work split uses">;

def TT_McastField : I32EnumAttr<"McastField", "a per-core fact of a multicast group", [
  I32EnumAttrCase<"IsSender", 0, "is_sender">,
  I32EnumAttrCase<"SenderX", 1, "sender_x">,
  I32EnumAttrCase<"SenderY", 2, "sender_y">,
  I32EnumAttrCase<"DestStartX", 3, "dest_start_x">,
  I32EnumAttrCase<"DestStartY", 4, "dest_start_y">,
  I32EnumAttrCase<"DestEndX", 5, "dest_end_x">,
  I32EnumAttrCase<"DestEndY", 6, "dest_end_y">,
  I32EnumAttrCase<"NumDests", 7, "num_dests">,
  I32EnumAttrCase<"ReadySemaphore", 8, "ready_semaphore">,
  I32EnumAttrCase<"ValidSemaphore", 9, "valid_semaphore">
]> {
  let cppNamespace = "::mlir::tt";
  let genSpecializedAttr = 0;
}

def TT_McastArgAttr : TT_Attr<"McastArg", "mcast"> {
  let summary = "a runtime argument that describes the core's multicast group";
  let description = [{
    Over a work split whose cores fill its `grid_x` x `grid_y` rectangle, the
    cores of one grid row (`row`) or one grid column (`column`) form a
    multicast group: its first core (column 0, resp. row 0) is the sender,
    the others receive. Per core, the host computes

    - `is_sender`: 1 on the group's first core, else 0;
    - `sender_x`, `sender_y`: the sender's NoC coordinates (receivers signal
      it there);
    - `dest_start_x/y`, `dest_end_x/y`: the NoC rectangle of the receivers,
      in the order the kernel's NoC needs (start and end swapped on NoC 1);
    - `num_dests`: the number of receivers (0 for a one-core group);
    - `ready_semaphore`, `valid_semaphore`: the ids of the group's two
      semaphores (receivers count themselves ready on the sender's first;
      the sender marks the data valid on the receivers' second).

    Example: `#tt.mcast<row, sender_x>`
  }];
  let parameters = (ins EnumParameter<TT_McastDirection>:$direction,
                        EnumParameter<TT_McastField>:$field);
  let assemblyFormat = "`<` $direction `,` $field `>`";
  let extraClassDeclaration = [{
    bool isSemaphore() const {
      return getField() == McastField::ReadySemaphore ||
             getField() == McastField::ValidSemaphore;
    }
  }];
}

def TT_WorkSplitAttr : TT_Attr<"WorkSplit", "work_split"> {
  let summary = "work units spread over cores as split_work_to_cores spreads them";
  let description = [{
    `units` units of work (output tiles or blocks) go to the first `cores`
    cores of a `grid_x` x `grid_y` grid, numbered column-major (`row_wise =
    false`) or row-major, in contiguous ranges: the first `group1_cores` cores
    take `group1_units` units each, the remaining `cores - group1_cores` take
    `group2_units` (one less). This is what tt-metal's
    `split_work_to_cores(grid, units, row_wise)` returns; the verifier checks
    the numbers are exactly those, so the host program can call it.

    Example: 120 blocks on an 8x8 grid, 56 cores with 2 and 8 cores with 1:

    ```mlir
    #tt.work_split<units = 120, grid_x = 8, grid_y = 8, row_wise = false,
                   cores = 64, group1_cores = 56, group1_units = 2, group2_units = 1>
    ```
  }];
  let parameters = (ins "uint64_t":$units, "uint32_t":$grid_x, "uint32_t":$grid_y,
                        "bool":$row_wise, "uint64_t":$cores,
                        "uint64_t":$group1_cores, "uint64_t":$group1_units,
                        "uint64_t":$group2_units);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// split_work_to_cores(grid, units, row_wise).
    static WorkSplitAttr compute(::mlir::MLIRContext *ctx, uint64_t units,
                                 uint32_t gridX, uint32_t gridY, bool rowWise);
    uint64_t getGroup2Cores() const { return getCores() - getGroup1Cores(); }
    /// The logical coordinate of the `i`-th core of the split.
    std::pair<uint32_t, uint32_t> getCore(uint64_t i) const {
      if (getRowWise())
        return {uint32_t(i % getGridX()), uint32_t(i / getGridX())};
      return {uint32_t(i / getGridY()), uint32_t(i % getGridY())};
    }
    /// Units of the `i`-th core.
    uint64_t getUnits(uint64_t i) const {
      return i < getGroup1Cores() ? getGroup1Units() : getGroup2Units();
    }
    /// First unit of the `i`-th core.
    uint64_t getStart(uint64_t i) const {
      return i < getGroup1Cores()
                 ? i * getGroup1Units()
                 : getGroup1Cores() * getGroup1Units() +
                       (i - getGroup1Cores()) * getGroup2Units();
    }
    /// Every core of the split, as disjoint rectangles.
    CoreRangeSetAttr getCoreRanges() const;
    /// The cores of group 1 and of group 2 (empty when every core takes the
    /// same share).
    CoreRangeSetAttr getGroup1Ranges() const;
    CoreRangeSetAttr getGroup2Ranges() const;
  }];
}

def TT_ScheduleAttr : TT_Attr<"Schedule", "schedule"> {
  let summary = "the schedule chosen for a function's matmul: kind and block sizes";
  let description = [{
    Set on the function by `tt-select-schedule` (from the cost model, or as
    the user fixed it): `tl-matmul-to-kernel` builds the blocks of
    `block_m x block_n` elements of C with K steps of `block_k`, and
    `tt-infer-schedule` maps them onto the cores the way `kind` says
    (`reuse` or `multicast`; never `auto`).

    Example:

    ```mlir
    func.func @mm(...) attributes {
      tt.schedule = #tt.schedule<kind = multicast, block_m = 256, block_n = 256, block_k = 128>}
    ```
  }];
  let parameters = (ins EnumParameter<TT_Schedule>:$kind, "int64_t":$block_m,
                        "int64_t":$block_n, "int64_t":$block_k);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

def TT_Activation : I32EnumAttr<"Activation", "an element-wise activation on the vector engine", [
  I32EnumAttrCase<"Relu", 0, "relu">,
  I32EnumAttrCase<"Gelu", 1, "gelu">,
  I32EnumAttrCase<"GeluTanh", 2, "gelu_tanh">,
  I32EnumAttrCase<"Silu", 3, "silu">,
  I32EnumAttrCase<"Sigmoid", 4, "sigmoid">,
  I32EnumAttrCase<"Tanh", 5, "tanh">,
  I32EnumAttrCase<"Exp", 6, "exp">,
  I32EnumAttrCase<"GeluFast", 7, "gelu_fast">
]> {
  let cppNamespace = "::mlir::tt";
  let genSpecializedAttr = 0;
}

def TT_ActivationAttr : TT_EnumAttr<TT_Activation, "activation",
    "an epilogue activation: relu_tile, gelu_tile<false> (the accurate GELU, for gelu and for its tanh form gelu_tanh, which differs from it by under 4.8e-4), gelu_tile<true> (gelu_fast: the fast table), silu_tile, sigmoid_tile, tanh_tile or exp_tile">;

def TT_ScaleAttr : TT_Attr<"Scale", "scale"> {
  let summary = "an epilogue multiplication by a constant (mul_unary_tile)";
  let description = [{
    Example: `#tt.scale<1.250000e-01 : f32>`
  }];
  let parameters = (ins "::mlir::FloatAttr":$factor);
  let assemblyFormat = "`<` $factor `>`";
}

def TT_MatmulFormAttr : TT_Attr<"MatmulForm", "matmul"> {
  let summary = "which operands of a matrix product are read transposed";
  let description = [{
    The value of a function's `tt.whole_matmul`: its kernels compute
    `C = op(A) * op(B)` (with `accumulate`, `C += op(A) * op(B)`) of its
    first three arguments, `op` transposing the operands marked here, and
    the host program checks the result against that product.

    Example:

    ```mlir
    func.func @mm(...) attributes {
      tt.whole_matmul = #tt.matmul<transpose_a = false, transpose_b = true>}
    func.func @mm_acc(...) attributes {
      tt.whole_matmul = #tt.matmul<transpose_a = false, transpose_b = false, accumulate = true>}
    func.func @mm_bias_gelu(...) attributes {
      tt.whole_matmul = #tt.matmul<transpose_a = false, transpose_b = false,
                                   bias_arg = 3, epilogue = [#tt.activation<gelu>]>}
    ```

    With an epilogue, each result element is `f(product + bias)`: the
    function's argument `bias_arg` (when not -1) is the bias row, added
    first, and `epilogue` lists the steps of `f` in order (`#tt.scale`,
    `#tt.activation`).
  }];
  let parameters = (ins "bool":$transpose_a, "bool":$transpose_b,
                        DefaultValuedParameter<"bool", "false">:$accumulate,
                        DefaultValuedParameter<"int64_t", "-1">:$bias_arg,
                        OptionalParameter<"::mlir::ArrayAttr">:$epilogue);
  let assemblyFormat = "`<` struct(params) `>`";
}

def TT_ShardAttr : TT_Attr<"Shard", "shard"> {
  let summary = "layout descriptor of a global buffer (tt-infer-shard)";
  let description = [{
    How a global buffer is stored on the device: its `layout`, the number of
    32x32 tiles along rows (`tiles_y`) and columns (`tiles_x`), the page size
    in bytes (one tile per page) and the tiles' data format. A batch of
    `matrices` (default 1) is stored matrix after matrix, each padded to
    whole tiles: matrix `i` starts at page `i * tiles_y * tiles_x`.

    Example:

    ```mlir
    #tt.shard<layout = dram_interleaved, tiles_y = 8, tiles_x = 4,
              page_size = 2048, format = bf16>
    #tt.shard<layout = dram_interleaved, tiles_y = 4, tiles_x = 2,
              page_size = 2048, format = bf16, matrices = 3>
    ```
  }];
  let parameters = (ins EnumParameter<TT_BufferLayout>:$layout,
                        "uint64_t":$tiles_y, "uint64_t":$tiles_x,
                        "uint64_t":$page_size, EnumParameter<TT_DataFormat>:$format,
                        DefaultValuedParameter<"uint64_t", "1">:$matrices);
  let assemblyFormat = "`<` struct(params) `>`";
}

#endif // TTDIALECT_TT_IR_TTATTRS_TD
