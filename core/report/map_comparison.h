#pragma once

// Two feature maps of one shape compared element by element: their difference, mean squared
// error, largest absolute difference and PSNR. What the comparison view shows when a lecturer
// puts "downsample, then upsample with nearest / bilinear / unpooling / a transposed conv"
// next to the original.

#include "tensor/tensor.h"
#include "util/result.h"

#include <optional>

namespace stridelab {

struct MapComparison {
    Tensor difference;  // a - reference, element by element
    double mse = 0.0;
    double maxAbsDifference = 0.0;
    // The reference's range (max - min): the PSNR's peak, as skimage's data_range for data
    // that is not scaled to a fixed range.
    double peak = 0.0;
    // 10 log10(peak^2 / mse) in dB; +infinity when the maps are equal; nothing when the
    // reference is constant but the maps differ (no peak to compare against).
    std::optional<double> psnr;
};

// Fails when the shapes differ: "shapes differ: (3, 64, 64) and (3, 32, 32)".
[[nodiscard]] Result<MapComparison> compareMaps(const Tensor& a, const Tensor& reference);

}  // namespace stridelab
