// The "Device 2.0" circular-buffer object of tt-metal's data-movement API, and a CB's window as a
// local-L1 endpoint of the Noc object: the read window as a source, the write window as a
// destination ({.offset_bytes}).
#pragma once
#include <cstdint>

#include "api/dataflow/noc.h"

class CircularBuffer {
public:
    constexpr explicit CircularBuffer(std::uint32_t cb_id) : cb_id_(cb_id) {}
    std::uint32_t get_cb_id() const { return cb_id_; }
    void reserve_back(std::int32_t num_pages, TTEMU_LOC_PARAMS) { ::cb_reserve_back(cb_id_, num_pages, ttemu_loc); }
    void push_back(std::int32_t num_pages, TTEMU_LOC_PARAMS) { ::cb_push_back(cb_id_, num_pages, ttemu_loc); }
    void wait_front(std::int32_t num_pages, TTEMU_LOC_PARAMS) { ::cb_wait_front(cb_id_, num_pages, ttemu_loc); }
    void pop_front(std::int32_t num_pages, TTEMU_LOC_PARAMS) { ::cb_pop_front(cb_id_, num_pages, ttemu_loc); }
    std::uint32_t get_write_ptr(TTEMU_LOC_PARAMS) const { return ::get_write_ptr(cb_id_, ttemu_loc); }
    std::uint32_t get_read_ptr(TTEMU_LOC_PARAMS) const { return ::get_read_ptr(cb_id_, ttemu_loc); }
    std::uint32_t get_tile_size(TTEMU_LOC_PARAMS) const { return ::get_tile_size(cb_id_, ttemu_loc); }

private:
    std::uint32_t cb_id_;
};

template <>
struct noc_traits_t<CircularBuffer> {
    struct src_args_type {
        std::uint32_t offset_bytes{};
    };
    struct dst_args_type {
        std::uint32_t offset_bytes{};
    };
    template <Noc::AddressType address_type>
    static std::uint32_t src_addr(const CircularBuffer& src, const Noc&, const src_args_type& args) {
        static_assert(address_type == Noc::AddressType::LOCAL_L1, "a CircularBuffer is local L1");
        return src.get_read_ptr() + args.offset_bytes;
    }
    template <Noc::AddressType address_type>
    static std::uint32_t dst_addr(const CircularBuffer& dst, const Noc&, const dst_args_type& args) {
        static_assert(address_type == Noc::AddressType::LOCAL_L1, "a CircularBuffer is local L1");
        return dst.get_write_ptr() + args.offset_bytes;
    }
};
