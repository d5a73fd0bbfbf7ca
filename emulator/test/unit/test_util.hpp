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
