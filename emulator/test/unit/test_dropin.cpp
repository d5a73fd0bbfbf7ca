// What tt-metal's own programs rely on: DPRINT's formatting and core selection, named compile-time
// arguments, the data-movement prelude, and whole-page transfers at a page offset.
#include <cstdlib>

#include "test_util.hpp"

using namespace ttemu_test;

namespace {
const std::uint32_t kTile = 2048;

class DropIn : public Emu {
protected:
    // Runs `p` with TT_METAL_DPRINT_CORES=cores (unset for null) and returns what it printed.
    std::string run_capturing(Program& p, const char* cores) {
        if (cores)
            setenv("TT_METAL_DPRINT_CORES", cores, 1);
        else
            unsetenv("TT_METAL_DPRINT_CORES");
        testing::internal::CaptureStdout();
        try {
            run(p);
        } catch (...) {
            testing::internal::GetCapturedStdout();
            unsetenv("TT_METAL_DPRINT_CORES");
            throw;
        }
        unsetenv("TT_METAL_DPRINT_CORES");
        return testing::internal::GetCapturedStdout();
    }
    // One data-movement kernel on `core`, printing.
    std::string run_printing(const std::string& name, const std::string& src, const char* cores,
                             DataMovementConfig cfg = writer_cfg()) {
        Program p = CreateProgram();
        CreateKernel(p, kernel_file(name, src), core, cfg);
        return run_capturing(p, cores);
    }
    const CoreCoord core{2, 3};
};
}  // namespace

TEST_F(DropIn, DprintFormatsLikeFmt) {
    const std::string out = run_printing("fmt.cpp", R"(#include "api/debug/dprint.h"
void kernel_main() {
    uint32_t u = 255;
    int32_t i = -7;
    float f = 1.23f;
    DPRINT("u={} hex={:#x} X={:X} w={:5} i={} f={} p={:.3f} b={:b} {{}} s={}\n", u, u, u, u, i, f, f, 5u, "ok");
    DPRINT("no newline, ");
    DPRINT("same line\n");
}
)", "2,3");
    EXPECT_EQ(out,
              "0:(x=2,y=3):BR: u=255 hex=0xff X=FF w=  255 i=-7 f=1.23 p=1.230 b=101 {} s=ok\n"
              "0:(x=2,y=3):BR: no newline, same line\n");
}

TEST_F(DropIn, DprintSelectsCoresAndRiscs) {
    const char* src = R"(#include "api/debug/dprint.h"
void kernel_main() {
    DPRINT("any\n");
    DPRINT_DATA0("data0\n");
    DPRINT_DATA1("data1\n");
    DPRINT_MATH("math\n");
}
)";
    // RISCV_1 is NC: DPRINT_DATA1 prints there, DPRINT_DATA0 and DPRINT_MATH do not.
    EXPECT_EQ(run_printing("riscs.cpp", src, "(0,0),(2,3)", reader_cfg()),
              "0:(x=2,y=3):NC: any\n0:(x=2,y=3):NC: data1\n");
    EXPECT_EQ(run_printing("riscs.cpp", src, "(1,1)-(3,3)"), "0:(x=2,y=3):BR: any\n0:(x=2,y=3):BR: data0\n");
    EXPECT_EQ(run_printing("riscs.cpp", src, "all"), "0:(x=2,y=3):BR: any\n0:(x=2,y=3):BR: data0\n");
    // Another core, or no selection at all: nothing, as in tt-metal.
    EXPECT_EQ(run_printing("riscs.cpp", src, "0,0"), "");
    EXPECT_EQ(run_printing("riscs.cpp", src, nullptr), "");
}

