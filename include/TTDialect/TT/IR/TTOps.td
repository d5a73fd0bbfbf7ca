//===- TTOps.td - tt operations ----------------------------*- tablegen -*-===//
#ifndef TTDIALECT_TT_IR_TTOPS_TD
#define TTDIALECT_TT_IR_TTOPS_TD

include "TTDialect/TT/IR/TTDialect.td"
include "TTDialect/TT/IR/TTInterfaces.td"
include "TTDialect/TT/IR/TTAttrs.td"
include "TTDialect/TT/IR/TTTypes.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

// Ops that only a data-movement kernel (RISCV_0/RISCV_1) may run.
def TT_DataMovementOnly : NativeOpTrait<"DataMovementOnly"> {
  let cppNamespace = "::mlir::tt";
}
// Ops that only a compute kernel (the unpack/math/pack cores) may run.
def TT_ComputeOnly : NativeOpTrait<"ComputeOnly"> {
  let cppNamespace = "::mlir::tt";
}

// An op that is one call of the kernel API, `callee(operands...)` (see
// TT_KernelCallOpInterface).
class TT_CallOp<string mnemonic, string callee, list<Trait> traits = [],
                string templateArgs = "">
    : TT_Op<mnemonic, !listconcat(traits, [TT_KernelCallOpInterface])>,
      TT_KernelCall<callee, templateArgs> {
  let extraClassDeclaration = kernelCallDecl;
}

def TT_CB : Type<CPred<"::llvm::isa<::mlir::tt::CircularBufferType>($_self)">,
                 "circular buffer", "::mlir::tt::CircularBufferType">;


//===----------------------------------------------------------------------===//
// Kernel arguments
//===----------------------------------------------------------------------===//

// Ops whose optional `name` also names their result in printed IR.
def TT_NamedResult : DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmResultNames"]>;

class TT_ArgOp<string mnemonic, string api> : TT_Op<mnemonic, [Pure, TT_NamedResult]> {
  let arguments = (ins ConfinedAttr<I32Attr, [IntNonNegative]>:$index,
                       OptionalAttr<StrAttr>:$name);
  let results = (outs I32:$result);
  let assemblyFormat = "$index (`as` $name^)? attr-dict `:` type($result)";
  let description = "Reads argument `index` (`" # api # "`). `name` is the "
    # "variable name the emitted C++ gives it.\n\nExample:\n\n```mlir\n%Kt = tt."
    # mnemonic # " 3 as \"Kt\" : i32\n```";
}

def TT_GetArgValOp : TT_ArgOp<"get_arg_val", "get_arg_val<uint32_t>(i)"> {
  let summary = "a per-core runtime argument";
}
def TT_GetCommonArgValOp : TT_ArgOp<"get_common_arg_val", "get_common_arg_val<uint32_t>(i)"> {
  let summary = "a runtime argument shared by all cores of a kernel";
}
def TT_GetCompileTimeArgValOp : TT_ArgOp<"get_compile_time_arg_val", "get_compile_time_arg_val(i)"> {
  let summary = "a compile-time argument";
}

//===----------------------------------------------------------------------===//
// Circular buffers (any kernel)
//===----------------------------------------------------------------------===//

def TT_GetCBOp : TT_Op<"get_cb", [Pure, TT_NamedResult]> {
  let summary = "names a circular buffer inside a kernel";
  let description = [{
    Gives a kernel a handle on circular buffer `c_INDEX` (the index is part of
    the type). `name` is the constant the emitted C++ declares for it.

    Example:

    ```mlir
    %in0 = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
    ```
  }];
  let arguments = (ins OptionalAttr<StrAttr>:$name);
  let results = (outs TT_CB:$cb);
  let assemblyFormat = "(`as` $name^)? attr-dict `:` qualified(type($cb))";
}

// The state of a circular buffer (its read and write pointers and page
// counts) is a resource: the count ops move the pointers, the pointer ops read
// them, so CSE and LICM never merge or hoist a pointer across a push or pop.
def TT_CBResource : Resource<"::mlir::tt::CircularBufferResource">;

class TT_CBCountOp<string mnemonic, string doc> : TT_CallOp<mnemonic, mnemonic> {
  let summary = doc;
  let arguments = (ins Arg<TT_CB, "circular buffer",
                           [MemRead<TT_CBResource>, MemWrite<TT_CBResource>]>:$cb,
                       I32:$numPages);
  let assemblyFormat = "$cb `,` $numPages attr-dict `:` qualified(type($cb))";
  let hasVerifier = 1;
  let description = "Calls `" # mnemonic # "(cb, num_pages)`.\n\nExample:\n\n"
    # "```mlir\ntt." # mnemonic # " %in0, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>\n```";
}

def TT_CBReserveBackOp : TT_CBCountOp<"cb_reserve_back",
    "producer: wait until the CB has room for `numPages` pages">;
def TT_CBPushBackOp : TT_CBCountOp<"cb_push_back",
    "producer: publish `numPages` written pages to the consumer">;
def TT_CBWaitFrontOp : TT_CBCountOp<"cb_wait_front",
    "consumer: wait until `numPages` pages are available">;
def TT_CBPopFrontOp : TT_CBCountOp<"cb_pop_front",
    "consumer: release `numPages` consumed pages to the producer">;

class TT_CBPtrOp<string mnemonic, string doc> : TT_Op<mnemonic> {
  let summary = doc;
  let arguments = (ins Arg<TT_CB, "circular buffer", [MemRead<TT_CBResource>]>:$cb);
  let results = (outs I32:$address);
  let assemblyFormat = "$cb attr-dict `:` qualified(type($cb))";
  let description = "Calls `" # mnemonic # "(cb)`: an L1 byte address.\n\nExample:\n\n"
    # "```mlir\n%l1 = tt." # mnemonic # " %in0 : !tt.cb<0, 2 x !tt.tile<bf16>>\n```";
}

def TT_GetWritePtrOp : TT_CBPtrOp<"get_write_ptr",
    "L1 address of the first reserved page of a CB">;
def TT_GetReadPtrOp : TT_CBPtrOp<"get_read_ptr",
    "L1 address of the first available page of a CB">;

//===----------------------------------------------------------------------===//
// Data movement: DRAM access over the NoC
//===----------------------------------------------------------------------===//

def TT_TensorAccessorOp : TT_Op<"tensor_accessor", [Pure, TT_DataMovementOnly, TT_NamedResult]> {
  let summary = "a TensorAccessor of an interleaved DRAM buffer";
  let description = [{
    Builds `TensorAccessor(TensorAccessorArgs<argsOffset>(), address)`: the
    buffer's layout comes from the compile-time arguments starting at
    `args_offset` (two per interleaved buffer, appended by the host with
    `TensorAccessorArgs(buffer).append_to(...)`), its base address from
    `address`.

    Example:

    ```mlir
    %a = tt.tensor_accessor %a_addr args 0 as "a" : !tt.accessor
    ```
  }];
  let arguments = (ins I32:$address,
                       ConfinedAttr<I32Attr, [IntNonNegative]>:$args_offset,
                       OptionalAttr<StrAttr>:$name);
  let results = (outs TT_TensorAccessorType:$accessor);
  let assemblyFormat = "$address `args` $args_offset (`as` $name^)? attr-dict `:` type($accessor)";
}

class TT_NocPageOp<string mnemonic, string doc> : TT_CallOp<mnemonic, mnemonic, [TT_DataMovementOnly]> {
  let summary = doc;
  let arguments = (ins I32:$page, TT_TensorAccessorType:$accessor, I32:$l1Address);
  let assemblyFormat = "$page `,` $accessor `,` $l1Address attr-dict";
  let description = "Calls `" # mnemonic # "(page_id, accessor, l1_addr)`.\n\nExample:\n\n"
    # "```mlir\ntt." # mnemonic # " %page, %a, %l1\n```";
}

def TT_NocAsyncReadPageOp : TT_NocPageOp<"noc_async_read_page",
    "start reading one page of a DRAM buffer into L1">;
def TT_NocAsyncWritePageOp : TT_NocPageOp<"noc_async_write_page",
    "start writing one page from L1 to a DRAM buffer">;

