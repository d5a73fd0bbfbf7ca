// The "Device 2.0" NoC object of tt-metal's data-movement API: transfers between any two
// endpoints that have noc_traits_t (a TensorAccessor page, a CircularBuffer's window), with the
// per-endpoint arguments given as small structs ({.page_id = i}, {.offset_bytes = 0}).
#pragma once
#include <cstdint>

#include "api/dataflow/dataflow_api.h"

template <typename T>
struct noc_traits_t;

template <typename T>
using src_args_t = typename noc_traits_t<T>::src_args_type;
template <typename T>
using dst_args_t = typename noc_traits_t<T>::dst_args_type;

class Noc {
public:
    enum class AddressType { NOC, LOCAL_L1 };

    constexpr Noc() : noc_id_(noc_index) {}
    constexpr explicit Noc(std::uint8_t noc_id) : noc_id_(noc_id) {}
    std::uint8_t get_noc_id() const { return noc_id_; }

    template <typename Src, typename Dst>
    void async_read(const Src& src, const Dst& dst, std::uint32_t size_bytes, const src_args_t<Src>& src_args,
                    const dst_args_t<Dst>& dst_args, TTEMU_LOC_PARAMS) const {
        noc_async_read(noc_traits_t<Src>::template src_addr<AddressType::NOC>(src, *this, src_args),
                       noc_traits_t<Dst>::template dst_addr<AddressType::LOCAL_L1>(dst, *this, dst_args), size_bytes,
                       noc_id_, ttemu_loc);
    }
    template <typename Src, typename Dst>
    void async_write(const Src& src, const Dst& dst, std::uint32_t size_bytes, const src_args_t<Src>& src_args,
                     const dst_args_t<Dst>& dst_args, TTEMU_LOC_PARAMS) const {
        noc_async_write(noc_traits_t<Src>::template src_addr<AddressType::LOCAL_L1>(src, *this, src_args),
                        noc_traits_t<Dst>::template dst_addr<AddressType::NOC>(dst, *this, dst_args), size_bytes,
                        noc_id_, ttemu_loc);
    }
    void async_read_barrier(TTEMU_LOC_PARAMS) const { noc_async_read_barrier(noc_id_, ttemu_loc); }
    void async_write_barrier(TTEMU_LOC_PARAMS) const { noc_async_write_barrier(noc_id_, ttemu_loc); }
    void async_writes_flushed(TTEMU_LOC_PARAMS) const { noc_async_writes_flushed(noc_id_, ttemu_loc); }

private:
    std::uint8_t noc_id_;
};

// The endpoints the Noc object moves between (each includes this file first).
#include "api/dataflow/circular_buffer.h"
#include "api/tensor/noc_traits.h"
