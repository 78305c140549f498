#include "teaching/step_frames.h"

#include "kernels/resize.h"
#include "layers/conv2d.h"
#include "layers/upsampling2d.h"
#include "shape/axis_math.h"
#include "teaching/step_demo.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace stridelab {

namespace {

constexpr float kNothing = std::numeric_limits<float>::quiet_NaN();

GridRect boundingBox(const GridRect& a, const GridRect& b) {
    if (a.cells() == 0) {
        return b;
    }
    if (b.cells() == 0) {
        return a;
    }
    const std::int64_t top = std::min(a.top, b.top);
    const std::int64_t left = std::min(a.left, b.left);
    const std::int64_t bottom = std::max(a.top + a.rows, b.top + b.rows);
    const std::int64_t right = std::max(a.left + a.cols, b.left + b.cols);
    return {top, left, bottom - top, right - left};
}

GridRect rangeRect(const PositionRange& rows, const PositionRange& cols) {
    if (rows.count == 0 || cols.count == 0) {
        return {};
    }
    const std::int64_t r0 = std::min(rows.first, rows.first + (rows.count - 1) * rows.step);
    const std::int64_t r1 = std::max(rows.first, rows.first + (rows.count - 1) * rows.step);
    const std::int64_t c0 = std::min(cols.first, cols.first + (cols.count - 1) * cols.step);
    const std::int64_t c1 = std::max(cols.first, cols.first + (cols.count - 1) * cols.step);
    return {r0, c0, r1 - r0 + 1, c1 - c0 + 1};
}

bool rangeHolds(const PositionRange& range, std::int64_t i) {
    if (range.count == 0) {
        return false;
    }
    const std::int64_t d = i - range.first;
    if (range.count == 1 || range.step == 0) {
        return d == 0;
    }
    return d % range.step == 0 && d / range.step >= 0 && d / range.step < range.count;
}

// Fills `grid.values` over `grid.shown` from channel 0 of `t`, the margin as `fill` says.
void fillGrid(StepGrid& grid, const Tensor& t, const std::optional<PaddingMode>& fill) {
    grid.values.assign(static_cast<std::size_t>(grid.shown.cells()), kNothing);
    for (std::int64_t r = grid.shown.top; r < grid.shown.top + grid.shown.rows; ++r) {
        for (std::int64_t c = grid.shown.left; c < grid.shown.left + grid.shown.cols; ++c) {
            const CellRole role = grid.role(r, c);
            float v = kNothing;
            if (role == CellRole::Inside) {
                v = t.at(0, r, c);
            } else if (role == CellRole::Margin && fill) {
                const std::int64_t sr = paddedSourceIndex(r, grid.height, *fill);
                const std::int64_t sc = paddedSourceIndex(c, grid.width, *fill);
                v = (sr < 0 || sc < 0) ? 0.0F : t.at(0, sr, sc);
            }
            grid.values[static_cast<std::size_t>(grid.shown.indexOf(r, c))] = v;
        }
    }
}

StepGrid outputGrid(const Tensor& out, GridRect margin) {
    StepGrid grid;
    grid.height = out.shape().h;
    grid.width = out.shape().w;
    grid.margin = margin.cells() == 0 ? GridRect{0, 0, grid.height, grid.width} : margin;
    grid.shown = boundingBox({0, 0, grid.height, grid.width}, grid.margin);
    fillGrid(grid, out, std::nullopt);
    return grid;
}

// The kernel slice from input channel 0 to output channel 0, row-major kh x kw (both
// PyTorch layouts start with it).
std::vector<float> kernelSlice(const Layer& layer, std::int64_t channels, const LayerShape& s) {
    const std::optional<NdArray> kernel = layer.kernel(channels);
    const std::int64_t n = s.height.kernel * s.width.kernel;
    if (!kernel || static_cast<std::int64_t>(kernel->values.size()) < n) {
        return std::vector<float>(static_cast<std::size_t>(n), 1.0F);
    }
    return {kernel->values.begin(), kernel->values.begin() + n};
}

LayerResult forwardOn(const Layer& layer, const Tensor& in, const LayerShape& shape,
                      const QString& poolName = {}, const LayerResult* pool = nullptr) {
    LayerResult out;
    out.values = Tensor(shape.output);
    layer.forward(ForwardQuery{in, shape,
                               [&](const QString& name) -> const LayerResult* {
                                   return name == poolName ? pool : nullptr;
                               },
                               1, nullptr},
                  out);
    return out;
}

void windowFrames(StepSequence& seq, const StepRule& rule, const StepDemo& demo, const Tensor& in) {
    const Layer& layer = *demo.layer;
    const LayerShape& s = demo.shape;
    const LayerResult out = forwardOn(layer, in, s);
    seq.output = outputGrid(out.values, {});
    seq.input.height = in.shape().h;
    seq.input.width = in.shape().w;
    seq.input.margin = {-s.height.before, -s.width.before, s.height.paddedExtent,
                        s.width.paddedExtent};
    seq.input.shown = boundingBox({0, 0, seq.input.height, seq.input.width}, seq.input.margin);
    for (std::int64_t oy = 0; oy < s.output.h; ++oy) {  // every window, ceil_mode overhang too
        for (std::int64_t ox = 0; ox < s.output.w; ++ox) {
            seq.input.shown =
                boundingBox(seq.input.shown, rangeRect(layer.dependencies(Axis::Height, oy, s),
                                                       layer.dependencies(Axis::Width, ox, s)));
        }
    }
    fillGrid(seq.input, in, rule.marginFill);

    const std::vector<float> kernel = kernelSlice(layer, in.shape().c, s);
    std::vector<float> soFar(static_cast<std::size_t>(seq.output.shown.cells()), kNothing);
    for (std::int64_t oy = 0; oy < s.output.h; ++oy) {
        const PositionRange rows = layer.dependencies(Axis::Height, oy, s);
        for (std::int64_t ox = 0; ox < s.output.w; ++ox) {
            const PositionRange cols = layer.dependencies(Axis::Width, ox, s);
            StepFrame f;
            f.row = oy;
            f.col = ox;
            for (std::int64_t a = 0; a < rows.count; ++a) {
                for (std::int64_t b = 0; b < cols.count; ++b) {
                    StepTap tap;
                    tap.row = rows.first + a * rows.step;
                    tap.col = cols.first + b * cols.step;
                    tap.value = seq.input.value(tap.row, tap.col);
                    const CellRole role = seq.input.role(tap.row, tap.col);
                    if (rule.window == WindowRule::WeightedSum) {
                        tap.weight = kernel[static_cast<std::size_t>(a * cols.count + b)];
                        f.sum += static_cast<double>(tap.weight) * static_cast<double>(tap.value);
                        f.padded += role == CellRole::Margin ? 1 : 0;
                        f.divisor += 1;
                    } else if (role == CellRole::Inside) {
                        f.sum += static_cast<double>(tap.value);
                        f.divisor += 1;
                    } else if (role == CellRole::Margin && rule.averageCountsPadding) {
                        f.padded += 1;  // a zero that counts in the divisor
                        f.divisor += 1;
                    } else {
                        f.ignored += 1;
                    }
                    f.taps.push_back(tap);
                }
            }
            f.value = out.values.at(0, oy, ox);
            soFar[static_cast<std::size_t>(seq.output.shown.indexOf(oy, ox))] = f.value;
            f.outputSoFar = soFar;
            seq.frames.push_back(std::move(f));
        }
    }
}

void scatterFrames(StepSequence& seq, const StepDemo& demo, const Tensor& in) {
    const Layer& layer = *demo.layer;
    const LayerShape& s = demo.shape;
    const LayerResult out = forwardOn(layer, in, s);
    seq.input.height = in.shape().h;
    seq.input.width = in.shape().w;
    seq.input.margin = {0, 0, seq.input.height, seq.input.width};
    seq.input.shown = seq.input.margin;
    fillGrid(seq.input, in, std::nullopt);
    // The full transposed convolution, of which the output is a crop (or a zero extension).
    seq.output =
        outputGrid(out.values, {-s.height.before, -s.width.before, transposedFullExtent(s.height),
                                transposedFullExtent(s.width)});
    const GridRect& shown = seq.output.shown;

    const std::vector<float> kernel = kernelSlice(layer, in.shape().c, s);
    // Which output rows (columns) each output position's dependencies hold, per axis.
    auto reached = [&](Axis axis, std::int64_t i) {
        const AxisShape& a = s.axis(axis);
        const std::int64_t first = axis == Axis::Height ? shown.top : shown.left;
        const std::int64_t count = axis == Axis::Height ? shown.rows : shown.cols;
        std::vector<std::pair<std::int64_t, std::int64_t>> hits;  // position, kernel tap
        for (std::int64_t o = first; o < first + count; ++o) {
            if (rangeHolds(layer.dependencies(axis, o, s), i)) {
                hits.emplace_back(o, (o + a.before - i * a.stride) / a.dilation);
            }
        }
        return hits;
    };
    std::vector<float> sums(static_cast<std::size_t>(shown.cells()), 0.0F);
    std::vector<int> counts(static_cast<std::size_t>(shown.cells()), 0);
    auto written = [&] {
        std::vector<float> v(sums.size(), kNothing);
        for (std::size_t i = 0; i < v.size(); ++i) {
            v[i] = counts[i] > 0 ? sums[i] : kNothing;
        }
        return v;
    };
    for (std::int64_t iy = 0; iy < seq.input.height; ++iy) {
        const auto rows = reached(Axis::Height, iy);
        for (std::int64_t ix = 0; ix < seq.input.width; ++ix) {
            const auto cols = reached(Axis::Width, ix);
            StepFrame f;
            f.row = iy;
            f.col = ix;
            f.value = in.at(0, iy, ix);
            for (const auto& [oy, ky] : rows) {
                for (const auto& [ox, kx] : cols) {
                    StepTap tap{oy, ox, kernel[static_cast<std::size_t>(ky * s.width.kernel + kx)],
                                0.0F};
                    tap.value = f.value * tap.weight;
                    const auto at = static_cast<std::size_t>(shown.indexOf(oy, ox));
                    sums[at] += tap.value;
                    counts[at] += 1;
                    f.taps.push_back(tap);
                }
            }
            f.outputSoFar = written();
            f.counts = counts;
            seq.frames.push_back(std::move(f));
        }
    }
    // The closing frame: the overlap counts (the checkerboard) and the layer's output, with
    // bias and activation; cropped cells keep their sums.
    StepFrame summary;
    summary.outputSoFar = written();
    for (std::int64_t r = 0; r < seq.output.height; ++r) {
        for (std::int64_t c = 0; c < seq.output.width; ++c) {
            summary.outputSoFar[static_cast<std::size_t>(shown.indexOf(r, c))] =
                out.values.at(0, r, c);
        }
    }
    summary.counts = counts;
    seq.frames.push_back(std::move(summary));
}

void unpoolFrames(StepSequence& seq, const StepDemo& demo, const Tensor& poolInput,
                  const QString& poolName) {
    const LayerResult pooled = forwardOn(*demo.pool, poolInput, demo.poolShape);
    const LayerResult out = forwardOn(*demo.layer, pooled.values, demo.shape, poolName, &pooled);
    seq.input.height = pooled.values.shape().h;
    seq.input.width = pooled.values.shape().w;
    seq.input.margin = {0, 0, seq.input.height, seq.input.width};
    seq.input.shown = seq.input.margin;
    fillGrid(seq.input, pooled.values, std::nullopt);
    seq.output = outputGrid(out.values, {});
    const GridRect& shown = seq.output.shown;
    const std::int64_t width = demo.poolInput.w;

    std::vector<float> soFar(static_cast<std::size_t>(shown.cells()), 0.0F);  // zeroed first
    std::vector<int> counts(static_cast<std::size_t>(shown.cells()), 0);
    for (std::int64_t py = 0; py < seq.input.height; ++py) {
        const PositionRange rows = demo.pool->dependencies(Axis::Height, py, demo.poolShape);
        for (std::int64_t px = 0; px < seq.input.width; ++px) {
            const PositionRange cols = demo.pool->dependencies(Axis::Width, px, demo.poolShape);
            StepFrame f;
            f.row = py;
            f.col = px;
            f.value = pooled.values.at(0, py, px);
            const std::int32_t index =
                pooled.argmax[static_cast<std::size_t>(py * seq.input.width + px)];
            const StepTap target{index / width, index % width, 1.0F, f.value};
            f.taps.push_back(target);
            for (std::int64_t a = 0; a < rows.count; ++a) {
                for (std::int64_t b = 0; b < cols.count; ++b) {
                    const std::int64_t r = rows.first + a * rows.step;
                    const std::int64_t c = cols.first + b * cols.step;
                    if (seq.output.role(r, c) == CellRole::Inside) {
                        f.window.push_back({r, c, 1.0F, poolInput.at(0, r, c)});
                    }
                }
            }
            const auto at = static_cast<std::size_t>(shown.indexOf(target.row, target.col));
            soFar[at] = f.value;
            counts[at] += 1;
            f.outputSoFar = soFar;
            f.counts = counts;
            seq.frames.push_back(std::move(f));
        }
    }
}

void resizeFrames(StepSequence& seq, const StepRule& rule, const StepDemo& demo, const Tensor& in) {
    const Upsampling2d::Params& p = dynamic_cast<const Upsampling2d&>(*demo.layer).params();
    const CoordinateMode mode = p.effectiveMode();
    const LayerResult out = forwardOn(*demo.layer, in, demo.shape);
    seq.output = outputGrid(out.values, {});
    const std::int64_t h = in.shape().h;
    const std::int64_t w = in.shape().w;
    std::vector<ResizeTaps> rows;
    std::vector<ResizeTaps> cols;
    GridRect taps{0, 0, h, w};
    for (std::int64_t y = 0; y < seq.output.height; ++y) {
        rows.push_back(resizeTaps(y, h, seq.output.height, p.interpolation, mode));
        const ResizeTaps& t = rows.back();
        taps = boundingBox(
            taps,
            {t.index[0], 0, t.index[static_cast<std::size_t>(t.count - 1)] - t.index[0] + 1, 1});
    }
    for (std::int64_t x = 0; x < seq.output.width; ++x) {
        cols.push_back(resizeTaps(x, w, seq.output.width, p.interpolation, mode));
        const ResizeTaps& t = cols.back();
        taps = boundingBox(taps, {0, t.index[0], 1,
                                  t.index[static_cast<std::size_t>(t.count - 1)] - t.index[0] + 1});
    }
    seq.input.height = h;
    seq.input.width = w;
    seq.input.shown = taps;
    seq.input.margin = taps;  // taps past the border read the edge element
    fillGrid(seq.input, in, rule.marginFill);

    std::vector<float> soFar(static_cast<std::size_t>(seq.output.shown.cells()), kNothing);
    for (std::int64_t y = 0; y < seq.output.height; ++y) {
        const ResizeTaps& ty = rows[static_cast<std::size_t>(y)];
        for (std::int64_t x = 0; x < seq.output.width; ++x) {
            const ResizeTaps& tx = cols[static_cast<std::size_t>(x)];
            StepFrame f;
            f.row = y;
            f.col = x;
            f.source = {resizeSourceCoordinate(y, h, seq.output.height, p.interpolation, mode),
                        resizeSourceCoordinate(x, w, seq.output.width, p.interpolation, mode)};
            // Summed as the kernel sums: each row's taps, then the rows.
            float sum = 0.0F;
            for (int i = 0; i < ty.count; ++i) {
                const auto si = static_cast<std::size_t>(i);
                float rowSum = 0.0F;
                for (int j = 0; j < tx.count; ++j) {
                    const auto sj = static_cast<std::size_t>(j);
                    const StepTap tap{ty.index[si], tx.index[sj], ty.weight[si] * tx.weight[sj],
                                      seq.input.value(ty.index[si], tx.index[sj])};
                    rowSum += tx.weight[sj] * tap.value;
                    f.taps.push_back(tap);
                }
                sum += ty.weight[si] * rowSum;
            }
            f.sum = static_cast<double>(sum);
            f.divisor = static_cast<int>(f.taps.size());
            f.value = out.values.at(0, y, x);
            soFar[static_cast<std::size_t>(seq.output.shown.indexOf(y, x))] = f.value;
            f.outputSoFar = soFar;
            seq.frames.push_back(std::move(f));
        }
    }
}

// The coordinate mode of a bilinear or bicubic resize (nearest has none).
QString coordinateModeText(const Upsampling2d& layer) {
    const Upsampling2d::Params& p = layer.params();
    if (p.interpolation == Interpolation::Bilinear || p.interpolation == Interpolation::Bicubic) {
        return coordinateModeNames().at(static_cast<qsizetype>(p.effectiveMode()));
    }
    return {};
}

}  // namespace