class TT_NocBarrierOp<string mnemonic, string doc> : TT_CallOp<mnemonic, mnemonic, [TT_DataMovementOnly]> {
  let summary = doc;
  let assemblyFormat = "attr-dict";
  let description = "Calls `" # mnemonic # "()`.\n\nExample:\n\n```mlir\ntt." # mnemonic # "\n```";
}

def TT_NocAsyncReadBarrierOp : TT_NocBarrierOp<"noc_async_read_barrier",
    "wait until every issued NoC read has landed in L1">;
def TT_NocAsyncWriteBarrierOp : TT_NocBarrierOp<"noc_async_write_barrier",
    "wait until every issued NoC write has completed">;
def TT_NocAsyncWritesFlushedOp : TT_NocBarrierOp<"noc_async_writes_flushed",
    "wait until every issued NoC write has left L1 (the source may be reused)">;

//===----------------------------------------------------------------------===//
// Data movement: core-to-core transfers, multicast and semaphores
//===----------------------------------------------------------------------===//

// The semaphores of a core (words in its L1 that other cores write over the
// NoC) are a resource: sets, increments and waits are ordered against each
// other, and a wait is never hoisted out of the loop that waits.
def TT_SemaphoreResource : Resource<"::mlir::tt::SemaphoreResource">;

def TT_GetSemaphoreOp : TT_Op<"get_semaphore",
                              [Pure, TT_DataMovementOnly, TT_NamedResult]> {
  let summary = "L1 address of a semaphore the host created (get_semaphore)";
  let description = [{
    `get_semaphore(id)`: the L1 byte address of semaphore `id` of the
    running core (`CreateSemaphore` on the host returns the id). The emitted
    C++ declares both the address and the `volatile tt_l1_ptr uint32_t*`
    that the wait and set calls take.

    Example:

    ```mlir
    %ready = tt.get_semaphore %ready_id as "in0_ready_sem" : i32
    ```
  }];
  let arguments = (ins I32:$id, OptionalAttr<StrAttr>:$name);
  let results = (outs I32:$address);
  let assemblyFormat = "$id (`as` $name^)? attr-dict `:` type($address)";
}

// The NoC address ops are named values in the emitted C++ (`const uint64_t
// in0_mcast_addr = get_noc_multicast_addr(...)`), not plain calls.
def TT_GetNocAddrOp : TT_Op<"get_noc_addr", [Pure, TT_DataMovementOnly]> {
  let summary = "NoC address of an L1 address on another core";
  let description = [{
    `get_noc_addr(noc_x, noc_y, l1_addr)`; `noc_x`, `noc_y` are NoC (not
    logical) coordinates, from `worker_core_from_logical_core` on the host.

    Example:

    ```mlir
    %remote = tt.get_noc_addr %x, %y, %sem : i64
    ```
  }];
  let arguments = (ins I32:$nocX, I32:$nocY, I32:$l1Address);
  let results = (outs I64:$nocAddress);
  let assemblyFormat = "$nocX `,` $nocY `,` $l1Address attr-dict `:` type($nocAddress)";
}

def TT_GetNocMulticastAddrOp : TT_Op<"get_noc_multicast_addr",
                                     [Pure, TT_DataMovementOnly]> {
  let summary = "NoC address of an L1 address on every core of a rectangle";
  let description = [{
    `get_noc_multicast_addr(x_start, y_start, x_end, y_end, l1_addr)` in NoC
    coordinates. On NoC 1 the start is the rectangle's bottom-right corner.
    The verifier rejects a constant rectangle whose corners are out of the
    NoC's 6-bit coordinate range.

    Example:

    ```mlir
    %dst = tt.get_noc_multicast_addr %xs, %ys, %xe, %ye, %l1 : i64
    ```
  }];
  let arguments = (ins I32:$startX, I32:$startY, I32:$endX, I32:$endY,
                       I32:$l1Address);
  let results = (outs I64:$nocAddress);
  let assemblyFormat = [{
    $startX `,` $startY `,` $endX `,` $endY `,` $l1Address attr-dict `:` type($nocAddress)
  }];
  let hasVerifier = 1;
}

def TT_NocAsyncWriteMulticastOp : TT_CallOp<"noc_async_write_multicast",
                                            "noc_async_write_multicast",
                                            [TT_DataMovementOnly]> {
  let summary = "start writing L1 bytes to the same address on a core rectangle";
  let description = [{
    `noc_async_write_multicast(src_l1, dst_mcast_addr, size, num_dests)`:
    `num_dests` counts the receiving cores (the sender excluded) and must be
    positive; the verifier checks constant sizes and counts.

    Example:

    ```mlir
    tt.noc_async_write_multicast %l1, %dst, %bytes, %num_dests : i64
    ```
  }];
  let arguments = (ins I32:$srcL1Address, I64:$dstNocAddress, I32:$size,
                       I32:$numDests);
  let assemblyFormat = [{
    $srcL1Address `,` $dstNocAddress `,` $size `,` $numDests attr-dict `:` type($dstNocAddress)
  }];
  let hasVerifier = 1;
}

def TT_NocAsyncWriteMulticastLoopbackOp
    : TT_CallOp<"noc_async_write_multicast_loopback_src",
                "noc_async_write_multicast_loopback_src", [TT_DataMovementOnly]> {
  let summary = "start writing L1 bytes to the same address on a core rectangle that holds the sender";
  let description = [{
    `noc_async_write_multicast_loopback_src(src_l1, dst_mcast_addr, size,
    num_dests)`: a multicast whose rectangle holds the sender, which tt-metal
    requires this variant for (the sender writes its own L1 too); `num_dests`
    counts every core of the rectangle, the sender included.

    Example:

    ```mlir
    tt.noc_async_write_multicast_loopback_src %l1, %dst, %bytes, %cores : i64
    ```
  }];
  let arguments = (ins I32:$srcL1Address, I64:$dstNocAddress, I32:$size,
                       I32:$numDests);
  let assemblyFormat = [{
    $srcL1Address `,` $dstNocAddress `,` $size `,` $numDests attr-dict `:` type($dstNocAddress)
  }];
  let hasVerifier = 1;
}

// Wait and set take the semaphore's L1 pointer in C++; the EmitC
// conversion passes the pointer tt.get_semaphore declared.
def TT_NocSemaphoreWaitOp : TT_Op<"noc_semaphore_wait", [TT_DataMovementOnly]> {
  let summary = "wait until a local semaphore holds a value";
  let description = [{
    `noc_semaphore_wait(sem_ptr, value)` on the semaphore at L1 address
    `semaphore` (from `tt.get_semaphore`).

    Example:

    ```mlir
    tt.noc_semaphore_wait %ready, %num_dests
    ```
  }];
  let arguments = (ins Arg<I32, "semaphore address",
                           [MemRead<TT_SemaphoreResource>,
                            MemWrite<TT_SemaphoreResource>]>:$semaphore,
                       I32:$value);
  let assemblyFormat = "$semaphore `,` $value attr-dict";
}

def TT_NocSemaphoreSetOp : TT_Op<"noc_semaphore_set", [TT_DataMovementOnly]> {
  let summary = "set a local semaphore";
  let description = [{
    `noc_semaphore_set(sem_ptr, value)`.

    Example:

    ```mlir
    tt.noc_semaphore_set %valid, %c0
    ```
  }];
  let arguments = (ins Arg<I32, "semaphore address",
                           [MemWrite<TT_SemaphoreResource>]>:$semaphore,
                       I32:$value);
  let assemblyFormat = "$semaphore `,` $value attr-dict";
}

def TT_NocSemaphoreIncOp : TT_CallOp<"noc_semaphore_inc", "noc_semaphore_inc",
                                     [TT_DataMovementOnly]> {
  let summary = "atomically add to a semaphore on another core";
  let description = [{
    `noc_semaphore_inc(noc_addr, incr)`: `noc_addr` from `tt.get_noc_addr`.

    Example:

    ```mlir
    tt.noc_semaphore_inc %remote, %c1 : i64
    ```
  }];
  let arguments = (ins Arg<I64, "semaphore NoC address",
                           [MemWrite<TT_SemaphoreResource>]>:$nocAddress,
                       I32:$increment);
  let assemblyFormat = "$nocAddress `,` $increment attr-dict `:` type($nocAddress)";
}

