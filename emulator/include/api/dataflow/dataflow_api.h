// Data-movement kernel API of the Metalium emulator (tt-metal 2026.08 spellings).
#pragma once
#include <cstddef>
#include <cstdint>

#include <tt-metalium/tt_backend_api_types.hpp>
#include <ttemu/kernel_api.h>

inline std::uint32_t get_write_ptr(std::uint32_t operand, TTEMU_LOC_PARAMS) {
    return ::ttemu::kapi::cb_write_ptr(operand, TTEMU_LOC);
}
inline std::uint32_t get_read_ptr(std::uint32_t operand, TTEMU_LOC_PARAMS) {
    return ::ttemu::kapi::cb_read_ptr(operand, TTEMU_LOC);
}

// The running core's logical coordinates (absolute: on the device's grid; relative: on its
// sub-device, which on the emulator is the whole grid).
inline std::uint32_t get_absolute_logical_x(TTEMU_LOC_PARAMS) { return ::ttemu::kapi::logical_coord(false, TTEMU_LOC); }
inline std::uint32_t get_absolute_logical_y(TTEMU_LOC_PARAMS) { return ::ttemu::kapi::logical_coord(true, TTEMU_LOC); }
inline std::uint32_t get_relative_logical_x(TTEMU_LOC_PARAMS) { return ::ttemu::kapi::logical_coord(false, TTEMU_LOC); }
inline std::uint32_t get_relative_logical_y(TTEMU_LOC_PARAMS) { return ::ttemu::kapi::logical_coord(true, TTEMU_LOC); }

// Page (tile) size in bytes of a circular buffer.
inline std::uint32_t get_tile_size(std::uint32_t operand, TTEMU_LOC_PARAMS) {
    return ::ttemu::kapi::cb_page_size(operand, TTEMU_LOC);
}

// ---- NoC addressing ----
inline std::uint64_t get_noc_addr(std::uint32_t noc_x, std::uint32_t noc_y, std::uint32_t addr,
                                  std::uint8_t noc = noc_index, TTEMU_LOC_PARAMS) {
    (void)noc;
    return ::ttemu::kapi::noc_xy_addr(noc_x, noc_y, addr, TTEMU_LOC);
}
inline std::uint64_t get_noc_addr(std::uint32_t addr, std::uint8_t noc = noc_index) {
    (void)noc;
    return ::ttemu::kapi::noc_local_addr(addr);
}
inline std::uint64_t get_noc_multicast_addr(std::uint32_t noc_x_start, std::uint32_t noc_y_start,
                                            std::uint32_t noc_x_end, std::uint32_t noc_y_end, std::uint32_t addr,
                                            std::uint8_t noc = noc_index, TTEMU_LOC_PARAMS) {
    (void)noc;
    return ::ttemu::kapi::noc_mcast_addr(noc_x_start, noc_y_start, noc_x_end, noc_y_end, addr, TTEMU_LOC);
}
template <bool DRAM>
inline std::uint64_t get_noc_addr_from_bank_id(std::uint32_t bank_id, std::uint32_t bank_address_offset,
                                               std::uint8_t noc = noc_index, TTEMU_LOC_PARAMS) {
    static_assert(DRAM, "ttemu: L1 banks are not supported yet");
    (void)noc;
    return ::ttemu::kapi::dram_bank_addr(bank_id, bank_address_offset, TTEMU_LOC);
}

// ---- Tensor accessors (interleaved buffers) ----
template <std::uint32_t CTA_OFFSET, std::uint32_t CRTA_OFFSET = 0>
struct TensorAccessorArgs {
    static constexpr std::uint32_t flags = get_compile_time_arg_val(CTA_OFFSET);
    static constexpr std::uint32_t aligned_page_size = get_compile_time_arg_val(CTA_OFFSET + 1);
    static constexpr bool is_dram = (flags & 1u) != 0;
    constexpr TensorAccessorArgs() = default;
    constexpr std::uint32_t next_compile_time_args_offset() const { return CTA_OFFSET + 2; }
    constexpr std::uint32_t next_common_runtime_args_offset() const { return CRTA_OFFSET; }
    constexpr std::uint32_t compile_time_args_skip() const { return 2; }
    constexpr std::uint32_t runtime_args_skip() const { return 0; }
};

