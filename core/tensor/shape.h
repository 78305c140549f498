#pragma once

#include "util/saturating.h"

#include <QString>

#include <cstdint>

namespace stridelab {

// A (height, width) pair of integers, the form of every 2-D layer parameter.
struct Pair {
    std::int64_t h = 0;
    std::int64_t w = 0;

    friend bool operator==(const Pair&, const Pair&) = default;
    [[nodiscard]] std::int64_t operator[](int axis) const { return axis == 0 ? h : w; }
};

enum class Axis { Height = 0, Width = 1 };

// The shape of a feature map, channels first, batch of one: (C, H, W).
struct Shape {
    std::int64_t c = 0;
    std::int64_t h = 0;
    std::int64_t w = 0;

    friend bool operator==(const Shape&, const Shape&) = default;
    [[nodiscard]] std::int64_t elements() const { return saturatingProduct({c, h, w}); }
    [[nodiscard]] std::int64_t extent(Axis axis) const { return axis == Axis::Height ? h : w; }
    [[nodiscard]] QString toString() const {
        return QStringLiteral("(%1, %2, %3)").arg(c).arg(h).arg(w);
    }
    // Keras's notation, (None, H, W, C).
    [[nodiscard]] QString toKerasString() const {
        return QStringLiteral("(None, %1, %2, %3)").arg(h).arg(w).arg(c);
    }
};

}  // namespace stridelab
