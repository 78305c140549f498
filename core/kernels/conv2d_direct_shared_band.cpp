#include "kernels/conv2d_direct.h"
#include "kernels/conv2d_direct_band.h"
#include "kernels/conv2d_direct_simd.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <vector>

namespace stridelab {

namespace {

using namespace direct_band;

// The band conv2dDirectSharingBand copies: input rows [firstRow, firstRow + rows) of a block
// of channels, each row `pitch` floats holding input columns from -left on (zeros outside the
// input), enough for every job's whole vectors of outputs.
struct SharedBand {
    std::int64_t firstRow = 0;
    std::int64_t rows = 0;
    std::int64_t left = 0;
    std::int64_t pitch = 0;
    std::int64_t channelBlock = 1;
};

SharedBand sharedBandFor(const std::vector<SharedBandJob>& jobs, std::int64_t lanes) {
    SharedBand band;
    std::int64_t lastRow = std::numeric_limits<std::int64_t>::min();
    band.firstRow = std::numeric_limits<std::int64_t>::max();
    band.left = std::numeric_limits<std::int64_t>::min();
    for (const SharedBandJob& job : jobs) {
        const ConvGeometry& g = job.geometry;
        band.firstRow = std::min(band.firstRow, -g.padding.top);
        lastRow =
            std::max(lastRow, g.output.h - 1 + (g.kernel.h - 1) * g.dilation.h - g.padding.top);
        band.left = std::max(band.left, g.padding.left);
    }
    band.rows = lastRow - band.firstRow + 1;
    std::int64_t width = jobs.front().geometry.input.w + band.left;
    for (const SharedBandJob& job : jobs) {
        const ConvGeometry& g = job.geometry;
        width = std::max(width, band.left - g.padding.left + roundUp(g.output.w, lanes) +
                                    (g.kernel.w - 1) * g.dilation.w);
    }
    band.pitch = roundUp(width, kRowAlign);
    const std::int64_t channels = jobs.front().geometry.input.c;
    band.channelBlock = std::clamp<std::int64_t>(
        kBandBudget / std::max<std::int64_t>(band.rows * band.pitch, 1), 1, channels);
    return band;
}

void fillSharedBand(const Tensor& input, const SharedBand& shape, std::int64_t c0,
                    std::int64_t count, float* band) {
    const Shape in = input.shape();
    const std::int64_t copyBegin = std::clamp<std::int64_t>(shape.left, 0, shape.pitch);
    const std::int64_t copyEnd =
        std::clamp<std::int64_t>(shape.left + in.w, copyBegin, shape.pitch);
    const std::int64_t firstColumn = copyBegin - shape.left;  // of the input
    for (std::int64_t c = 0; c < count; ++c) {
        const float* channel = input.channel(c0 + c);
        for (std::int64_t r = 0; r < shape.rows; ++r) {
            float* dst = band + (c * shape.rows + r) * shape.pitch;
            const std::int64_t y = shape.firstRow + r;
            if (y < 0 || y >= in.h) {
                std::fill(dst, dst + shape.pitch, 0.0F);
                continue;
            }
            std::fill(dst, dst + copyBegin, 0.0F);
            if (copyEnd > copyBegin) {  // a crop can leave nothing of the row
                std::memcpy(dst + copyBegin, channel + y * in.w + firstColumn,
                            static_cast<std::size_t>(copyEnd - copyBegin) * sizeof(float));
            }
            std::fill(dst + copyEnd, dst + shape.pitch, 0.0F);
        }
    }
}

}  // namespace

bool sharesBand(const ConvGeometry& g) {
    return g.stride == Pair{1, 1} && g.groups == 1;
}

void conv2dDirectSharingBand(const Tensor& input, const std::vector<SharedBandJob>& jobs,
                             const float* bias) {
    if (jobs.empty()) {
        return;
    }
    const simd::ConvKernels& kernels = *simd::convKernels();
    const SharedBand shape = sharedBandFor(jobs, kernels.lanes);
    const std::int64_t channelsIn = input.shape().c;
    const std::int64_t filtersOut = jobs.front().geometry.output.c;
    const std::vector<std::int64_t> filterStart = filterBlocks(filtersOut, kernels.maxFilters);
    std::vector<float>& band = threadBand();
    band.resize(static_cast<std::size_t>(shape.channelBlock * shape.rows * shape.pitch));
    thread_local std::vector<const float*> taps;
    for (std::int64_t c0 = 0; c0 < channelsIn; c0 += shape.channelBlock) {
        const std::int64_t channels = std::min(shape.channelBlock, channelsIn - c0);
        fillSharedBand(input, shape, c0, channels, band.data());
        for (const SharedBandJob& job : jobs) {
            const ConvGeometry& g = job.geometry;
            const std::int64_t kernelTaps = g.kernel.h * g.kernel.w;
            // Padded column x of this job is band column x + columnShift.
            const std::int64_t columnShift = shape.left - g.padding.left;
            taps.resize(static_cast<std::size_t>(g.output.h * kernelTaps));
            for (std::int64_t y = 0; y < g.output.h; ++y) {
                for (std::int64_t ky = 0; ky < g.kernel.h; ++ky) {
                    const std::int64_t slot =
                        y + ky * g.dilation.h - g.padding.top - shape.firstRow;
                    for (std::int64_t kx = 0; kx < g.kernel.w; ++kx) {
                        taps[static_cast<std::size_t>(y * kernelTaps + ky * g.kernel.w + kx)] =
                            band.data() + slot * shape.pitch + columnShift + kx * g.dilation.w;
                    }
                }
            }
            for (std::size_t b = 0; b + 1 < filterStart.size(); ++b) {
                const std::int64_t f0 = filterStart[b];
                const std::int64_t filters = filterStart[b + 1] - f0;
                simd::ConvRow row;
                row.tapCount = kernelTaps;
                row.channels = channels;
                row.channelPitch = shape.rows * shape.pitch;
                row.weights =
                    job.weights->data() + f0 * channelsIn * kernelTaps + c0 * kernelTaps * filters;
                row.filters = filters;
                row.outPlane = g.output.h * g.output.w;
                row.width = g.output.w;
                row.bias = c0 == 0 && bias != nullptr ? bias + f0 : nullptr;
                row.accumulate = c0 > 0;
                for (std::int64_t y = 0; y < g.output.h; ++y) {
                    row.taps = taps.data() + y * kernelTaps;
                    row.out = job.output->channel(f0) + y * g.output.w;
                    kernels.convRow(row);
                }
            }
        }
    }
}

}  // namespace stridelab