def TT_NocSemaphoreSetMulticastOp : TT_CallOp<"noc_semaphore_set_multicast",
                                              "noc_semaphore_set_multicast",
                                              [TT_DataMovementOnly]> {
  let summary = "copy a local semaphore's value to the same semaphore on a core rectangle";
  let description = [{
    `noc_semaphore_set_multicast(src_l1, dst_mcast_addr, num_dests)`. Sent
    on the same NoC after a `noc_async_write_multicast` to the same cores, it
    arrives after that data, so receivers waiting on it see the data.

    Example:

    ```mlir
    tt.noc_semaphore_set_multicast %valid, %dst, %num_dests : i64
    ```
  }];
  let arguments = (ins Arg<I32, "local semaphore address",
                           [MemRead<TT_SemaphoreResource>]>:$srcL1Address,
                       Arg<I64, "semaphore multicast address",
                           [MemWrite<TT_SemaphoreResource>]>:$dstNocAddress,
                       I32:$numDests);
  let assemblyFormat = [{
    $srcL1Address `,` $dstNocAddress `,` $numDests attr-dict `:` type($dstNocAddress)
  }];
  let hasVerifier = 1;
}

def TT_NocSemaphoreSetMulticastLoopbackOp
    : TT_CallOp<"noc_semaphore_set_multicast_loopback_src",
                "noc_semaphore_set_multicast_loopback_src", [TT_DataMovementOnly]> {
  let summary = "copy a local semaphore's value to a core rectangle that holds the sender";
  let description = [{
    `noc_semaphore_set_multicast_loopback_src(src_l1, dst_mcast_addr,
    num_dests)`: `tt.noc_semaphore_set_multicast` to a rectangle holding the
    sender (whose own semaphore is set too); `num_dests` counts the sender.

    Example:

    ```mlir
    tt.noc_semaphore_set_multicast_loopback_src %valid, %dst, %cores : i64
    ```
  }];
  let arguments = (ins Arg<I32, "local semaphore address",
                           [MemRead<TT_SemaphoreResource>]>:$srcL1Address,
                       Arg<I64, "semaphore multicast address",
                           [MemWrite<TT_SemaphoreResource>]>:$dstNocAddress,
                       I32:$numDests);
  let assemblyFormat = [{
    $srcL1Address `,` $dstNocAddress `,` $numDests attr-dict `:` type($dstNocAddress)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Compute
//===----------------------------------------------------------------------===//

def TT_ComputeKernelHwStartupOp : TT_CallOp<"compute_kernel_hw_startup", "compute_kernel_hw_startup", [TT_ComputeOnly], "SrcOrder::Reverse"> {
  let summary = "configure unpack, math and pack for two inputs and an output";
  let description = [{
    `compute_kernel_hw_startup<SrcOrder::Reverse>(in0, in1, out)`; must come
    first in a compute kernel.

    Example:

    ```mlir
    tt.compute_kernel_hw_startup %in0, %in1, %out
        : !tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<1, 2 x !tt.tile<bf16>>, !tt.cb<16, 2 x !tt.tile<bf16>>
    ```
  }];
  let arguments = (ins TT_CB:$in0, TT_CB:$in1, TT_CB:$out);
  let assemblyFormat = "$in0 `,` $in1 `,` $out attr-dict `:` qualified(type($in0)) `,` qualified(type($in1)) `,` qualified(type($out))";
}

def TT_MatmulInitOp : TT_CallOp<"matmul_init", "matmul_init", [TT_ComputeOnly]> {
  let summary = "configure the matrix engine for matmul_tiles";
  let description = [{
    `matmul_init(in0, in1)`, or `matmul_init(in0, in1, transpose)`: with
    `transpose` non-zero the unpacker transposes every `in1` tile before
    the multiply (B is stored transposed).

    Examples:

    ```mlir
    tt.matmul_init %in0, %in1 : !tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<1, 2 x !tt.tile<bf16>>
    tt.matmul_init %in0, %in1 transpose %one : !tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<1, 2 x !tt.tile<bf16>>
    ```
  }];
  let arguments = (ins TT_CB:$in0, TT_CB:$in1, Optional<I32>:$transpose);
  let assemblyFormat = [{
    $in0 `,` $in1 (`transpose` $transpose^)? attr-dict `:` qualified(type($in0)) `,` qualified(type($in1))
  }];
}

def TT_MatmulTilesOp : TT_CallOp<"matmul_tiles", "matmul_tiles", [TT_ComputeOnly]> {
  let summary = "DST[dst] += in0[i0] * in1[i1] for one tile of each CB";
  let description = [{
    `matmul_tiles(in0, in1, in0_tile_index, in1_tile_index, dst_index)`; the
    tile indices count from each CB's front. `transpose_in1` records that
    the in1 tile is used transposed, which the call does not say: the
    engine must have been set up by `matmul_init(in0, in1, 1)`
    (`tt-split-kernels` emits that init from it).

    Example:

    ```mlir
    tt.matmul_tiles %in0[%c0], %in1[%c0] -> dst[%c0]
        : !tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<1, 2 x !tt.tile<bf16>>
    ```
  }];
  let arguments = (ins TT_CB:$in0, TT_CB:$in1, I32:$in0Tile, I32:$in1Tile,
                       I32:$dstIndex, UnitAttr:$transpose_in1);
  let assemblyFormat = [{
    $in0 `[` $in0Tile `]` `,` $in1 `[` $in1Tile `]` `->` `dst` `[` $dstIndex `]`
    (`transpose_in1` $transpose_in1^)?
    attr-dict `:` qualified(type($in0)) `,` qualified(type($in1))
  }];
}

class TT_DstOp<string mnemonic, string doc> : TT_CallOp<mnemonic, mnemonic, [TT_ComputeOnly]> {
  let summary = doc;
  let assemblyFormat = "attr-dict";
  let description = "Calls `" # mnemonic # "()`.\n\nExample:\n\n```mlir\ntt." # mnemonic # "\n```";
}

def TT_TileRegsAcquireOp : TT_DstOp<"tile_regs_acquire",
    "math side: take the DST half for computing">;
def TT_TileRegsCommitOp : TT_DstOp<"tile_regs_commit",
    "math side: hand the computed DST half to the packer">;
def TT_TileRegsWaitOp : TT_DstOp<"tile_regs_wait",
    "pack side: wait for a committed DST half">;
def TT_TileRegsReleaseOp : TT_DstOp<"tile_regs_release",
    "pack side: give the packed DST half back to math">;

def TT_PackTileOp : TT_CallOp<"pack_tile", "pack_tile", [TT_ComputeOnly]> {
  let summary = "pack a DST tile into a CB page";
  let description = [{
    `pack_tile(dst_index, out_cb, output_tile_index)`: converts the fp32 DST
    tile to the CB's format and stores it at `output_tile_index` from the
    CB's write pointer.

    Example:

    ```mlir
    tt.pack_tile dst[%c0] -> %out[%c0] : !tt.cb<16, 2 x !tt.tile<bf16>>
    ```
  }];
  let arguments = (ins I32:$dstIndex, TT_CB:$out, I32:$outTile);
  let assemblyFormat = "`dst` `[` $dstIndex `]` `->` $out `[` $outTile `]` attr-dict `:` qualified(type($out))";
}

def TT_PackReconfigDataFormatOp : TT_CallOp<"pack_reconfig_data_format", "pack_reconfig_data_format", [TT_ComputeOnly]> {
  let summary = "configure the packer for the data format of a CB";
  let description = [{
    `pack_reconfig_data_format(cb)`: later `pack_tile`s write `cb`'s format.
    `compute_kernel_hw_startup` configures the packer for its output CB only;
    a kernel that packs to a CB of another format (fp32 partial sums next to
    a bf16 output) reconfigures first, or silicon writes the wrong format.

    Example:

    ```mlir
    tt.pack_reconfig_data_format %partials : !tt.cb<24, 16 x !tt.tile<f32>>
    ```
  }];
  let arguments = (ins TT_CB:$cb);
  let assemblyFormat = "$cb attr-dict `:` qualified(type($cb))";
}

def TT_ReconfigDataFormatSrcAOp : TT_CallOp<"reconfig_data_format_srca", "reconfig_data_format_srca", [TT_ComputeOnly]> {
  let summary = "configure the source-A unpacker for the data format of a CB";
  let description = [{
    `reconfig_data_format_srca(cb)`: later unpacks to source A (`copy_tile`,
    and matmul's in1) read `cb`'s format.

    Example:

    ```mlir
    tt.reconfig_data_format_srca %partials : !tt.cb<24, 16 x !tt.tile<f32>>
    ```
  }];
  let arguments = (ins TT_CB:$cb);
  let assemblyFormat = "$cb attr-dict `:` qualified(type($cb))";
}

def TT_PackReconfigL1AccOp : TT_CallOp<"pack_reconfig_l1_acc", "pack_reconfig_l1_acc", [TT_ComputeOnly]> {
  let summary = "make the packer add to the L1 tiles it packs onto (1) or overwrite them (0)";
  let description = [{
    `pack_reconfig_l1_acc(enable)`: with 1, `pack_tile` adds the DST tile to
    the fp32 tile already in the CB page instead of replacing it, so partial
    sums accumulate in L1 without being reloaded into DST.

    Example:

    ```mlir
    tt.pack_reconfig_l1_acc %accumulate
    ```
  }];
  let arguments = (ins I32:$enable);
  let assemblyFormat = "$enable attr-dict";
}

def TT_CopyTileInitOp : TT_CallOp<"copy_tile_init", "copy_tile_to_dst_init_short", [TT_ComputeOnly]> {
  let summary = "configure unpack for copy_tile from a CB";
  let description = [{
    `copy_tile_to_dst_init_short(cb)`.

    Example:

    ```mlir
    tt.copy_tile_init %partials : !tt.cb<24, 2 x !tt.tile<f32>>
    ```
  }];
  let arguments = (ins TT_CB:$cb);
  let assemblyFormat = "$cb attr-dict `:` qualified(type($cb))";
}

def TT_TransposeWhInitOp : TT_CallOp<"transpose_wh_init", "transpose_wh_init_short", [TT_ComputeOnly]> {
  let summary = "configure unpack and math for transpose_wh_tile from a CB";
  let description = [{
    `transpose_wh_init_short(cb)`: the unpacker transposes each tile it
    reads from `cb` (its faces and within each face), math copies it to DST.
    Any later `matmul_tiles` needs `matmul_init` again.

    Example:

    ```mlir
    tt.transpose_wh_init %in0 : !tt.cb<0, 2 x !tt.tile<bf16>>
    ```
  }];
  let arguments = (ins TT_CB:$cb);
  let assemblyFormat = "$cb attr-dict `:` qualified(type($cb))";
}

def TT_TransposeWhTileOp : TT_CallOp<"transpose_wh_tile", "transpose_wh_tile", [TT_ComputeOnly]> {
  let summary = "load the transpose of a CB tile into DST";
  let description = [{
    `transpose_wh_tile(cb, tile_index, dst_index)`, after
    `transpose_wh_init_short(cb)`.

    Example:

    ```mlir
    tt.transpose_wh_tile %in0[%c0] -> dst[%c0] : !tt.cb<0, 2 x !tt.tile<bf16>>
    ```
  }];
  let arguments = (ins TT_CB:$cb, I32:$tile, I32:$dstIndex);
  let assemblyFormat = [{
    $cb `[` $tile `]` `->` `dst` `[` $dstIndex `]` attr-dict `:` qualified(type($cb))
  }];
}

def TT_ReconfigDataFormatOp : TT_CallOp<"reconfig_data_format", "reconfig_data_format", [TT_ComputeOnly]> {
  let summary = "configure both unpacker sources for the data formats of two CBs";
  let description = [{
    `reconfig_data_format(srca_cb, srcb_cb)`: later unpacks to source A read
    `srca_cb`'s format, to source B `srcb_cb`'s.

    Example:

    ```mlir
    tt.reconfig_data_format %partials, %bias : !tt.cb<24, 16 x !tt.tile<f32>>, !tt.cb<3, 8 x !tt.tile<bf16>>
    ```
  }];
  let arguments = (ins TT_CB:$srca, TT_CB:$srcb);
  let assemblyFormat = "$srca `,` $srcb attr-dict `:` qualified(type($srca)) `,` qualified(type($srcb))";
}

def TT_AddBcastRowsInitOp : TT_CallOp<"add_bcast_rows_init", "add_bcast_rows_init_short", [TT_ComputeOnly]> {
  let summary = "configure unpack and math for add_tiles_bcast_rows";
  let description = [{
    `add_bcast_rows_init_short(in0, in1)` (api/compute/bcast.h).

    Example:

    ```mlir
    tt.add_bcast_rows_init %partials, %bias : !tt.cb<24, 16 x !tt.tile<f32>>, !tt.cb<3, 8 x !tt.tile<bf16>>
    ```
  }];
  let arguments = (ins TT_CB:$in0, TT_CB:$in1);
  let assemblyFormat = "$in0 `,` $in1 attr-dict `:` qualified(type($in0)) `,` qualified(type($in1))";
  let extraClassDeclaration = kernelCallDecl # [{
    static ::llvm::StringRef getHeader() { return "api/compute/bcast.h"; }
  }];
}

def TT_AddTilesBcastRowsOp : TT_CallOp<"add_tiles_bcast_rows", "add_tiles_bcast_rows", [TT_ComputeOnly]> {
  let summary = "DST[dst] = in0[i0] + row 0 of in1[i1], broadcast down the rows";
  let description = [{
    `add_tiles_bcast_rows(in0, in1, in0_tile, in1_tile, dst)`: a bias row
    (row 0 of the `in1` tile) added to every row of the `in0` tile.

    Example:

    ```mlir
    tt.add_tiles_bcast_rows %partials[%t], %bias[%j] -> dst[%t]
        : !tt.cb<24, 16 x !tt.tile<f32>>, !tt.cb<3, 8 x !tt.tile<bf16>>
    ```
  }];
  let arguments = (ins TT_CB:$in0, TT_CB:$in1, I32:$in0Tile, I32:$in1Tile,
                       I32:$dstIndex);
  let assemblyFormat = [{
    $in0 `[` $in0Tile `]` `,` $in1 `[` $in1Tile `]` `->` `dst` `[` $dstIndex `]`
    attr-dict `:` qualified(type($in0)) `,` qualified(type($in1))
  }];
  let extraClassDeclaration = kernelCallDecl # [{
    static ::llvm::StringRef getHeader() { return "api/compute/bcast.h"; }
  }];
}

