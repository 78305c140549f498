#include "kernels/conv2d_transpose_subpixel.h"

#include <algorithm>
#include <vector>

namespace stridelab {

namespace {

// One residue r of an axis: the outputs o = first + j * stride (j < count) whose full position
// o + offset is congruent to r, and the taps k with k * dilation congruent to r. Full position
// (q0 + j) * stride + r receives tap k from input index q0 + j - shift, shift = (k*d - r) / s.
struct AxisPhase {
    std::int64_t first = 0;
    std::int64_t count = 0;
    std::int64_t q0 = 0;
    std::vector<std::int64_t> taps;
    std::vector<std::int64_t> shifts;
};

std::int64_t floorMod(std::int64_t a, std::int64_t m) {
    return ((a % m) + m) % m;
}

std::vector<AxisPhase> axisPhases(std::int64_t out, std::int64_t kernel, std::int64_t stride,
                                  std::int64_t dilation, std::int64_t offset) {
    std::vector<AxisPhase> phases(static_cast<std::size_t>(stride));
    for (std::int64_t r = 0; r < stride; ++r) {
        AxisPhase& p = phases[static_cast<std::size_t>(r)];
        p.first = floorMod(r - offset, stride);
        p.count = p.first < out ? (out - p.first + stride - 1) / stride : 0;
        p.q0 = (p.first + offset - r) / stride;  // exact: first + offset = r (mod stride)
        for (std::int64_t k = 0; k < kernel; ++k) {
            if ((k * dilation) % stride == r) {
                p.taps.push_back(k);
                p.shifts.push_back((k * dilation - r) / stride);
            }
        }
    }
    return phases;
}

// A tile of one phase's output rows [j0, j1) for one group.
struct Task {
    std::int64_t group;
    std::int64_t phaseY;
    std::int64_t phaseX;
    std::int64_t j0;
    std::int64_t j1;
};

struct Plan {
    std::vector<AxisPhase> ys;
    std::vector<AxisPhase> xs;
    std::vector<Task> tasks;
    // Gathered sub-kernels: for phase (py, px) and group g, an (outPerGroup x K) row-major
    // block at weightOffset[py * sw + px] + g * outPerGroup * K, K = inPerGroup * ty * tx.
    std::vector<std::int64_t> weightOffset;
    std::int64_t weightFloats = 0;
    std::int64_t scratchFloats = 0;  // the most one task needs: columns and GEMM result
};

// `listTasks` false: only the sizes (for the workspace estimate of shape inference, where the
// shapes may be far larger than anything ever computed).
Plan makePlan(const TransposedConvGeometry& g, bool listTasks) {
    Plan plan;
    plan.ys = axisPhases(g.output.h, g.kernel.h, g.stride.h, g.dilation.h, g.offset.h);
    plan.xs = axisPhases(g.output.w, g.kernel.w, g.stride.w, g.dilation.w, g.offset.w);
    const std::int64_t inPerGroup = g.input.c / g.groups;
    const std::int64_t outPerGroup = g.output.c / g.groups;
    const bool direct = g.stride.h == 1 && g.stride.w == 1;
    for (std::int64_t py = 0; py < g.stride.h; ++py) {
        const AxisPhase& y = plan.ys[static_cast<std::size_t>(py)];
        for (std::int64_t px = 0; px < g.stride.w; ++px) {
            const AxisPhase& x = plan.xs[static_cast<std::size_t>(px)];
            const auto taps = static_cast<std::int64_t>(y.taps.size() * x.taps.size());
            const std::int64_t k = inPerGroup * taps;
            plan.weightOffset.push_back(plan.weightFloats);
            plan.weightFloats += g.groups * outPerGroup * k;
            if (y.count == 0 || x.count == 0) {
                continue;
            }
            const GemmRowTiles tiles = gemmRowTiles(std::max<std::int64_t>(k, 1), y.count, x.count);
            const std::int64_t cols = tiles.rowsPerTile * x.count;
            plan.scratchFloats =
                std::max(plan.scratchFloats, k * cols + (direct ? 0 : outPerGroup * cols));
            for (std::int64_t group = 0; listTasks && group < g.groups; ++group) {
                for (std::int64_t t = 0; t < tiles.count; ++t) {
                    const std::int64_t j0 = t * tiles.rowsPerTile;
                    plan.tasks.push_back(
                        {group, py, px, j0, std::min(j0 + tiles.rowsPerTile, y.count)});
                }
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
    for (std::int64_t py = 0; py < g.stride.h; ++py) {
        const AxisPhase& y = plan.ys[static_cast<std::size_t>(py)];
        for (std::int64_t px = 0; px < g.stride.w; ++px) {
            const AxisPhase& x = plan.xs[static_cast<std::size_t>(px)];
            const auto ty = static_cast<std::int64_t>(y.taps.size());
            const auto tx = static_cast<std::int64_t>(x.taps.size());
            const std::int64_t k = inPerGroup * ty * tx;
            float* dst =
                gathered.data() + plan.weightOffset[static_cast<std::size_t>(py * g.stride.w + px)];
            for (std::int64_t group = 0; group < g.groups; ++group) {
                for (std::int64_t fo = 0; fo < outPerGroup; ++fo) {
                    for (std::int64_t c = 0; c < inPerGroup; ++c) {
                        const float* src =
                            weights + ((group * inPerGroup + c) * outPerGroup + fo) * kernelTaps;
                        float* row = dst + (group * outPerGroup + fo) * k + c * ty * tx;
                        for (std::int64_t a = 0; a < ty; ++a) {
                            for (std::int64_t b = 0; b < tx; ++b) {
                                row[a * tx + b] =
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

// Row (c, a, b) of the tile's columns: input channel c shifted by tap a's and b's shifts,
// zero where the shifted position falls outside the input.
void im2colPhase(const Tensor& input, const TransposedConvGeometry& g, const AxisPhase& y,
                 const AxisPhase& x, const Task& task, float* columns) {
    const Shape in = g.input;
    const std::int64_t inPerGroup = in.c / g.groups;
    const auto ty = static_cast<std::int64_t>(y.taps.size());
    const auto tx = static_cast<std::int64_t>(x.taps.size());
    const std::int64_t nx = x.count;
    const std::int64_t cols = (task.j1 - task.j0) * nx;
    for (std::int64_t c = 0; c < inPerGroup; ++c) {
        const float* src = input.channel(task.group * inPerGroup + c);
        for (std::int64_t a = 0; a < ty; ++a) {
            for (std::int64_t b = 0; b < tx; ++b) {
                float* dst = columns + ((c * ty + a) * tx + b) * cols;
                const std::int64_t dx = x.q0 - x.shifts[static_cast<std::size_t>(b)];
                // Columns jx in [lo, hi) read input column jx + dx.
                const std::int64_t lo = std::clamp<std::int64_t>(-dx, 0, nx);
                const std::int64_t hi = std::clamp<std::int64_t>(in.w - dx, lo, nx);
                for (std::int64_t jy = task.j0; jy < task.j1; ++jy) {
                    float* row = dst + (jy - task.j0) * nx;
                    const std::int64_t iy = y.q0 + jy - y.shifts[static_cast<std::size_t>(a)];
                    if (iy < 0 || iy >= in.h || lo == hi) {
                        std::fill(row, row + nx, 0.0F);
                        continue;
                    }
                    const float* srcRow = src + iy * in.w + dx;
                    std::fill(row, row + lo, 0.0F);
                    std::copy(srcRow + lo, srcRow + hi, row + lo);
                    std::fill(row + hi, row + nx, 0.0F);
                }
            }
        }
    }
}

void runTask(const Tensor& input, const float* gathered, const float* bias,
             const TransposedConvGeometry& g, const Plan& plan, const Task& task, Tensor& output,
             std::vector<float>& scratch) {
    const AxisPhase& y = plan.ys[static_cast<std::size_t>(task.phaseY)];
    const AxisPhase& x = plan.xs[static_cast<std::size_t>(task.phaseX)];
    const std::int64_t inPerGroup = g.input.c / g.groups;
    const std::int64_t outPerGroup = g.output.c / g.groups;
    const std::int64_t k = inPerGroup * static_cast<std::int64_t>(y.taps.size() * x.taps.size());
    const std::int64_t nx = x.count;
    const std::int64_t cols = (task.j1 - task.j0) * nx;
    const std::int64_t plane = g.output.h * g.output.w;
    const std::int64_t sy = g.stride.h;
    const std::int64_t sx = g.stride.w;
    float* outGroup = output.channel(task.group * outPerGroup);
    const float* biasGroup = bias != nullptr ? bias + task.group * outPerGroup : nullptr;
    if (k == 0) {
        // No tap lands on this phase (kernel smaller than the stride): only the bias.
        for (std::int64_t f = 0; f < outPerGroup; ++f) {
            const float b = biasGroup != nullptr ? biasGroup[f] : 0.0F;
            for (std::int64_t jy = task.j0; jy < task.j1; ++jy) {
                float* row = outGroup + f * plane + (y.first + jy * sy) * g.output.w + x.first;
                for (std::int64_t jx = 0; jx < nx; ++jx) {
                    row[jx * sx] = b;
                }
            }
        }
        return;
    }
    const bool direct = sy == 1 && sx == 1;  // one phase, the output rows are contiguous
    scratch.resize(static_cast<std::size_t>(k * cols + (direct ? 0 : outPerGroup * cols)));
    float* columns = scratch.data();
    im2colPhase(input, g, y, x, task, columns);
    const float* w = gathered +
                     plan.weightOffset[static_cast<std::size_t>(task.phaseY * sx + task.phaseX)] +
                     task.group * outPerGroup * k;
    if (direct) {
        float* dst = outGroup + task.j0 * g.output.w;
        gemmRowMajor(w, columns, outPerGroup, k, cols, dst, plane);
        if (biasGroup != nullptr) {
            for (std::int64_t f = 0; f < outPerGroup; ++f) {
                std::for_each(dst + f * plane, dst + f * plane + cols,
                              [b = biasGroup[f]](float& v) { v += b; });
            }
        }
        return;
    }
    float* result = columns + k * cols;
    gemmRowMajor(w, columns, outPerGroup, k, cols, result, cols);
    // Every output position belongs to exactly one phase: written, never accumulated.
    for (std::int64_t f = 0; f < outPerGroup; ++f) {
        const float b = biasGroup != nullptr ? biasGroup[f] : 0.0F;
        const float* src = result + f * cols;
        for (std::int64_t jy = task.j0; jy < task.j1; ++jy) {
            float* row = outGroup + f * plane + (y.first + jy * sy) * g.output.w + x.first;
            const float* srcRow = src + (jy - task.j0) * nx;
            for (std::int64_t jx = 0; jx < nx; ++jx) {
                row[jx * sx] = srcRow[jx] + b;
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
    const auto tasks = static_cast<std::int64_t>(plan.tasks.size());
#pragma omp parallel num_threads(threads)
    {
        std::vector<float> scratch;
#pragma omp for schedule(dynamic)
        for (std::int64_t t = 0; t < tasks; ++t) {
            // A superseded request stops within a tile (OpenMP cannot break out of the loop).
            if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
                continue;
            }
            runTask(input, gathered.data(), bias, g, plan, plan.tasks[static_cast<std::size_t>(t)],
                    output, scratch);
        }
    }
}

std::int64_t conv2dTransposeSubpixelWorkspaceFloats(const TransposedConvGeometry& geometry) {
    const Plan plan = makePlan(geometry, false);
    return plan.weightFloats + plan.scratchFloats;
}

}  // namespace stridelab
