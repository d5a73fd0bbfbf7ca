// Spins on a semaphore word that no kernel writes.
#include "api/dataflow/dataflow_api.h"

void kernel_main() {
    volatile uint32_t* flag = reinterpret_cast<volatile uint32_t*>(get_semaphore(0));
    while (*flag == 0) {
    }
}
