#include "kernels/padding.h"

#include <algorithm>

namespace stridelab {

std::int64_t paddedSourceIndex(std::int64_t i, std::int64_t n, PaddingMode mode) {
    if (i >= 0 && i < n) {
        return i;
    }
    switch (mode) {
        case PaddingMode::Zeros:
            return -1;
        case PaddingMode::Reflect:
            return i < 0 ? -i : 2 * (n - 1) - i;
        case PaddingMode::Replicate:
            return std::clamp<std::int64_t>(i, 0, n - 1);
        case PaddingMode::Circular:
            return ((i % n) + n) % n;
    }
    return -1;
}

void padTensor(const Tensor& input, const Padding2d& p, PaddingMode mode, Tensor& padded,
               float fill) {
    const Shape in = input.shape();
    const Shape out{in.c, in.h + p.top + p.bottom, in.w + p.left + p.right};
    padded.resize(out, fill);
    for (std::int64_t c = 0; c < in.c; ++c) {
        const float* src = input.channel(c);
        float* dst = padded.channel(c);
        for (std::int64_t y = 0; y < out.h; ++y) {
            const std::int64_t sy = paddedSourceIndex(y - p.top, in.h, mode);
            if (sy < 0) {
                continue;
            }
            float* row = dst + y * out.w;
            const float* srcRow = src + sy * in.w;
            std::copy(srcRow, srcRow + in.w, row + p.left);
            if (mode == PaddingMode::Zeros) {
                continue;
            }
            for (std::int64_t x = 0; x < p.left; ++x) {
                row[x] = srcRow[paddedSourceIndex(x - p.left, in.w, mode)];
            }
            for (std::int64_t x = p.left + in.w; x < out.w; ++x) {
                row[x] = srcRow[paddedSourceIndex(x - p.left, in.w, mode)];
            }
        }
    }
}

}  // namespace stridelab
