#pragma once

#include "tensor/tensor.h"

namespace stridelab {

// Bilinear resize with antialiasing (the triangle filter widened by the shrink factor, as
// tf.image.resize(antialias=True) and Pillow do); for enlarging it is plain half-pixel
// bilinear. Used for an input image's `resize`.
[[nodiscard]] Tensor antialiasedResize(const Tensor& input, std::int64_t height,
                                       std::int64_t width);

}  // namespace stridelab