// An SFPU op on DST and its init, both kernel calls declared by `header`.
multiclass TT_SfpuUnary<string name, string api, string targs, string header,
                        string doc> {
  def InitOp : TT_CallOp<name # "_init", api # "_init", [TT_ComputeOnly], targs> {
    let summary = "configure the vector engine for " # api;
    let description = "Calls `" # api # "_init" # !if(!empty(targs), "", "<" # targs # ">")
      # "()` (" # header # "), required before the op after any other SFPU op.\n\n"
      # "Example:\n\n```mlir\ntt." # name # "_init\n```";
    let assemblyFormat = "attr-dict";
    let extraClassDeclaration = kernelCallDecl # "\n static ::llvm::StringRef getHeader() { return \"" # header # "\"; }";
  }
  def TileOp : TT_CallOp<name, api, [TT_ComputeOnly], targs> {
    let summary = doc;
    let description = "Calls `" # api # !if(!empty(targs), "", "<" # targs # ">")
      # "(dst_index)` (" # header # "): " # doc # ", in place on a DST tile.\n\n"
      # "Example:\n\n```mlir\ntt." # name # " dst[%c0]\n```";
    let arguments = (ins I32:$dstIndex);
    let assemblyFormat = "`dst` `[` $dstIndex `]` attr-dict";
    let extraClassDeclaration = kernelCallDecl # "\n static ::llvm::StringRef getHeader() { return \"" # header # "\"; }";
  }
}

