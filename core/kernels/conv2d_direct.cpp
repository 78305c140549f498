#include "kernels/conv2d_direct.h"

#include "kernels/conv2d_direct_simd.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace stridelab {

namespace {

// Floats one thread's band holds at most (384 KiB): well inside a 1 MiB L2 with the
// weights, so that the row kernel's loads come from L2 at worst.
constexpr std::int64_t kBandBudget = 96 * 1024;
// Row tiles: at least this many when the output is that tall, and an even count, so that
// two threads get equal shares (the tiling never depends on the thread count).
constexpr std::int64_t kMinTiles = 16;
// Band rows start on 64-byte boundaries.
constexpr std::int64_t kRowAlign = 16;

std::int64_t ceilDiv(std::int64_t a, std::int64_t b) {
    return (a + b - 1) / b;
}

std::int64_t roundUp(std::int64_t a, std::int64_t m) {
    return ceilDiv(a, m) * m;
}

// The column phases of the stride: output x of tap kx reads padded column
// x * s + kx * d = (x + shift) * s + phase, so phase row `slot[kx]` of the band holds the
// padded columns phase, phase + s, ... and the tap reads it from `shift[kx]` on. Only the
// phases some tap reads exist (at most kw, however large the stride).
struct Columns {
    std::vector<std::int64_t> phases;
    std::vector<std::int64_t> slot;   // per kx
    std::vector<std::int64_t> shift;  // per kx
    std::int64_t pitch = 0;           // floats a phase row, slack for whole vectors included
    [[nodiscard]] std::int64_t rowFloats() const {
        return static_cast<std::int64_t>(phases.size()) * pitch;
    }
};

Columns columnPhases(const ConvGeometry& g, std::int64_t lanes) {
    Columns c;
    std::int64_t maxShift = 0;
    for (std::int64_t kx = 0; kx < g.kernel.w; ++kx) {
        const std::int64_t offset = kx * g.dilation.w;
        const std::int64_t phase = offset % g.stride.w;
        const auto found = std::find(c.phases.begin(), c.phases.end(), phase);
        c.slot.push_back(found - c.phases.begin());
        if (found == c.phases.end()) {
            c.phases.push_back(phase);
        }
        c.shift.push_back(offset / g.stride.w);
        maxShift = std::max(maxShift, offset / g.stride.w);
    }
    c.pitch = roundUp(roundUp(g.output.w, lanes) + maxShift, kRowAlign);
    return c;
}

// The padded rows output rows [y0, y0 + rows) read: at most this many.
std::int64_t bandRowsBound(const ConvGeometry& g, std::int64_t rows) {
    return std::min(rows * g.kernel.h,
                    (rows - 1) * g.stride.h + (g.kernel.h - 1) * g.dilation.h + 1);
}

struct Plan {
    Columns columns;
    std::int64_t rowsPerTile = 1;
    std::int64_t tiles = 0;
    std::int64_t channelBlock = 1;  // input channels one band holds
    std::int64_t bandFloats = 0;    // the most one band holds
    // Filter blocks within a group: block b is [filterStart[b], filterStart[b + 1]).
    std::vector<std::int64_t> filterStart;
};

Plan makePlan(const ConvGeometry& g, std::int64_t lanes, std::int64_t maxFilters) {
    Plan plan;
    plan.columns = columnPhases(g, lanes);
    const std::int64_t rowFloats = plan.columns.rowFloats();
    const std::int64_t inPerGroup = g.input.c / g.groups;
    const std::int64_t height = g.output.h;
    // Tall tiles copy fewer halo rows; small ones keep the band in cache and feed both
    // threads. A band too large even for one output row holds fewer input channels at a time.
    std::int64_t rows = std::max<std::int64_t>(ceilDiv(height, kMinTiles), 1);
    while (rows > 1 && bandRowsBound(g, rows) * rowFloats * inPerGroup > kBandBudget) {
        --rows;
    }
    std::int64_t tiles = ceilDiv(height, rows);
    if (tiles > 1 && tiles % 2 == 1) {
        ++tiles;
    }
    plan.rowsPerTile = std::max<std::int64_t>(ceilDiv(height, tiles), 1);
    plan.tiles = ceilDiv(height, plan.rowsPerTile);
    const std::int64_t perChannel = bandRowsBound(g, plan.rowsPerTile) * rowFloats;
    plan.channelBlock = std::clamp<std::int64_t>(
        kBandBudget / std::max<std::int64_t>(perChannel, 1), 1, inPerGroup);
    plan.bandFloats = perChannel * plan.channelBlock;
    // Filters split into equal blocks of at most maxFilters.
    const std::int64_t outPerGroup = g.output.c / g.groups;
    const std::int64_t blocks = ceilDiv(outPerGroup, maxFilters);
    plan.filterStart.push_back(0);
    for (std::int64_t b = 0; b < blocks; ++b) {
        const std::int64_t size = outPerGroup / blocks + (b < outPerGroup % blocks ? 1 : 0);
        plan.filterStart.push_back(plan.filterStart.back() + size);
    }
    return plan;
}

// Weights in the order the row kernel reads them: per group and filter block, [channel][ky,
// kx][filter]. Block b of group g starts at (g * outPerGroup + filterStart[b]) * K, K =
// C_in/groups * kh * kw.
void packWeights(const float* weights, const ConvGeometry& g, const Plan& plan,
                 std::vector<float>& packed) {
    const std::int64_t inPerGroup = g.input.c / g.groups;
    const std::int64_t outPerGroup = g.output.c / g.groups;
    const std::int64_t taps = g.kernel.h * g.kernel.w;
    const std::int64_t k = inPerGroup * taps;
    packed.resize(static_cast<std::size_t>(g.output.c * k));
    for (std::int64_t group = 0; group < g.groups; ++group) {
        for (std::size_t b = 0; b + 1 < plan.filterStart.size(); ++b) {
            const std::int64_t f0 = group * outPerGroup + plan.filterStart[b];
            const std::int64_t count = plan.filterStart[b + 1] - plan.filterStart[b];
            float* dst = packed.data() + f0 * k;
            for (std::int64_t f = 0; f < count; ++f) {
                const float* src = weights + (f0 + f) * k;
                for (std::int64_t i = 0; i < k; ++i) {
                    dst[i * count + f] = src[i];
                }
            }
        }
    }
}

// One phase row of the band: dst[j] = padded column j * s + phase of `src` (an unpadded row
// of `width`), filled as `mode` says left and right of the row and zero past the padded
// extent (the slack that whole vectors read).
void fillPhaseRow(const float* src, std::int64_t width, const ConvGeometry& g, PaddingMode mode,
                  std::int64_t phase, std::int64_t pitch, float* dst) {
    const std::int64_t s = g.stride.w;
    const std::int64_t left = g.padding.left;
    const std::int64_t paddedWidth = left + width + g.padding.right;
    // Columns [begin, end) lie inside the row.
    const std::int64_t begin = std::clamp<std::int64_t>(ceilDiv(left - phase, s), 0, pitch);
    const std::int64_t end =
        std::clamp<std::int64_t>(ceilDiv(left + width - phase, s), begin, pitch);
    auto edge = [&](std::int64_t j) {
        const std::int64_t column = j * s + phase;
        if (column >= paddedWidth) {
            return 0.0F;
        }
        const std::int64_t source = paddedSourceIndex(column - left, width, mode);
        return source < 0 ? 0.0F : src[source];
    };
    for (std::int64_t j = 0; j < begin; ++j) {
        dst[j] = edge(j);
    }
    if (end > begin) {
        const float* from = src + begin * s + phase - left;
        if (s == 1) {
            std::memcpy(dst + begin, from, static_cast<std::size_t>(end - begin) * sizeof(float));
        } else {
            for (std::int64_t j = begin; j < end; ++j) {
                dst[j] = from[(j - begin) * s];
            }
        }
    }
    for (std::int64_t j = end; j < pitch; ++j) {
        dst[j] = edge(j);
    }
}

// The band of input channels [c0, c0 + count): for each channel, each padded row of
// `paddedRows` and each phase, one phase row.
void fillBand(const Tensor& input, const ConvGeometry& g, PaddingMode mode, const Columns& columns,
              const std::vector<std::int64_t>& paddedRows, std::int64_t c0, std::int64_t count,
              float* band) {
    const Shape in = input.shape();
    const std::int64_t rowFloats = columns.rowFloats();
    const std::int64_t channelPitch = static_cast<std::int64_t>(paddedRows.size()) * rowFloats;
    for (std::int64_t c = 0; c < count; ++c) {
        const float* channel = input.channel(c0 + c);
        for (std::size_t r = 0; r < paddedRows.size(); ++r) {
            float* dst = band + c * channelPitch + static_cast<std::int64_t>(r) * rowFloats;
            const std::int64_t sourceRow =
                paddedSourceIndex(paddedRows[r] - g.padding.top, in.h, mode);
            if (sourceRow < 0) {
                std::fill(dst, dst + rowFloats, 0.0F);
                continue;
            }
            for (std::size_t p = 0; p < columns.phases.size(); ++p) {
                fillPhaseRow(channel + sourceRow * in.w, in.w, g, mode, columns.phases[p],
                             columns.pitch, dst + static_cast<std::int64_t>(p) * columns.pitch);
            }
        }
    }
}

std::vector<float>& threadBand() {
    thread_local std::vector<float> band;
    return band;
}

simd::ConvEpilogue epilogueFor(Activation activation) {
    switch (activation) {
        case Activation::Relu:
            return simd::ConvEpilogue::Relu;
        case Activation::LeakyRelu:
            return simd::ConvEpilogue::LeakyRelu;
        default:
            return simd::ConvEpilogue::None;
    }
}

}  // namespace

