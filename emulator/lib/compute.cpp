// Compute kernel API: DST register (fp32 slots), unpack (bf16/fp32 -> fp32), matmul, copy, pack (RNE to bf16).
#include <algorithm>
#include <cmath>
#include <cstring>

#include <tt-metalium/bfloat16.hpp>
#include <tt-metalium/block_float.hpp>
#include <tt-metalium/tilize_utils.hpp>

#include <ttemu/kernel_api.h>

#include "exec.hpp"

namespace ttemu {
namespace {

using Dst = ComputeState::Dst;
using Mode = ComputeState::Mode;

ComputeState& cs(const char* op, const char* file, int line) {
    if (!g_cur) throw Error(std::string(op) + " called outside a running kernel");
    note_loc(file, line);
    if (!g_cur->cs) kfail(op, "is a compute API; this is a data movement kernel");
    return *g_cur->cs;
}

// A call of the unpack/math thread or of the pack thread: runs on that thread's clock.
ComputeState& cs(const char* op, const char* file, int line, ComputeState::Thread thread) {
    ComputeState& s = cs(op, file, line);
    select_thread(*g_cur, thread);
    return s;
}
constexpr auto kMath = ComputeState::Thread::Math;
constexpr auto kPack = ComputeState::Thread::Pack;

void check_tile_cb(const CBState& cb, const char* op) {
    if (cb.format != tt::DataFormat::Float16_b && cb.format != tt::DataFormat::Float32 &&
        cb.format != tt::DataFormat::Bfp8_b && cb.format != tt::DataFormat::Bfp4_b)
        kfail(op, cb_str(cb.index) + " has data format " + tt::data_format_name(cb.format) +
                      ", which the emulator's compute model does not support (use Float16_b, Float32, Bfp8_b or "
                      "Bfp4_b)");
    if (cb.page_size != tt::tile_size(cb.format))
        kfail(op, cb_str(cb.index) + " has page size " + std::to_string(cb.page_size) + " but a " +
                      tt::data_format_name(cb.format) + " tile is " + std::to_string(tt::tile_size(cb.format)) +
                      " bytes");
}

// Tile `idx` of the CB's waited window (consumer side).
const std::uint8_t* input_tile(std::uint32_t cbi, std::uint32_t idx, const char* op, CBState** out_cb) {
    CBState& cb = cur_cb(cbi, op);
    check_tile_cb(cb, op);
    if (idx >= cb.waited)
        kfail(op, "reads tile " + std::to_string(idx) + " of " + cb_str(cbi) + " but only " +
                      std::to_string(cb.waited) + " tiles are waited for (cb_wait_front)");
    if (cb.rd_page + idx >= cb.num_pages)
        kfail(op, "tile " + std::to_string(idx) + " of " + cb_str(cbi) +
                      "'s waited window lies past the end of the CB (the window wraps: make the CB size a multiple "
                      "of the wait size)");
    if (out_cb) *out_cb = &cb;
    return l1_at(*cb.core, cb.base + (cb.rd_page + idx) * cb.page_size, cb.page_size, op);
}

// Face layout (four 16x16 row-major faces) -> row-major 32x32 fp32. Bfp8_b values are exact in fp32.
void unpack(const CBState& cb, const std::uint8_t* src, float* out) {
    if (cb.format == tt::DataFormat::Bfp8_b || cb.format == tt::DataFormat::Bfp4_b) {
        float faces[1024];
        bfp::unpack_tile(src, faces, cb.format == tt::DataFormat::Bfp8_b ? 7 : 3);
        for (std::uint32_t r = 0; r < 32; ++r)
            for (std::uint32_t c = 0; c < 32; ++c) out[r * 32 + c] = faces[bfp::face_index(r, c)];
        return;
    }
    for (std::uint32_t f = 0; f < 4; ++f) {
        const std::uint32_t r0 = (f >> 1) * 16, c0 = (f & 1) * 16;
        for (std::uint32_t r = 0; r < 16; ++r) {
            float* o = out + (r0 + r) * 32 + c0;
            const std::uint32_t e = f * 256 + r * 16;
            if (cb.format == tt::DataFormat::Float16_b) {
                // A face row at once (the loop vectorizes): bf16 bits are fp32's upper half.
                std::uint16_t bits[16];
                std::uint32_t widened[16];
                std::memcpy(bits, src + 2 * e, sizeof bits);
                for (std::uint32_t c = 0; c < 16; ++c) widened[c] = static_cast<std::uint32_t>(bits[c]) << 16;
                std::memcpy(o, widened, sizeof widened);
            } else {
                std::memcpy(o, reinterpret_cast<const float*>(src) + e, 16 * sizeof(float));
            }
        }
    }
}

// Row-major 32x32 fp32 -> face layout in the CB format (bf16: round to nearest even; Bfp8_b: a
// shared exponent per 16 values and 7-bit magnitudes rounded to nearest even, as the host converts).
void pack(const CBState& cb, const float* in, std::uint8_t* dst, bool accumulate) {
    if (cb.format == tt::DataFormat::Bfp8_b || cb.format == tt::DataFormat::Bfp4_b) {
        const unsigned magnitude_bits = cb.format == tt::DataFormat::Bfp8_b ? 7 : 3;
        float faces[1024];
        if (accumulate) bfp::unpack_tile(dst, faces, magnitude_bits);
        for (std::uint32_t r = 0; r < 32; ++r)
            for (std::uint32_t c = 0; c < 32; ++c) {
                float& f = faces[bfp::face_index(r, c)];
                f = accumulate ? f + in[r * 32 + c] : in[r * 32 + c];
            }
        bfp::pack_tile(faces, dst, magnitude_bits);
        return;
    }
    for (std::uint32_t f = 0; f < 4; ++f) {
        const std::uint32_t r0 = (f >> 1) * 16, c0 = (f & 1) * 16;
        for (std::uint32_t r = 0; r < 16; ++r) {
            const float* i = in + (r0 + r) * 32 + c0;
            const std::uint32_t e = f * 256 + r * 16;
            if (cb.format == tt::DataFormat::Float16_b) {
                auto* d = reinterpret_cast<std::uint16_t*>(dst) + e;
                for (std::uint32_t c = 0; c < 16; ++c) {
                    float v = i[c];
                    if (accumulate) v += bf16_bits_to_float(d[c]);
                    d[c] = float_to_bf16_bits(v);
                }
            } else {
                auto* d = reinterpret_cast<float*>(dst) + e;
                for (std::uint32_t c = 0; c < 16; ++c) d[c] = accumulate ? d[c] + i[c] : i[c];
            }
        }
    }
}

// C += A x B on row-major 32x32 fp32 tiles, each element summed in ascending k. Products of bf16
// values are exact in fp32, so the result does not depend on instruction selection; -ffp-contract=off
// keeps it so for fp32 inputs (a multiply, then an add, in every version). Each 4 x 32 block of C
// stays in registers for the whole k loop; built for AVX-512, AVX2 and baseline x86-64, the loader
// picks the best the host has (4x the rate of the plain triple loop on AVX-512, same bits).
typedef float float16v __attribute__((vector_size(64)));
#if defined(__x86_64__)
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#endif
void mm32(float* __restrict c, const float* __restrict a, const float* __restrict b) {
    for (int i0 = 0; i0 < 32; i0 += 4) {
        float16v sum[4][2];
        _Pragma("GCC unroll 4") for (int r = 0; r < 4; ++r) {
            std::memcpy(&sum[r][0], c + (i0 + r) * 32, sizeof(float16v));
            std::memcpy(&sum[r][1], c + (i0 + r) * 32 + 16, sizeof(float16v));
        }
        _Pragma("GCC unroll 8") for (int k = 0; k < 32; ++k) {
            float16v b_left, b_right;
            std::memcpy(&b_left, b + k * 32, sizeof(float16v));
            std::memcpy(&b_right, b + k * 32 + 16, sizeof(float16v));
            _Pragma("GCC unroll 4") for (int r = 0; r < 4; ++r) {
                const float a_rk = a[(i0 + r) * 32 + k];
                sum[r][0] += a_rk * b_left;
                sum[r][1] += a_rk * b_right;
            }
        }
        _Pragma("GCC unroll 4") for (int r = 0; r < 4; ++r) {
            std::memcpy(c + (i0 + r) * 32, &sum[r][0], sizeof(float16v));
            std::memcpy(c + (i0 + r) * 32 + 16, &sum[r][1], sizeof(float16v));
        }
    }
}

void transpose32(float* t) {
    for (int i = 0; i < 32; ++i)
        for (int j = i + 1; j < 32; ++j) std::swap(t[i * 32 + j], t[j * 32 + i]);
}

// The unpacker's transposes of a row-major 32x32 tile of four 16x16 faces: `faces` swaps the
// top-right and bottom-left faces (transpose_of_faces), `within` transposes each face in place;
// both together are the tile's transpose.
void transpose_faces(float* t, bool faces, bool within) {
    if (faces)
        for (int i = 0; i < 16; ++i)
            for (int j = 0; j < 16; ++j) std::swap(t[i * 32 + 16 + j], t[(16 + i) * 32 + j]);
    if (within)
        for (int fr = 0; fr < 32; fr += 16)
            for (int fc = 0; fc < 32; fc += 16)
                for (int i = 0; i < 16; ++i)
                    for (int j = i + 1; j < 16; ++j) std::swap(t[(fr + i) * 32 + fc + j], t[(fr + j) * 32 + fc + i]);
}

void check_dst(const ComputeState& s, std::uint32_t idx, const char* op) {
    if (idx >= s.capacity)
        kfail(op, "DST index " + std::to_string(idx) + " out of range: DST holds " + std::to_string(s.capacity) +
                      " tiles in this mode (" + (g_cur->kernel->cc.dst_full_sync_en ? "full" : "half") + "-sync, " +
                      (g_cur->kernel->cc.fp32_dest_acc_en ? "fp32" : "16-bit") + " accumulation)");
}

void require_math(const ComputeState& s, const char* op) {
    if (s.dst_state != Dst::Acquired && s.dst_state != Dst::Both)
        kfail(op, "needs the DST register acquired for math (call tile_regs_acquire() first)");
}

const char* kSrcName[2] = {"source A", "source B"};

// An unpack of `cb` through source `src` needs that source configured for cb's format.
void check_unpack_format(const ComputeState& s, std::uint32_t src, const CBState& cb, const char* op) {
    if (s.src_format[src] == cb.format) return;
    kfail(op, std::string("unpacks ") + cb_str(cb.index) + " (" + tt::data_format_name(cb.format) + ") through the " +
                  kSrcName[src] + " unpacker, which is configured for " + tt::data_format_name(s.src_format[src]) +
                  " (by " + s.src_set_by[src] + " of " + cb_str(s.src_cb[src]) + "); call " +
                  (src == 0 ? "reconfig_data_format_srca" : "reconfig_data_format_srcb") + "(" + cb_str(cb.index) +
                  ") first: silicon would read the tile in the wrong format");
}

// fp32 keeps 10 fraction bits in the source registers (Tf32), rounded to nearest even; bf16 and
// Bfp8_b values fit as they are.
void to_source_register(const CBState& cb, float* tile) {
    if (cb.format != tt::DataFormat::Float32) return;
    for (int e = 0; e < 1024; ++e) {
        std::uint32_t u;
        std::memcpy(&u, &tile[e], 4);
        if ((u & 0x7f800000u) == 0x7f800000u) continue;  // Inf, NaN
        u += 0xfffu + ((u >> 13) & 1u);
        u &= 0xffffe000u;
        std::memcpy(&tile[e], &u, 4);
    }
}

// The significand of each value cut to its `bits` leading bits (the hidden one included): what one
// fidelity phase of the multiplier reads. Zeros, Inf and NaN pass unchanged.
void keep_leading_bits(const float* in, float* out, unsigned bits) {
    const std::uint32_t mask = ~((1u << (24 - bits)) - 1u);
    for (int e = 0; e < 1024; ++e) {
        std::uint32_t u;
        std::memcpy(&u, &in[e], 4);
        const std::uint32_t exponent = u & 0x7f800000u;
        if (exponent != 0 && exponent != 0x7f800000u) u &= mask;
        std::memcpy(&out[e], &u, 4);
    }
}

// Math fidelity (tt-metal's matrix-engine report): the multiplier is 5 bits of source A by 7 bits of
// source B, so each operand splits into a high part (hidden bit + 4 or 6 fraction bits) and the next
// 4 or 6 bits. LoFi multiplies A_hi B_hi, HiFi2 adds A_lo B_hi, HiFi3 adds A_hi B_lo, HiFi4 A_lo B_lo:
// A to 9 and B to 13 leading bits in all. The phases that share an operand are summed as one product
// (all products exact in fp32): one pass, plus an A_hi x B_lo pass at HiFi3 — a model of the phase
// order, which rounds DST at most once more per product than silicon may.
constexpr unsigned source_a_bits(unsigned phases) { return phases == 1 ? 5 : 9; }
constexpr unsigned source_b_bits(unsigned phases) { return phases == 4 ? 13 : 7; }

// The operands of one product at `phases`: the main pass's A and B, and at HiFi3 A_hi and B_lo
// (B's bits 8..13) for the extra pass.
struct PhaseOperands {
    alignas(64) float a[1024], b[1024], a_hi[1024], b_lo[1024];
};
void split_for_fidelity(unsigned phases, const float* source_a, const float* source_b, PhaseOperands& out) {
    keep_leading_bits(source_a, out.a, source_a_bits(phases));
    keep_leading_bits(source_b, out.b, source_b_bits(phases));
    if (phases != 3) return;
    keep_leading_bits(source_a, out.a_hi, 5);
    keep_leading_bits(source_b, out.b_lo, 13);
    for (int e = 0; e < 1024; ++e) out.b_lo[e] -= out.b[e];  // exact: same exponent, fewer bits
}

// DST += in0 x in1 at the kernel's fidelity; the matrix engine reads in1 through source A and in0
// through source B.
void tile_product(ComputeState& s, float* dst, const float* in0, const float* in1, unsigned in0_format_bits,
                  unsigned in1_format_bits) {
    const unsigned phases = s.fidelity_phases;
    if (phases != 3 && in1_format_bits <= source_a_bits(phases) && in0_format_bits <= source_b_bits(phases)) {
        mm32(dst, in0, in1);  // every bit of both operands takes part (bf16 at HiFi4)
        return;
    }
    PhaseOperands ops;
    split_for_fidelity(phases, in1, in0, ops);
    mm32(dst, ops.b, ops.a);
    if (phases == 3) mm32(dst, ops.b_lo, ops.a_hi);
}

// Tile `idx` of in0's or in1's waited window, unpacked through the source the matrix engine reads it
// with (in0 through source B, in1 through source A), in1 transposed when asked.
// Returns the significant bits the values have in the source register (bf16 8, Tf32 11, Bfp8_b 7,
// Bfp4_b 3).
unsigned unpack_matmul_operand(ComputeState& s, std::uint32_t cb_index, std::uint32_t idx, bool is_in1,
                               bool transpose, float* out, const char* op) {
    CBState* cb;
    const std::uint8_t* tile = input_tile(cb_index, idx, op, &cb);
    check_unpack_format(s, is_in1 ? 0 : 1, *cb, op);
    unpack(*cb, tile, out);
    to_source_register(*cb, out);
    if (is_in1 && transpose) transpose32(out);
    switch (cb->format) {
        case tt::DataFormat::Float32: return 11;
        case tt::DataFormat::Bfp8_b: return 7;
        case tt::DataFormat::Bfp4_b: return 3;
        default: return 8;
    }
}

const ttemu::model::DeviceModel& timing_model() { return *g_cur->launch->dev->arch.timing; }

// `cycles` of work on the calling thread's clock, traced as `op` in `category` ("math", "unpack",
// "pack", or "setup" for an init or a format reconfiguration).
void spend_cycles(std::uint32_t cycles, const char* op, const char* category) {
    if (g_cur->launch->tracing)
        g_cur->launch->span(g_cur->clock, cycles, g_cur->core->index, g_cur->trace_tid, op, category);
    g_cur->clock += cycles;
}

// `cycles` of the matrix or vector engine on the math clock (counted for the bottleneck summary).
void spend_math_cycles(std::uint32_t cycles, const char* op) {
    spend_cycles(cycles, op, "math");
    g_cur->math_cycles += cycles;
}

void spend_setup_cycles(std::uint32_t cycles, const char* op) { spend_cycles(cycles, op, "setup"); }

void account_tile_product(ComputeState& s, const char* op) {
    ++g_cur->core->matmul_tiles;
    spend_math_cycles(s.fidelity_cycles, op);
}

// The unpacker's sources A and B and the packer take the formats of these CBs (hardware start-up).
void configure_formats(ComputeState& s, std::uint32_t src_a, std::uint32_t src_b, std::uint32_t out, const char* op) {
    s.src_format[0] = cur_cb(src_a, op).format;
    s.src_format[1] = cur_cb(src_b, op).format;
    s.pack_format = cur_cb(out, op).format;
    s.src_cb[0] = src_a;
    s.src_cb[1] = src_b;
    s.pack_cb = out;
    s.src_set_by[0] = s.src_set_by[1] = s.pack_set_by = op;
    s.hw_started = true;
}

}  // namespace

namespace kapi {

void hw_startup(std::uint32_t in0, std::uint32_t in1, std::uint32_t out, bool reverse, const char* file, int line) {
    const char* op = "compute_kernel_hw_startup";
    ComputeState& s = cs(op, file, line, kMath);
    configure_formats(s, reverse ? in1 : in0, reverse ? in0 : in1, out, op);
    spend_setup_cycles(timing_model().init_cycles, op);
}

void unpack_reconfig(std::uint32_t src, std::int32_t old_cb, std::uint32_t new_cb, const char* op, const char* file,
                     int line) {
    ComputeState& s = cs(op, file, line, kMath);
    const tt::DataFormat format = cur_cb(new_cb, op).format;
    if (old_cb >= 0 && cur_cb(static_cast<std::uint32_t>(old_cb), op).format == format) return;
    s.src_format[src & 1] = format;
    s.src_cb[src & 1] = new_cb;
    s.src_set_by[src & 1] = op;
    spend_setup_cycles(timing_model().reconfig_cycles, op);
}

void pack_reconfig(std::int32_t old_cb, std::uint32_t new_cb, const char* file, int line) {
    const char* op = "pack_reconfig_data_format";
    ComputeState& s = cs(op, file, line, kPack);
    const tt::DataFormat format = cur_cb(new_cb, op).format;
    if (old_cb >= 0 && cur_cb(static_cast<std::uint32_t>(old_cb), op).format == format) return;
    s.pack_format = format;
    s.pack_cb = new_cb;
    s.pack_set_by = op;
    spend_setup_cycles(timing_model().reconfig_cycles, op);
}

void mm_init(std::uint32_t in0, std::uint32_t in1, std::uint32_t transpose, std::uint32_t, std::uint32_t,
             std::uint32_t, const char* file, int line) {
    ComputeState& s = cs("matmul_init", file, line, kMath);
    if (!s.hw_started)
        kfail("matmul_init", "compute_kernel_hw_startup(in0, in1, out) must be called first");
    check_tile_cb(cur_cb(in0, "matmul_init"), "matmul_init");
    check_tile_cb(cur_cb(in1, "matmul_init"), "matmul_init");
    s.mode = Mode::Matmul;
    s.transpose = transpose != 0;
    spend_setup_cycles(timing_model().init_cycles, "matmul_init");
}

void mm_tiles(std::uint32_t in0, std::uint32_t in1, std::uint32_t i0, std::uint32_t i1, std::uint32_t dst,
              const char* file, int line) {
    const char* op = "matmul_tiles";
    ComputeState& s = cs(op, file, line, kMath);
    if (s.mode != Mode::Matmul)
        kfail(op, s.hw_started ? "matmul_init(in0, in1) must be called before matmul_tiles (after any other init)"
                               : "compute_kernel_hw_startup and matmul_init must be called before matmul_tiles");
    require_math(s, op);
    check_dst(s, dst, op);
    alignas(64) float a[1024], b[1024];
    const unsigned a_bits = unpack_matmul_operand(s, in0, i0, false, false, a, op);
    const unsigned b_bits = unpack_matmul_operand(s, in1, i1, true, s.transpose, b, op);
    tile_product(s, s.dst[dst], a, b, a_bits, b_bits);
    account_tile_product(s, op);
}

void mm_block(std::uint32_t in0, std::uint32_t in1, std::uint32_t i0, std::uint32_t i1, std::uint32_t dst,
              std::uint32_t transpose, std::uint32_t ct, std::uint32_t rt, std::uint32_t kt, const char* file,
              int line) {
    const char* op = "matmul_block";
    ComputeState& s = cs(op, file, line, kMath);
    if (s.mode != Mode::Matmul) kfail(op, "matmul_block_init must be called before matmul_block");
    require_math(s, op);
    if (ct == 0 || rt == 0) kfail(op, "ct_dim and rt_dim must be positive");
    check_dst(s, dst + rt * ct - 1, op);
    // Each of the rt in0 tiles and ct in1 tiles is unpacked once for the rt x ct products.
    s.unpacked.resize(static_cast<std::size_t>(rt + ct) * 1024);
    float* const a = s.unpacked.data();
    float* const b = a + static_cast<std::size_t>(rt) * 1024;
    unsigned a_bits = 0, b_bits = 0;
    for (std::uint32_t r = 0; r < rt; ++r)
        a_bits = std::max(a_bits, unpack_matmul_operand(s, in0, i0 + r * kt, false, false, a + r * 1024, op));
    for (std::uint32_t c = 0; c < ct; ++c)
        b_bits = std::max(b_bits, unpack_matmul_operand(s, in1, i1 + c, true, transpose != 0, b + c * 1024, op));
    for (std::uint32_t r = 0; r < rt; ++r)
        for (std::uint32_t c = 0; c < ct; ++c) {
            tile_product(s, s.dst[dst + r * ct + c], a + r * 1024, b + c * 1024, a_bits, b_bits);
            account_tile_product(s, op);
        }
}

void unary_op_init(std::uint32_t icb, std::uint32_t ocb, const char* op, const char* file, int line) {
    ComputeState& s = cs(op, file, line, kMath);
    check_tile_cb(cur_cb(icb, op), op);
    // Both unpacker sources and the math engine take icb's format (llk_math_hw_configure(icb, icb)).
    configure_formats(s, icb, icb, ocb, op);
    s.mode = Mode::Copy;
    s.copy_cb = icb;
    s.unpack_transpose_faces = s.unpack_transpose_within = false;
    spend_setup_cycles(timing_model().init_cycles, op);
}

namespace {

using kapi::SfpuOp;

// The init an op needs: ops that share one init share a family.
SfpuOp sfpu_family(SfpuOp op) {
    switch (op) {
        case SfpuOp::Relu: return SfpuOp::ReluMin;  // relu_tile_init configures relu_min (with 0)
        case SfpuOp::SubScalar:
        case SfpuOp::MulScalar:
        case SfpuOp::DivScalar:
        case SfpuOp::RsubScalar: return SfpuOp::AddScalar;  // binop_with_scalar_tile_init
        default: return op;
    }
}

const char* sfpu_init_name(SfpuOp family) {
    switch (family) {
        case SfpuOp::Exp: return "exp_tile_init()";
        case SfpuOp::ExpApprox: return "exp_tile_init<true>()";
        case SfpuOp::Log: return "log_tile_init()";
        case SfpuOp::ReluMin: return "relu_tile_init() (or relu_min_tile_init())";
        case SfpuOp::ReluMax: return "relu_max_tile_init()";
        case SfpuOp::LeakyRelu: return "leaky_relu_tile_init()";
        case SfpuOp::Gelu: return "gelu_tile_init<false>()";
        case SfpuOp::GeluApprox: return "gelu_tile_init()";
        case SfpuOp::Sigmoid: return "sigmoid_tile_init()";
        case SfpuOp::Silu: return "silu_tile_init()";
        case SfpuOp::Tanh: return "tanh_tile_init()";
        case SfpuOp::Sqrt: return "sqrt_tile_init()";
        case SfpuOp::Recip: return "recip_tile_init()";
        case SfpuOp::Abs: return "abs_tile_init()";
        case SfpuOp::Square: return "square_tile_init()";
        case SfpuOp::AddScalar: return "binop_with_scalar_tile_init()";
        case SfpuOp::AddBinary: return "add_binary_tile_init()";
        case SfpuOp::SubBinary: return "sub_binary_tile_init()";
        case SfpuOp::MulBinary: return "mul_binary_tile_init()";
        case SfpuOp::DivBinary: return "div_binary_tile_init()";
        case SfpuOp::RsubBinary: return "rsub_binary_tile_init()";
        default: return "its init";
    }
}

bool sfpu_transcendental(SfpuOp op) {
    switch (op) {
        case SfpuOp::Exp:
        case SfpuOp::ExpApprox:
        case SfpuOp::Log:
        case SfpuOp::Gelu:
        case SfpuOp::Sigmoid:
        case SfpuOp::Silu:
        case SfpuOp::Tanh:
        case SfpuOp::Sqrt:
        case SfpuOp::Recip:
        case SfpuOp::DivBinary: return true;
        default: return false;
    }
}

// tt-metal's fast GELU (gelu_tile<true>): 0.5 x plus a six-segment piecewise-linear approximation of
// the even part 0.5 |x| erf(|x| / sqrt 2), slopes and intercepts as gelu_init<true> documents them
// (tt_metal/hw/ckernels/*/llk_sfpu/ckernel_sfpu_gelu.h). Off the exact GELU by up to 0.015 (at 0).
double gelu_fast(double x) {
    struct Segment {
        double end, slope, intercept;
    };
    static constexpr Segment segments[] = {{0.5, 0.1928, -0.0150}, {1.0, 0.4939, -0.1605}, {1.5, 0.6189, -0.2797},
                                           {2.0, 0.6099, -0.2635}, {3.0, 0.5402, -0.1194}, {INFINITY, 0.5, 0.0}};
    const double a = std::fabs(x);
    for (const Segment& s : segments)
        if (a < s.end) return 0.5 * x + s.slope * a + s.intercept;
    return 0.5 * x + 0.5 * a;
}

float bits_to_float(std::uint32_t bits) {
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

// The function each unary op computes, evaluated in double and rounded once to fp32 (the value the
// function has, to fp32 precision): silicon evaluates approximations of it (polynomials, lookup
// tables; coarser in the approximate modes), so its last bits can differ.
float sfpu_unary_value(SfpuOp op, float x_float, float p_float) {
    const double x = x_float, p = p_float;
    double r = x;
    switch (op) {
        case SfpuOp::Exp:
        case SfpuOp::ExpApprox: r = std::exp(p != 0.0 ? x * p : x); break;  // p: exp_tile's scale, 0 for none
        case SfpuOp::Log: r = std::log(x); break;
        case SfpuOp::Relu: r = x > 0.0 ? x : 0.0; break;
        case SfpuOp::ReluMax: r = std::min(x > 0.0 ? x : 0.0, p); break;
        case SfpuOp::ReluMin: r = x < p ? p : x; break;
        case SfpuOp::LeakyRelu: r = x < 0.0 ? x * p : x; break;
        case SfpuOp::Gelu: r = 0.5 * x * std::erfc(-x * 0.7071067811865476); break;
        case SfpuOp::GeluApprox: r = gelu_fast(x); break;
        case SfpuOp::Sigmoid: r = 1.0 / (1.0 + std::exp(-x)); break;
        case SfpuOp::Silu: r = x / (1.0 + std::exp(-x)); break;
        case SfpuOp::Tanh: r = std::tanh(x); break;
        case SfpuOp::Sqrt: r = std::sqrt(x); break;
        case SfpuOp::Recip: r = 1.0 / x; break;
        case SfpuOp::Abs: r = std::fabs(x); break;
        case SfpuOp::Square: r = x * x; break;
        case SfpuOp::AddScalar: r = x + p; break;
        case SfpuOp::SubScalar: r = x - p; break;
        case SfpuOp::MulScalar: r = x * p; break;
        case SfpuOp::DivScalar: r = x / p; break;
        case SfpuOp::RsubScalar: r = p - x; break;
        default: break;
    }
    return static_cast<float>(r);
}

float sfpu_binary_value(SfpuOp op, float a, float b) {
    switch (op) {
        case SfpuOp::AddBinary: return a + b;
        case SfpuOp::SubBinary: return a - b;
        case SfpuOp::MulBinary: return a * b;
        case SfpuOp::DivBinary: return a / b;
        case SfpuOp::RsubBinary: return b - a;
        default: return a;
    }
}

}  // namespace

void sfpu_init(SfpuOp family, const char* op, const char* file, int line) {
    ComputeState& s = cs(op, file, line, kMath);
    s.sfpu_family = static_cast<int>(sfpu_family(family));
    s.sfpu_init_name = op;
    spend_setup_cycles(timing_model().init_cycles, op);
}

void sfpu_op(SfpuOp op, std::uint32_t dst, std::uint32_t dst1, std::uint32_t odst, std::uint32_t param,
             const char* name, const char* file, int line) {
    ComputeState& s = cs(name, file, line, kMath);
    const SfpuOp family = sfpu_family(op);
    if (s.sfpu_family != static_cast<int>(family))
        kfail(name, std::string("the vector engine is not set up for it: call ") + sfpu_init_name(family) +
                        " first" + (s.sfpu_init_name ? std::string(" (the last SFPU init was ") + s.sfpu_init_name + ")"
                                                     : std::string(" (no SFPU init yet)")));
    require_math(s, name);
    const bool binary = op >= SfpuOp::AddBinary;
    check_dst(s, dst, name);
    if (binary) {
        check_dst(s, dst1, name);
        check_dst(s, odst, name);
        const float* a = s.dst[dst];
        const float* b = s.dst[dst1];
        float* out = s.dst[odst];
        for (int e = 0; e < 1024; ++e) out[e] = sfpu_binary_value(op, a[e], b[e]);
    } else {
        const float p = bits_to_float(param);
        float* d = s.dst[dst];
        for (int e = 0; e < 1024; ++e) d[e] = sfpu_unary_value(op, d[e], p);
    }
    const std::uint32_t cycles = sfpu_transcendental(op) ? timing_model().sfpu_transcendental_tile_cycles
                                                         : timing_model().sfpu_simple_tile_cycles;
    spend_math_cycles(cycles, name);
}

void binary_init(std::uint32_t in0, std::uint32_t in1, std::uint32_t op, std::uint32_t bcast, bool acc_to_dest,
                 const char* name, const char* file, int line) {
    ComputeState& s = cs(name, file, line, kMath);
    if (!s.hw_started) kfail(name, "binary_op_init_common (or compute_kernel_hw_startup) must be called first");
    check_tile_cb(cur_cb(in0, name), name);
    check_tile_cb(cur_cb(in1, name), name);
    s.mode = Mode::Binary;
    s.binary_op = op;
    s.binary_bcast = bcast;
    s.binary_init_name = name;
    s.binary_acc = acc_to_dest;
    spend_setup_cycles(timing_model().init_cycles, name);
}

// DST[dst] (+)= A op B', element by element in fp32, where B' is B broadcast as `bcast` says (its
// column 0 across the columns, its row `row` down the rows, or its [0][0] everywhere); A through
// source A, B through source B. Costs one matrix-engine pass at one fidelity phase for add and sub,
// at the kernel's fidelity for mul.
void binary_tiles(std::uint32_t in0, std::uint32_t in1, std::uint32_t i0, std::uint32_t i1, std::uint32_t dst,
                  std::uint32_t op, std::uint32_t bcast, std::uint32_t row, const char* name, const char* file,
                  int line) {
    ComputeState& s = cs(name, file, line, kMath);
    if (s.mode != Mode::Binary || s.binary_op != op || s.binary_bcast != bcast)
        kfail(name, std::string("the matrix engine is not set up for it: call its init first (after any other "
                                "init)") +
                        (s.mode == Mode::Binary ? std::string("; the last one was ") + s.binary_init_name : ""));
    if (bcast == 2 && row >= 32) kfail(name, "bcast_row_idx " + std::to_string(row) + " is past the tile's 32 rows");
    require_math(s, name);
    check_dst(s, dst, name);
    CBState *ca, *cb;
    const std::uint8_t* ta = input_tile(in0, i0, name, &ca);
    const std::uint8_t* tb = input_tile(in1, i1, name, &cb);
    check_unpack_format(s, 0, *ca, name);
    check_unpack_format(s, 1, *cb, name);
    alignas(64) float a[1024], b[1024];
    unpack(*ca, ta, a);
    unpack(*cb, tb, b);
    to_source_register(*ca, a);
    to_source_register(*cb, b);
    if (bcast == 1)  // column 0 across the columns
        for (int r = 0; r < 32; ++r) std::fill(b + r * 32 + 1, b + r * 32 + 32, b[r * 32]);
    else if (bcast == 2)  // row `row` down the rows
        for (int r = 0; r < 32; ++r)
            if (r != static_cast<int>(row)) std::copy(b + row * 32, b + row * 32 + 32, b + r * 32);
    if (bcast == 3) std::fill(b + 1, b + 1024, b[0]);  // [0][0] everywhere
    if (op == 0) {
        // A multiply reads A (source A) and B (source B) phase by phase as matmul does.
        PhaseOperands ops;
        split_for_fidelity(s.fidelity_phases, a, b, ops);
        for (int e = 0; e < 1024; ++e)
            a[e] = ops.a[e] * ops.b[e] + (s.fidelity_phases == 3 ? ops.a_hi[e] * ops.b_lo[e] : 0.0f);
    }
    float* d = s.dst[dst];
    for (int e = 0; e < 1024; ++e) {
        const float r = op == 0 ? a[e] : op == 3 ? a[e] - b[e] : a[e] + b[e];
        d[e] = s.binary_acc ? d[e] + r : r;
    }
    const std::uint32_t cycles = op == 0 ? s.fidelity_cycles : timing_model().tile_product_cycles(1);
    spend_math_cycles(cycles, name);
}

void copy_init(std::uint32_t cb, bool transpose_faces, bool transpose_within_faces, const char* op,
               const char* file, int line) {
    ComputeState& s = cs(op, file, line, kMath);
    if (!s.hw_started) kfail(op, "compute_kernel_hw_startup must be called first");
    check_tile_cb(cur_cb(cb, op), op);
    s.mode = Mode::Copy;
    s.copy_cb = cb;
    s.unpack_transpose_faces = transpose_faces;
    s.unpack_transpose_within = transpose_within_faces;
    spend_setup_cycles(timing_model().init_cycles, op);
}

void copy_tile(std::uint32_t cbi, std::uint32_t tile, std::uint32_t dst, const char* file, int line) {
    const char* op = "copy_tile";
    ComputeState& s = cs(op, file, line, kMath);
    if (s.mode != Mode::Copy)
        kfail(op, "copy_tile_to_dst_init_short(cb) must be called before copy_tile (after any other init)");
    require_math(s, op);
    check_dst(s, dst, op);
    CBState* cb;
    const std::uint8_t* t = input_tile(cbi, tile, op, &cb);
    check_unpack_format(s, 0, *cb, op);
    float* d = s.dst[dst];
    unpack(*cb, t, d);
    // fp32 tiles go through source A (Tf32) unless the kernel unpacks this CB straight into DST.
    const auto& to_dest = g_cur->kernel->cc.unpack_to_dest_mode;
    if (!(cbi < to_dest.size() && to_dest[cbi] == tt::tt_metal::UnpackToDestMode::UnpackToDestFp32))
        to_source_register(*cb, d);
    transpose_faces(d, s.unpack_transpose_faces, s.unpack_transpose_within);
    spend_cycles(timing_model().unpack_tile_cycles(cb->page_size), op, "unpack");
}

void transpose_tile(std::uint32_t cbi, std::uint32_t tile, std::uint32_t dst, const char* file, int line) {
    const char* op = "transpose_wh_tile";
    ComputeState& s = cs(op, file, line, kMath);
    if (s.mode != Mode::Copy || !s.unpack_transpose_faces || !s.unpack_transpose_within)
        kfail(op, "transpose_wh_init_short(cb) (or transpose_wh_init) must be called before transpose_wh_tile "
                  "(after any other init)");
    copy_tile(cbi, tile, dst, file, line);
}

void pack_tile(std::uint32_t dst, std::uint32_t cbi, std::uint32_t tile, bool out_of_order, const char* file,
               int line) {
    const char* op = "pack_tile";
    ComputeState& s = cs(op, file, line, kPack);
    if (s.dst_state != Dst::Waited && s.dst_state != Dst::Both)
        kfail(op, "needs the DST register handed to the packer (tile_regs_commit() then tile_regs_wait())");
    check_dst(s, dst, op);
    CBState& cb = cur_cb(cbi, op);
    check_tile_cb(cb, op);
    if (s.pack_format != cb.format)
        kfail(op, "packs into " + cb_str(cbi) + " (" + tt::data_format_name(cb.format) +
                      ") but the packer is configured for " + tt::data_format_name(s.pack_format) + " (by " +
                      s.pack_set_by + " of " + cb_str(s.pack_cb) + "); call pack_reconfig_data_format(" +
                      cb_str(cbi) + ") first: silicon would write the tile in the wrong format");
    const std::uint32_t pos = out_of_order ? tile : cb.pack_pos;
    if (pos >= cb.reserved) {
        const std::string what = "writes tile " + std::to_string(pos) + " of " + cb_str(cbi) + " but only " +
                                 std::to_string(cb.reserved) + " tiles are reserved (cb_reserve_back)" +
                                 (out_of_order ? "" : "; pack_tile<false> packs to consecutive slots, reset at "
                                                      "cb_push_back");
        // A free page holds nothing another kernel could lose.
        if (cb.occupancy() + pos >= cb.num_pages) kfail(op, what);
        kwarn(op, what + "; harmless here: the page is free");
    }
    if (cb.wr_page + pos >= cb.num_pages)
        kfail(op, "tile " + std::to_string(pos) + " of " + cb_str(cbi) +
                      "'s reserved window lies past the end of the CB (the window wraps: make the CB size a "
                      "multiple of the reserve size)");
    std::uint8_t* out = l1_at(*cb.core, cb.base + (cb.wr_page + pos) * cb.page_size, cb.page_size, op);
    pack(cb, s.dst[dst], out, s.l1_acc);
    if (!out_of_order) ++cb.pack_pos;
    spend_cycles(timing_model().pack_tile_cycles(cb.page_size), op, "pack");
}

void pack_l1_acc(std::uint32_t enable, const char* file, int line) {
    cs("pack_reconfig_l1_acc", file, line).l1_acc = enable != 0;
}

void dst_acquire(const char* file, int line) {
    ComputeState& s = cs("tile_regs_acquire", file, line, kMath);
    if (s.dst_state != Dst::Idle)
        kfail("tile_regs_acquire", "DST is already held (missing tile_regs_release for the previous section)");
    s.dst_state = Dst::Acquired;
    // Math waits until the packer has released the half it fills next.
    const std::uint64_t from = g_cur->clock;
    g_cur->clock = std::max(g_cur->clock, s.half_free_at[s.acquires % s.dst_halves]);
    record_stall(*g_cur, from, "tile_regs_acquire (DST half held by pack)");
}

void dst_acquire_both(const char* file, int line) {
    ComputeState& s = cs("acquire_dst", file, line);
    if (s.dst_state != Dst::Idle) kfail("acquire_dst", "DST is already held (missing release_dst)");
    s.dst_state = Dst::Both;
}

void dst_commit(const char* file, int line) {
    ComputeState& s = cs("tile_regs_commit", file, line, kMath);
    if (s.dst_state != Dst::Acquired) kfail("tile_regs_commit", "without a preceding tile_regs_acquire");
    s.dst_state = Dst::Committed;
    s.committed_at[s.acquires++ % s.dst_halves] = g_cur->clock;
}

void dst_wait(const char* file, int line) {
    ComputeState& s = cs("tile_regs_wait", file, line, kPack);
    if (s.dst_state != Dst::Committed) kfail("tile_regs_wait", "without a preceding tile_regs_commit");
    s.dst_state = Dst::Waited;
    // Pack waits for math to commit the half it drains next.
    const std::uint64_t from = g_cur->clock;
    g_cur->clock = std::max(g_cur->clock, s.committed_at[s.waits % s.dst_halves]);
    record_stall(*g_cur, from, "tile_regs_wait (math)");
}

void dst_release(const char* file, int line) {
    const bool both = g_cur && g_cur->cs && g_cur->cs->dst_state == Dst::Both;
    ComputeState& s = both ? cs("tile_regs_release", file, line) : cs("tile_regs_release", file, line, kPack);
    if (s.dst_state != Dst::Waited && s.dst_state != Dst::Both)
        kfail("tile_regs_release", "without a preceding tile_regs_wait");
    if (!both) s.half_free_at[s.waits++ % s.dst_halves] = g_cur->clock;
    // The packer clears the DST section it releases.
    s.dst.clear(s.capacity);
    s.dst_state = Dst::Idle;
}

}  // namespace kapi
}  // namespace ttemu