defm TT_Relu : TT_SfpuUnary<"relu_tile", "relu_tile", "", "api/compute/eltwise_unary/relu.h", "max(x, 0)">;
defm TT_Gelu : TT_SfpuUnary<"gelu_tile", "gelu_tile", "false", "api/compute/eltwise_unary/gelu.h", "x * Phi(x), the accurate (erf) form">;
defm TT_GeluFast : TT_SfpuUnary<"gelu_fast_tile", "gelu_tile", "true", "api/compute/eltwise_unary/gelu.h", "tt-metal's fast GELU: a six-segment piecewise-linear table (fast_and_approx)">;
defm TT_Silu : TT_SfpuUnary<"silu_tile", "silu_tile", "", "api/compute/compute_kernel_api.h", "x * sigmoid(x)">;
defm TT_Sigmoid : TT_SfpuUnary<"sigmoid_tile", "sigmoid_tile", "", "api/compute/compute_kernel_api.h", "1 / (1 + exp(-x))">;
defm TT_Tanh : TT_SfpuUnary<"tanh_tile", "tanh_tile", "", "api/compute/compute_kernel_api.h", "tanh(x)">;
defm TT_Exp : TT_SfpuUnary<"exp_tile", "exp_tile", "", "api/compute/eltwise_unary/exp.h", "exp(x)">;

def TT_BinopWithScalarInitOp : TT_CallOp<"binop_with_scalar_tile_init", "binop_with_scalar_tile_init", [TT_ComputeOnly]> {
  let summary = "configure the vector engine for DST-tile-by-scalar ops";
  let description = [{
    Calls `binop_with_scalar_tile_init()` (api/compute/eltwise_unary/binop_with_scalar.h).

    Example:

    ```mlir
    tt.binop_with_scalar_tile_init
    ```
  }];
  let assemblyFormat = "attr-dict";
  let extraClassDeclaration = kernelCallDecl # [{
    static ::llvm::StringRef getHeader() { return "api/compute/eltwise_unary/binop_with_scalar.h"; }
  }];
}

def TT_MulUnaryTileOp : TT_CallOp<"mul_unary_tile", "mul_unary_tile", [TT_ComputeOnly]> {
  let summary = "multiply a DST tile by a scalar";
  let description = [{
    `mul_unary_tile(dst_index, scalar_bits)`, the scalar as the bits of an
    fp32 value (0x3e000000 is 0.125).

    Example:

    ```mlir
    tt.mul_unary_tile dst[%c0], %bits
    ```
  }];
  let arguments = (ins I32:$dstIndex, I32:$scalarBits);
  let assemblyFormat = "`dst` `[` $dstIndex `]` `,` $scalarBits attr-dict";
  let extraClassDeclaration = kernelCallDecl # [{
    static ::llvm::StringRef getHeader() { return "api/compute/eltwise_unary/binop_with_scalar.h"; }
  }];
}

def TT_CopyTileOp : TT_CallOp<"copy_tile", "copy_tile", [TT_ComputeOnly]> {
  let summary = "load a CB tile into DST (reloads partial sums)";
  let description = [{
    `copy_tile(cb, tile_index, dst_index)`.

    Example:

    ```mlir
    tt.copy_tile %partials[%c0] -> dst[%c0] : !tt.cb<24, 2 x !tt.tile<f32>>
    ```
  }];
  let arguments = (ins TT_CB:$cb, I32:$tile, I32:$dstIndex);
  let assemblyFormat = "$cb `[` $tile `]` `->` `dst` `[` $dstIndex `]` attr-dict `:` qualified(type($cb))";
}

//===----------------------------------------------------------------------===//
// Host program
//===----------------------------------------------------------------------===//