template <typename Args>
struct TensorAccessor {
    std::uint32_t bank_base_address;
    std::uint32_t page_size;
    constexpr TensorAccessor(const Args&, std::uint32_t base_address, std::uint32_t page_size_ = 0)
        : bank_base_address(base_address), page_size(page_size_ ? page_size_ : Args::aligned_page_size) {}
    std::uint64_t get_noc_addr(std::uint32_t page_id, std::uint32_t offset = 0, std::uint8_t noc = noc_index,
                               TTEMU_LOC_PARAMS) const {
        (void)noc;
        return ::ttemu::kapi::interleaved_addr(Args::flags, bank_base_address, Args::aligned_page_size, page_id, offset,
                                               TTEMU_LOC);
    }
};

// Tile formats as kernels name them (tt-metal's global DataFormat of its device headers): the same
// enumerators and values as the host's tt::DataFormat.
using DataFormat = ::tt::DataFormat;

// The older address generators of interleaved buffers: the bank base address and the page size
// given by the kernel (aggregates, filled with designated initializers); pages are spread over the
// DRAM banks (DRAM = true) or the worker cores' L1 like a TensorAccessor's.
template <bool DRAM>
struct InterleavedAddrGen {
    std::uint32_t bank_base_address;
    std::uint32_t page_size;
    std::uint64_t get_noc_addr(std::uint32_t page_id, std::uint32_t offset = 0, std::uint8_t noc = noc_index,
                               TTEMU_LOC_PARAMS) const {
        (void)noc;
        return ::ttemu::kapi::interleaved_addr(DRAM ? 3u : 2u, bank_base_address, page_size, page_id, offset,
                                               TTEMU_LOC);
    }
};
template <bool DRAM, std::uint32_t tile_hw = 1024>
struct InterleavedAddrGenFast {
    std::uint32_t bank_base_address;
    std::uint32_t page_size;
    DataFormat data_format;
    std::uint64_t get_noc_addr(std::uint32_t page_id, std::uint32_t offset = 0, std::uint8_t noc = noc_index,
                               TTEMU_LOC_PARAMS) const {
        (void)noc;
        return ::ttemu::kapi::interleaved_addr(DRAM ? 3u : 2u, bank_base_address, page_size, page_id, offset,
                                               TTEMU_LOC);
    }
};

template <typename Accessor, typename = decltype(&Accessor::get_noc_addr)>
inline std::uint64_t get_noc_addr(std::uint32_t id, const Accessor& accessor, std::uint32_t offset = 0,
                                  std::uint8_t noc = noc_index, TTEMU_LOC_PARAMS) {
    return accessor.get_noc_addr(id, offset, noc, ttemu_loc);
}

// ---- NoC transfers ----
inline void noc_async_read(std::uint64_t src_noc_addr, std::uint32_t dst_local_l1_addr, std::uint32_t size,
                           std::uint8_t noc = noc_index, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::noc_read(src_noc_addr, dst_local_l1_addr, size, noc, TTEMU_LOC);
}
inline void noc_async_write(std::uint32_t src_local_l1_addr, std::uint64_t dst_noc_addr, std::uint32_t size,
                            std::uint8_t noc = noc_index, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::noc_write(src_local_l1_addr, dst_noc_addr, size, noc, TTEMU_LOC);
}
template <typename Accessor>
inline void noc_async_read_page(std::uint32_t id, const Accessor& accessor, std::uint32_t dst_local_l1_addr,
                                std::uint32_t offset = 0, std::uint8_t noc = noc_index, TTEMU_LOC_PARAMS) {
    // The whole page moves, from offset bytes into it, as in tt-metal.
    ::ttemu::kapi::noc_read(accessor.get_noc_addr(id, offset, noc, ttemu_loc), dst_local_l1_addr, accessor.page_size,
                            noc, TTEMU_LOC);
}
template <typename Accessor>
inline void noc_async_write_page(std::uint32_t id, const Accessor& accessor, std::uint32_t src_local_l1_addr,
                                 std::uint32_t write_size_bytes = 0, std::uint32_t offset = 0,
                                 std::uint8_t noc = noc_index, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::noc_write(src_local_l1_addr, accessor.get_noc_addr(id, offset, noc, ttemu_loc),
                             write_size_bytes ? write_size_bytes : accessor.page_size, noc, TTEMU_LOC);
}
template <typename Accessor>
[[deprecated("use noc_async_read_page")]] inline void noc_async_read_tile(std::uint32_t id, const Accessor& accessor,
                                                                          std::uint32_t dst_local_l1_addr,
                                                                          std::uint32_t offset = 0,
                                                                          std::uint8_t noc = noc_index,
                                                                          TTEMU_LOC_PARAMS) {
    noc_async_read_page(id, accessor, dst_local_l1_addr, offset, noc, ttemu_loc);
}
template <typename Accessor>
[[deprecated("use noc_async_write_page")]] inline void noc_async_write_tile(std::uint32_t id, const Accessor& accessor,
                                                                            std::uint32_t src_local_l1_addr,
                                                                            std::uint8_t noc = noc_index,
                                                                            TTEMU_LOC_PARAMS) {
    noc_async_write_page(id, accessor, src_local_l1_addr, 0, 0, noc, ttemu_loc);
}

