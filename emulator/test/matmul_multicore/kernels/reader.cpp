// Reader of the multi-core matmul: for each output tile (m, n) and each k, reads A tile (m, k) into c_0
// and B tile (k, n) into c_1 (2*Mt*Nt*Kt tile reads in total).
#include <cstdint>

#include "api/dataflow/dataflow_api.h"

void kernel_main() {
    const uint32_t a_addr = get_arg_val<uint32_t>(0);
    const uint32_t b_addr = get_arg_val<uint32_t>(1);
    const uint32_t Mt = get_arg_val<uint32_t>(2);
    const uint32_t Kt = get_arg_val<uint32_t>(3);
    const uint32_t Nt = get_arg_val<uint32_t>(4);
    const uint32_t start_tile = get_arg_val<uint32_t>(5);
    const uint32_t num_tiles = get_arg_val<uint32_t>(6);
    (void)Mt;

    constexpr uint32_t cb_a = tt::CBIndex::c_0;
    constexpr uint32_t cb_b = tt::CBIndex::c_1;
    constexpr auto a_args = TensorAccessorArgs<0>();
    constexpr auto b_args = TensorAccessorArgs<a_args.next_compile_time_args_offset()>();
    const auto a = TensorAccessor(a_args, a_addr);
    const auto b = TensorAccessor(b_args, b_addr);

    for (uint32_t t = start_tile; t < start_tile + num_tiles; ++t) {
        const uint32_t m = t / Nt;
        const uint32_t n = t % Nt;
        for (uint32_t k = 0; k < Kt; ++k) {
            cb_reserve_back(cb_a, 1);
            noc_async_read_page(m * Kt + k, a, get_write_ptr(cb_a));
            cb_reserve_back(cb_b, 1);
            noc_async_read_page(k * Nt + n, b, get_write_ptr(cb_b));
            noc_async_read_barrier();
            cb_push_back(cb_a, 1);
            cb_push_back(cb_b, 1);
        }
    }
}
