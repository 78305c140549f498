#include "support/kernel_checks.h"

#include "support/test_support.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace stridelab::test {

namespace {
constexpr double kRelative = 1e-4;
}  // namespace

std::vector<float> randomValues(std::int64_t count, unsigned seed) {
    const Tensor t = randomTensor(Shape{1, 1, count}, seed);
    return {t.values().begin(), t.values().end()};
}

// 1e-4 relative, measured against each element and against the tensor's largest magnitude,
// so that an output summed to near zero by cancellation is not held to a tighter bound than
// the terms it was summed from.
bool closeToReference(const Tensor& actual, const Tensor& expected, QString* why) {
    double scale = 0.0;
    for (const float v : expected.values()) {
        scale = std::max(scale, static_cast<double>(std::abs(v)));
    }
    return tensorsClose(actual, expected, kRelative, kRelative * std::max(scale, 1e-3), why);
}

bool bitIdentical(const Tensor& a, const Tensor& b) {
    return a.shape() == b.shape() &&
           std::memcmp(a.data(), b.data(), static_cast<std::size_t>(a.size()) * sizeof(float)) == 0;
}

// As the executor runs a layer: Eigen gets the same thread count as the kernel.
void useThreads(int threads) {
    Eigen::setNbThreads(threads);
}

Padding2d pads(std::int64_t top, std::int64_t bottom, std::int64_t left, std::int64_t right) {
    return {top, bottom, left, right};
}

Padding2d pads(std::int64_t p) {
    return {p, p, p, p};
}

const char* interpolationName(Interpolation i) {
    switch (i) {
        case Interpolation::Nearest:
            return "nearest";
        case Interpolation::NearestExact:
            return "nearest_exact";
        case Interpolation::Bilinear:
            return "bilinear";
        case Interpolation::Bicubic:
            return "bicubic";
    }
    return "?";
}

const char* coordinateName(CoordinateMode m) {
    switch (m) {
        case CoordinateMode::HalfPixel:
            return "half_pixel";
        case CoordinateMode::AlignCorners:
            return "align_corners";
        case CoordinateMode::Asymmetric:
            return "asymmetric";
    }
    return "?";
}

}  // namespace stridelab::test