inline void noc_async_write_multicast(std::uint32_t src_local_l1_addr, std::uint64_t dst_noc_addr_multicast,
                                      std::uint32_t size, std::uint32_t num_dests, bool linked = false,
                                      std::uint8_t noc = noc_index, TTEMU_LOC_PARAMS) {
    (void)linked;
    ::ttemu::kapi::noc_write_mcast(src_local_l1_addr, dst_noc_addr_multicast, size, num_dests, false, noc, TTEMU_LOC);
}
inline void noc_async_write_multicast_loopback_src(std::uint32_t src_local_l1_addr,
                                                   std::uint64_t dst_noc_addr_multicast, std::uint32_t size,
                                                   std::uint32_t num_dests, bool linked = false,
                                                   std::uint8_t noc = noc_index, TTEMU_LOC_PARAMS) {
    (void)linked;
    ::ttemu::kapi::noc_write_mcast(src_local_l1_addr, dst_noc_addr_multicast, size, num_dests, true, noc, TTEMU_LOC);
}

inline void noc_async_read_barrier(std::uint8_t noc = noc_index, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::noc_read_barrier(noc, TTEMU_LOC);
}
inline void noc_async_write_barrier(std::uint8_t noc = noc_index, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::noc_write_barrier(noc, TTEMU_LOC);
}
inline void noc_async_writes_flushed(std::uint8_t noc = noc_index, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::noc_writes_flushed(noc, TTEMU_LOC);
}
inline void noc_async_atomic_barrier(std::uint8_t noc = noc_index, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::noc_write_barrier(noc, TTEMU_LOC);
}
inline void noc_async_full_barrier(std::uint8_t noc = noc_index, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::noc_read_barrier(noc, TTEMU_LOC);
    ::ttemu::kapi::noc_write_barrier(noc, TTEMU_LOC);
}

// ---- Semaphores ----
inline std::uint32_t get_semaphore(std::uint32_t semaphore_id, TTEMU_LOC_PARAMS) {
    return ::ttemu::kapi::semaphore_addr(semaphore_id, TTEMU_LOC);
}
inline void noc_semaphore_wait(volatile tt_l1_ptr std::uint32_t* sem_addr, std::uint32_t val, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::sem_wait(sem_addr, val, false, TTEMU_LOC);
}
inline void noc_semaphore_wait_min(volatile tt_l1_ptr std::uint32_t* sem_addr, std::uint32_t val, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::sem_wait(sem_addr, val, true, TTEMU_LOC);
}
inline void noc_semaphore_set(volatile tt_l1_ptr std::uint32_t* sem_addr, std::uint32_t val, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::sem_set(sem_addr, val, TTEMU_LOC);
}
inline void noc_semaphore_inc(std::uint64_t addr, std::uint32_t incr, std::uint8_t noc_id = noc_index,
                              TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::sem_inc(addr, incr, noc_id, TTEMU_LOC);
}
inline void noc_semaphore_set_multicast(std::uint32_t src_local_l1_addr, std::uint64_t dst_noc_addr_multicast,
                                        std::uint32_t num_dests, bool linked = false, std::uint8_t noc = noc_index,
                                        TTEMU_LOC_PARAMS) {
    (void)linked;
    ::ttemu::kapi::sem_set_mcast(src_local_l1_addr, dst_noc_addr_multicast, num_dests, false, noc, TTEMU_LOC);
}
inline void noc_semaphore_set_multicast_loopback_src(std::uint32_t src_local_l1_addr,
                                                     std::uint64_t dst_noc_addr_multicast, std::uint32_t num_dests,
                                                     bool linked = false, std::uint8_t noc = noc_index,
                                                     TTEMU_LOC_PARAMS) {
    (void)linked;
    ::ttemu::kapi::sem_set_mcast(src_local_l1_addr, dst_noc_addr_multicast, num_dests, true, noc, TTEMU_LOC);
}
inline void noc_semaphore_set_remote(std::uint32_t src_local_l1_addr, std::uint64_t dst_noc_addr,
                                     std::uint8_t noc = noc_index, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::sem_set_remote(src_local_l1_addr, dst_noc_addr, noc, TTEMU_LOC);
}
