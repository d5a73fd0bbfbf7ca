// ttsl::Span (tt::stl::Span): std::span, as tt-metal's tt_stl spells it.
#pragma once
#include <cstddef>
#include <iterator>
#include <span>
#include <type_traits>

namespace ttsl {
template <typename T, std::size_t Extent = std::dynamic_extent>
using Span = std::span<T, Extent>;

template <class Container>
auto make_const_span(const Container& c) {
    using T = std::remove_reference_t<decltype(*std::begin(c))>;
    return Span<const T>(c.data(), c.size());
}

template <class Container>
auto make_span(Container& c) {
    using T = std::remove_reference_t<decltype(*std::begin(c))>;
    return Span<T>(c.data(), c.size());
}
}  // namespace ttsl

namespace tt::stl {
using namespace ::ttsl;
}  // namespace tt::stl
