// Kernel-side ABI of the Metalium emulator: the entry points kernels reach in libttemu, plus the
// pieces every kernel flavour shares (compile-time args, runtime args, CB calls). Kept light:
// only <cstdint>/<cstddef>, so kernels compile fast.
#pragma once
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <hostdevcommon/kernel_structs.h>

#ifndef KERNEL_COMPILE_TIME_ARGS
#define KERNEL_COMPILE_TIME_ARGS
#endif
#ifndef TTEMU_NUM_CT_ARGS
#define TTEMU_NUM_CT_ARGS 0
#endif
#ifndef NOC_INDEX
#define NOC_INDEX 0
#endif

#define tt_l1_ptr
#define tt_reg_ptr
#define FORCE_INLINE inline __attribute__((always_inline))
#define ALWI inline __attribute__((always_inline))

// Every kernel call records where it was made, for error reports, through a trailing default
// argument of a class type: no int, pointer or bool converts to it, so a call with an argument
// more than the real function takes fails to compile, as it does against tt-metal's headers.
namespace ttemu {
class SourceLoc {
public:
    static constexpr SourceLoc here(const char* file = __builtin_FILE(), int line = __builtin_LINE()) {
        return SourceLoc(file, line);
    }
    const char* file;
    int line;

private:
    constexpr SourceLoc(const char* f, int l) : file(f), line(l) {}
};
}  // namespace ttemu
#define TTEMU_LOC_PARAMS ::ttemu::SourceLoc ttemu_loc = ::ttemu::SourceLoc::here()
#define TTEMU_LOC ttemu_loc.file, ttemu_loc.line

#pragma GCC visibility push(default)
void kernel_main();
extern std::uint8_t my_x[2];
extern std::uint8_t my_y[2];

