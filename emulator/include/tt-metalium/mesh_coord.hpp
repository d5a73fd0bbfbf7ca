// Mesh shapes, device coordinates in a mesh and rectangles of them (tt-metal's mesh_coord.hpp), for
// two-dimensional meshes (rows x columns).
#pragma once
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include <ttemu/error.hpp>

namespace tt::tt_metal::distributed {

class MeshShape {
public:
    explicit MeshShape(std::uint32_t s) : dims_{s} {}
    MeshShape(std::uint32_t rows, std::uint32_t cols) : dims_{rows, cols} {}
    explicit MeshShape(const std::vector<std::uint32_t>& dims) : dims_(dims) {}
    std::size_t dims() const { return dims_.size(); }
    std::uint32_t operator[](std::size_t i) const { return dims_.at(i); }
    std::size_t mesh_size() const {
        std::size_t n = 1;
        for (auto d : dims_) n *= d;
        return n;
    }
    friend bool operator==(const MeshShape& a, const MeshShape& b) { return a.dims_ == b.dims_; }
    friend bool operator!=(const MeshShape& a, const MeshShape& b) { return !(a == b); }
    friend std::ostream& operator<<(std::ostream& os, const MeshShape& s) {
        os << "MeshShape([";
        for (std::size_t i = 0; i < s.dims_.size(); ++i) os << (i ? ", " : "") << s.dims_[i];
        return os << "])";
    }

private:
    std::vector<std::uint32_t> dims_;
};

class MeshCoordinate {
public:
    explicit MeshCoordinate(std::uint32_t c) : coords_{c} {}
    MeshCoordinate(std::uint32_t row, std::uint32_t col) : coords_{row, col} {}
    explicit MeshCoordinate(const std::vector<std::uint32_t>& coords) : coords_(coords) {}
    static MeshCoordinate zero_coordinate(std::size_t dimensions) {
        return MeshCoordinate(std::vector<std::uint32_t>(dimensions, 0));
    }
    std::uint32_t operator[](std::size_t i) const { return coords_.at(i); }
    std::size_t dims() const { return coords_.size(); }
    std::vector<std::uint32_t> coords() const { return coords_; }
    // Row-major index in a mesh of `shape`.
    std::size_t to_linear_index(const MeshShape& shape) const {
        if (dims() != shape.dims())
            throw ttemu::Error("MeshCoordinate::to_linear_index: a " + std::to_string(dims()) +
                               "-dimensional coordinate in a " + std::to_string(shape.dims()) + "-dimensional mesh");
        std::size_t index = 0;
        for (std::size_t i = 0; i < dims(); ++i) {
            if (coords_[i] >= shape[i])
                throw ttemu::Error("MeshCoordinate " + str() + " lies outside the mesh");
            index = index * shape[i] + coords_[i];
        }
        return index;
    }
    std::string str() const {
        std::string s = "(";
        for (std::size_t i = 0; i < coords_.size(); ++i) s += (i ? ", " : "") + std::to_string(coords_[i]);
        return s + ")";
    }
    friend bool operator==(const MeshCoordinate& a, const MeshCoordinate& b) { return a.coords_ == b.coords_; }
    friend bool operator!=(const MeshCoordinate& a, const MeshCoordinate& b) { return !(a == b); }
    friend std::ostream& operator<<(std::ostream& os, const MeshCoordinate& c) {
        return os << "MeshCoordinate(" << c.str() << ")";
    }

private:
    std::vector<std::uint32_t> coords_;
};

// A rectangle of devices, both corners included; iterates row by row.
class MeshCoordinateRange {
public:
    explicit MeshCoordinateRange(const MeshShape& shape) : start_(zero(shape.dims())), end_(last(shape)) {}
    explicit MeshCoordinateRange(const MeshCoordinate& coord) : start_(coord), end_(coord) {}
    MeshCoordinateRange(const MeshCoordinate& start, const MeshCoordinate& end) : start_(start), end_(end) {
        if (start.dims() != end.dims())
            throw ttemu::Error("MeshCoordinateRange: corners " + start.str() + " and " + end.str() +
                               " have different dimensions");
        for (std::size_t i = 0; i < start.dims(); ++i)
            if (start[i] > end[i])
                throw ttemu::Error("MeshCoordinateRange: start " + start.str() + " is past end " + end.str());
    }
    const MeshCoordinate& start_coord() const { return start_; }
    const MeshCoordinate& end_coord() const { return end_; }
    std::size_t dims() const { return start_.dims(); }
    std::size_t size() const {
        std::size_t n = 1;
        for (std::size_t i = 0; i < dims(); ++i) n *= end_[i] - start_[i] + 1;
        return n;
    }
    bool contains(const MeshCoordinate& c) const {
        if (c.dims() != dims()) return false;
        for (std::size_t i = 0; i < dims(); ++i)
            if (c[i] < start_[i] || c[i] > end_[i]) return false;
        return true;
    }
    bool intersects(const MeshCoordinateRange& o) const {
        if (o.dims() != dims()) return false;
        for (std::size_t i = 0; i < dims(); ++i)
            if (o.end_[i] < start_[i] || o.start_[i] > end_[i]) return false;
        return true;
    }
    std::string str() const { return start_.str() + "-" + end_.str(); }
    friend bool operator==(const MeshCoordinateRange& a, const MeshCoordinateRange& b) {
        return a.start_ == b.start_ && a.end_ == b.end_;
    }
    friend std::ostream& operator<<(std::ostream& os, const MeshCoordinateRange& r) {
        return os << "MeshCoordinateRange(" << r.str() << ")";
    }

    class Iterator {
    public:
        const MeshCoordinate& operator*() const { return current_; }
        const MeshCoordinate* operator->() const { return &current_; }
        Iterator& operator++() {
            std::vector<std::uint32_t> c = current_.coords();
            std::size_t i = c.size();
            while (i-- > 0) {
                if (c[i] < range_->end_[i]) {
                    ++c[i];
                    current_ = MeshCoordinate(c);
                    ++index_;
                    return *this;
                }
                c[i] = range_->start_[i];
            }
            index_ = range_->size();
            current_ = MeshCoordinate(c);
            return *this;
        }
        bool operator==(const Iterator& o) const { return index_ == o.index_; }
        bool operator!=(const Iterator& o) const { return index_ != o.index_; }

    private:
        friend class MeshCoordinateRange;
        Iterator(const MeshCoordinateRange* r, std::size_t index) : range_(r), current_(r->start_), index_(index) {}
        const MeshCoordinateRange* range_;
        MeshCoordinate current_;
        std::size_t index_;
    };
    Iterator begin() const { return Iterator(this, 0); }
    Iterator end() const { return Iterator(this, size()); }

private:
    static MeshCoordinate zero(std::size_t dims) { return MeshCoordinate::zero_coordinate(dims); }
    static MeshCoordinate last(const MeshShape& shape) {
        std::vector<std::uint32_t> c(shape.dims());
        for (std::size_t i = 0; i < shape.dims(); ++i) {
            if (shape[i] == 0) throw ttemu::Error("MeshCoordinateRange: an empty mesh shape");
            c[i] = shape[i] - 1;
        }
        return MeshCoordinate(c);
    }
    MeshCoordinate start_;
    MeshCoordinate end_;
};

}  // namespace tt::tt_metal::distributed
