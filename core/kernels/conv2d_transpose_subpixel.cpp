#include "kernels/conv2d_transpose_subpixel.h"

#include "kernels/transposed_phases.h"

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

namespace stridelab {

namespace {

// A tile of output rows [j0, j1) of row phase phaseY for one group, all column phases: each
// output row is written whole by one task while it is in cache (column phases in separate
// tasks would each pull every output line in again).
struct Task {
    std::int64_t group;
    std::int64_t phaseY;
    std::int64_t j0;
    std::int64_t j1;
};

// The input with zero borders, wide and tall enough that every (phase, tap) reads whole
// output rows of the phase at a fixed offset: phase output (j, jx) of tap (a, b) is padded
// element base(a, b) + j * width + jx. The grid is `width` wide, so columns jx >= the phase's
// count are computed from whatever follows and thrown away.
struct PaddedLayout {
    std::int64_t top = 0;
    std::int64_t left = 0;
    std::int64_t height = 0;
    std::int64_t width = 0;
    [[nodiscard]] std::int64_t plane() const { return height * width; }
    // Past the last plane: the discarded columns of the last row read up to two rows further.
    [[nodiscard]] std::int64_t floats(std::int64_t channels) const {
        return channels * plane() + 2 * width;
    }
};

struct Plan {
    std::vector<AxisPhase> ys;
    std::vector<AxisPhase> xs;
    std::vector<Task> tasks;
    PaddedLayout padded;
    // Gathered sub-kernels: for phase (py, px) and group g, an (outPerGroup x K) row-major
    // block at weightOffset[py * xs.size() + px] + g * outPerGroup * K, K = taps * inPerGroup, the
    // columns ordered (tap a, tap b, channel) so each tap's weights are a column block.
    std::vector<std::int64_t> weightOffset;
    std::int64_t weightFloats = 0;
    std::int64_t scratchFloats = 0;  // the most one task needs: its GEMM result
};

// The input indices [first, last] some phase with taps reads on an axis.
std::pair<std::int64_t, std::int64_t> readRange(const std::vector<AxisPhase>& phases,
                                                std::int64_t extent) {
    std::int64_t first = 0;
    std::int64_t last = extent - 1;
    for (const AxisPhase& p : phases) {
        if (p.count == 0 || p.taps.empty()) {
            continue;
        }
        const auto [lo, hi] = std::minmax_element(p.shifts.begin(), p.shifts.end());
        first = std::min(first, p.q0 - *hi);
        last = std::max(last, p.q0 + p.count - 1 - *lo);
    }
    return {first, last};
}

// `listTasks` false: only the sizes (for the workspace estimate of shape inference, where the
// shapes may be far larger than anything ever computed).
Plan makePlan(const TransposedConvGeometry& g, bool listTasks) {
    Plan plan;
    plan.ys = axisPhases(g.output.h, g.kernel.h, g.stride.h, g.dilation.h, g.offset.h);
    plan.xs = axisPhases(g.output.w, g.kernel.w, g.stride.w, g.dilation.w, g.offset.w);
    const auto [top, bottom] = readRange(plan.ys, g.input.h);
    const auto [left, right] = readRange(plan.xs, g.input.w);
    plan.padded = {-top, -left, bottom - top + 1, right - left + 1};
    const std::int64_t inPerGroup = g.input.c / g.groups;
    const std::int64_t outPerGroup = g.output.c / g.groups;
    const auto rowPhases = static_cast<std::int64_t>(plan.ys.size());
    const auto columnPhases = static_cast<std::int64_t>(plan.xs.size());
    std::int64_t columnTaps = 0;
    std::int64_t widestColumnTaps = 0;
    for (const AxisPhase& x : plan.xs) {
        columnTaps += static_cast<std::int64_t>(x.taps.size());
        widestColumnTaps = std::max(widestColumnTaps, static_cast<std::int64_t>(x.taps.size()));
    }
    for (std::int64_t py = 0; py < rowPhases; ++py) {
        const AxisPhase& y = plan.ys[static_cast<std::size_t>(py)];
        const auto ty = static_cast<std::int64_t>(y.taps.size());
        std::int64_t offset = plan.weightFloats;
        for (std::int64_t px = 0; listTasks && px < columnPhases; ++px) {
            plan.weightOffset.push_back(offset);
            offset += g.groups * outPerGroup * inPerGroup * ty *
                      static_cast<std::int64_t>(plan.xs[static_cast<std::size_t>(px)].taps.size());
        }
        plan.weightFloats += g.groups * outPerGroup * inPerGroup * ty * columnTaps;
        // Tiles sized as if the taps were stacked into one im2col, which keeps the GEMM
        // results and Eigen's packed copies of the taps in cache.
        const GemmRowTiles tiles =
            gemmRowTiles(std::max<std::int64_t>(inPerGroup * ty * widestColumnTaps, 1), y.count,
                         plan.padded.width);
        plan.scratchFloats = std::max(
            plan.scratchFloats, columnPhases * outPerGroup * tiles.rowsPerTile * plan.padded.width);
        for (std::int64_t group = 0; listTasks && group < g.groups; ++group) {
            for (std::int64_t t = 0; t < tiles.count; ++t) {
                const std::int64_t j0 = t * tiles.rowsPerTile;
                plan.tasks.push_back({group, py, j0, std::min(j0 + tiles.rowsPerTile, y.count)});
            }
        }
    }
    return plan;
}

std::vector<float> gatherWeights(const float* weights, const TransposedConvGeometry& g,
                                 const Plan& plan) {
    const std::int64_t inPerGroup = g.input.c / g.groups;
    const std::int64_t outPerGroup = g.output.c / g.groups;
    const std::int64_t kernelTaps = g.kernel.h * g.kernel.w;
    std::vector<float> gathered(static_cast<std::size_t>(plan.weightFloats));
    const auto rowPhases = static_cast<std::int64_t>(plan.ys.size());
    const auto columnPhases = static_cast<std::int64_t>(plan.xs.size());
    for (std::int64_t py = 0; py < rowPhases; ++py) {
        const AxisPhase& y = plan.ys[static_cast<std::size_t>(py)];
        for (std::int64_t px = 0; px < columnPhases; ++px) {
            const AxisPhase& x = plan.xs[static_cast<std::size_t>(px)];
            const auto ty = static_cast<std::int64_t>(y.taps.size());
            const auto tx = static_cast<std::int64_t>(x.taps.size());
            const std::int64_t k = inPerGroup * ty * tx;
            float* dst = gathered.data() +
                         plan.weightOffset[static_cast<std::size_t>(py * columnPhases + px)];
            for (std::int64_t group = 0; group < g.groups; ++group) {
                for (std::int64_t fo = 0; fo < outPerGroup; ++fo) {
                    float* row = dst + (group * outPerGroup + fo) * k;
                    for (std::int64_t c = 0; c < inPerGroup; ++c) {
                        const float* src =
                            weights + ((group * inPerGroup + c) * outPerGroup + fo) * kernelTaps;
                        for (std::int64_t a = 0; a < ty; ++a) {
                            for (std::int64_t b = 0; b < tx; ++b) {
                                row[(a * tx + b) * inPerGroup + c] =
                                    src[y.taps[static_cast<std::size_t>(a)] * g.kernel.w +
                                        x.taps[static_cast<std::size_t>(b)]];
                            }
                        }
                    }
                }
            }
        }
    }
    return gathered;
}

// Channel c of the input into the padded layout, zeros around it.
void padChannel(const Tensor& input, const PaddedLayout& layout, std::int64_t c, float* padded) {
    const Shape in = input.shape();
    float* plane = padded + c * layout.plane();
    std::fill(plane, plane + layout.plane(), 0.0F);
    const float* src = input.channel(c);
    for (std::int64_t y = 0; y < in.h; ++y) {
        std::copy(src + y * in.w, src + (y + 1) * in.w,
                  plane + (y + layout.top) * layout.width + layout.left);
    }
}

void runTask(const float* padded, const float* gathered, const float* bias,
             const TransposedConvGeometry& g, const Plan& plan, const Task& task, Tensor& output,
             std::vector<float>& scratch) {
    const AxisPhase& y = plan.ys[static_cast<std::size_t>(task.phaseY)];
    const PaddedLayout& layout = plan.padded;
    const std::int64_t inPerGroup = g.input.c / g.groups;
    const std::int64_t outPerGroup = g.output.c / g.groups;
    const std::int64_t pitch = layout.width;
    const std::int64_t cols = (task.j1 - task.j0) * pitch;
    const std::int64_t sy = g.stride.h;
    const std::int64_t sx = g.stride.w;
    const auto ty = static_cast<std::int64_t>(y.taps.size());
    const auto columnPhases = static_cast<std::int64_t>(plan.xs.size());
    scratch.resize(static_cast<std::size_t>(columnPhases * outPerGroup * cols));
    const float* groupInput = padded + task.group * inPerGroup * layout.plane();
    // Column phase px: one GEMM per tap, each reading the padded input in place (no im2col),
    // into result block px.
    for (std::int64_t px = 0; px < columnPhases; ++px) {
        const AxisPhase& x = plan.xs[static_cast<std::size_t>(px)];
        const auto tx = static_cast<std::int64_t>(x.taps.size());
        const std::int64_t k = inPerGroup * ty * tx;
        if (x.count == 0 || k == 0) {
            continue;
        }
        float* result = scratch.data() + px * outPerGroup * cols;
        const float* w =
            gathered +
            plan.weightOffset[static_cast<std::size_t>(task.phaseY * columnPhases + px)] +
            task.group * outPerGroup * k;
        for (std::int64_t a = 0; a < ty; ++a) {
            const std::int64_t row0 = y.q0 + task.j0 - y.shifts[static_cast<std::size_t>(a)];
            for (std::int64_t b = 0; b < tx; ++b) {
                const std::int64_t col0 = x.q0 - x.shifts[static_cast<std::size_t>(b)];
                const float* taps = groupInput + (row0 + layout.top) * pitch + (col0 + layout.left);
                const std::int64_t t = a * tx + b;
                gemmRowMajor({w + t * inPerGroup, k}, {taps, layout.plane()}, outPerGroup,
                             inPerGroup, cols, result, cols, t > 0);
            }
        }
    }
    // Every output position belongs to exactly one phase: written, never accumulated. A
    // column phase with no tap (kernel smaller than the stride) gets only the bias.
    auto phaseRow = [&](std::int64_t px, std::int64_t f, std::int64_t jy) -> const float* {
        const AxisPhase& x = plan.xs[static_cast<std::size_t>(px)];
        if (ty == 0 || x.taps.empty()) {
            return nullptr;
        }
        return scratch.data() + (px * outPerGroup + f) * cols + (jy - task.j0) * pitch;
    };
    // Stride 2 with both column phases computed: the even and odd outputs interleaved in one
    // contiguous, vectorised pass (strided scalar stores cost a quarter of the whole run).
    // (Phases are indexed by their first output: phase 0 holds the even outputs.)
    const bool interleave = sx == 2 && columnPhases == 2 && ty > 0 && !plan.xs[0].taps.empty() &&
                            !plan.xs[1].taps.empty();
    for (std::int64_t f = 0; f < outPerGroup; ++f) {
        const float b = bias != nullptr ? bias[task.group * outPerGroup + f] : 0.0F;
        float* outChannel = output.channel(task.group * outPerGroup + f);
        for (std::int64_t jy = task.j0; jy < task.j1; ++jy) {
            float* outRow = outChannel + (y.first + jy * sy) * g.output.w;
            if (interleave) {
                const float* __restrict evens = phaseRow(0, f, jy);
                const float* __restrict odds = phaseRow(1, f, jy);
                float* __restrict row = outRow;
                const std::int64_t pairs = g.output.w / 2;
                for (std::int64_t m = 0; m < pairs; ++m) {
                    row[2 * m] = evens[m] + b;
                    row[2 * m + 1] = odds[m] + b;
                }
                if (g.output.w % 2 != 0) {
                    row[2 * pairs] = evens[pairs] + b;
                }
                continue;
            }
            for (std::int64_t px = 0; px < columnPhases; ++px) {
                const AxisPhase& x = plan.xs[static_cast<std::size_t>(px)];
                float* row = outRow + x.first;
                const std::int64_t nx = x.count;
                const float* src = phaseRow(px, f, jy);
                if (src == nullptr) {
                    for (std::int64_t jx = 0; jx < nx; ++jx) {
                        row[jx * sx] = b;
                    }
                } else if (sx == 1) {
                    for (std::int64_t jx = 0; jx < nx; ++jx) {
                        row[jx] = src[jx] + b;
                    }
                } else {
                    for (std::int64_t jx = 0; jx < nx; ++jx) {
                        row[jx * sx] = src[jx] + b;
                    }
                }
            }
        }
    }
}

}  // namespace

void conv2dTransposeSubpixel(const Tensor& input, const float* weights, const float* bias,
                             const TransposedConvGeometry& g, Tensor& output, int threads,
                             const std::atomic<bool>* cancel) {
    const Plan plan = makePlan(g, true);
    const std::vector<float> gathered = gatherWeights(weights, g, plan);
    // Not value-initialised: padChannel writes every plane (in parallel, so the first touch of
    // the pages is spread over the threads too); only the slack after them is zeroed here.
    const std::int64_t planes = g.input.c * plan.padded.plane();
    const std::unique_ptr<float[]> padded(
        new float[static_cast<std::size_t>(plan.padded.floats(g.input.c))]);
    std::fill(padded.get() + planes, padded.get() + plan.padded.floats(g.input.c), 0.0F);
    const auto tasks = static_cast<std::int64_t>(plan.tasks.size());
#pragma omp parallel num_threads(threads)
    {
#pragma omp for schedule(static)
        for (std::int64_t c = 0; c < g.input.c; ++c) {
            padChannel(input, plan.padded, c, padded.get());
        }
        std::vector<float> scratch;
#pragma omp for schedule(dynamic)
        for (std::int64_t t = 0; t < tasks; ++t) {
            // A superseded request stops within a tile (OpenMP cannot break out of the loop).
            if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
                continue;
            }
            runTask(padded.get(), gathered.data(), bias, g, plan,
                    plan.tasks[static_cast<std::size_t>(t)], output, scratch);
        }
    }
}

SubpixelWorkspace conv2dTransposeSubpixelWorkspace(const TransposedConvGeometry& geometry) {
    const Plan plan = makePlan(geometry, false);
    return {plan.weightFloats + plan.padded.floats(geometry.input.c), plan.scratchFloats};
}

}  // namespace stridelab
