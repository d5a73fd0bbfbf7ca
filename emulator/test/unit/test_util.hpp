// Helpers for the emulator unit tests: inline kernel sources, buffers, program launch.
#pragma once
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <string>
#include <vector>

#include <tt-metalium/bfloat16.hpp>
#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>
#include <tt-metalium/tensor_accessor_args.hpp>
#include <tt-metalium/tilize_utils.hpp>
#include <tt-metalium/work_split.hpp>

namespace ttemu_test {
using namespace tt;
using namespace tt::tt_metal;
using distributed::MeshBuffer;
using distributed::MeshDevice;

// Writes a kernel source under the test work dir (stable paths, so the kernel cache is reused).
inline std::string kernel_file(const std::string& name, const std::string& src) {
    std::string dir = TTEMU_TEST_WORK_DIR;
    mkdir(dir.c_str(), 0755);
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string path = dir + "/" + (info ? std::string(info->test_suite_name()) + "." + info->name() + "." : "") + name;
    std::ifstream in(path);
    std::string old((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (old != src) std::ofstream(path) << src;
    return path;
}

class Emu : public ::testing::Test {
protected:
    std::shared_ptr<MeshDevice> dev;
    void SetUp() override { dev = MeshDevice::create_unit_mesh(0); }
    void TearDown() override {
        if (dev) dev->close();
    }
    std::shared_ptr<MeshBuffer> dram(std::uint64_t bytes, std::uint32_t page) {
        return MeshBuffer::create(distributed::ReplicatedBufferConfig{.size = bytes},
                                  distributed::DeviceLocalBufferConfig{.page_size = page, .buffer_type = BufferType::DRAM},
                                  dev.get());
    }
    void run(Program& p) {
        distributed::MeshWorkload w;
        w.add_program(distributed::MeshCoordinateRange(dev->shape()), std::move(p));
        distributed::EnqueueMeshWorkload(dev->mesh_command_queue(), w, true);
    }
    template <typename T>
    void write(std::shared_ptr<MeshBuffer>& b, const std::vector<T>& v) {
        distributed::EnqueueWriteMeshBuffer(dev->mesh_command_queue(), b, v, true);
    }
    template <typename T>
    std::vector<T> read(std::shared_ptr<MeshBuffer>& b) {
        std::vector<T> v;
        distributed::EnqueueReadMeshBuffer(dev->mesh_command_queue(), v, b, true);
        return v;
    }
    static void cb(Program& p, const std::variant<CoreCoord, CoreRange, CoreRangeSet>& cores, std::uint8_t index,
                   std::uint32_t pages, DataFormat fmt = DataFormat::Float16_b) {
        const std::uint32_t page = tile_size(fmt);
        CreateCircularBuffer(p, cores, CircularBufferConfig(pages * page, {{index, fmt}}).set_page_size(index, page));
    }
    static DataMovementConfig reader_cfg(std::vector<std::uint32_t> ct = {}) {
        return DataMovementConfig{.processor = DataMovementProcessor::RISCV_1, .noc = NOC::RISCV_1_default,
                                  .compile_args = std::move(ct)};
    }
    static DataMovementConfig writer_cfg(std::vector<std::uint32_t> ct = {}) {
        return DataMovementConfig{.processor = DataMovementProcessor::RISCV_0, .noc = NOC::RISCV_0_default,
                                  .compile_args = std::move(ct)};
    }
};

// The data movement around a one-core compute test: the reader brings page 0 of each input buffer
// into c_0, c_1, ... (one page each, `inputs[i].second` bytes), the writer stores one page of c_16
// (`out_page` bytes) into page 0 of `out`.
inline void add_one_page_io(Program& p, const CoreCoord& core,
                            const std::vector<std::pair<std::shared_ptr<MeshBuffer>, std::uint32_t>>& inputs,
                            const std::shared_ptr<MeshBuffer>& out, std::uint32_t out_page) {
    auto reader = CreateKernel(p, kernel_file("one_page_reader.cpp", R"(void kernel_main() {
    const uint32_t inputs = get_arg_val<uint32_t>(0);
    for (uint32_t i = 0; i < inputs; ++i) {
        const InterleavedAddrGen<true> in{.bank_base_address = get_arg_val<uint32_t>(1 + 2 * i),
                                          .page_size = get_arg_val<uint32_t>(2 + 2 * i)};
        cb_reserve_back(i, 1);
        noc_async_read_page(0, in, get_write_ptr(i));
    }
    noc_async_read_barrier();
    for (uint32_t i = 0; i < inputs; ++i) cb_push_back(i, 1);
}
)"), core, DataMovementConfig{.processor = DataMovementProcessor::RISCV_1, .noc = NOC::RISCV_1_default});
    auto writer = CreateKernel(p, kernel_file("one_page_writer.cpp", R"(void kernel_main() {
    const InterleavedAddrGen<true> out{.bank_base_address = get_arg_val<uint32_t>(0),
                                       .page_size = get_arg_val<uint32_t>(1)};
    cb_wait_front(tt::CBIndex::c_16, 1);
    noc_async_write_page(0, out, get_read_ptr(tt::CBIndex::c_16));
    noc_async_write_barrier();
    cb_pop_front(tt::CBIndex::c_16, 1);
}
)"), core, DataMovementConfig{.processor = DataMovementProcessor::RISCV_0, .noc = NOC::RISCV_0_default});
    std::vector<std::uint32_t> args = {static_cast<std::uint32_t>(inputs.size())};
    for (const auto& [buffer, page] : inputs) {
        args.push_back(static_cast<std::uint32_t>(buffer->address()));
        args.push_back(page);
    }
    SetRuntimeArgs(p, reader, core, args);
    SetRuntimeArgs(p, writer, core, {static_cast<std::uint32_t>(out->address()), out_page});
}

// The compute kernel of a one-tile test: `body` between waiting for c_0 and c_1 (one tile each)
// with DST acquired and packing DST 0 into c_16; `setup` first.
inline std::string one_tile_compute(const std::string& includes, const std::string& setup, const std::string& body) {
    return includes + R"(
void kernel_main() {
    )" + setup + R"(
    cb_wait_front(tt::CBIndex::c_0, 1);
    cb_wait_front(tt::CBIndex::c_1, 1);
    tile_regs_acquire();
    )" + body + R"(
    tile_regs_commit();
    tile_regs_wait();
    cb_reserve_back(tt::CBIndex::c_16, 1);
    pack_tile(0, tt::CBIndex::c_16);
    tile_regs_release();
    cb_push_back(tt::CBIndex::c_16, 1);
    cb_pop_front(tt::CBIndex::c_0, 1);
    cb_pop_front(tt::CBIndex::c_1, 1);
}
)";
}

// Runs f, expects a ttemu::Error whose message contains every needle.
template <typename F>
std::string expect_error(F&& f, const std::vector<std::string>& needles) {
    try {
        f();
    } catch (const ttemu::Error& e) {
        std::string msg = e.what();
        for (const auto& n : needles) EXPECT_NE(msg.find(n), std::string::npos) << "missing '" << n << "' in:\n" << msg;
        return msg;
    }
    ADD_FAILURE() << "expected a ttemu::Error";
    return "";
}

inline std::vector<bfloat16> ramp(std::size_t n, float scale = 1.0f / 64) {
    std::vector<bfloat16> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = bfloat16(static_cast<float>(static_cast<int>(i % 251) - 125) * scale);
    return v;
}

}  // namespace ttemu_test