namespace ttemu::kapi {
// the running core
std::uint32_t logical_coord(bool y, const char* file, int line);
// arguments
std::uint32_t rt_arg(std::uint32_t i, const char* file, int line);
std::uint32_t common_rt_arg(std::uint32_t i, const char* file, int line);
// circular buffers
void cb_reserve_back(std::uint32_t cb, std::uint32_t n, const char* file, int line);
void cb_push_back(std::uint32_t cb, std::uint32_t n, const char* file, int line);
void cb_wait_front(std::uint32_t cb, std::uint32_t n, const char* file, int line);
void cb_pop_front(std::uint32_t cb, std::uint32_t n, const char* file, int line);
bool cb_pages_available_at_front(std::uint32_t cb, std::uint32_t n, const char* file, int line);
bool cb_pages_reservable_at_back(std::uint32_t cb, std::uint32_t n, const char* file, int line);
std::uint32_t cb_write_ptr(std::uint32_t cb, const char* file, int line);
std::uint32_t cb_read_ptr(std::uint32_t cb, const char* file, int line);
std::uint32_t cb_page_size(std::uint32_t cb, const char* file, int line);
// NoC
std::uint64_t noc_xy_addr(std::uint32_t x, std::uint32_t y, std::uint32_t addr, const char* file, int line);
std::uint64_t noc_local_addr(std::uint32_t addr);
std::uint64_t noc_mcast_addr(std::uint32_t xs, std::uint32_t ys, std::uint32_t xe, std::uint32_t ye, std::uint32_t addr,
                             const char* file, int line);
std::uint64_t interleaved_addr(std::uint32_t flags, std::uint32_t base, std::uint32_t page_size, std::uint32_t page_id,
                               std::uint32_t offset, const char* file, int line);
std::uint64_t dram_bank_addr(std::uint32_t bank_id, std::uint32_t offset, const char* file, int line);
void noc_read(std::uint64_t src, std::uint32_t dst_l1, std::uint32_t size, std::uint8_t noc, const char* file, int line);
void noc_write(std::uint32_t src_l1, std::uint64_t dst, std::uint32_t size, std::uint8_t noc, const char* file, int line);
void noc_write_mcast(std::uint32_t src_l1, std::uint64_t dst, std::uint32_t size, std::uint32_t num_dests, bool loopback,
                     std::uint8_t noc, const char* file, int line);
void noc_read_barrier(std::uint8_t noc, const char* file, int line);
void noc_write_barrier(std::uint8_t noc, const char* file, int line);
void noc_writes_flushed(std::uint8_t noc, const char* file, int line);
// semaphores
std::uint32_t semaphore_addr(std::uint32_t id, const char* file, int line);
void sem_wait(volatile std::uint32_t* addr, std::uint32_t value, bool at_least, const char* file, int line);
void sem_set(volatile std::uint32_t* addr, std::uint32_t value, const char* file, int line);
void sem_inc(std::uint64_t addr, std::uint32_t incr, std::uint8_t noc, const char* file, int line);
void sem_set_mcast(std::uint32_t src_l1, std::uint64_t dst, std::uint32_t num_dests, bool loopback, std::uint8_t noc,
                   const char* file, int line);
void sem_set_remote(std::uint32_t src_l1, std::uint64_t dst, std::uint8_t noc, const char* file, int line);
// compute
void hw_startup(std::uint32_t in0, std::uint32_t in1, std::uint32_t out, bool reverse, const char* file, int line);
// Data formats: the unpacker of source A (src 0) or B (src 1) and the packer take the format of
// `new_cb`; with an `old_cb` (>= 0) only when its format differs (tt-metal skips the reconfiguration
// then).
void unpack_reconfig(std::uint32_t src, std::int32_t old_cb, std::uint32_t new_cb, const char* op, const char* file,
                     int line);
void pack_reconfig(std::int32_t old_cb, std::uint32_t new_cb, const char* file, int line);
// Element-wise binary ops (op: 0 mul, 2 add, 3 sub, as EltwiseBinaryType), B broadcast per `bcast`
// (BroadcastType: 0 none, 1 column 0 across columns, 2 row `row` down the rows, 3 element [0][0]).
void binary_init(std::uint32_t in0, std::uint32_t in1, std::uint32_t op, std::uint32_t bcast, bool acc_to_dest,
                 const char* name, const char* file, int line);
void binary_tiles(std::uint32_t in0, std::uint32_t in1, std::uint32_t i0, std::uint32_t i1, std::uint32_t dst,
                  std::uint32_t op, std::uint32_t bcast, std::uint32_t row, const char* name, const char* file,
                  int line);
// The vector engine (SFPU) on DST tiles. An op needs the init of its family since the last SFPU init
// (tt-metal: "required each time we switch to a different SFPU operation").
enum class SfpuOp : std::uint32_t {
    // unary, in place on DST[dst]
    Exp, ExpApprox, Log, Relu, ReluMax, ReluMin, LeakyRelu, Gelu, GeluApprox, Sigmoid, Silu, Tanh, Sqrt, Recip,
    Abs, Square,
    // with a scalar (the fp32 bits of `param`)
    AddScalar, SubScalar, MulScalar, DivScalar, RsubScalar,
    // DST[odst] = DST[dst] op DST[dst1]
    AddBinary, SubBinary, MulBinary, DivBinary, RsubBinary,
};
// unary_op_init_common / init_sfpu: unpacker source A from `icb`, packer to `ocb`, copy mode.
void unary_op_init(std::uint32_t icb, std::uint32_t ocb, const char* op, const char* file, int line);
// `family`: the op whose init this is (ops sharing an init share a family: the scalar ops, relu and relu_min).
void sfpu_init(SfpuOp family, const char* op, const char* file, int line);
void sfpu_op(SfpuOp op, std::uint32_t dst, std::uint32_t dst1, std::uint32_t odst, std::uint32_t param,
             const char* name, const char* file, int line);
void mm_init(std::uint32_t in0, std::uint32_t in1, std::uint32_t transpose, std::uint32_t ct, std::uint32_t rt,
             std::uint32_t kt, const char* file, int line);
void mm_tiles(std::uint32_t in0, std::uint32_t in1, std::uint32_t i0, std::uint32_t i1, std::uint32_t dst,
              const char* file, int line);
void mm_block(std::uint32_t in0, std::uint32_t in1, std::uint32_t i0, std::uint32_t i1, std::uint32_t dst,
              std::uint32_t transpose, std::uint32_t ct, std::uint32_t rt, std::uint32_t kt, const char* file, int line);
void copy_init(std::uint32_t cb, bool transpose_faces, bool transpose_within_faces, const char* op, const char* file,
               int line);
void transpose_tile(std::uint32_t cb, std::uint32_t tile, std::uint32_t dst, const char* file, int line);
void copy_tile(std::uint32_t cb, std::uint32_t tile, std::uint32_t dst, const char* file, int line);
void pack_tile(std::uint32_t dst, std::uint32_t cb, std::uint32_t tile, bool out_of_order, const char* file, int line);
void pack_l1_acc(std::uint32_t enable, const char* file, int line);
void dst_acquire(const char* file, int line);
void dst_commit(const char* file, int line);
void dst_wait(const char* file, int line);
void dst_release(const char* file, int line);
void dst_acquire_both(const char* file, int line);
}  // namespace ttemu::kapi
#pragma GCC visibility pop

