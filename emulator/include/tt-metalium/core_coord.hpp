// Logical core coordinates and ranges: tt::tt_metal::CoreCoord (UMD's tt_xy_pair), CoreRange and
// CoreRangeSet, with the global aliases tt-metal keeps for older code.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <umd/device/types/xy_pair.hpp>
#include <ttemu/error.hpp>

namespace tt::tt_metal {

using CoreCoord = tt_xy_pair;

struct CoreRange {
    CoreCoord start_coord;
    CoreCoord end_coord;

    CoreRange(const CoreCoord& point) : start_coord(point), end_coord(point) {}
    CoreRange(const CoreCoord& start, const CoreCoord& end) : start_coord(start), end_coord(end) {
        if (end.x < start.x || end.y < start.y)
            throw ttemu::Error("CoreRange: invalid range " + start.str() + " - " + end.str() +
                               " (end must not be before start)");
    }
    std::size_t size() const { return (end_coord.x - start_coord.x + 1) * (end_coord.y - start_coord.y + 1); }
    CoreCoord grid_size() const { return {end_coord.x - start_coord.x + 1, end_coord.y - start_coord.y + 1}; }
    bool contains(const CoreCoord& c) const {
        return c.x >= start_coord.x && c.x <= end_coord.x && c.y >= start_coord.y && c.y <= end_coord.y;
    }
    bool contains(const CoreRange& r) const { return contains(r.start_coord) && contains(r.end_coord); }
    bool intersects(const CoreRange& r) const {
        return !(r.end_coord.x < start_coord.x || r.start_coord.x > end_coord.x || r.end_coord.y < start_coord.y ||
                 r.start_coord.y > end_coord.y);
    }
    std::string str() const { return "[" + start_coord.str() + " - " + end_coord.str() + "]"; }
    friend bool operator==(const CoreRange& a, const CoreRange& b) {
        return a.start_coord == b.start_coord && a.end_coord == b.end_coord;
    }
    friend bool operator!=(const CoreRange& a, const CoreRange& b) { return !(a == b); }
    friend bool operator<(const CoreRange& a, const CoreRange& b) {
        return a.start_coord < b.start_coord || (a.start_coord == b.start_coord && a.end_coord < b.end_coord);
    }

    // Iterates the cores row by row (x fastest).
    class iterator {
    public:
        iterator(const CoreRange* r, CoreCoord c) : r_(r), c_(c) {}
        CoreCoord operator*() const { return c_; }
        iterator& operator++() {
            if (c_.x < r_->end_coord.x) {
                ++c_.x;
            } else {
                c_.x = r_->start_coord.x;
                ++c_.y;
            }
            return *this;
        }
        bool operator==(const iterator& o) const { return c_ == o.c_; }
        bool operator!=(const iterator& o) const { return !(c_ == o.c_); }

    private:
        const CoreRange* r_;
        CoreCoord c_;
    };
    iterator begin() const { return iterator(this, start_coord); }
    iterator end() const { return iterator(this, CoreCoord(start_coord.x, end_coord.y + 1)); }
};

class CoreRangeSet {
public:
    CoreRangeSet() = default;
    CoreRangeSet(const CoreRange& r) : ranges_{r} {}
    CoreRangeSet(const std::vector<CoreRange>& rs) : ranges_(rs) { check_disjoint(); }
    CoreRangeSet(const std::set<CoreRange>& rs) : ranges_(rs.begin(), rs.end()) { check_disjoint(); }

