#pragma once

#include "tensor/shape.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace stridelab {

enum class PaddingKind { Valid, Same, Explicit };

// A layer's `padding` key as written: "valid", "same" (TensorFlow), or explicit numbers in
// one of the forms p, [ph, pw] or [top, bottom, left, right]. The written form is kept so a
// saved pipeline reads the same as the file it came from.
struct PaddingSpec {
    PaddingKind kind = PaddingKind::Valid;
    std::vector<std::int64_t> values;  // 1, 2 or 4 numbers when kind == Explicit

    static PaddingSpec valid() { return {}; }
    static PaddingSpec same() { return {PaddingKind::Same, {}}; }
    static PaddingSpec symmetric(std::int64_t p) { return {PaddingKind::Explicit, {p}}; }

    [[nodiscard]] std::int64_t before(Axis axis) const;
    [[nodiscard]] std::int64_t after(Axis axis) const;
    [[nodiscard]] bool isSymmetric() const;
    [[nodiscard]] QString toString() const;

    friend bool operator==(const PaddingSpec&, const PaddingSpec&) = default;
};

}  // namespace stridelab