CellRole StepGrid::role(std::int64_t r, std::int64_t c) const {
    if (r >= 0 && r < height && c >= 0 && c < width) {
        return CellRole::Inside;
    }
    return margin.contains(r, c) ? CellRole::Margin : CellRole::Outside;
}

float StepGrid::value(std::int64_t r, std::int64_t c) const {
    return shown.contains(r, c) ? values[static_cast<std::size_t>(shown.indexOf(r, c))] : kNothing;
}

Result<StepSubject> stepSubject(const Pipeline& pipeline, const PipelineReport& report, int index) {
    const auto count = static_cast<int>(pipeline.layers.size());
    if (index < 0 || index >= count || index >= static_cast<int>(report.layers.size())) {
        return Error::invalid(
            QStringLiteral("no layer %1: the pipeline has %2").arg(index + 1).arg(count));
    }
    const LayerReport& r = report.layers[static_cast<std::size_t>(index)];
    const PipelineLayer& pl = pipeline.layers[static_cast<std::size_t>(index)];
    if (!r.shape) {
        return Error::invalid(
            QStringLiteral("layer %1 \"%2\": %3")
                .arg(index + 1)
                .arg(pl.name, r.error ? r.error->message : QStringLiteral("no shape")));
    }
    StepSubject subject{pl.name, pl.layer, r.input, {}, nullptr, {}};
    if (const auto from = pl.layer->indicesFrom()) {
        subject.poolName = *from;
        for (int i = 0; i < index; ++i) {
            const LayerReport& p = report.layers[static_cast<std::size_t>(i)];
            if (pipeline.layers[static_cast<std::size_t>(i)].name == *from && p.shape) {
                subject.pool = pipeline.layers[static_cast<std::size_t>(i)].layer;
                subject.poolInput = p.input;
            }
        }
    }
    return subject;
}

