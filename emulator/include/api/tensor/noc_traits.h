// A TensorAccessor page as a NoC endpoint of the Device 2.0 Noc object: {.page_id, .offset_bytes}.
#pragma once
#include <cstdint>

#include "api/dataflow/noc.h"

template <typename Args>
struct noc_traits_t<TensorAccessor<Args>> {
    struct src_args_type {
        std::uint32_t page_id{};
        std::uint32_t offset_bytes = 0;
    };
    struct dst_args_type {
        std::uint32_t page_id{};
        std::uint32_t offset_bytes = 0;
    };
    template <Noc::AddressType address_type>
    static std::uint64_t src_addr(const TensorAccessor<Args>& src, const Noc& noc, const src_args_type& args) {
        static_assert(address_type == Noc::AddressType::NOC, "a TensorAccessor page is a NoC address");
        return src.get_noc_addr(args.page_id, args.offset_bytes, noc.get_noc_id());
    }
    template <Noc::AddressType address_type>
    static std::uint64_t dst_addr(const TensorAccessor<Args>& dst, const Noc& noc, const dst_args_type& args) {
        static_assert(address_type == Noc::AddressType::NOC, "a TensorAccessor page is a NoC address");
        return dst.get_noc_addr(args.page_id, args.offset_bytes, noc.get_noc_id());
    }
};
