// Meshes of devices: each device with its own DRAM and cores, mesh buffers replicated or sharded as
// tt-metal distributes them, workloads with a program per device range, devices modeled in parallel,
// and host transfers over the system's host links.
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "test_util.hpp"
#include "ttemu/device_model.hpp"
#include "ttemu/timing.hpp"

namespace ttemu_test {
namespace {
using distributed::MeshCoordinate;
using distributed::MeshCoordinateRange;
using distributed::MeshShape;

constexpr std::uint32_t kPage = 2048;

class Mesh : public ::testing::Test {
protected:
    std::shared_ptr<MeshDevice> mesh;
    void open(std::uint32_t rows, std::uint32_t cols) {
        mesh = MeshDevice::create(distributed::MeshDeviceConfig(MeshShape(rows, cols)));
    }
    void TearDown() override {
        if (mesh) mesh->close();
    }
    distributed::MeshCommandQueue& cq() { return mesh->mesh_command_queue(); }
    std::shared_ptr<MeshBuffer> buffer(const distributed::MeshBufferConfig& config, std::uint32_t page = kPage,
                                       BufferType type = BufferType::DRAM) {
        return MeshBuffer::create(config, distributed::DeviceLocalBufferConfig{.page_size = page, .buffer_type = type},
                                  mesh.get());
    }
    std::vector<std::uint32_t> shard(const std::shared_ptr<MeshBuffer>& b, std::uint32_t row, std::uint32_t col) {
        std::vector<std::uint32_t> v;
        distributed::ReadShard(cq(), v, b, MeshCoordinate(row, col));
        return v;
    }
    // A program whose one data-movement kernel fills `pages` pages of `out` with `value` on core (0, 0).
    Program fill(const std::shared_ptr<MeshBuffer>& out, std::uint32_t value, std::uint32_t pages) {
        Program p = CreateProgram();
        CreateCircularBuffer(p, CoreCoord(0, 0),
                             CircularBufferConfig(kPage, {{0, DataFormat::Float32}}).set_page_size(0, kPage));
        auto k = CreateKernel(p, kernel_file("fill.cpp", R"(void kernel_main() {
    const InterleavedAddrGen<true> out{.bank_base_address = get_arg_val<uint32_t>(0), .page_size = 2048};
    const uint32_t value = get_arg_val<uint32_t>(1);
    const uint32_t pages = get_arg_val<uint32_t>(2);
    cb_reserve_back(0, 1);
    uint32_t* words = reinterpret_cast<uint32_t*>(get_write_ptr(0));
    for (uint32_t i = 0; i < 512; ++i) words[i] = value;
    for (uint32_t page = 0; page < pages; ++page) noc_async_write_page(page, out, get_write_ptr(0));
    noc_async_write_barrier();
    cb_push_back(0, 1);
}
)"),
                              CoreCoord(0, 0),
                              DataMovementConfig{.processor = DataMovementProcessor::RISCV_0,
                                                 .noc = NOC::RISCV_0_default});
        SetRuntimeArgs(p, k, CoreCoord(0, 0), {static_cast<std::uint32_t>(out->address()), value, pages});
        return p;
    }
};

std::string slurp_file(const std::string& path) {
    std::ifstream in(path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}
double number_after(const std::string& json, const std::string& key, std::size_t from = 0) {
    const std::size_t at = json.find("\"" + key + "\": ", from);
    EXPECT_NE(at, std::string::npos) << key << " in " << json;
    return at == std::string::npos ? -1.0 : std::atof(json.c_str() + at + key.size() + 4);
}

TEST_F(Mesh, EachDeviceHasItsOwnMemory) {
    open(2, 4);
    EXPECT_EQ(mesh->num_devices(), 8u);
    EXPECT_EQ(mesh->num_rows(), 2u);
    EXPECT_EQ(mesh->num_cols(), 4u);
    auto b = buffer(distributed::ReplicatedBufferConfig{.size = 4 * kPage});
    std::vector<std::uint32_t> ones(4 * kPage / 4, 1);
    distributed::EnqueueWriteMeshBuffer(cq(), b, ones);
    std::vector<std::uint32_t> twos(4 * kPage / 4, 2);
    distributed::WriteShard(cq(), b, twos, MeshCoordinate(1, 2));
    for (std::uint32_t r = 0; r < 2; ++r)
        for (std::uint32_t c = 0; c < 4; ++c) EXPECT_EQ(shard(b, r, c), (r == 1 && c == 2 ? twos : ones)) << r << c;
    // The same address on every device (lock-step allocation), and a Buffer per device.
    auto other = buffer(distributed::ReplicatedBufferConfig{.size = kPage});
    EXPECT_EQ(other->get_device_buffer(MeshCoordinate(1, 3))->address(), other->address());
    EXPECT_EQ(other->get_reference_buffer()->size(), kPage);
    std::vector<std::uint32_t> all;
    expect_error([&] { distributed::EnqueueReadMeshBuffer(cq(), all, b); }, {"replicated over a 2x4 mesh", "ReadShard"});
    expect_error([&] { b->get_device_buffer(MeshCoordinate(2, 0)); }, {"(2, 0)", "not in the 2x4 mesh"});
}

// A 64 x 128 array of 4-byte datums in 32 x 32 shards over a 2x4 mesh: shard (i, j) lives on device (i, j)
// row by row (ROW_MAJOR), and column by column with COL_MAJOR; a read assembles the array again.
TEST_F(Mesh, ShardedBuffersSplitAndAssembleAsTtMetalDoes) {
    open(2, 4);
    for (auto orientation : {ShardOrientation::ROW_MAJOR, ShardOrientation::COL_MAJOR}) {
        auto b = buffer(distributed::ShardedBufferConfig{.global_size = 64 * 128 * 4,
                                                         .global_buffer_shape = {64, 128},
                                                         .shard_shape = {32, 32},
                                                         .shard_orientation = orientation});
        EXPECT_EQ(b->size(), 64u * 128 * 4);
        EXPECT_EQ(b->device_local_size(), 32u * 32 * 4);
        std::vector<std::uint32_t> global(64 * 128);
        for (std::uint32_t i = 0; i < global.size(); ++i) global[i] = i;
        distributed::EnqueueWriteMeshBuffer(cq(), b, global);
        for (std::uint32_t sy = 0; sy < 2; ++sy)
            for (std::uint32_t sx = 0; sx < 4; ++sx) {
                const std::uint32_t n = sy * 4 + sx;  // shards in row-major order
                const std::uint32_t row = orientation == ShardOrientation::ROW_MAJOR ? n / 4 : n % 2;
                const std::uint32_t col = orientation == ShardOrientation::ROW_MAJOR ? n % 4 : n / 2;
                const auto s = shard(b, row, col);
                ASSERT_EQ(s.size(), 32u * 32);
                EXPECT_EQ(s[0], (sy * 32) * 128 + sx * 32);
                EXPECT_EQ(s[33], (sy * 32 + 1) * 128 + sx * 32 + 1);
                EXPECT_EQ(s.back(), (sy * 32 + 31) * 128 + sx * 32 + 31);
            }
        std::vector<std::uint32_t> back;
        distributed::EnqueueReadMeshBuffer(cq(), back, b);
        EXPECT_EQ(back, global);
    }
}

// A 0 in the shard shape replicates: 32-column shards (full height) go to every device of a mesh column
// (ROW_MAJOR); full-width shards of 32 rows go to every device of a mesh row (COL_MAJOR).
TEST_F(Mesh, ShardsReplicateAlongAZeroDimension) {
    open(2, 4);
    std::vector<std::uint32_t> global(64 * 128);
    for (std::uint32_t i = 0; i < global.size(); ++i) global[i] = i;
    auto by_cols = buffer(distributed::ShardedBufferConfig{
        .global_size = 64 * 128 * 4, .global_buffer_shape = {64, 128}, .shard_shape = {0, 32}});
    distributed::EnqueueWriteMeshBuffer(cq(), by_cols, global);
    for (std::uint32_t r = 0; r < 2; ++r) {
        const auto s = shard(by_cols, r, 3);
        ASSERT_EQ(s.size(), 64u * 32);
        EXPECT_EQ(s[0], 96u);
        EXPECT_EQ(s.back(), 63u * 128 + 127);
    }
    auto by_rows = buffer(distributed::ShardedBufferConfig{.global_size = 64 * 128 * 4,
                                                           .global_buffer_shape = {64, 128},
                                                           .shard_shape = {32, 0},
                                                           .shard_orientation = ShardOrientation::COL_MAJOR});
    distributed::EnqueueWriteMeshBuffer(cq(), by_rows, global);
    for (std::uint32_t c = 0; c < 4; ++c) EXPECT_EQ(shard(by_rows, 1, c)[0], 32u * 128) << c;
    std::vector<std::uint32_t> back;
    expect_error([&] { distributed::EnqueueReadMeshBuffer(cq(), back, by_rows); }, {"replicated along a dimension"});
    // Shards that do not tile the shape, or more shards than devices, are refused as tt-metal refuses them.
    expect_error([&] {
        buffer(distributed::ShardedBufferConfig{
            .global_size = 64 * 128 * 4, .global_buffer_shape = {64, 128}, .shard_shape = {48, 32}});
    }, {"not a whole number of 48x32 shards"});
    expect_error([&] {
        buffer(distributed::ShardedBufferConfig{
            .global_size = 64 * 128 * 4, .global_buffer_shape = {64, 128}, .shard_shape = {16, 32}});
    }, {"does not fit the mesh", "16 shards", "8 devices"});
}

// Programs on different device ranges each run on their devices only; ranges may not overlap or leave
// the mesh. The devices run in parallel: the workload takes as long as its slowest device.
TEST_F(Mesh, WorkloadsRunAProgramPerDeviceRangeInParallel) {
    open(1, 1);
    auto solo = buffer(distributed::ReplicatedBufferConfig{.size = 16 * kPage});
    distributed::MeshWorkload alone;
    alone.add_program(MeshCoordinateRange(mesh->shape()), fill(solo, 9, 16));
    distributed::EnqueueMeshWorkload(cq(), alone, true);
    const std::uint64_t slow_alone = ttemu::last_program_timing().cycles;
    mesh->close();

    open(2, 4);
    auto out = buffer(distributed::ReplicatedBufferConfig{.size = 16 * kPage});
    distributed::MeshWorkload w;
    w.add_program(MeshCoordinateRange(MeshCoordinate(0, 0), MeshCoordinate(0, 3)), fill(out, 7, 1));
    w.add_program(MeshCoordinateRange(MeshCoordinate(1, 0), MeshCoordinate(1, 3)), fill(out, 9, 16));
    expect_error([&] { w.add_program(MeshCoordinateRange(MeshCoordinate(1, 1)), fill(out, 1, 1)); },
                 {"overlaps", "(1, 0)-(1, 3)"});
    distributed::EnqueueMeshWorkload(cq(), w, true);
    for (std::uint32_t c = 0; c < 4; ++c) {
        const auto top = shard(out, 0, c), bottom = shard(out, 1, c);
        EXPECT_EQ(top[0], 7u);
        EXPECT_EQ(top[kPage / 4], 0u);  // page 1 untouched on row 0
        EXPECT_EQ(bottom[0], 9u);
        EXPECT_EQ(bottom.back(), 9u);
    }
    const auto& t = ttemu::last_program_timing();
    EXPECT_EQ(t.devices, 8u);
    EXPECT_EQ(t.cycles, slow_alone);  // the 16-page devices decide, each as fast as alone
    distributed::MeshWorkload outside;
    outside.add_program(MeshCoordinateRange(MeshCoordinate(0, 2), MeshCoordinate(2, 3)), fill(out, 1, 1));
    expect_error([&] { distributed::EnqueueMeshWorkload(cq(), outside, true); }, {"(2, 2)", "outside the 2x4 mesh"});
}

// Host transfers go over the system's host links: an n300's two chips share one PCIe link, a T3000's
// eight chips sit two per link on four links working in parallel.
TEST_F(Mesh, HostTransfersShareTheSystemsHostLinks) {
    const std::string path = std::string(TTEMU_TEST_WORK_DIR) + "/mesh_host.json";
    const auto& wh = ttemu::model::kWormholeB0;
    const double bytes = 64.0 * kPage;
    auto modeled_us = [&](std::uint32_t rows, std::uint32_t cols, bool sharded) {
        setenv("TTEMU_STATS_JSON", path.c_str(), 1);
        open(rows, cols);
        auto b = sharded ? buffer(distributed::ShardedBufferConfig{.global_size = 64 * kPage,
                                                                   .global_buffer_shape = {64, 1},
                                                                   .shard_shape = {64 / (rows * cols), 1}},
                                  kPage)
                         : buffer(distributed::ReplicatedBufferConfig{.size = 64 * kPage});
        distributed::EnqueueWriteMeshBuffer(cq(), b, std::vector<std::uint32_t>(64 * kPage / 4, 3));
        mesh->close();
        mesh.reset();
        unsetenv("TTEMU_STATS_JSON");
        const std::string json = slurp_file(path);
        const std::size_t totals = json.find("\"host_transfers\"");
        EXPECT_NE(totals, std::string::npos) << json;
        return number_after(json, "to_device_microseconds", totals);
    };
    const double link = wh.host_link_gbps * 1e3;  // bytes per microsecond
    // The stats file prints 6 significant digits.
    auto near = [](double got, double want) { EXPECT_NEAR(got, want, want * 1e-5); };
    near(modeled_us(1, 1, false), bytes / link);
    near(modeled_us(1, 2, false), 2 * bytes / link);     // n300: both copies over one link
    near(modeled_us(2, 4, false), 2 * bytes / link);     // t3k: 2 copies per link, 4 links
    near(modeled_us(2, 4, true), 2 * bytes / 8 / link);  // t3k: an eighth per chip
}

}  // namespace
}  // namespace ttemu_test
