#include "teaching/axis_search.h"

#include "layers/avg_pool2d.h"
#include "layers/conv2d.h"
#include "layers/conv2d_transpose.h"
#include "layers/max_pool2d.h"
#include "layers/max_unpool2d.h"
#include "layers/upsampling2d.h"

#include <algorithm>

namespace stridelab::teaching {

namespace {

// Strides tried: enough for any output of 1 on inputs of that size, bounded for speed.
constexpr std::int64_t kMaxWindowStride = 4096;
constexpr std::int64_t kMaxTransposedStride = 256;
constexpr std::int64_t kMaxDilation = 4;
// Settings kept per axis before the two axes are combined.
constexpr std::size_t kOptionsPerAxis = 16;

AxisSetting axisOf(Axis axis, Pair strides, Pair dilation, const PaddingSpec& padding) {
    AxisSetting a;
    const int i = static_cast<int>(axis);
    a.stride = strides[i];
    a.dilation = dilation[i];
    a.pad = padding.kind == PaddingKind::Valid  ? Pad::Valid
            : padding.kind == PaddingKind::Same ? Pad::Same
                                                : Pad::Explicit;
    if (a.pad == Pad::Explicit) {
        a.before = padding.before(axis);
        a.after = padding.after(axis);
    }
    return a;
}

std::int64_t costOf(const AxisSetting& s, const AxisSetting& now) {
    std::int64_t cost = 0;
    if (s.stride != now.stride) {
        cost += 100 + std::abs(s.stride - now.stride);
    }
    if (s.dilation != now.dilation) {
        cost += 150 + 5 * std::abs(s.dilation - now.dilation);
    }
    if (s.pad != now.pad || s.before != now.before || s.after != now.after) {
        cost += 100 + s.before + s.after + (s.before != s.after ? 5 : 0);
    }
    if (s.ceil != now.ceil) {
        cost += 100;
    }
    if (s.outputPadding != now.outputPadding) {
        cost += 100 + s.outputPadding.value_or(0);
    }
    if (s.factor != now.factor) {
        cost += s.factor > 0 ? 100 : 110;
    }
    return cost;
}

std::vector<std::int64_t> dilationsFor(std::int64_t kernel, std::int64_t now) {
    std::vector<std::int64_t> d{now};
    for (std::int64_t x = 1; kernel > 1 && x <= kMaxDilation; ++x) {
        if (x != now) {
            d.push_back(x);
        }
    }
    return d;
}

// conv2d on one axis: "same", "valid", and the least symmetric and asymmetric explicit
// padding (at most ke - 1 a side: more would give windows of padding alone).
void convOptions(std::int64_t n, std::int64_t k, std::int64_t t, const AxisSetting& now,
                 std::vector<AxisSetting>& out, Reach& reach) {
    for (const std::int64_t d : dilationsFor(k, now.dilation)) {
        const std::int64_t ke = effectiveKernelExtent(k, d);
        const std::int64_t maxTotal = 2 * (ke - 1);
        const std::int64_t strides = std::min(n + maxTotal, kMaxWindowStride);
        for (std::int64_t s = 1; s <= strides; ++s) {
            reach.add(floorDiv(n - ke, s) + 1);
            reach.add(floorDiv(n + maxTotal - ke, s) + 1);
            AxisSetting o;
            o.stride = s;
            o.dilation = d;
            if (d == now.dilation && ceilDiv(n, s) == t) {
                o.pad = Pad::Same;
                out.push_back(o);
            }
            // floor((n + pt - ke) / s) + 1 == t  <=>  pt in [lo, hi].
            const std::int64_t lo = std::max<std::int64_t>((t - 1) * s + ke - n, 0);
            const std::int64_t hi = std::min((t - 1) * s + s - 1 + ke - n, maxTotal);
            if (lo > hi) {
                continue;
            }
            if (lo == 0) {
                o.pad = Pad::Valid;
                out.push_back(o);
            }
            o.pad = Pad::Explicit;
            const std::int64_t even = std::max<std::int64_t>(lo + lo % 2, 2);
            if (even <= hi) {
                o.before = o.after = even / 2;
                out.push_back(o);
            }
            const std::int64_t odd = lo % 2 == 1 ? lo : lo + 1;
            if (odd <= hi) {
                o.before = odd / 2;  // the odd pixel after, as TensorFlow's "same"
                o.after = odd - o.before;
                out.push_back(o);
            }
        }
    }
}

std::int64_t poolOut(std::int64_t n, std::int64_t k, std::int64_t s, std::int64_t before,
                     std::int64_t after, bool ceil) {
    const std::int64_t span = n + before + after - k;
    if (!ceil) {
        return floorDiv(span, s) + 1;
    }
    std::int64_t out = ceilDiv(span, s) + 1;
    if (out >= 1 && (out - 1) * s >= n + before) {
        --out;
    }
    return out;
}

// A pool on one axis: padding at most half the pool (PyTorch's rule), with and without
// ceil_mode, and "same".
void poolOptions(std::int64_t n, std::int64_t k, std::int64_t t, std::vector<AxisSetting>& out,
                 Reach& reach) {
    const std::int64_t maxTotal = 2 * std::min<std::int64_t>(k / 2, 64);
    const std::int64_t strides = std::min(n + maxTotal, kMaxWindowStride);
    for (std::int64_t s = 1; s <= strides; ++s) {
        AxisSetting o;
        o.stride = s;
        reach.add(ceilDiv(n, s));
        if (ceilDiv(n, s) == t) {
            o.pad = Pad::Same;
            out.push_back(o);
        }
        for (const bool ceil : {false, true}) {
            o.ceil = ceil;
            bool symmetric = false;
            bool asymmetric = false;
            for (std::int64_t pt = 0; pt <= maxTotal; ++pt) {
                const std::int64_t before = pt / 2;
                const std::int64_t got = poolOut(n, k, s, before, pt - before, ceil);
                reach.add(got);
                if (got != t || (pt % 2 == 0 ? symmetric : asymmetric)) {
                    continue;
                }
                (pt % 2 == 0 ? symmetric : asymmetric) = true;
                o.pad = pt == 0 ? Pad::Valid : Pad::Explicit;
                o.before = before;
                o.after = pt - before;
                out.push_back(o);
            }
        }
    }
}

// conv2d_transpose on one axis: Keras's "valid"/"same" with and without output_padding
// (< s), and PyTorch's p (at most ke - 1) with output_padding (< max(s, d)).
void transposedOptions(std::int64_t n, std::int64_t k, std::int64_t t, const AxisSetting& now,
                       std::vector<AxisSetting>& out, Reach& reach) {
    for (const std::int64_t d : dilationsFor(k, now.dilation)) {
        const std::int64_t ke = effectiveKernelExtent(k, d);
        for (std::int64_t s = 1; s <= std::min(t + 1, kMaxTransposedStride); ++s) {
            const std::int64_t full = (n - 1) * s + ke;
            AxisSetting o;
            o.stride = s;
            o.dilation = d;
            auto offer = [&](Pad pad, std::int64_t got, std::optional<std::int64_t> op) {
                reach.add(got);
                if (got == t) {
                    o.pad = pad;
                    o.outputPadding = op;
                    out.push_back(o);
                }
            };
            offer(Pad::Valid, n * s + std::max(ke - s, std::int64_t{0}), std::nullopt);
            offer(Pad::Same, n * s, std::nullopt);
            for (std::int64_t op = 0; op < s; ++op) {
                offer(Pad::Valid, full + op, op);
                offer(Pad::Same, full - 2 * (ke / 2) + op, op);
            }
            for (std::int64_t op = 0; op < std::max(s, d); ++op) {
                reach.add(full + op);
                reach.add(full - 2 * (ke - 1) + op);
                const std::int64_t twice = full + op - t;
                if (twice >= 0 && twice % 2 == 0 && twice / 2 <= ke - 1) {
                    o.before = o.after = twice / 2;
                    o.pad = Pad::Explicit;
                    o.outputPadding = op;
                    out.push_back(o);
                }
            }
        }
    }
}

}  // namespace

LayerFacts factsOf(const Layer& layer) {
    LayerFacts f;
    for (const Axis axis : {Axis::Height, Axis::Width}) {
        AxisSetting& a = f.current[static_cast<std::size_t>(axis)];
        const int i = static_cast<int>(axis);
        if (const auto* conv = dynamic_cast<const Conv2d*>(&layer)) {
            const ConvOptions& o = conv->params().conv;
            f.family = Family::Conv;
            f.kernel = o.kernel;
            a = axisOf(axis, o.strides, o.dilation, o.padding);
        } else if (const auto* t = dynamic_cast<const Conv2dTranspose*>(&layer)) {
            const ConvOptions& o = t->params().conv;
            f.family = Family::Transposed;
            f.kernel = o.kernel;
            f.fourSided = false;
            a = axisOf(axis, o.strides, o.dilation, o.padding);
            if (const auto op = t->params().outputPadding) {
                a.outputPadding = (*op)[i];
            }
        } else if (const auto* up = dynamic_cast<const Upsampling2d*>(&layer)) {
            f.family = Family::Resize;
            a.factor = up->params().outputSize ? 0 : up->params().size.value_or(Pair{2, 2})[i];
        } else if (dynamic_cast<const MaxUnpool2d*>(&layer) != nullptr) {
            f.family = Family::Unpool;
        } else {
            const auto* max = dynamic_cast<const MaxPool2d*>(&layer);
            const PoolOptions& o = max != nullptr
                                       ? max->options()
                                       : dynamic_cast<const AvgPool2d*>(&layer)->params().pool;
            f.family = Family::Pool;
            f.kernel = o.poolSize;
            a = axisOf(axis, o.effectiveStrides(), Pair{1, 1}, o.padding);
            a.ceil = o.ceilMode;
        }
    }
    return f;
}

std::vector<AxisSetting> axisOptions(const LayerFacts& f, Axis axis, std::int64_t n, std::int64_t t,
                                     Reach& reach) {
    const AxisSetting& now = f.current[static_cast<std::size_t>(axis)];
    const std::int64_t k = f.kernel[static_cast<int>(axis)];
    std::vector<AxisSetting> out;
    switch (f.family) {
        case Family::Conv:
            convOptions(n, k, t, now, out, reach);
            break;
        case Family::Pool:
            poolOptions(n, k, t, out, reach);
            break;
        case Family::Transposed:
            transposedOptions(n, k, t, now, out, reach);
            break;
        case Family::Resize: {
            AxisSetting o;
            if (t % n == 0) {
                o.factor = t / n;
                out.push_back(o);
            }
            o.factor = 0;
            out.push_back(o);
            break;
        }
        case Family::Unpool:
            break;
    }
    for (AxisSetting& o : out) {
        o.cost = costOf(o, now);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const AxisSetting& a, const AxisSetting& b) { return a.cost < b.cost; });
    if (out.size() > kOptionsPerAxis) {
        out.resize(kOptionsPerAxis);
    }
    return out;
}

}  // namespace stridelab::teaching
