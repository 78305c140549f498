#include "kernels/conv2d_direct.h"

#include "kernels/cache_size.h"
#include "kernels/conv2d_direct_band.h"
#include "kernels/conv2d_direct_simd.h"
#include "kernels/streamed_stores.h"

#include <omp.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace stridelab {

namespace {

using namespace direct_band;

// Row tiles: at least this many when the output is that tall, and an even count, so that
// two threads get equal shares (the tiling never depends on the thread count).
constexpr std::int64_t kMinTiles = 16;

// The column phases of the stride: output x of tap kx reads padded column
// x * s + kx * d = (x + shift) * s + phase, so phase row `slot[kx]` of the band holds the
// padded columns phase, phase + s, ... and the tap reads it from `shift[kx]` on. Only the
// phases some tap reads exist (at most kw, however large the stride).
// Where a phase row's positions come from: [0, begin) left padding, [begin, end) the input
// row, [end, padded) right padding, [padded, pitch) slack.
struct PhaseSpan {
    std::int64_t begin = 0;
    std::int64_t end = 0;
    std::int64_t padded = 0;
};

struct Columns {
    std::vector<std::int64_t> phases;
    std::vector<std::int64_t> slot;   // per kx
    std::vector<std::int64_t> shift;  // per kx
    std::int64_t pitch = 0;           // floats a phase row, slack for whole vectors included
    // Per phase, the same for every band row: worked out once per call (it took five integer
    // divisions per row and phase).
    std::vector<PhaseSpan> spans;
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
    // Whole vectors of outputs read up to the width rounded up plus the largest shift; the
    // stride-2 split writes every input column, up to position (w - 1 + left) / 2.
    c.pitch = roundUp(std::max(roundUp(g.output.w, lanes) + maxShift,
                               ceilDiv(g.input.w + g.padding.left, g.stride.w)),
                      kRowAlign);
    // The band row position j of phase p holds padded column j * s + p.
    const std::int64_t s = g.stride.w;
    const std::int64_t left = g.padding.left;
    const std::int64_t width = g.input.w;
    for (const std::int64_t phase : c.phases) {
        PhaseSpan span;
        span.begin = std::clamp<std::int64_t>(ceilDiv(left - phase, s), 0, c.pitch);
        span.end = std::clamp<std::int64_t>(ceilDiv(left + width - phase, s), span.begin, c.pitch);
        span.padded = std::clamp<std::int64_t>(ceilDiv(left + width + g.padding.right - phase, s),
                                               span.end, c.pitch);
        c.spans.push_back(span);
    }
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
    plan.filterStart = filterBlocks(g.output.c / g.groups, maxFilters);
    return plan;
}

// Weights in the order the row kernel reads them: per group and filter block, [channel][ky,
// kx][filter]. Block b of group g starts at (g * outPerGroup + filterStart[b]) * K, K =
// C_in/groups * kh * kw.
void packWeights(const float* weights, const ConvGeometry& g,
                 const std::vector<std::int64_t>& filterStart, std::vector<float>& packed) {
    const std::int64_t inPerGroup = g.input.c / g.groups;
    const std::int64_t outPerGroup = g.output.c / g.groups;
    const std::int64_t taps = g.kernel.h * g.kernel.w;
    const std::int64_t k = inPerGroup * taps;
    packed.resize(static_cast<std::size_t>(g.output.c * k));
    for (std::int64_t group = 0; group < g.groups; ++group) {
        for (std::size_t b = 0; b + 1 < filterStart.size(); ++b) {
            const std::int64_t f0 = group * outPerGroup + filterStart[b];
            const std::int64_t count = filterStart[b + 1] - filterStart[b];
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

// The rest of a phase row: the padding columns filled as `mode` says, zero past the padded
// extent (the slack that whole vectors read).
void fillPhaseEdges(const float* src, std::int64_t width, const ConvGeometry& g, PaddingMode mode,
                    std::int64_t phase, const PhaseSpan& span, std::int64_t pitch, float* dst) {
    const std::int64_t s = g.stride.w;
    const std::int64_t left = g.padding.left;
    if (mode == PaddingMode::Zeros) {
        std::fill(dst, dst + span.begin, 0.0F);
        std::fill(dst + span.end, dst + pitch, 0.0F);
        return;
    }
    for (std::int64_t j = 0; j < span.begin; ++j) {
        dst[j] = src[paddedSourceIndex(j * s + phase - left, width, mode)];
    }
    for (std::int64_t j = span.end; j < span.padded; ++j) {
        dst[j] = src[paddedSourceIndex(j * s + phase - left, width, mode)];
    }
    std::fill(dst + span.padded, dst + pitch, 0.0F);
}

// One padded input row into its phase rows (row r of the band).
void fillBandRow(const float* src, std::int64_t width, const ConvGeometry& g, PaddingMode mode,
                 const Columns& columns, const simd::ConvKernels& kernels, float* dst) {
    const std::int64_t s = g.stride.w;
    const std::int64_t left = g.padding.left;
    const auto phases = static_cast<std::int64_t>(columns.phases.size());
    for (std::int64_t p = 0; p < phases; ++p) {
        const auto i = static_cast<std::size_t>(p);
        fillPhaseEdges(src, width, g, mode, columns.phases[i], columns.spans[i], columns.pitch,
                       dst + p * columns.pitch);
    }
    if (s == 2 && phases == 2) {
        // Source column i is padded column i + left: phase (i + left) % 2, position
        // (i + left) / 2. Even i go to phase left % 2.
        const std::int64_t evenPhase = left % 2;
        float* even = dst + (columns.phases[0] == evenPhase ? 0 : columns.pitch);
        float* odd = dst + (columns.phases[0] == evenPhase ? columns.pitch : 0);
        even += left / 2;
        odd += (left + 1) / 2;
        kernels.splitPhases2(src, width / 2, even, odd);
        if (width % 2 == 1) {
            even[width / 2] = src[width - 1];
        }
        return;
    }
    for (std::int64_t p = 0; p < phases; ++p) {
        const std::int64_t phase = columns.phases[static_cast<std::size_t>(p)];
        const PhaseSpan& span = columns.spans[static_cast<std::size_t>(p)];
        const std::int64_t begin = span.begin;
        const std::int64_t end = span.end;
        if (end <= begin) {
            continue;
        }
        const float* from = src + begin * s + phase - left;
        float* to = dst + p * columns.pitch;
        if (s == 1) {
            std::memcpy(to + begin, from, static_cast<std::size_t>(end - begin) * sizeof(float));
        } else {
            for (std::int64_t j = begin; j < end; ++j) {
                to[j] = from[(j - begin) * s];
            }
        }
    }
}

// The band of input channels [c0, c0 + count): for each channel, each padded row of
// `paddedRows` and each phase, one phase row.
// Asks for the cache lines of the input rows a band reads from one channel.
void prefetchRows(const float* channel, const Shape& in, std::int64_t top,
                  const std::vector<std::int64_t>& paddedRows) {
    constexpr std::int64_t kLineFloats = 16;
    for (const std::int64_t paddedRow : paddedRows) {
        const std::int64_t y = paddedRow - top;
        if (y >= 0 && y < in.h) {
            for (std::int64_t x = 0; x < in.w; x += kLineFloats) {
                __builtin_prefetch(channel + y * in.w + x);
            }
        }
    }
}

void fillBand(const Tensor& input, const ConvGeometry& g, PaddingMode mode, const Columns& columns,
              const simd::ConvKernels& kernels, const std::vector<std::int64_t>& paddedRows,
              std::int64_t c0, std::int64_t count, float* band) {
    const Shape in = input.shape();
    const std::int64_t rowFloats = columns.rowFloats();
    const std::int64_t channelPitch = static_cast<std::int64_t>(paddedRows.size()) * rowFloats;
    for (std::int64_t c = 0; c < count; ++c) {
        const float* channel = input.channel(c0 + c);
        // The next channel's rows are requested while this one is copied: the rows of one
        // channel are short runs far apart (a plane each), which the hardware prefetcher
        // alone starts on too late (W2: copy 0.9 -> 0.4 ms with other work in L3).
        if (c + 1 < count) {
            prefetchRows(input.channel(c0 + c + 1), in, g.padding.top, paddedRows);
        }
        for (std::size_t r = 0; r < paddedRows.size(); ++r) {
            float* dst = band + c * channelPitch + static_cast<std::int64_t>(r) * rowFloats;
            const std::int64_t sourceRow =
                paddedSourceIndex(paddedRows[r] - g.padding.top, in.h, mode);
            if (sourceRow < 0) {
                std::fill(dst, dst + rowFloats, 0.0F);
            } else {
                fillBandRow(channel + sourceRow * in.w, in.w, g, mode, columns, kernels, dst);
            }
        }
    }
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

struct Call {
    const Tensor& input;
    const ConvGeometry& g;
    PaddingMode mode;
    const Plan& plan;
    const simd::ConvKernels& kernels;
    const float* packed;
    const float* bias;
    simd::ConvEpilogue epilogue;
    float negativeSlope;
    Tensor& output;
    bool stream;  // the output's whole vectors around the caches
};

// The input lines of a task that runs later on this thread, handed to the row kernel a few at
// a time: it requests them into L2 between its FMAs while the current task computes, so that
// the later band copy finds them there instead of waiting for L3 or memory. (Issued here in
// bursts between row calls they stalled on the miss buffers: 15 % of W10's 16->32 s2.)
class LaterTaskPrefetch {
public:
    LaterTaskPrefetch() = default;
    LaterTaskPrefetch(const Tensor& input, const ConvGeometry& g, std::int64_t group,
                      std::int64_t y0, std::int64_t y1, std::int64_t channels)
        : input_(&input) {
        const std::int64_t inPerGroup = g.input.c / g.groups;
        c_ = group * inPerGroup;
        c1_ = c_ + std::min(channels, inPerGroup);
        // Rows [r0, r1) of a channel are one run of (r1 - r0) * W floats.
        const std::int64_t r0 =
            std::clamp<std::int64_t>(y0 * g.stride.h - g.padding.top, 0, g.input.h);
        const std::int64_t r1 = std::clamp<std::int64_t>(
            (y1 - 1) * g.stride.h + (g.kernel.h - 1) * g.dilation.h + 1 - g.padding.top, r0,
            g.input.h);
        start_ = r0 * g.input.w;
        runLines_ = ceilDiv((r1 - r0) * g.input.w, kLine);
    }
    // All lines spread over `calls` row calls.
    void plan(std::int64_t calls) {
        perCall_ = ceilDiv((c1_ - c_) * runLines_, std::max<std::int64_t>(calls, 1));
    }
    // The next lines for one row call (within one channel's run).
    void next(simd::ConvRow& row) {
        row.prefetch = nullptr;
        row.prefetchLines = 0;
        if (input_ == nullptr || c_ >= c1_ || runLines_ == 0) {
            return;
        }
        row.prefetch = input_->channel(c_) + start_ + line_ * kLine;
        row.prefetchLines = std::min(perCall_, runLines_ - line_);
        line_ += row.prefetchLines;
        if (line_ == runLines_) {
            line_ = 0;
            ++c_;
        }
    }

private:
    static constexpr std::int64_t kLine = 16;  // floats a cache line
    const Tensor* input_ = nullptr;
    std::int64_t c_ = 0, c1_ = 0;
    std::int64_t start_ = 0, runLines_ = 0, line_ = 0;
    std::int64_t perCall_ = 0;
};

// One task: output rows [y0, y1) of `group`, every filter. `paddedRows` and `taps` are the
// thread's scratch.
void runTask(const Call& call, std::int64_t group, std::int64_t y0, std::int64_t y1, float* band,
             std::vector<std::int64_t>& paddedRows, std::vector<const float*>& taps,
             LaterTaskPrefetch& later, const std::atomic<bool>* cancel) {
    const ConvGeometry& g = call.g;
    const Plan& plan = call.plan;
    const Shape out = g.output;
    const std::int64_t inPerGroup = g.input.c / g.groups;
    const std::int64_t outPerGroup = out.c / g.groups;
    const std::int64_t kernelTaps = g.kernel.h * g.kernel.w;
    const std::int64_t rowFloats = plan.columns.rowFloats();
    // The padded rows the tile reads, each once (rows of stride 1 are shared by kernel rows).
    paddedRows.clear();
    for (std::int64_t y = y0; y < y1; ++y) {
        for (std::int64_t ky = 0; ky < g.kernel.h; ++ky) {
            paddedRows.push_back(y * g.stride.h + ky * g.dilation.h);
        }
    }
    std::sort(paddedRows.begin(), paddedRows.end());
    paddedRows.erase(std::unique(paddedRows.begin(), paddedRows.end()), paddedRows.end());
    const std::int64_t channelPitch = static_cast<std::int64_t>(paddedRows.size()) * rowFloats;
    for (std::int64_t c0 = 0; c0 < inPerGroup; c0 += plan.channelBlock) {
        // A superseded request stops within a tile (OpenMP cannot break out of the loop).
        if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
            return;
        }
        const std::int64_t channels = std::min(plan.channelBlock, inPerGroup - c0);
        fillBand(call.input, g, call.mode, plan.columns, call.kernels, paddedRows,
                 group * inPerGroup + c0, channels, band);
        later.plan(static_cast<std::int64_t>(plan.filterStart.size() - 1) * (y1 - y0));
        // Where each output row's taps read in the band, for every filter block.
        taps.resize(static_cast<std::size_t>((y1 - y0) * kernelTaps));
        for (std::int64_t y = y0; y < y1; ++y) {
            for (std::int64_t ky = 0; ky < g.kernel.h; ++ky) {
                const std::int64_t slot = std::lower_bound(paddedRows.begin(), paddedRows.end(),
                                                           y * g.stride.h + ky * g.dilation.h) -
                                          paddedRows.begin();
                for (std::int64_t kx = 0; kx < g.kernel.w; ++kx) {
                    const auto k = static_cast<std::size_t>(kx);
                    taps[static_cast<std::size_t>((y - y0) * kernelTaps + ky * g.kernel.w + kx)] =
                        band + slot * rowFloats + plan.columns.slot[k] * plan.columns.pitch +
                        plan.columns.shift[k];
                }
            }
        }
        for (std::size_t b = 0; b + 1 < plan.filterStart.size(); ++b) {
            const std::int64_t f0 = group * outPerGroup + plan.filterStart[b];
            const std::int64_t filters = plan.filterStart[b + 1] - plan.filterStart[b];
            simd::ConvRow row;
            row.tapCount = kernelTaps;
            row.channels = channels;
            row.channelPitch = channelPitch;
            row.weights = call.packed + f0 * inPerGroup * kernelTaps + c0 * kernelTaps * filters;
            row.filters = filters;
            row.outPlane = out.h * out.w;
            row.width = out.w;
            row.bias = c0 == 0 && call.bias != nullptr ? call.bias + f0 : nullptr;
            row.accumulate = c0 > 0;
            row.epilogue = c0 + channels == inPerGroup ? call.epilogue : simd::ConvEpilogue::None;
            row.negativeSlope = call.negativeSlope;
            row.stream = call.stream;
            for (std::int64_t y = y0; y < y1; ++y) {
                row.taps = taps.data() + (y - y0) * kernelTaps;
                row.out = call.output.channel(f0) + y * out.w;
                later.next(row);
                call.kernels.convRow(row);
            }
        }
    }
}

// Streamed stores need every row on a vector boundary (_mm512_stream_ps faults otherwise) and
// the final sums in one pass: a later block of input channels would read the lines back.
bool streamsWith(const Tensor& output, const ConvGeometry& g, const Plan& plan, std::int64_t lanes,
                 DirectConvStores stores) {
    const auto vectorBytes = static_cast<std::uintptr_t>(lanes) * sizeof(float);
    const bool rowsOnVectors = g.output.w % lanes == 0 &&
                               reinterpret_cast<std::uintptr_t>(output.data()) % vectorBytes == 0;
    const bool onePass = plan.channelBlock == g.input.c / g.groups;
    switch (stores) {
        case DirectConvStores::Cached:
            return false;
        case DirectConvStores::Streamed:
            return rowsOnVectors && onePass;
        case DirectConvStores::BySize:
            return rowsOnVectors && onePass &&
                   outgrowsLastLevelCache(g.output.elements() *
                                          static_cast<std::int64_t>(sizeof(float)));
    }
    return false;
}

}  // namespace

bool conv2dDirectStreams(const Tensor& output, const ConvGeometry& geometry,
                         DirectConvStores stores) {
    const simd::ConvKernels& kernels = *simd::convKernels();
    return streamsWith(output, geometry, makePlan(geometry, kernels.lanes, kernels.maxFilters),
                       kernels.lanes, stores);
}

bool conv2dDirectAvailable() {
    return simd::convKernels() != nullptr;
}

bool conv2dDirectFuses(Activation activation) {
    return activation == Activation::Linear || activation == Activation::Relu ||
           activation == Activation::LeakyRelu;
}

std::shared_ptr<const DirectConvWeights> DirectConvWeights::pack(const float* weights,
                                                                 const ConvGeometry& g) {
    const simd::ConvKernels& kernels = *simd::convKernels();
    auto packed = std::make_shared<DirectConvWeights>();
    packed->isa_ = activeIsa();
    packed->filters_ = g.output.c;
    packed->inPerGroup_ = g.input.c / g.groups;
    packed->groups_ = g.groups;
    packed->kernel_ = g.kernel;
    packWeights(weights, g, filterBlocks(g.output.c / g.groups, kernels.maxFilters),
                packed->values_);
    return packed;
}

bool DirectConvWeights::fits(const ConvGeometry& g) const {
    return isa_ == activeIsa() && filters_ == g.output.c && groups_ == g.groups &&
           inPerGroup_ == g.input.c / g.groups && kernel_ == g.kernel;
}

void conv2dDirect(const Tensor& input, const DirectConvWeights& weights, const float* bias,
                  const ConvGeometry& g, PaddingMode mode, DirectConvActivation activation,
                  Tensor& output, int threads, const std::atomic<bool>* cancel,
                  DirectConvStores stores) {
    const simd::ConvKernels& kernels = *simd::convKernels();
    const Plan plan = makePlan(g, kernels.lanes, kernels.maxFilters);
    const Call call{input,
                    g,
                    mode,
                    plan,
                    kernels,
                    weights.data(),
                    bias,
                    epilogueFor(activation.activation),
                    activation.negativeSlope,
                    output,
                    streamsWith(output, g, plan, kernels.lanes, stores)};
    const std::int64_t tasks = g.groups * plan.tiles;
#pragma omp parallel num_threads(threads)
    {
        std::vector<float>& band = threadBand();
        band.resize(static_cast<std::size_t>(plan.bandFloats));
        std::vector<std::int64_t> paddedRows;
        std::vector<const float*> taps;
        const std::int64_t team = omp_get_num_threads();
#pragma omp for schedule(dynamic)
        for (std::int64_t t = 0; t < tasks; ++t) {
            // With tasks handed out in turn, this thread's next one is most likely t + team.
            LaterTaskPrefetch later;
            if (const std::int64_t next = t + team; next < tasks) {
                const std::int64_t ny0 = (next % plan.tiles) * plan.rowsPerTile;
                later = LaterTaskPrefetch(input, g, next / plan.tiles, ny0,
                                          std::min(ny0 + plan.rowsPerTile, g.output.h),
                                          plan.channelBlock);
            }
            const std::int64_t y0 = (t % plan.tiles) * plan.rowsPerTile;
            runTask(call, t / plan.tiles, y0, std::min(y0 + plan.rowsPerTile, g.output.h),
                    band.data(), paddedRows, taps, later, cancel);
            if (call.stream) {
                fenceStreamedStores();
            }
        }
    }
}

void conv2dDirect(const Tensor& input, const float* weights, const float* bias,
                  const ConvGeometry& g, PaddingMode mode, DirectConvActivation activation,
                  Tensor& output, int threads, const std::atomic<bool>* cancel,
                  DirectConvStores stores) {
    conv2dDirect(input, *DirectConvWeights::pack(weights, g), bias, g, mode, activation, output,
                 threads, cancel, stores);
}

}  // namespace stridelab
