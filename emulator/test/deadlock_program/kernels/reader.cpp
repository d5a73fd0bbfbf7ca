#include "api/dataflow/dataflow_api.h"

void kernel_main() {
    // waits for a page nobody produces
    cb_wait_front(tt::CBIndex::c_0, 1);
    cb_pop_front(tt::CBIndex::c_0, 1);
}