def TT_ProgramOp : TT_Op<"program", [Symbol, SymbolTable, SingleBlock,
                                     NoTerminator, IsolatedFromAbove]> {
  let summary = "a Metalium host program for one device or a mesh of them";
  let description = [{
    Owns the DRAM buffers, circular buffers, kernels, runtime arguments and
    host steps of one `Program` run on `device`, or on every device of
    `mesh` (each on its shard of the buffers). Kernels are `func.func`s with
    a `tt.kernel_role`, found by symbol next to the program.

    Example:

    ```mlir
    tt.program @matmul device #tt.device<wormhole_b0> {
      tt.buffer @a size 8192 page_size 2048 format <bf16> layout <dram_interleaved>
      ...
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, TT_DeviceAttr:$device,
                       OptionalAttr<TT_MeshAttr>:$mesh);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    $sym_name `device` $device (`mesh` $mesh^)? attr-dict-with-keyword $body
  }];
  let hasRegionVerifier = 1;
  let skipDefaultBuilders = 1;
  let builders = [OpBuilder<(ins "::llvm::StringRef":$name, "DeviceAttr":$device,
                                 CArg<"MeshAttr", "{}">:$mesh)>];
  let extraClassDeclaration = [{
    ::mlir::Block &getBodyBlock() { return getBody().front(); }
  }];
}

def TT_BufferOp : TT_Op<"buffer", [Symbol, HasParent<"ProgramOp">]> {
  let summary = "a DRAM buffer (MeshBuffer::create)";
  let description = [{
    `size` bytes in pages of `page_size` bytes holding `format` tiles, placed
    by `layout`. `shape`, when given, is the logical row-major matrix the
    host tilizes into the buffer (`[rows, columns]`), or a batch of them
    (`[matrices, rows, columns]`), each tilized in turn.

    Example:

    ```mlir
    tt.buffer @a size 131072 page_size 2048 format <bf16> layout <dram_interleaved> shape [256, 256]
    tt.buffer @x size 98304 page_size 2048 format <bf16> layout <dram_interleaved> shape [3, 100, 64]
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       ConfinedAttr<I64Attr, [IntPositive]>:$size,
                       ConfinedAttr<I64Attr, [IntPositive]>:$page_size,
                       TT_DataFormatAttr:$format,
                       TT_BufferLayoutAttr:$layout,
                       OptionalAttr<DenseI64ArrayAttr>:$shape,
                       OptionalAttr<TT_MeshShardAttr>:$mesh_shard);
  let assemblyFormat = [{
    $sym_name `size` $size `page_size` $page_size `format` $format `layout` $layout
    (`shape` $shape^)? (`mesh_shard` $mesh_shard^)? attr-dict
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    int64_t getNumPages() { return getSize() / getPageSize(); }
  }];
}

def TT_CreateCBOp : TT_Op<"create_cb", [HasParent<"ProgramOp">]> {
  let summary = "a circular buffer on a set of cores (CreateCircularBuffer)";
  let description = [{
    `CircularBufferConfig(total_size, {{c_INDEX, format}}).set_page_size(c_INDEX, page_size)`
    on every core of `cores`.

    Example:

    ```mlir
    tt.create_cb 0 on <(0, 0) to (7, 7)> total_size 4096 page_size 2048 format <bf16>
    ```
  }];
  let arguments = (ins ConfinedAttr<I32Attr, [IntNonNegative]>:$index,
                       TT_CoreRangeSetAttr:$cores,
                       ConfinedAttr<I64Attr, [IntPositive]>:$total_size,
                       ConfinedAttr<I64Attr, [IntPositive]>:$page_size,
                       TT_DataFormatAttr:$format);
  let assemblyFormat = [{
    $index `on` $cores `total_size` $total_size `page_size` $page_size `format` $format attr-dict
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    int64_t getNumPages() { return getTotalSize() / getPageSize(); }
  }];
}

def TT_SemaphoreOp : TT_Op<"semaphore", [Symbol, HasParent<"ProgramOp">]> {
  let summary = "a semaphore on a set of cores (CreateSemaphore)";
  let description = [{
    `CreateSemaphore(program, cores, initial_value)` returns the semaphore's
    id, the same on every core of `cores`; runtime arguments name the
    semaphore by its symbol and receive the id.

    Example:

    ```mlir
    tt.semaphore @row_ready on <(0, 0) to (7, 7)> initial 0
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, TT_CoreRangeSetAttr:$cores,
                       ConfinedAttr<I32Attr, [IntNonNegative]>:$initial);
  let assemblyFormat = "$sym_name `on` $cores `initial` $initial attr-dict";
}

def TT_CreateKernelOp : TT_Op<"create_kernel", [HasParent<"ProgramOp">,
                                                DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "a kernel on a set of cores (CreateKernel)";
  let description = [{
    Places kernel function `kernel` on `cores` with a data-movement or a
    compute configuration. `compile_args` lists integers and buffers; a buffer
    stands for its `TensorAccessorArgs` (two values for an interleaved
    buffer).

    Example:

    ```mlir
    tt.create_kernel @reader on <(0, 0) to (7, 7)>
        config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
        compile_args [@a, @b]
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$kernel,
                       TT_CoreRangeSetAttr:$cores,
                       AnyAttrOf<[TT_DataMovementConfigAttr, TT_ComputeConfigAttr]>:$config,
                       DefaultValuedAttr<ArrayAttr, "{}">:$compile_args);
  let assemblyFormat = [{
    $kernel `on` $cores `config` $config (`compile_args` $compile_args^)? attr-dict
  }];
  let hasVerifier = 1;
}

def TT_SetRuntimeArgsOp : TT_Op<"set_runtime_args", [HasParent<"ProgramOp">]> {
  let summary = "the runtime arguments of a kernel, on one core or over a work split (SetRuntimeArgs)";
  let description = [{
    `args` holds integers and buffer symbols; a buffer stands for its DRAM
    address. At most 341 values.

    With `at <x, y>` the arguments are those of one core. With `split
    <...>` (a `#tt.work_split`) they are those of every core of the split, and
    `#tt.work<start>` / `#tt.work<count>` stand for each core's first work
    unit and its number of units: the host program calls
    `split_work_to_cores` and sets the arguments in a loop over the cores, as
    tt-metal's multi-core examples do, so neither the IR nor host.cpp grows
    with the number of cores.

    Example:

    ```mlir
    tt.set_runtime_args @reader at <0, 0> [@a, @b, 8, 8, 8, 0, 1]
    tt.set_runtime_args @reader split <units = 120, grid_x = 8, grid_y = 8,
        row_wise = false, cores = 64, group1_cores = 56, group1_units = 2, group2_units = 1>
        [@a, @b, #tt.work<start>, #tt.work<count>, 2, 3]
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$kernel,
                       OptionalAttr<TT_CoreCoordAttr>:$core,
                       OptionalAttr<TT_WorkSplitAttr>:$split,
                       ArrayAttr:$args);
  let assemblyFormat = "$kernel (`at` $core^)? (`split` $split^)? $args attr-dict";
  let hasVerifier = 1;
  let builders = [
    OpBuilder<(ins "::llvm::StringRef":$kernel, "CoreCoordAttr":$core,
                   "::mlir::ArrayAttr":$args), [{
      build($_builder, $_state, kernel, core, WorkSplitAttr(), args);
    }]>,
    OpBuilder<(ins "::llvm::StringRef":$kernel, "WorkSplitAttr":$split,
                   "::mlir::ArrayAttr":$args), [{
      build($_builder, $_state, kernel, CoreCoordAttr(), split, args);
    }]>
  ];
}

def TT_EnqueueWriteBufferOp : TT_Op<"enqueue_write_buffer", [HasParent<"ProgramOp">]> {
  let summary = "upload host data to a buffer (EnqueueWriteMeshBuffer)";
  let description = [{
    Example: `tt.enqueue_write_buffer @a`
  }];
  let arguments = (ins FlatSymbolRefAttr:$buffer);
  let assemblyFormat = "$buffer attr-dict";
}

def TT_EnqueueProgramOp : TT_Op<"enqueue_program", [HasParent<"ProgramOp">]> {
  let summary = "launch the program (EnqueueMeshWorkload)";
  let description = [{
    Example: `tt.enqueue_program`
  }];
  let assemblyFormat = "attr-dict";
}

def TT_EnqueueReadBufferOp : TT_Op<"enqueue_read_buffer", [HasParent<"ProgramOp">]> {
  let summary = "read a buffer back to the host (EnqueueReadMeshBuffer, blocking)";
  let description = [{
    Example: `tt.enqueue_read_buffer @c`
  }];
  let arguments = (ins FlatSymbolRefAttr:$buffer);
  let assemblyFormat = "$buffer attr-dict";
}

def TT_ReferenceMatmulOp : TT_Op<"reference_matmul", [HasParent<"ProgramOp">]> {
  let summary = "the host-side check of the program's result: C (+)= op(A) * op(B)";
  let description = [{
    Tells the emitted host program what the device computes so it can check
    it: after reading `c` back, it compares it with a double-precision
    `op(a) * op(b)` of the same rounded inputs (the largest absolute error
    against a bound derived from the formats; the Pearson correlation is
    reported) and exits non-zero on a mismatch. `op` transposes the
    operands marked `transpose_a` / `transpose_b`; with `accumulate` the
    product is added to `c`'s uploaded values (C += op(A) * op(B)). Buffers
    must carry shapes that compose. A batched `c` is checked matrix by
    matrix: `c[i]` against `op(a[i]) * op(b[i])`, where an unbatched `a` or
    `b` is the same for every `i`.

    With `bias @v` and `epilogue [...]` the reference adds the bias row to
    every row of the product and applies the steps in order (as the fused
    epilogue does), and the bound follows each element's error through
    them.

    Examples: `tt.reference_matmul @a, @b -> @c`,
    `tt.reference_matmul @q, @k -> @s transpose_b`,
    `tt.reference_matmul @a, @b -> @c accumulate`,
    `tt.reference_matmul @a, @b -> @c bias @bias epilogue [#tt.activation<gelu>]`
  }];
  let arguments = (ins FlatSymbolRefAttr:$a, FlatSymbolRefAttr:$b,
                       FlatSymbolRefAttr:$c, UnitAttr:$transpose_a,
                       UnitAttr:$transpose_b, UnitAttr:$accumulate,
                       OptionalAttr<FlatSymbolRefAttr>:$bias,
                       OptionalAttr<ArrayAttr>:$epilogue);
  let assemblyFormat = [{
    $a `,` $b `->` $c (`transpose_a` $transpose_a^)? (`transpose_b` $transpose_b^)?
    (`accumulate` $accumulate^)? (`bias` $bias^)? (`epilogue` $epilogue^)? attr-dict
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Before the kernel split: one function holds the work of all three kernels
//===----------------------------------------------------------------------===//

def TT_CoreTileRangeOp : TT_Op<"core_tile_range", [Pure]> {
  let summary = "the contiguous range of output tiles the running core owns";
  let description = [{
    Produced by `tt-grid-to-persistent`: every core runs the function once
    and loops over its own `[start, start + count)` output blocks. The kernel
    split turns the results into the per-core runtime arguments `start_tile`
    and `num_tiles` of each kernel that reads them, or `start_block` and
    `num_blocks` when `blocks` says a block is more than one tile.

    Example:

    ```mlir
    %start, %count = tt.core_tile_range : i32, i32
    %start, %count = tt.core_tile_range blocks : i32, i32
    ```
  }];
  let arguments = (ins UnitAttr:$blocks);
  let results = (outs I32:$start, I32:$count);
  let assemblyFormat = "(`blocks` $blocks^)? attr-dict `:` type($start) `,` type($count)";
}

def TT_RuntimeParamOp : TT_Op<"runtime_param", [Pure, TT_NamedResult]> {
  let summary = "a program constant that kernels receive as a runtime argument";
  let description = [{
    Shapes (tile counts such as `Kt` or `Nt`) are constants of the program
    but not of its kernels: the kernel split passes each parameter a kernel
    reads as a runtime argument, so every shape reuses the same kernel
    sources. A name is one runtime argument, so two parameters of one
    function with the same `name` must have the same value (the verifier
    rejects anything else), and a value must fit the argument's 32 bits.

    Example:

    ```mlir
    %Kt = tt.runtime_param "Kt" = 8 : i32
    ```
  }];
  let arguments = (ins StrAttr:$name, I64Attr:$value);
  let results = (outs I32:$result);
  let assemblyFormat = "$name `=` $value attr-dict `:` type($result)";
  let hasVerifier = 1;
}

// What tile transfers address: a global memref, or a kernel's accessor of it.
def TT_TileBuffer : AnyTypeOf<[AnyMemRef, TT_TensorAccessorType],
                              "a global memref or a TensorAccessor">;

def TT_ReadTilesOp : TT_Op<"read_tiles", [TT_DataMovementOnly, AttrSizedOperandSegments]> {
  let summary = "reader stage: fetch a block of tiles of a DRAM buffer into a CB";
  let description = [{
    Reserves `rows x cols` pages of `cb`, reads tile `(row + i, col + j)` of
    `buffer` (page `(row + i) * tiles_per_row + col + j`) into them, waits for
    the reads and pushes the pages. `row` and `col` count tiles; a batch's
    matrices are stacked, matrix `m` starting at tile row `m * tiles_y` of
    its `#tt.shard`.
    `buffer` is the function's memref before `tt-split-kernels` and the
    reader kernel's `TensorAccessor` after it; `tt-lower-dataflow` expands
    the op there.

    With `multicast <row>` (or `<column>`) the block is the same for every
    core of the core's grid row (column): only the row's first core reads it
    from DRAM and multicasts it to the others, which receive it into the same
    CB. Each DRAM tile is then read once per row (column) instead of once
    per core.

    An edge block (a block size that does not divide the buffer) reaches
    past the buffer's last tile row or column: with `row_limit %r` tiles of
    rows `>= %r`, with `col_limit %c` tiles of columns `>= %c`, are not read
    and their pages keep whatever they held. Such tiles only ever meet rows
    or columns of C that are not stored (M, N), or inner products the
    compute kernel skips (K, `tt.matmul_block ... valid_k`).

    Example:

    ```mlir
    tt.read_tiles %A[%by, %k] tiles_per_row %Kt block 1 x 1 -> %in0
        : memref<256x256xbf16>, !tt.cb<0, 2 x !tt.tile<bf16>>
    tt.read_tiles %A[%by, %k] tiles_per_row %Kt block 8 x 2 -> %in0 multicast <row>
        : memref<2048x2048xbf16>, !tt.cb<0, 32 x !tt.tile<bf16>>
    tt.read_tiles %A[%by, %k] tiles_per_row %Kt block 4 x 2 -> %in0 row_limit %Mt col_limit %Kt
        : memref<320x160xbf16>, !tt.cb<0, 16 x !tt.tile<bf16>>
    ```
  }];
  let arguments = (ins TT_TileBuffer:$buffer, I32:$row, I32:$col, I32:$tilesPerRow,
                       ConfinedAttr<I64Attr, [IntPositive]>:$rows,
                       ConfinedAttr<I64Attr, [IntPositive]>:$cols,
                       TT_CB:$cb,
                       OptionalAttr<TT_McastDirectionAttr>:$multicast,
                       Optional<I32>:$rowLimit, Optional<I32>:$colLimit);
  let assemblyFormat = [{
    $buffer `[` $row `,` $col `]` `tiles_per_row` $tilesPerRow `block` $rows `x` $cols
    `->` $cb (`multicast` $multicast^)? (`row_limit` $rowLimit^)? (`col_limit` $colLimit^)?
    attr-dict `:` type($buffer) `,` qualified(type($cb))
  }];
  let hasVerifier = 1;
}

def TT_WriteTilesOp : TT_Op<"write_tiles", [TT_DataMovementOnly, AttrSizedOperandSegments]> {
  let summary = "writer stage: store a block of tiles from a CB to a DRAM buffer";
  let description = [{
    Waits for `rows x cols` pages of `cb`, writes them to tiles
    `(row + i, col + j)` of `buffer`, waits for the writes and pops the
    pages. The pages arrive subblock by subblock (`subblock_h x subblock_w`
    tiles, row-major inside a subblock, subblocks row-major), the order the
    compute kernel packs them in; by default the block is one subblock.
    `buffer` is the function's memref before `tt-split-kernels` and the
    writer kernel's `TensorAccessor` after it; `tt-lower-dataflow` expands
    the op there.

    With `row_limit %r` / `col_limit %c` (an edge block) the tiles of rows
    `>= %r` or columns `>= %c` lie outside the buffer: their pages are popped
    with the others but not written.

    Example:

    ```mlir
    tt.write_tiles %out -> %C[%by, %bx] tiles_per_row %Nt block 4 x 4 subblock 2 x 4
        : !tt.cb<16, 32 x !tt.tile<bf16>>, memref<256x256xbf16>
    tt.write_tiles %out -> %C[%by, %bx] tiles_per_row %Nt block 4 x 4 row_limit %Mt
        : !tt.cb<16, 32 x !tt.tile<bf16>>, memref<320x256xbf16>
    ```
  }];
  let arguments = (ins TT_CB:$cb, TT_TileBuffer:$buffer, I32:$row, I32:$col,
                       I32:$tilesPerRow,
                       ConfinedAttr<I64Attr, [IntPositive]>:$rows,
                       ConfinedAttr<I64Attr, [IntPositive]>:$cols,
                       OptionalAttr<ConfinedAttr<I64Attr, [IntPositive]>>:$subblock_h,
                       OptionalAttr<ConfinedAttr<I64Attr, [IntPositive]>>:$subblock_w,
                       Optional<I32>:$rowLimit, Optional<I32>:$colLimit);
  let assemblyFormat = [{
    $cb `->` $buffer `[` $row `,` $col `]` `tiles_per_row` $tilesPerRow `block` $rows `x` $cols
    (`subblock` $subblock_h^ `x` $subblock_w)?
    (`row_limit` $rowLimit^)? (`col_limit` $colLimit^)?
    attr-dict `:` qualified(type($cb)) `,` type($buffer)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    int64_t getSubblockRows() { return getSubblockH().value_or(getRows()); }
    int64_t getSubblockCols() { return getSubblockW().value_or(getCols()); }
  }];
}

def TT_MatmulBlockOp : TT_Op<"matmul_block", [TT_ComputeOnly, AttrSizedOperandSegments]> {
  let summary = "compute stage: multiply the front blocks of two CBs into the output block";
  let description = [{
    Waits for an `m x k` tile block in `in0` and a `k x n` block in `in1`
    (both row-major), accumulates their product and pops both blocks.
    `tt-tensorize` expands it into `matmul_tiles`.

    With `transpose_in1`, `in1` holds B as it is stored for `A * B^T`: an
    `n x k` block of tiles, each the transpose of the B tile it stands for.
    The matrix engine reads tile `(j, kk)` for B's `(kk, j)` and the unpacker
    transposes it (`matmul_init(in0, in1, /*transpose=*/1)`, tt-metal's
    `in1_transpose_tile`), so no data is moved for the transpose.

    Without `spill`, the product accumulates in DST tiles `0 .. m*n-1`, which
    stay in DST across the K loop (the block fits DST).

    With `spill`, the output block is larger than DST: it is computed in
    `subblock_h x subblock_w` subblocks, each acquiring DST, reloading its
    partial sums from `partials` (fp32) unless `step` is 0, and packing to
    `partials` or, on the last of `num_steps` K steps, to `out`. With
    `from %initial` (C += A * B), step 0 starts each subblock from its tiles
    of `initial`, a CB holding C's `m x n` block row-major, instead of zero.

    With `valid_k %v` only the first `%v` of the step's `k` tiles of inner
    dimension hold data (the last step of a K loop whose step does not
    divide K): the products over the other tiles are not computed. The CBs
    still hold and pop the whole blocks.

    Examples:

    ```mlir
    tt.matmul_block %in0, %in1 block 1 x 1 x 1
        : !tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<1, 2 x !tt.tile<bf16>>
    tt.matmul_block %in0, %in1 block 4 x 2 x 4 subblock 2 x 4
        spill %partials -> %out step %k of %k_steps
        : !tt.cb<0, 16 x !tt.tile<bf16>>, !tt.cb<1, 16 x !tt.tile<bf16>>,
          !tt.cb<24, 16 x !tt.tile<f32>>, !tt.cb<16, 32 x !tt.tile<bf16>>
    tt.matmul_block %in0, %in1 block 1 x 3 x 1 valid_k %k_tiles_in_step
        : !tt.cb<0, 6 x !tt.tile<bf16>>, !tt.cb<1, 6 x !tt.tile<bf16>>
    ```
  }];
  let arguments = (ins TT_CB:$in0, TT_CB:$in1,
                       ConfinedAttr<I64Attr, [IntPositive]>:$m,
                       ConfinedAttr<I64Attr, [IntPositive]>:$k,
                       ConfinedAttr<I64Attr, [IntPositive]>:$n,
                       OptionalAttr<ConfinedAttr<I64Attr, [IntPositive]>>:$subblock_h,
                       OptionalAttr<ConfinedAttr<I64Attr, [IntPositive]>>:$subblock_w,
                       Optional<TT_CB>:$partials, Optional<TT_CB>:$out,
                       Optional<I32>:$step, Optional<I32>:$numSteps,
                       UnitAttr:$transpose_in1, Optional<TT_CB>:$initial,
                       Optional<I32>:$validK);
  let assemblyFormat = [{
    $in0 `,` $in1 `block` $m `x` $k `x` $n (`valid_k` $validK^)? (`transpose_in1` $transpose_in1^)?
    (`subblock` $subblock_h^ `x` $subblock_w)?
    (`spill` $partials^ `->` $out `step` $step `of` $numSteps)?
    (`from` $initial^)?
    attr-dict `:` qualified(type($in0)) `,` qualified(type($in1))
    (`,` qualified(type($partials))^ `,` qualified(type($out)))?
    (`,` qualified(type($initial))^)?
  }];
  let hasVerifier = 1;
  let builders = [
    OpBuilder<(ins "::mlir::Value":$in0, "::mlir::Value":$in1, "int64_t":$m,
                   "int64_t":$k, "int64_t":$n), [{
      build($_builder, $_state, in0, in1, m, k, n, nullptr, nullptr,
            ::mlir::Value(), ::mlir::Value(), ::mlir::Value(), ::mlir::Value(),
            /*transpose_in1=*/false, /*initial=*/::mlir::Value(),
            /*validK=*/::mlir::Value());
    }]>
  ];
  let extraClassDeclaration = [{
    bool isSpilled() { return static_cast<bool>(getPartials()); }
    int64_t getSubblockRows() { return getSubblockH().value_or(getM()); }
    int64_t getSubblockCols() { return getSubblockW().value_or(getN()); }
  }];
}

def TT_TransposeBlockOp : TT_Op<"transpose_block", [TT_ComputeOnly]> {
  let summary = "compute stage: transpose a block of tiles from one CB into another";
  let description = [{
    Waits for a `rows x cols` tile block in `in` (row-major), pushes its
    transpose to `out`, a `cols x rows` block whose tile `(j, i)` is the
    transpose of `in`'s tile `(i, j)`, and pops `in`. Each tile passes
    through DST (`transpose_wh_tile` on the unpacker, then `pack_tile`), so
    DST must not hold anything else: a block matmul that reads `out` keeps
    its partial sums in a CB. The packer packs the block without L1
    accumulation and in `out`'s format, then is set back to `packer_cb`'s
    format (whoever needs L1 accumulation sets it again).
    `tt-tensorize` expands it. This is how A^T reaches the matrix engine,
    which can transpose only in1 tiles (tt-metal's `bmm_large_block_zm`
    transposes in0 the same way).

    Example:

    ```mlir
    tt.transpose_block %in0 -> %in0_t block 2 x 1 packer %out
        : !tt.cb<0, 4 x !tt.tile<bf16>>, !tt.cb<25, 2 x !tt.tile<bf16>>,
          !tt.cb<16, 2 x !tt.tile<bf16>>
    ```
  }];
  let arguments = (ins TT_CB:$in, TT_CB:$out,
                       ConfinedAttr<I64Attr, [IntPositive]>:$rows,
                       ConfinedAttr<I64Attr, [IntPositive]>:$cols,
                       TT_CB:$packer_cb);
  let assemblyFormat = [{
    $in `->` $out `block` $rows `x` $cols `packer` $packer_cb attr-dict `:`
    qualified(type($in)) `,` qualified(type($out)) `,` qualified(type($packer_cb))
  }];
  let hasVerifier = 1;
}

def TT_PackBlockOp : TT_Op<"pack_block", [TT_ComputeOnly]> {
  let summary = "compute stage: hand the DST tiles to the packer and push them to a CB";
  let description = [{
    Commits DST, reserves `count` pages of `out`, packs DST tiles
    `0 .. count-1` into them, releases DST and pushes the pages.
    `tt-tensorize` expands it into the DST handshake and `pack_tile`.

    Example:

    ```mlir
    tt.pack_block %out count 1 : !tt.cb<16, 2 x !tt.tile<bf16>>
    ```
  }];
  let arguments = (ins TT_CB:$out, ConfinedAttr<I64Attr, [IntPositive]>:$count,
                       OptionalAttr<ArrayAttr>:$epilogue);
  let assemblyFormat = "$out `count` $count (`epilogue` $epilogue^)? attr-dict `:` qualified(type($out))";
  let hasVerifier = 1;
}

def TT_EpilogueBlockOp : TT_Op<"epilogue_block", [TT_ComputeOnly]> {
  let summary = "compute stage: the fused epilogue from a block's results to the output CB";
  let description = [{
    Waits for the bias tiles (`n`, one tile row of the bias vector), then
    for each `subblock_h x subblock_w` subblock of the `m x n` result block
    in `in` (packed subblock by subblock, as the matmul leaves them): brings
    it into DST (`add_tiles_bcast_rows(in, bias, ...)` with a bias, which
    adds bias row 0 to every row, or `copy_tile`), applies the `epilogue`
    steps on the vector engine, packs it to `out` and pops it from `in`.
    Pops the bias at the end. The unpacker and packer are configured for
    `in`/`bias`/`out` around it and set back for the block matmul of
    `in0` x `in1` (packing to `in`) after it, as tt-metal's
    `bmm_large_block_zm_fused_bias_activation` does. `tt-tensorize`
    expands it.

    Example:

    ```mlir
    tt.epilogue_block %partials -> %out block 4 x 4 subblock 2 x 4
        bias %bias epilogue [#tt.activation<gelu>] matmul %in0, %in1
        : !tt.cb<24, 16 x !tt.tile<f32>>, !tt.cb<16, 16 x !tt.tile<bf16>>,
          !tt.cb<0, 8 x !tt.tile<bf16>>, !tt.cb<1, 8 x !tt.tile<bf16>>,
          !tt.cb<3, 8 x !tt.tile<bf16>>
    ```
  }];
  let arguments = (ins TT_CB:$in, TT_CB:$out,
                       ConfinedAttr<I64Attr, [IntPositive]>:$m,
                       ConfinedAttr<I64Attr, [IntPositive]>:$n,
                       ConfinedAttr<I64Attr, [IntPositive]>:$subblock_h,
                       ConfinedAttr<I64Attr, [IntPositive]>:$subblock_w,
                       Optional<TT_CB>:$bias, ArrayAttr:$epilogue,
                       TT_CB:$in0, TT_CB:$in1, UnitAttr:$transpose_in1);
  let assemblyFormat = [{
    $in `->` $out `block` $m `x` $n `subblock` $subblock_h `x` $subblock_w
    (`bias` $bias^)? `epilogue` $epilogue `matmul` $in0 `,` $in1
    (`transpose_in1` $transpose_in1^)? attr-dict `:`
    qualified(type($in)) `,` qualified(type($out)) `,`
    qualified(type($in0)) `,` qualified(type($in1)) (`,` qualified(type($bias))^)?
  }];
  let hasVerifier = 1;
}

#endif // TTDIALECT_TT_IR_TTOPS_TD
