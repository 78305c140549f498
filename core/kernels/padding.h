#pragma once

#include "tensor/tensor.h"

#include <cstdint>

namespace stridelab {

// PyTorch's padding modes.
enum class PaddingMode { Zeros, Reflect, Replicate, Circular };

struct Padding2d {
    std::int64_t top = 0;
    std::int64_t bottom = 0;
    std::int64_t left = 0;
    std::int64_t right = 0;

    [[nodiscard]] bool none() const { return top == 0 && bottom == 0 && left == 0 && right == 0; }
};

// The source index of padded position i (relative to the unpadded start) on an axis of n.
// Reflect needs padding < n and circular padding <= n; shape inference checks both.
[[nodiscard]] std::int64_t paddedSourceIndex(std::int64_t i, std::int64_t n, PaddingMode mode);

// `input` surrounded by padding filled as the mode says (`fill` for Zeros).
void padTensor(const Tensor& input, const Padding2d& padding, PaddingMode mode, Tensor& padded,
               float fill = 0.0F);

}  // namespace stridelab
