#pragma once

#include "tensor/large_page_allocator.h"
#include "tensor/shape.h"

#include <cstdint>
#include <span>
#include <vector>

namespace stridelab {

// A float32 feature map of shape (C, H, W), stored contiguously in C order.
class Tensor {
public:
    Tensor() = default;
    explicit Tensor(Shape shape, float fill = 0.0F)
        : shape_(shape), values_(static_cast<std::size_t>(shape.elements()), fill) {}
    Tensor(Shape shape, const std::vector<float>& values);

    [[nodiscard]] const Shape& shape() const { return shape_; }
    [[nodiscard]] bool empty() const { return values_.empty(); }
    [[nodiscard]] std::int64_t size() const { return static_cast<std::int64_t>(values_.size()); }

    [[nodiscard]] float* data() { return values_.data(); }
    [[nodiscard]] const float* data() const { return values_.data(); }
    [[nodiscard]] std::span<float> values() { return values_; }
    [[nodiscard]] std::span<const float> values() const { return values_; }

    [[nodiscard]] float* channel(std::int64_t c) {
        return values_.data() + c * shape_.h * shape_.w;
    }
    [[nodiscard]] const float* channel(std::int64_t c) const {
        return values_.data() + c * shape_.h * shape_.w;
    }
    [[nodiscard]] float& at(std::int64_t c, std::int64_t y, std::int64_t x) {
        return values_[static_cast<std::size_t>((c * shape_.h + y) * shape_.w + x)];
    }
    [[nodiscard]] float at(std::int64_t c, std::int64_t y, std::int64_t x) const {
        return values_[static_cast<std::size_t>((c * shape_.h + y) * shape_.w + x)];
    }

    // Reshapes in place, reusing the allocation where it is large enough.
    void resize(Shape shape, float fill = 0.0F);
    // Reshapes in place without writing the values already there (for buffers reused from run
    // to run whose every element is about to be overwritten); elements beyond the old size are
    // zero.
    void reshapeKeepingValues(Shape shape);
    // Elements the allocation holds without reallocating.
    [[nodiscard]] std::int64_t capacity() const {
        return static_cast<std::int64_t>(values_.capacity());
    }
    void fill(float value);

private:
    Shape shape_;
    std::vector<float, LargePageAllocator<float>> values_;
};

// An N-dimensional float array as read from a .npy file or nested JSON arrays (weights).
struct NdArray {
    std::vector<std::int64_t> dims;
    std::vector<float> values;

    [[nodiscard]] QString shapeString() const;
    friend bool operator==(const NdArray&, const NdArray&) = default;
};

}  // namespace stridelab