TEST_F(DropIn, DprintInComputePrintsPerThread) {
    Program p = CreateProgram();
    CreateKernel(p, kernel_file("compute.cpp", R"(#include "api/compute/common.h"
#include "api/debug/dprint.h"
void kernel_main() {
    DPRINT("all\n");
    DPRINT_PACK("pack\n");
}
)"), core, ComputeConfig{});
    EXPECT_EQ(run_capturing(p, "2,3"),
              "0:(x=2,y=3):TR0: all\n0:(x=2,y=3):TR1: all\n0:(x=2,y=3):TR2: all\n0:(x=2,y=3):TR2: pack\n");
}

TEST_F(DropIn, DprintFormatErrorsNameTheKernelLine) {
    expect_error([&] {
        run_printing("few.cpp", R"(#include "api/debug/dprint.h"
void kernel_main() {
    DPRINT("{} and {}\n", 1u);
}
)", "2,3");
    }, {"DPRINT", "more replacement fields than the 1 arguments", "few.cpp:3"});
    expect_error([&] {
        run_printing("spec.cpp", R"(#include "api/debug/dprint.h"
void kernel_main() {
    DPRINT("{:q}\n", 1u);
}
)", "2,3");
    }, {"DPRINT", "cannot be printed with type 'q'", "spec.cpp:3"});
}

TEST_F(DropIn, NamedCompileTimeArgsAndDataMovementPrelude) {
    // No include at all: data-movement kernels get the dataflow API from the prelude, as from
    // tt-metal's firmware wrapper.
    Program p = CreateProgram();
    DataMovementConfig cfg = writer_cfg();
    cfg.named_compile_args = {{"tiles", 7}, {"cb_out", 16}};
    CreateKernel(p, kernel_file("named.cpp", R"(#include "api/debug/dprint.h"
void kernel_main() {
    constexpr uint32_t tiles = get_named_compile_time_arg_val("tiles");
    static_assert(tiles == 7);
    DPRINT("{} {} {}\n", tiles, get_named_compile_time_arg_val("cb_out"), get_absolute_logical_x());
}
)"), core, cfg);
    EXPECT_EQ(run_capturing(p, "2,3"), "0:(x=2,y=3):BR: 7 16 2\n");
}

// noc_async_read_page at a byte offset moves a whole page from there, as in tt-metal (not the
// page's remaining bytes): the first half of the next page in the bank comes along.
TEST_F(DropIn, PageTransferAtAnOffsetMovesAWholePage) {
    auto in = dram(32 * kTile, kTile);
    auto out = dram(32 * kTile, kTile);
    std::vector<std::uint32_t> values(32 * kTile / 4);
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<std::uint32_t>(i);
    write(in, values);
    std::vector<std::uint32_t> ct;
    TensorAccessorArgs(*in).append_to(ct);
    TensorAccessorArgs(*out).append_to(ct);
    Program p = CreateProgram();
    cb(p, core, CBIndex::c_0, 2);
    auto k = CreateKernel(p, kernel_file("offset.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    constexpr auto in_args = TensorAccessorArgs<0>();
    constexpr auto out_args = TensorAccessorArgs<in_args.next_compile_time_args_offset()>();
    const auto in = TensorAccessor(in_args, get_arg_val<uint32_t>(0));
    const auto out = TensorAccessor(out_args, get_arg_val<uint32_t>(1));
    cb_reserve_back(tt::CBIndex::c_0, 1);
    const uint32_t l1 = get_write_ptr(tt::CBIndex::c_0);
    noc_async_read_page(0, in, l1, 1024);
    noc_async_read_barrier();
    noc_async_write_page(0, out, l1);
    noc_async_write_barrier();
    cb_push_back(tt::CBIndex::c_0, 1);
}
)"), core, reader_cfg(ct));
    SetRuntimeArgs(p, k, core, {static_cast<std::uint32_t>(in->address()), static_cast<std::uint32_t>(out->address())});
    CreateKernel(p, kernel_file("consumer.cpp", R"(void kernel_main() {
    cb_wait_front(tt::CBIndex::c_0, 1);
    cb_pop_front(tt::CBIndex::c_0, 1);
}
)"), core, writer_cfg());
    run(p);
    const auto got = read<std::uint32_t>(out);
    // Page 0 of `out` is bytes [1024, 3072) of bank 0's pages: the second half of page 0, then
    // the first half of the bank's next page (page 12 on Wormhole's 12 banks).
    const std::uint32_t banks = dev->num_dram_channels();
    for (std::uint32_t w = 0; w < 256; ++w) EXPECT_EQ(got[w], 256 + w) << w;
    for (std::uint32_t w = 0; w < 256; ++w) EXPECT_EQ(got[256 + w], banks * 512 + w) << w;
}

// compute_kernel_hw_startup<SrcOrder::Reverse>(in0, in1, out) puts in1's format on source A and
// in0's on source B, which is how the matrix engine reads them; the regular order does not, and
// matmul_tiles then reads in1 in the wrong format.
TEST_F(DropIn, UnpackFormatsFollowTheSourceOrder) {
    auto run_matmul = [&](const char* name, const char* order) {
        Program p = CreateProgram();
        cb(p, core, CBIndex::c_0, 1, DataFormat::Float16_b);
        cb(p, core, CBIndex::c_1, 1, DataFormat::Float32);
        cb(p, core, CBIndex::c_16, 1, DataFormat::Float16_b);
        CreateKernel(p, kernel_file("fill.cpp", R"(void kernel_main() {
    cb_reserve_back(tt::CBIndex::c_0, 1);
    cb_push_back(tt::CBIndex::c_0, 1);
    cb_reserve_back(tt::CBIndex::c_1, 1);
    cb_push_back(tt::CBIndex::c_1, 1);
    cb_wait_front(tt::CBIndex::c_16, 1);
    cb_pop_front(tt::CBIndex::c_16, 1);
}
)"), core, reader_cfg());
        const std::string src = one_tile_compute(
            "#include \"api/compute/common.h\"\n#include \"api/compute/matmul.h\"",
            std::string("compute_kernel_hw_startup<SrcOrder::") + order +
                ">(tt::CBIndex::c_0, tt::CBIndex::c_1, tt::CBIndex::c_16);\n    "
                "matmul_init(tt::CBIndex::c_0, tt::CBIndex::c_1);",
            "matmul_tiles(tt::CBIndex::c_0, tt::CBIndex::c_1, 0, 0, 0);");
        CreateKernel(p, kernel_file(name, src), core, ComputeConfig{});
        run(p);
    };
    EXPECT_NO_THROW(run_matmul("reverse.cpp", "Reverse"));
    expect_error([&] { run_matmul("regular.cpp", "Regular"); },
                 {"matmul_tiles", "unpacks c_0 (Float16_b) through the source B unpacker, which is configured for "
                                  "Float32 (by compute_kernel_hw_startup of c_1)",
                  "regular.cpp:9"});
}

// The two-operand reconfigurations skip when the formats agree, as tt-metal's do: from a bf16 CB to
// another bf16 CB nothing changes, so what was configured before stays.
TEST_F(DropIn, ReconfigurationWithTheOldOperandSkipsEqualFormats) {
    Program p = CreateProgram();
    cb(p, core, CBIndex::c_0, 1, DataFormat::Float16_b);
    cb(p, core, CBIndex::c_1, 1, DataFormat::Float32);
    cb(p, core, CBIndex::c_2, 1, DataFormat::Float16_b);
    CreateKernel(p, kernel_file("fill.cpp", R"(void kernel_main() {
    cb_reserve_back(tt::CBIndex::c_1, 1);
    cb_push_back(tt::CBIndex::c_1, 1);
}
)"), core, reader_cfg());
    CreateKernel(p, kernel_file("skip.cpp", R"(#include "api/compute/common.h"
#include "api/compute/tile_move_copy.h"
void kernel_main() {
    compute_kernel_hw_startup(tt::CBIndex::c_0, tt::CBIndex::c_0, tt::CBIndex::c_2);
    reconfig_data_format_srca(tt::CBIndex::c_1);
    reconfig_data_format_srca(tt::CBIndex::c_0, tt::CBIndex::c_2);
    copy_tile_to_dst_init_short(tt::CBIndex::c_1);
    cb_wait_front(tt::CBIndex::c_1, 1);
    tile_regs_acquire();
    copy_tile(tt::CBIndex::c_1, 0, 0);
    tile_regs_commit();
    tile_regs_wait();
    tile_regs_release();
    cb_pop_front(tt::CBIndex::c_1, 1);
}
)"), core, ComputeConfig{});
    // srca stays Float32 (c_0 -> c_2 is bf16 -> bf16: skipped), so copying c_1 is right.
    EXPECT_NO_THROW(run(p));
}

// L1 buffers: pages interleaved over the worker cores' L1, at one address allocated from the top of
// L1 down; the host writes and reads them, kernels reach them through a TensorAccessor, and
// circular buffers may not reach into them.
TEST_F(DropIn, L1BuffersAreInterleavedOverTheCores) {
    const std::uint32_t cores = dev->compute_with_storage_grid_size().x * dev->compute_with_storage_grid_size().y;
    auto l1 = MeshBuffer::create(distributed::ReplicatedBufferConfig{.size = 2ull * cores * kTile},
                                 distributed::DeviceLocalBufferConfig{.page_size = kTile, .buffer_type = BufferType::L1},
                                 dev.get());
    EXPECT_EQ(l1->buffer_type(), BufferType::L1);
    EXPECT_GT(l1->address(), 0x20000u);
    std::vector<std::uint32_t> values(2 * cores * kTile / 4);
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<std::uint32_t>(i * 7 + 1);
    write(l1, values);
    EXPECT_EQ(read<std::uint32_t>(l1), values);
    // A kernel copies page `cores + 5` (the second page on core index 5) to DRAM through accessors.
    auto out = dram(kTile, kTile);
    std::vector<std::uint32_t> ct;
    TensorAccessorArgs(*l1).append_to(ct);
    TensorAccessorArgs(*out).append_to(ct);
    Program p = CreateProgram();
    cb(p, core, CBIndex::c_0, 1);
    auto k = CreateKernel(p, kernel_file("l1.cpp", R"(void kernel_main() {
    constexpr auto l1_args = TensorAccessorArgs<0>();
    constexpr auto out_args = TensorAccessorArgs<l1_args.next_compile_time_args_offset()>();
    const auto l1 = TensorAccessor(l1_args, get_arg_val<uint32_t>(0));
    const auto out = TensorAccessor(out_args, get_arg_val<uint32_t>(1));
    cb_reserve_back(tt::CBIndex::c_0, 1);
    const uint32_t scratch = get_write_ptr(tt::CBIndex::c_0);
    noc_async_read_page(get_arg_val<uint32_t>(2), l1, scratch);
    noc_async_read_barrier();
    noc_async_write_page(0, out, scratch);
    noc_async_write_barrier();
    cb_push_back(tt::CBIndex::c_0, 1);
}
)"), core, reader_cfg(ct));
    CreateKernel(p, kernel_file("pop.cpp", R"(void kernel_main() {
    cb_wait_front(tt::CBIndex::c_0, 1);
    cb_pop_front(tt::CBIndex::c_0, 1);
}
)"), core, writer_cfg());
    SetRuntimeArgs(p, k, core, {static_cast<std::uint32_t>(l1->address()), static_cast<std::uint32_t>(out->address()),
                                cores + 5});
    run(p);
    const auto got = read<std::uint32_t>(out);
    const std::vector<std::uint32_t> want(values.begin() + (cores + 5) * kTile / 4,
                                          values.begin() + (cores + 6) * kTile / 4);
    EXPECT_EQ(got, want);
    // Circular buffers that would reach into the L1 buffer are refused at launch.
    Program big = CreateProgram();
    const std::uint32_t pages = (static_cast<std::uint32_t>(l1->address()) - 0x20000u) / kTile + 1;
    cb(big, core, CBIndex::c_0, pages);
    CreateKernel(big, kernel_file("idle.cpp", "void kernel_main() {}\n"), core, writer_cfg());
    expect_error([&] { run(big); }, {"CreateCircularBuffer", "past the start of the L1 buffers", "clash"});
}

// MeshDevice::create with a MeshDeviceConfig opens a mesh (1x1 here; test_mesh.cpp covers larger ones);
// meshes beyond a Galaxy's 32 devices, and a second open mesh, are refused with a message saying so.
TEST_F(DropIn, MeshDeviceConfigOpensTheOneDeviceAsAUnitMesh) {
    dev->close();
    dev.reset();
    {
        auto mesh = MeshDevice::create(distributed::MeshDeviceConfig(distributed::MeshShape(1, 1)));
        EXPECT_EQ(mesh->shape(), distributed::MeshShape(1, 1));
        EXPECT_EQ(mesh->num_devices(), 1u);
        expect_error([] { MeshDevice::create_unit_mesh(0); }, {"already open"});
        mesh->close();
    }
    expect_error([] { MeshDevice::create(distributed::MeshDeviceConfig(distributed::MeshShape(8, 8))); },
                 {"MeshDevice::create", "8x8 mesh", "1 to 32 devices"});
    dev = MeshDevice::create(distributed::MeshDeviceConfig(std::nullopt));
    EXPECT_TRUE(dev->is_initialized());
}