namespace ttemu::kapi {
constexpr std::uint32_t compile_time_args[TTEMU_NUM_CT_ARGS + 1] = {KERNEL_COMPILE_TIME_ARGS};
template <std::uint32_t I>
constexpr std::uint32_t compile_time_arg() {
    static_assert(I < TTEMU_NUM_CT_ARGS, "get_compile_time_arg_val: index beyond the kernel's compile-time args");
    return compile_time_args[I];
}
}  // namespace ttemu::kapi

// A constant expression (usable in constexpr and as a template argument), as in tt-metal.
#define get_compile_time_arg_val(i) (::ttemu::kapi::compile_time_arg<(i)>())

#ifndef TTEMU_NAMED_CT_ARGS
#define TTEMU_NAMED_CT_ARGS
#endif
namespace ttemu::kapi {
struct NamedCompileTimeArg {
    const char* name;
    std::uint32_t value;
};
constexpr NamedCompileTimeArg named_compile_time_args[] = {TTEMU_NAMED_CT_ARGS{nullptr, 0}};
constexpr bool same_name(const char* a, const char* b) {
    while (*a && *a == *b) ++a, ++b;
    return *a == *b;
}
// A name the host did not pass (named_compile_args) is a compile error: the throw is not a
// constant expression.
constexpr std::uint32_t named_compile_time_arg(const char* name) {
    for (const NamedCompileTimeArg& arg : named_compile_time_args)
        if (arg.name && same_name(arg.name, name)) return arg.value;
    throw "get_named_compile_time_arg_val: no compile-time argument of that name (named_compile_args)";
}
}  // namespace ttemu::kapi
#define get_named_compile_time_arg_val(name) \
    (std::integral_constant<std::uint32_t, ::ttemu::kapi::named_compile_time_arg(name)>::value)

constexpr std::uint8_t noc_index = NOC_INDEX;

template <typename T>
inline T get_arg_val(int arg_idx, TTEMU_LOC_PARAMS) {
    static_assert(sizeof(T) == 4, "get_arg_val<T>: T must be 4 bytes");
    std::uint32_t v = ::ttemu::kapi::rt_arg(static_cast<std::uint32_t>(arg_idx), TTEMU_LOC);
    T out;
    __builtin_memcpy(&out, &v, 4);
    return out;
}

template <typename T>
inline T get_common_arg_val(int arg_idx, TTEMU_LOC_PARAMS) {
    static_assert(sizeof(T) == 4, "get_common_arg_val<T>: T must be 4 bytes");
    std::uint32_t v = ::ttemu::kapi::common_rt_arg(static_cast<std::uint32_t>(arg_idx), TTEMU_LOC);
    T out;
    __builtin_memcpy(&out, &v, 4);
    return out;
}

inline void cb_reserve_back(std::int32_t operand, std::int32_t num_pages, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::cb_reserve_back(static_cast<std::uint32_t>(operand), static_cast<std::uint32_t>(num_pages), TTEMU_LOC);
}
inline void cb_push_back(std::int32_t operand, std::int32_t num_pages, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::cb_push_back(static_cast<std::uint32_t>(operand), static_cast<std::uint32_t>(num_pages), TTEMU_LOC);
}
inline void cb_wait_front(std::int32_t operand, std::int32_t num_pages, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::cb_wait_front(static_cast<std::uint32_t>(operand), static_cast<std::uint32_t>(num_pages), TTEMU_LOC);
}
inline void cb_pop_front(std::int32_t operand, std::int32_t num_pages, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::cb_pop_front(static_cast<std::uint32_t>(operand), static_cast<std::uint32_t>(num_pages), TTEMU_LOC);
}
inline bool cb_pages_available_at_front(std::int32_t operand, std::int32_t num_pages, TTEMU_LOC_PARAMS) {
    return ::ttemu::kapi::cb_pages_available_at_front(static_cast<std::uint32_t>(operand),
                                                      static_cast<std::uint32_t>(num_pages), TTEMU_LOC);
}
inline bool cb_pages_reservable_at_back(std::int32_t operand, std::int32_t num_pages, TTEMU_LOC_PARAMS) {
    return ::ttemu::kapi::cb_pages_reservable_at_back(static_cast<std::uint32_t>(operand),
                                                      static_cast<std::uint32_t>(num_pages), TTEMU_LOC);
}