Result<StepSequence> buildStepSequence(const StepSubject& subject) {
    auto rule = stepRuleFor(*subject.layer);
    if (!rule) {
        return rule.error();
    }
    auto demo = chooseDemo(subject, *rule);
    if (!demo) {
        return demo.error().within(subject.name);
    }
    if (auto size = checkDemoSize(*demo, *rule); !size) {
        return size.error().within(subject.name);
    }
    StepSequence seq;
    seq.kind = rule->kind;
    seq.rule = rule->window;
    seq.layerName = subject.name;
    seq.layerType = subject.layer->type();
    seq.description = subject.layer->describe();
    seq.realInput = rule->kind == StepKind::Unpool
                        ? Shape{subject.input.c, subject.input.h, subject.input.w}
                        : subject.input;
    seq.demoInput = demo->input;
    seq.shuffledValues = rule->shuffledValues;
    seq.averageCountsPadding = rule->averageCountsPadding;
    seq.shape = demo->shape;
    if (rule->kind == StepKind::Window && rule->window == WindowRule::WeightedSum &&
        rule->marginFill && *rule->marginFill != PaddingMode::Zeros) {
        seq.paddingMode = paddingModeNames().at(static_cast<qsizetype>(*rule->marginFill));
    }
    switch (rule->kind) {
        case StepKind::Window:
            windowFrames(seq, *rule, *demo, demoValues(demo->input, rule->shuffledValues));
            break;
        case StepKind::Scatter:
            scatterFrames(seq, *demo, demoValues(demo->input, false));
            break;
        case StepKind::Unpool:
            unpoolFrames(seq, *demo, demoValues(demo->poolInput, true), subject.poolName);
            break;
        case StepKind::Resize:
            seq.coordinateMode = coordinateModeText(*rule->resize);
            resizeFrames(seq, *rule, *demo, demoValues(demo->input, false));
            break;
    }
    return seq;
}

}  // namespace stridelab
