// RUN: tt-opt --loop-invariant-code-motion --cse --convert-tt-to-emitc %s | tt-translate --mlir-to-cpp --file-id=names | FileCheck %s
// RUN: tt-opt --convert-tt-to-emitc %s | tt-translate --mlir-to-cpp --file-id=names | FileCheck %s --check-prefix=AS-IS

// Names: the IR's where it gives them, defaults where it does not, made unique
// and kept clear of the names the C++ emitter picks (`v3`, `i1`). Accessors
// chain their TensorAccessorArgs when the offsets follow each other and use
// the offset itself otherwise. Repeated argument reads and CB handles are
// CSE's and LICM's to merge and hoist (the emitter runs both first): after
// them each is declared once, outside the loop.

// CHECK-LABEL: void kernel_main() {
// CHECK:         const uint32_t start = get_arg_val<uint32_t>(0);
// CHECK-NEXT:    const uint32_t arg1 = get_arg_val<uint32_t>(1);
// CHECK-NEXT:    const uint32_t v1_ = get_arg_val<uint32_t>(2);
// CHECK-NEXT:    const uint32_t start_1 = get_arg_val<uint32_t>(3);
// CHECK-NEXT:    constexpr auto x_args = TensorAccessorArgs<0>();
// CHECK-NEXT:    const auto x = TensorAccessor(x_args, start);
// CHECK-NEXT:    constexpr auto y_args = TensorAccessorArgs<x_args.next_compile_time_args_offset()>();
// CHECK-NEXT:    const auto y = TensorAccessor(y_args, arg1);
// CHECK-NEXT:    constexpr auto accessor2_args = TensorAccessorArgs<8>();
// CHECK-NEXT:    const auto accessor2 = TensorAccessor(accessor2_args, v1_);
// CHECK-NEXT:    constexpr uint32_t cb_0 = tt::CBIndex::c_0;
// CHECK-NEXT:    constexpr uint32_t block = get_compile_time_arg_val(6);
// CHECK-NEXT:    const uint32_t inner = get_arg_val<uint32_t>(4);
// CHECK-NEXT:    constexpr uint32_t cb_out = tt::CBIndex::c_16;
// CHECK-NOT:     get_arg_val
// CHECK-NOT:     tt::CBIndex
// CHECK:         for (
// CHECK:           cb_reserve_back(cb_0, 1);
// CHECK-NEXT:      const uint32_t l1_write_addr_0 = get_write_ptr(cb_0);
// CHECK-NEXT:      noc_async_read_page(start, x, l1_write_addr_0);
// CHECK-NEXT:      const uint32_t l1_write_addr_0_1 = get_write_ptr(cb_0);
// CHECK:           const uint32_t y_page = {{.*}};
// CHECK-NEXT:      noc_async_read_page(y_page, y, l1_write_addr_0_1);
// CHECK-NEXT:      noc_async_read_page(0, accessor2, l1_write_addr_0_1);
// CHECK-NEXT:      cb_push_back(cb_out, inner);

// Without them every argument read is its own declaration, under a unique
// name; a CB handle whose first declaration is in scope reuses it.
// AS-IS:         for (
// AS-IS:           const uint32_t inner = get_arg_val<uint32_t>(4);
// AS-IS-NEXT:      const uint32_t start_2 = get_arg_val<uint32_t>(0);
// AS-IS-NEXT:      constexpr uint32_t cb_out = tt::CBIndex::c_16;
// AS-IS-NEXT:      cb_reserve_back(cb_0, 1);
func.func @names() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %s = tt.get_arg_val 0 as "start" : i32
  %u = tt.get_arg_val 1 : i32
  %v = tt.get_arg_val 2 as "v1" : i32
  %s2 = tt.get_arg_val 3 as "start" : i32
  %x = tt.tensor_accessor %s args 0 as "x" : !tt.accessor
  %y = tt.tensor_accessor %u args 2 as "y" : !tt.accessor
  %z = tt.tensor_accessor %v args 8 : !tt.accessor
  %cb = tt.get_cb : !tt.cb<0, 2 x !tt.tile<bf16>>
  %blk = tt.get_compile_time_arg_val 6 as "block" : i32
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  scf.for %i = %c0 to %s2 step %c1 : i32 {
    // Read again inside the loop.
    %inner = tt.get_arg_val 4 as "inner" : i32
    %s_again = tt.get_arg_val 0 as "start" : i32
    %cb_again = tt.get_cb : !tt.cb<0, 2 x !tt.tile<bf16>>
    %out = tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<bf16>>
    tt.cb_reserve_back %cb_again, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
    %l1 = tt.get_write_ptr %cb_again : !tt.cb<0, 2 x !tt.tile<bf16>>
    tt.noc_async_read_page %s_again, %x, %l1
    %l1b = tt.get_write_ptr %cb : !tt.cb<0, 2 x !tt.tile<bf16>>
    %page = arith.muli %i, %blk : i32
    tt.noc_async_read_page %page, %y, %l1b
    tt.noc_async_read_page %c0, %z, %l1b
    tt.cb_push_back %out, %inner : !tt.cb<16, 2 x !tt.tile<bf16>>
  }
  return
}
