// Copies `pages` pages from one DRAM buffer to another through one L1 page.
#include <cstdint>

#include "api/dataflow/dataflow_api.h"

void kernel_main() {
    const uint32_t src = get_arg_val<uint32_t>(0);
    const uint32_t dst = get_arg_val<uint32_t>(1);
    const uint32_t pages = get_arg_val<uint32_t>(2);
    const uint32_t page_bytes = get_arg_val<uint32_t>(3);
    const uint32_t l1 = get_arg_val<uint32_t>(4);
    const InterleavedAddrGen<true> from{.bank_base_address = src, .page_size = page_bytes};
    const InterleavedAddrGen<true> to{.bank_base_address = dst, .page_size = page_bytes};
    for (uint32_t p = 0; p < pages; ++p) {
        noc_async_read_page(p, from, l1);
        noc_async_read_barrier();
        noc_async_write_page(p, to, l1);
        noc_async_write_barrier();
    }
}
