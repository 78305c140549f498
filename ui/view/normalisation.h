#pragma once

#include "tensor/tensor.h"

#include <QString>

#include <span>

namespace stridelab::ui {

// Which values a colour map's two ends stand for.
//  - PerChannel: each channel from its own minimum to its own maximum (most contrast).
//  - PerLayer: one range for the whole feature map, so channels compare with each other.
//  - Fixed: a range the user typed (DisplayOptions::fixedRange).
enum class Normalisation { PerChannel, PerLayer, Fixed };

// A closed range of values. min > max never comes out of the functions below; min == max
// (a constant map) is "degenerate" and handled by normalisedValue().
struct ValueRange {
    float min = 0.0F;
    float max = 1.0F;

    friend bool operator==(const ValueRange&, const ValueRange&) = default;
    [[nodiscard]] bool isDegenerate() const { return !(max > min); }
};

// The range of the finite values of one channel / of the whole map; NaN and +-inf are
// ignored. With no finite value at all (an empty map, or all NaN) the range is {0, 0}.
[[nodiscard]] ValueRange finiteRange(std::span<const float> values);
[[nodiscard]] ValueRange channelRange(const Tensor& map, std::int64_t channel);
[[nodiscard]] ValueRange layerRange(const Tensor& map);

// {-m, m} with m = max(|min|, |max|): the range a diverging colour map needs so that 0 sits
// in its middle.
[[nodiscard]] ValueRange symmetricRange(ValueRange range);

// Where value lies in range, as t in [0, 1] for colormapColor(): (v - min) / (max - min),
// clamped. NaN stays NaN and +-inf stay +-inf (each drawn in its own colour). A degenerate range
// is a threshold at min: below 0, equal 0.5 (a constant map draws in the middle colour, white
// for the diverging map), above 1.
[[nodiscard]] double normalisedValue(float value, ValueRange range);

[[nodiscard]] std::span<const Normalisation> allNormalisations();
[[nodiscard]] QString normalisationDisplayName(Normalisation normalisation);
// "channel", "layer", "fixed".
[[nodiscard]] QString normalisationKey(Normalisation normalisation);

}  // namespace stridelab::ui