    const std::vector<CoreRange>& ranges() const { return ranges_; }
    std::size_t size() const { return ranges_.size(); }
    bool empty() const { return ranges_.empty(); }
    std::uint32_t num_cores() const {
        std::uint32_t n = 0;
        for (const auto& r : ranges_) n += static_cast<std::uint32_t>(r.size());
        return n;
    }
    bool contains(const CoreCoord& c) const {
        for (const auto& r : ranges_)
            if (r.contains(c)) return true;
        return false;
    }
    bool contains(const CoreRange& cr) const {
        for (const auto& c : cr)
            if (!contains(c)) return false;
        return true;
    }
    bool intersects(const CoreRange& cr) const {
        for (const auto& r : ranges_)
            if (r.intersects(cr)) return true;
        return false;
    }
    CoreRangeSet merge(const CoreRangeSet& other) const {
        std::vector<CoreRange> out = ranges_;
        for (const auto& r : other.ranges_) {
            for (const auto& c : r)
                if (!contains(c)) out.push_back(CoreRange(c));
        }
        return CoreRangeSet(out);
    }
    CoreRange bounding_box() const {
        if (ranges_.empty()) throw ttemu::Error("CoreRangeSet::bounding_box on an empty set");
        CoreCoord lo = ranges_[0].start_coord, hi = ranges_[0].end_coord;
        for (const auto& r : ranges_) {
            lo.x = std::min(lo.x, r.start_coord.x);
            lo.y = std::min(lo.y, r.start_coord.y);
            hi.x = std::max(hi.x, r.end_coord.x);
            hi.y = std::max(hi.y, r.end_coord.y);
        }
        return CoreRange(lo, hi);
    }
    std::string str() const {
        std::string s = "{";
        for (std::size_t i = 0; i < ranges_.size(); ++i) s += (i ? ", " : "") + ranges_[i].str();
        return s + "}";
    }
    friend bool operator==(const CoreRangeSet& a, const CoreRangeSet& b) { return a.ranges_ == b.ranges_; }

private:
    void check_disjoint() const {
        for (std::size_t i = 0; i < ranges_.size(); ++i)
            for (std::size_t j = i + 1; j < ranges_.size(); ++j)
                if (ranges_[i].intersects(ranges_[j]))
                    throw ttemu::Error("CoreRangeSet: ranges " + ranges_[i].str() + " and " + ranges_[j].str() +
                                       " overlap");
    }
    std::vector<CoreRange> ranges_;
};

// All cores of a CoreRangeSet, in range order; row_wise=false lists each range column by column.
inline std::vector<CoreCoord> corerange_to_cores(const CoreRangeSet& crs,
                                                 std::optional<std::uint32_t> max_cores = std::nullopt,
                                                 bool row_wise = false) {
    std::vector<CoreCoord> out;
    for (const auto& r : crs.ranges()) {
        if (row_wise) {
            for (std::size_t y = r.start_coord.y; y <= r.end_coord.y; ++y)
                for (std::size_t x = r.start_coord.x; x <= r.end_coord.x; ++x) out.emplace_back(x, y);
        } else {
            for (std::size_t x = r.start_coord.x; x <= r.end_coord.x; ++x)
                for (std::size_t y = r.start_coord.y; y <= r.end_coord.y; ++y) out.emplace_back(x, y);
        }
    }
    if (max_cores && out.size() > *max_cores) out.resize(*max_cores);
    return out;
}

}  // namespace tt::tt_metal

using CoreCoord = tt::tt_metal::CoreCoord;
using CoreRange = tt::tt_metal::CoreRange;
using CoreRangeSet = tt::tt_metal::CoreRangeSet;
using tt::tt_metal::corerange_to_cores;

template <>
struct fmt::formatter<tt::umd::xy_pair> : fmt::formatter<std::string> {
    auto format(const tt::umd::xy_pair& c, fmt::format_context& ctx) const {
        return fmt::formatter<std::string>::format(c.str(), ctx);
    }
};
template <>
struct fmt::formatter<tt::tt_metal::CoreRange> : fmt::formatter<std::string> {
    auto format(const tt::tt_metal::CoreRange& r, fmt::format_context& ctx) const {
        return fmt::formatter<std::string>::format(r.str(), ctx);
    }
};
template <>
struct fmt::formatter<tt::tt_metal::CoreRangeSet> : fmt::formatter<std::string> {
    auto format(const tt::tt_metal::CoreRangeSet& s, fmt::format_context& ctx) const {
        return fmt::formatter<std::string>::format(s.str(), ctx);
    }
};
