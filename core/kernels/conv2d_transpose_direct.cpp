#include "kernels/conv2d_transpose_direct.h"

#include "kernels/cache_size.h"
#include "kernels/pool_resize_simd.h"
#include "kernels/streamed_stores.h"
#include "kernels/transposed_phases.h"
#include "util/saturating.h"

#include <algorithm>
#include <cstring>

namespace stridelab {

namespace {

std::vector<AxisPhase> rowPhases(const TransposedConvGeometry& g) {
    return axisPhases(g.output.h, g.kernel.h, g.stride.h, g.dilation.h, g.offset.h);
}

std::vector<AxisPhase> columnPhases(const TransposedConvGeometry& g) {
    return axisPhases(g.output.w, g.kernel.w, g.stride.w, g.dilation.w, g.offset.w);
}

// Rows [j0, j1) of phase (y, x) as an ordinary convolution of the whole input into a
// (filters, j1 - j0, x.count) plane: the rows before j0 are a crop (the top padding less j0).
ConvGeometry phaseGeometry(const TransposedConvGeometry& g, const AxisPhase& y, const AxisPhase& x,
                           std::int64_t j0, std::int64_t j1) {
    return {
        g.input,
        Shape{g.output.c, j1 - j0, x.count},
        Pair{y.tapCount(), x.tapCount()},
        Pair{1, 1},
        Pair{y.step(), x.step()},
        Padding2d{y.before() - j0, y.after(g.input.h, j1), x.before(), x.after(g.input.w, x.count)},
        g.groups};
}

// Floats the planes of one task take at most: small enough to stay in L2 with the band, so
// that they are interleaved into the output from cache, never written to memory.
constexpr std::int64_t kPlaneBudget = 128 * 1024;

// A task: rows [j0, j1) of every phase, i.e. the output rows [j0 * sy, j1 * sy) (row o is row
// o / sy of the phase o % sy), written whole and in order per channel: the output is streamed
// once, front to back (a task per row phase left every other row to a later task, and the
// scattered stores cost twice as much).
struct Task {
    std::int64_t j0;
    std::int64_t j1;
};

// Tasks at least (where there are rows enough): a small map with many filters (the default
// example's 256x13x13 -> 128x26x26) fits the plane budget in one task, which left the second
// thread idle (1.79 -> 0.99 ms on two threads).
constexpr std::int64_t kMinTasks = 8;

std::vector<Task> listTasks(const TransposedConvGeometry& g, const std::vector<AxisPhase>& ys) {
    // As many rows as the planes of all phases hold within the budget (never dependent on the
    // thread count, so results are the same for any --threads).
    const std::int64_t budgetRows = std::max<std::int64_t>(
        kPlaneBudget / std::max<std::int64_t>(g.output.c * g.output.w * g.stride.h, 1), 1);
    const std::int64_t rows = std::min(
        budgetRows, std::max<std::int64_t>((ys.front().count + kMinTasks - 1) / kMinTasks, 1));
    std::vector<Task> tasks;
    for (std::int64_t j0 = 0; j0 < ys.front().count; j0 += rows) {
        tasks.push_back({j0, j0 + rows});
    }
    return tasks;
}

// The phase's taps flipped, in conv2d's layout (filters, C_in/groups, ty, tx).
std::vector<float> phaseKernel(const float* weights, const TransposedConvGeometry& g,
                               const AxisPhase& y, const AxisPhase& x) {
    const std::int64_t inPerGroup = g.input.c / g.groups;
    const std::int64_t outPerGroup = g.output.c / g.groups;
    const std::int64_t ty = y.tapCount();
    const std::int64_t tx = x.tapCount();
    std::vector<float> kernel(static_cast<std::size_t>(g.output.c * inPerGroup * ty * tx));
    for (std::int64_t f = 0; f < g.output.c; ++f) {
        const std::int64_t group = f / outPerGroup;
        for (std::int64_t c = 0; c < inPerGroup; ++c) {
            const float* src =
                weights + ((group * inPerGroup + c) * outPerGroup + f % outPerGroup) * g.kernel.h *
                              g.kernel.w;
            float* dst = kernel.data() + (f * inPerGroup + c) * ty * tx;
            for (std::int64_t a = 0; a < ty; ++a) {
                for (std::int64_t b = 0; b < tx; ++b) {
                    dst[a * tx + b] =
                        src[y.taps[static_cast<std::size_t>(ty - 1 - a)] * g.kernel.w +
                            x.taps[static_cast<std::size_t>(tx - 1 - b)]];
                }
            }
        }
    }
    return kernel;
}

// Row jy of row phase py (channel f) from the task's planes (the phases' rows from j0 on)
// into the output row `out`: every position written once; around the caches where `streaming`
// and the vector kernels interleave the row.
void writeRow(const TransposedConvGeometry& g, const TransposedDirectWeights& weights,
              const std::vector<Tensor>& planes, const std::vector<AxisPhase>& xs,
              const float* bias, std::int64_t py, std::int64_t j0, std::int64_t f, std::int64_t jy,
              float* out, bool streaming) {
    const auto phasesX = static_cast<std::int64_t>(xs.size());
    const std::int64_t sx = g.stride.w;
    auto source = [&](std::int64_t px) -> const float* {
        if (weights.phase(py, px) == nullptr) {
            return nullptr;
        }
        return planes[static_cast<std::size_t>(py * phasesX + px)].channel(f) +
               (jy - j0) * xs[static_cast<std::size_t>(px)].count;
    };
    const float b = bias != nullptr ? bias[f] : 0.0F;
    if (sx == 2 && phasesX == 2 && source(0) != nullptr && source(1) != nullptr) {
        // Even and odd outputs interleaved in one contiguous pass (strided scalar stores cost a
        // quarter of the whole run in the GEMM version). The planes already hold the bias.
        const float* evens = source(0);
        const float* odds = source(1);
        const std::int64_t pairs = g.output.w / 2;
        if (const simd::PoolResizeKernels* k = simd::poolResizeKernels()) {
            k->interleavePairs(evens, odds, pairs, out, streaming);
        } else {
            for (std::int64_t m = 0; m < pairs; ++m) {
                out[2 * m] = evens[m];
                out[2 * m + 1] = odds[m];
            }
        }
        if (g.output.w % 2 != 0) {
            out[2 * pairs] = evens[pairs];
        }
        return;
    }
    for (std::int64_t px = 0; px < phasesX; ++px) {
        const AxisPhase& x = xs[static_cast<std::size_t>(px)];
        const float* src = source(px);
        float* dst = out + x.first;
        if (src == nullptr) {
            // No tap reaches these outputs (kernel smaller than the stride): the bias alone.
            for (std::int64_t j = 0; j < x.count; ++j) {
                dst[j * sx] = b;
            }
        } else if (sx == 1) {
            std::memcpy(dst, src, static_cast<std::size_t>(x.count) * sizeof(float));
        } else {
            for (std::int64_t j = 0; j < x.count; ++j) {
                dst[j * sx] = src[j];
            }
        }
    }
}

}  // namespace

std::shared_ptr<const TransposedDirectWeights> TransposedDirectWeights::pack(
    const float* weights, const TransposedConvGeometry& g) {
    auto packed = std::make_shared<TransposedDirectWeights>();
    packed->isa_ = activeIsa();
    packed->key_ = g;
    const std::vector<AxisPhase> ys = rowPhases(g);
    const std::vector<AxisPhase> xs = columnPhases(g);
    packed->columnPhases_ = static_cast<std::int64_t>(xs.size());
    for (const AxisPhase& y : ys) {
        for (const AxisPhase& x : xs) {
            if (y.taps.empty() || x.taps.empty()) {
                packed->phases_.emplace_back();
                continue;
            }
            const std::vector<float> kernel = phaseKernel(weights, g, y, x);
            packed->phases_.push_back(
                DirectConvWeights::pack(kernel.data(), phaseGeometry(g, y, x, 0, y.count)));
        }
    }
    return packed;
}

bool TransposedDirectWeights::fits(const TransposedConvGeometry& g) const {
    const TransposedConvGeometry& k = key_;
    // The taps of each phase depend on the offset modulo the stride; which phases exist on
    // the output's extent up to the stride.
    return isa_ == activeIsa() && k.input.c == g.input.c && k.output.c == g.output.c &&
           k.kernel == g.kernel && k.stride == g.stride && k.dilation == g.dilation &&
           k.groups == g.groups &&
           floorMod(k.offset.h, k.stride.h) == floorMod(g.offset.h, g.stride.h) &&
           floorMod(k.offset.w, k.stride.w) == floorMod(g.offset.w, g.stride.w) &&
           std::min(k.stride.h, k.output.h) == std::min(g.stride.h, g.output.h) &&
           std::min(k.stride.w, k.output.w) == std::min(g.stride.w, g.output.w);
}

void conv2dTransposeDirect(const Tensor& input, const TransposedDirectWeights& weights,
                           const float* bias, const TransposedConvGeometry& g, Tensor& output,
                           int threads, const std::atomic<bool>* cancel) {
    const std::vector<AxisPhase> ys = rowPhases(g);
    const std::vector<AxisPhase> xs = columnPhases(g);
    const std::vector<Task> tasks = listTasks(g, ys);
    const auto taskCount = static_cast<std::int64_t>(tasks.size());
    const simd::PoolResizeKernels* k = simd::poolResizeKernels();
    const bool streaming = k != nullptr && streamingPays(g.output.elements() *
                                                         static_cast<std::int64_t>(sizeof(float)));
    // One parallel region for the whole call, each task computing its phases on one thread
    // (from one shared band; with groups, a conv2dDirect per phase, whose nested region is a
    // team of one): with a region per phase, a core taken by another process stretched every
    // region's barrier to a scheduler slice.
#pragma omp parallel num_threads(threads)
    {
        thread_local std::vector<Tensor> planes;
        planes.resize(ys.size() * xs.size());
        std::vector<SharedBandJob> jobs;
#pragma omp for schedule(dynamic)
        for (std::int64_t t = 0; t < taskCount; ++t) {
            // A superseded request stops within a task (OpenMP cannot break out of the loop).
            if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
                continue;
            }
            const Task& task = tasks[static_cast<std::size_t>(t)];
            jobs.clear();
            for (std::size_t py = 0; py < ys.size(); ++py) {
                const std::int64_t j1 = std::min(task.j1, ys[py].count);
                for (std::size_t px = 0; px < xs.size() && task.j0 < j1; ++px) {
                    const DirectConvWeights* packed =
                        weights.phase(static_cast<std::int64_t>(py), static_cast<std::int64_t>(px));
                    if (packed == nullptr) {
                        continue;
                    }
                    const ConvGeometry geometry = phaseGeometry(g, ys[py], xs[px], task.j0, j1);
                    Tensor& plane = planes[py * xs.size() + px];
                    if (plane.shape() != geometry.output) {
                        plane = Tensor(geometry.output);
                    }
                    jobs.push_back({packed, geometry, &plane});
                }
            }
            if (std::all_of(jobs.begin(), jobs.end(),
                            [](const SharedBandJob& job) { return sharesBand(job.geometry); })) {
                conv2dDirectSharingBand(input, jobs, bias);
            } else {
                for (const SharedBandJob& job : jobs) {
                    // The interleave below reads the phase at once.
                    conv2dDirect(input, *job.weights, bias, job.geometry, PaddingMode::Zeros, {},
                                 *job.output, 1, nullptr, DirectConvStores::Cached);
                }
            }
            const std::int64_t sy = g.stride.h;
            const std::int64_t o1 = std::min(task.j1 * sy, g.output.h);
            for (std::int64_t f = 0; f < g.output.c; ++f) {
                for (std::int64_t o = task.j0 * sy; o < o1; ++o) {
                    writeRow(g, weights, planes, xs, bias, o % sy, task.j0, f, o / sy,
                             output.channel(f) + o * g.output.w, streaming);
                }
            }
            if (streaming) {
                fenceStreamedStores();
            }
        }
    }
}

void conv2dTransposeDirect(const Tensor& input, const float* weights, const float* bias,
                           const TransposedConvGeometry& g, Tensor& output, int threads,
                           const std::atomic<bool>* cancel) {
    conv2dTransposeDirect(input, *TransposedDirectWeights::pack(weights, g), bias, g, output,
                          threads, cancel);
}

std::int64_t conv2dTransposeDirectWorkspaceFloats(const TransposedConvGeometry& g) {
    // The planes together hold each output once; the packed taps each weight once.
    return saturatingAdd(
        g.output.elements(),
        saturatingProduct(
            {g.input.c, g.output.c / std::max<std::int64_t>(g.groups, 1), g.kernel.h, g.kernel.w}));
}

}  // namespace stridelab
