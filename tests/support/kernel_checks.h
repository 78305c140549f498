#pragma once

// What the suites comparing optimized kernels with the reference loops share: the tolerance,
// inputs, thread setting and names for data rows.

#include "kernels/isa.h"
#include "kernels/padding.h"
#include "kernels/resize.h"
#include "tensor/tensor.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace stridelab::test {

// 1e-4 relative, measured against each element and against the tensor's largest magnitude,
// so that an output summed to near zero by cancellation is not held to a tighter bound than
// the terms it was summed from.
[[nodiscard]] bool closeToReference(const Tensor& actual, const Tensor& expected, QString* why);
[[nodiscard]] bool bitIdentical(const Tensor& a, const Tensor& b);
[[nodiscard]] std::vector<float> randomValues(std::int64_t count, unsigned seed);
// As the executor runs a layer: Eigen gets the same thread count as the kernel.
void useThreads(int threads);

[[nodiscard]] Padding2d pads(std::int64_t top, std::int64_t bottom, std::int64_t left,
                             std::int64_t right);
[[nodiscard]] Padding2d pads(std::int64_t p);

// Forces an instruction set (kernels/isa.h) for the life of the object, then returns to the
// default; applied() is the level actually set (the request, unless the CPU lacks it).
class ForcedIsa {
public:
    explicit ForcedIsa(Isa isa) : applied_(forceIsa(isa)) {}
    ~ForcedIsa() { forceIsa(std::nullopt); }
    ForcedIsa(const ForcedIsa&) = delete;
    ForcedIsa& operator=(const ForcedIsa&) = delete;
    [[nodiscard]] Isa applied() const { return applied_; }

private:
    Isa applied_;
};

[[nodiscard]] const char* interpolationName(Interpolation i);
[[nodiscard]] const char* coordinateName(CoordinateMode m);

}  // namespace stridelab::test
