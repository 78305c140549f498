#include "pipeline/receptive_field.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace stridelab {

namespace {

struct Span {
    std::int64_t lo = std::numeric_limits<std::int64_t>::max();
    std::int64_t hi = std::numeric_limits<std::int64_t>::min();
    [[nodiscard]] bool empty() const { return lo > hi; }
};

// Positions [first, first + size) of one layer's output, each with the span of input
// positions it depends on.
struct SpanRow {
    std::int64_t first = 0;
    std::vector<Span> spans;
    [[nodiscard]] const Span& at(std::int64_t position) const {
        return spans[static_cast<std::size_t>(position - first)];
    }
};

}  // namespace

namespace {

// Output positions examined per window, and tap visits allowed per call: enough for any
// pipeline an image can fill, while a pathological one (a 65536-tap kernel dilated 65536
// times) gives up instead of hanging.
constexpr std::int64_t kWindow = 512;
constexpr std::int64_t kWorkBudget = std::int64_t{1} << 24;

// The receptive field over the final output positions [first, last], or nothing when the
// work budget runs out.
std::optional<std::int64_t> fieldOverWindow(const std::vector<ChainLink>& chain, Axis axis,
                                            std::pair<std::int64_t, std::int64_t> range,
                                            std::int64_t& budget) {
    // Walk back from the outputs to find which positions each layer must describe
    // (positions outside a layer's real extent are its padding, which counts).
    std::vector<std::pair<std::int64_t, std::int64_t>> needed(chain.size());
    for (std::size_t l = chain.size(); l-- > 0;) {
        needed[l] = range;
        std::int64_t lo = std::numeric_limits<std::int64_t>::max();
        std::int64_t hi = std::numeric_limits<std::int64_t>::min();
        for (std::int64_t p = range.first; p <= range.second; ++p) {
            const PositionRange d = chain[l].layer->dependencies(axis, p, chain[l].shape);
            if (--budget < 0) {
                return std::nullopt;
            }
            if (d.count == 0) {
                continue;
            }
            const std::int64_t last = d.first + (d.count - 1) * d.step;
            lo = std::min({lo, d.first, last});
            hi = std::max({hi, d.first, last});
        }
        if (lo > hi) {
            return 0;  // nothing depends on the input at all
        }
        range = {lo, hi};
        budget -= hi - lo + 1;
        if (budget < 0) {
            return std::nullopt;
        }
    }
    // Walk forward, carrying each position's span of input positions.
    SpanRow row;
    row.first = range.first;
    for (std::int64_t p = range.first; p <= range.second; ++p) {
        row.spans.push_back({p, p});
    }
    for (std::size_t l = 0; l < chain.size(); ++l) {
        SpanRow next;
        next.first = needed[l].first;
        for (std::int64_t p = needed[l].first; p <= needed[l].second; ++p) {
            const PositionRange d = chain[l].layer->dependencies(axis, p, chain[l].shape);
            budget -= d.count + 1;
            if (budget < 0) {
                return std::nullopt;
            }
            Span span;
            for (std::int64_t i = 0; i < d.count; ++i) {
                const Span& s = row.at(d.first + i * d.step);
                if (!s.empty()) {
                    span.lo = std::min(span.lo, s.lo);
                    span.hi = std::max(span.hi, s.hi);
                }
            }
            next.spans.push_back(span);
        }
        row = std::move(next);
    }
    std::int64_t largest = 0;
    for (const Span& s : row.spans) {
        if (!s.empty()) {
            largest = std::max(largest, s.hi - s.lo + 1);
        }
    }
    return largest;
}

}  // namespace

std::optional<std::int64_t> receptiveField(const std::vector<ChainLink>& chain, Axis axis) {
    if (chain.empty()) {
        return 1;
    }
    const std::int64_t n = chain.back().shape.axis(axis).out;
    // Every position of a small output; of a large one, a window at the start, the middle and
    // the end (the borders and the periodic interior, where the extremes lie).
    std::vector<std::pair<std::int64_t, std::int64_t>> windows;
    if (n <= 3 * kWindow) {
        windows.emplace_back(0, n - 1);
    } else {
        const std::int64_t middle = n / 2 - kWindow / 2;
        windows = {{0, kWindow - 1}, {middle, middle + kWindow - 1}, {n - kWindow, n - 1}};
    }
    std::int64_t budget = kWorkBudget;
    std::int64_t largest = 0;
    for (const auto& window : windows) {
        const auto field = fieldOverWindow(chain, axis, window, budget);
        if (!field) {
            return std::nullopt;
        }
        largest = std::max(largest, *field);
    }
    return largest;
}

}  // namespace stridelab
