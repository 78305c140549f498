#include "kernels/conv2d_gemm.h"

#include <Eigen/Core>

#include <algorithm>
#include <vector>

namespace stridelab {

namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ConstRowMap = Eigen::Map<const RowMatrix>;
using StridedRowMap = Eigen::Map<RowMatrix, 0, Eigen::OuterStride<>>;
using ConstStridedRowMap = Eigen::Map<const RowMatrix, 0, Eigen::OuterStride<>>;

// Column buffers of about this many floats per thread keep the GEMM operands in cache.
constexpr std::int64_t kColumnBudget = 1 << 18;
constexpr std::int64_t kMinTiles = 4;

}  // namespace

std::int64_t conv2dColumnBufferFloats(std::int64_t rows, std::int64_t outputWidth) {
    // A tile holds at least one output row, and otherwise stays within the budget.
    return std::max(kColumnBudget, rows * outputWidth);
}

GemmRowTiles gemmRowTiles(std::int64_t k, std::int64_t height, std::int64_t width) {
    if (height < 1) {
        return {1, 0};
    }
    const std::int64_t budgetRows =
        std::max<std::int64_t>(kColumnBudget / std::max<std::int64_t>(k * width, 1), 1);
    const std::int64_t wantedTiles =
        std::min(height, std::max(kMinTiles, (height + budgetRows - 1) / budgetRows));
    const std::int64_t rowsPerTile = (height + wantedTiles - 1) / wantedTiles;
    return {rowsPerTile, (height + rowsPerTile - 1) / rowsPerTile};
}

void gemmRowMajor(RowMajorOperand a, RowMajorOperand b, std::int64_t m, std::int64_t k,
                  std::int64_t n, float* out, std::int64_t outStride, bool accumulate) {
    const ConstStridedRowMap lhs(a.data, m, k, Eigen::OuterStride<>(a.stride));
    const ConstStridedRowMap rhs(b.data, k, n, Eigen::OuterStride<>(b.stride));
    StridedRowMap result(out, m, n, Eigen::OuterStride<>(outStride));
    if (accumulate) {
        result.noalias() += lhs * rhs;
    } else {
        result.noalias() = lhs * rhs;
    }
}

void conv2dGemm(const Tensor& padded, const float* weights, const float* bias,
                const ConvGeometry& g, Tensor& output, int threads,
                const std::atomic<bool>* cancel) {
    const Shape pin = padded.shape();
    const Shape out = g.output;
    const std::int64_t inPerGroup = g.input.c / g.groups;
    const std::int64_t outPerGroup = out.c / g.groups;
    const std::int64_t taps = g.kernel.h * g.kernel.w;
    const std::int64_t rows = inPerGroup * taps;  // K of the GEMM
    const std::int64_t plane = out.h * out.w;
    const GemmRowTiles rowTiles = gemmRowTiles(rows, out.h, out.w);
    const std::int64_t rowsPerTile = rowTiles.rowsPerTile;
    const std::int64_t tilesPerGroup = rowTiles.count;
    const std::int64_t tiles = tilesPerGroup * g.groups;

#pragma omp parallel num_threads(threads)
    {
        std::vector<float> columns;
#pragma omp for schedule(dynamic)
        for (std::int64_t t = 0; t < tiles; ++t) {
            // A superseded request stops within a tile (OpenMP cannot break out of the loop).
            if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
                continue;
            }
            const std::int64_t group = t / tilesPerGroup;
            const std::int64_t y0 = (t % tilesPerGroup) * rowsPerTile;
            const std::int64_t y1 = std::min(y0 + rowsPerTile, out.h);
            const std::int64_t cols = (y1 - y0) * out.w;
            columns.resize(static_cast<std::size_t>(rows * cols));
            // im2col: row r = (channel, ky, kx), column = output position in the tile.
            for (std::int64_t ci = 0; ci < inPerGroup; ++ci) {
                const float* src = padded.channel(group * inPerGroup + ci);
                for (std::int64_t ky = 0; ky < g.kernel.h; ++ky) {
                    for (std::int64_t kx = 0; kx < g.kernel.w; ++kx) {
                        float* dst =
                            columns.data() + ((ci * g.kernel.h + ky) * g.kernel.w + kx) * cols;
                        for (std::int64_t y = y0; y < y1; ++y) {
                            const float* srcRow = src +
                                                  (y * g.stride.h + ky * g.dilation.h) * pin.w +
                                                  kx * g.dilation.w;
                            float* dstRow = dst + (y - y0) * out.w;
                            if (g.stride.w == 1) {
                                std::copy(srcRow, srcRow + out.w, dstRow);
                            } else {
                                for (std::int64_t x = 0; x < out.w; ++x) {
                                    dstRow[x] = srcRow[x * g.stride.w];
                                }
                            }
                        }
                    }
                }
            }
            float* o = output.channel(group * outPerGroup) + y0 * out.w;
            gemmRowMajor({weights + group * outPerGroup * rows, rows}, {columns.data(), cols},
                         outPerGroup, rows, cols, o, plane);
            if (bias != nullptr) {
                for (std::int64_t f = 0; f < outPerGroup; ++f) {
                    std::for_each(o + f * plane, o + f * plane + cols,
                                  [b = bias[group * outPerGroup + f]](float& v) { v += b; });
                }
            }
        }
    }
}