bool conv2dDirectAvailable() {
    return simd::convKernels() != nullptr;
}

bool conv2dDirectFuses(Activation activation) {
    return activation == Activation::Linear || activation == Activation::Relu ||
           activation == Activation::LeakyRelu;
}

DirectConvWorkspace conv2dDirectWorkspace(const ConvGeometry& geometry) {
    const simd::ConvKernels* kernels = simd::convKernels();
    const Plan plan = makePlan(geometry, kernels != nullptr ? kernels->lanes : 16,
                               kernels != nullptr ? kernels->maxFilters : 6);
    return {geometry.output.c * (geometry.input.c / geometry.groups) * geometry.kernel.h *
                geometry.kernel.w,
            plan.bandFloats};
}

void conv2dDirect(const Tensor& input, const float* weights, const float* bias,
                  const ConvGeometry& g, PaddingMode mode, DirectConvActivation activation,
                  Tensor& output, int threads, const std::atomic<bool>* cancel) {
    const simd::ConvKernels* kernels = simd::convKernels();
    const Plan plan = makePlan(g, kernels->lanes, kernels->maxFilters);
    // Kept between calls (no allocation once large enough); the workers read it through
    // `packedWeights`, since `packed` names each thread's own vector.
    thread_local std::vector<float> packed;
    packWeights(weights, g, plan, packed);
    const float* packedWeights = packed.data();

    const Shape out = g.output;
    const std::int64_t inPerGroup = g.input.c / g.groups;
    const std::int64_t outPerGroup = out.c / g.groups;
    const std::int64_t taps = g.kernel.h * g.kernel.w;
    const std::int64_t plane = out.h * out.w;
    const std::int64_t rowFloats = plan.columns.rowFloats();
    const std::int64_t tasks = g.groups * plan.tiles;
    const simd::ConvEpilogue epilogue = epilogueFor(activation.activation);

#pragma omp parallel num_threads(threads)
    {
        std::vector<float>& band = threadBand();
        band.resize(static_cast<std::size_t>(std::max(plan.bandFloats, std::int64_t{1})));
        std::vector<std::int64_t> paddedRows;
        std::vector<const float*> tapRows(static_cast<std::size_t>(taps));
#pragma omp for schedule(dynamic)
        for (std::int64_t t = 0; t < tasks; ++t) {
            const std::int64_t group = t / plan.tiles;
            const std::int64_t y0 = (t % plan.tiles) * plan.rowsPerTile;
            const std::int64_t y1 = std::min(y0 + plan.rowsPerTile, out.h);
            paddedRows.clear();
            for (std::int64_t y = y0; y < y1; ++y) {
                for (std::int64_t ky = 0; ky < g.kernel.h; ++ky) {
                    paddedRows.push_back(y * g.stride.h + ky * g.dilation.h);
                }
            }
            std::sort(paddedRows.begin(), paddedRows.end());
            paddedRows.erase(std::unique(paddedRows.begin(), paddedRows.end()), paddedRows.end());
            const std::int64_t channelPitch =
                static_cast<std::int64_t>(paddedRows.size()) * rowFloats;
            for (std::int64_t c0 = 0; c0 < inPerGroup; c0 += plan.channelBlock) {
                // A superseded request stops within a tile (OpenMP cannot break out of the loop).
                if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
                    break;
                }
                const std::int64_t channels = std::min(plan.channelBlock, inPerGroup - c0);
                const bool lastBlock = c0 + channels == inPerGroup;
                fillBand(input, g, mode, plan.columns, paddedRows, group * inPerGroup + c0,
                         channels, band.data());
                for (std::size_t b = 0; b + 1 < plan.filterStart.size(); ++b) {
                    const std::int64_t f0 = group * outPerGroup + plan.filterStart[b];
                    const std::int64_t filters = plan.filterStart[b + 1] - plan.filterStart[b];
                    simd::ConvRow row;
                    row.taps = tapRows.data();
                    row.tapCount = taps;
                    row.channels = channels;
                    row.channelPitch = channelPitch;
                    row.weights = packedWeights + f0 * inPerGroup * taps + c0 * taps * filters;
                    row.filters = filters;
                    row.outPlane = plane;
                    row.width = out.w;
                    row.bias = c0 == 0 && bias != nullptr ? bias + f0 : nullptr;
                    row.accumulate = c0 > 0;
                    row.epilogue = lastBlock ? epilogue : simd::ConvEpilogue::None;
                    row.negativeSlope = activation.negativeSlope;
                    for (std::int64_t y = y0; y < y1; ++y) {
                        for (std::int64_t ky = 0; ky < g.kernel.h; ++ky) {
                            const std::int64_t slot =
                                std::lower_bound(paddedRows.begin(), paddedRows.end(),
                                                 y * g.stride.h + ky * g.dilation.h) -
                                paddedRows.begin();
                            for (std::int64_t kx = 0; kx < g.kernel.w; ++kx) {
                                tapRows[static_cast<std::size_t>(ky * g.kernel.w + kx)] =
                                    band.data() + slot * rowFloats +
                                    plan.columns.slot[static_cast<std::size_t>(kx)] *
                                        plan.columns.pitch +
                                    plan.columns.shift[static_cast<std::size_t>(kx)];
                            }
                        }
                        row.out = output.channel(f0) + y * out.w;
                        kernels->convRow(row);
                    }
                }
            }
        }
    }
}

}  // namespace stridelab