void conv2dTransposeGemm(const Tensor& input, const float* weights, const float* bias,
                         const TransposedConvGeometry& g, Tensor& output, int threads,
                         const std::atomic<bool>* cancel) {
    const Shape in = g.input;
    const Shape out = g.output;
    const std::int64_t inPerGroup = in.c / g.groups;
    const std::int64_t outPerGroup = out.c / g.groups;
    const std::int64_t taps = g.kernel.h * g.kernel.w;
    const std::int64_t rows = outPerGroup * taps;
    const std::int64_t plane = in.h * in.w;
    output.fill(0.0F);

    // Tiles of input rows keep the column buffer near the budget instead of rows x H x W.
    const std::int64_t tileRows =
        std::clamp<std::int64_t>(kColumnBudget / std::max<std::int64_t>(rows * in.w, 1), 1, in.h);
    std::vector<float> columns(static_cast<std::size_t>(rows * tileRows * in.w));
    for (std::int64_t group = 0; group < g.groups; ++group) {
        const ConstRowMap w(weights + group * inPerGroup * rows, inPerGroup, rows);
        for (std::int64_t y0 = 0; y0 < in.h; y0 += tileRows) {
            if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
                return;
            }
            const std::int64_t y1 = std::min(y0 + tileRows, in.h);
            const std::int64_t cols = (y1 - y0) * in.w;
            // columns (filters/groups * kh * kw, tile) = W_g^T * X_g[tile]
            const Eigen::Map<const RowMatrix, 0, Eigen::OuterStride<>> x(
                input.channel(group * inPerGroup) + y0 * in.w, inPerGroup, cols,
                Eigen::OuterStride<>(plane));
            Eigen::Map<RowMatrix> c(columns.data(), rows, cols);
            c.noalias() = w.transpose() * x;
            // col2im: each output channel is written by one thread only; tiles in order, so the
            // sums are the same for any thread count.
#pragma omp parallel for num_threads(threads) schedule(static)
            for (std::int64_t f = 0; f < outPerGroup; ++f) {
                float* dst = output.channel(group * outPerGroup + f);
                for (std::int64_t ky = 0; ky < g.kernel.h; ++ky) {
                    for (std::int64_t kx = 0; kx < g.kernel.w; ++kx) {
                        const float* src =
                            columns.data() + ((f * g.kernel.h + ky) * g.kernel.w + kx) * cols;
                        for (std::int64_t iy = y0; iy < y1; ++iy) {
                            const std::int64_t oy =
                                iy * g.stride.h + ky * g.dilation.h - g.offset.h;
                            if (oy < 0 || oy >= out.h) {
                                continue;
                            }
                            const float* srcRow = src + (iy - y0) * in.w;
                            float* dstRow = dst + oy * out.w;
                            for (std::int64_t ix = 0; ix < in.w; ++ix) {
                                const std::int64_t ox =
                                    ix * g.stride.w + kx * g.dilation.w - g.offset.w;
                                if (ox >= 0 && ox < out.w) {
                                    dstRow[ox] += srcRow[ix];
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    if (bias != nullptr) {
        for (std::int64_t f = 0; f < out.c; ++f) {
            float* dst = output.channel(f);
            std::for_each(dst, dst + out.h * out.w, [b = bias[f]](float& v) { v += b; });
        }
    }
}

}  // namespace stridelab
