#pragma once

// The sub-pixel decomposition of one axis of a transposed convolution, shared by its direct
// and GEMM paths: the output positions split by residue modulo the stride, each receiving a
// fixed subset of the kernel's taps.

#include <algorithm>
#include <cstdint>
#include <vector>

namespace stridelab {

// One phase of an axis: the outputs o = first + j * stride (j < count), whose full position
// (q0 + j) * stride + r receives tap k (k * dilation = r mod stride) from input q0 + j - shift,
// shift = (k * dilation - r) / stride. The taps of a residue are k0, k0 + m, ... with
// m = stride / gcd, so their shifts grow in steps of dilation / gcd: after flipping, the phase
// is a correlation with that dilation.
struct AxisPhase {
    std::int64_t first = 0;
    std::int64_t count = 0;
    std::int64_t q0 = 0;
    std::vector<std::int64_t> taps;    // ascending
    std::vector<std::int64_t> shifts;  // per tap, ascending
    [[nodiscard]] auto tapCount() const { return static_cast<std::int64_t>(taps.size()); }
    // The correlation's dilation.
    [[nodiscard]] std::int64_t step() const { return taps.size() > 1 ? shifts[1] - shifts[0] : 1; }
    // Its zero padding before the input: negative when the phase's first output reads inside
    // the input (a crop).
    [[nodiscard]] std::int64_t before() const { return shifts.back() - q0; }
    // Its padding after an input of `extent`, for outputs up to j1: whatever the last one reads
    // past the end.
    [[nodiscard]] std::int64_t after(std::int64_t extent, std::int64_t j1) const {
        return std::max<std::int64_t>(j1 - 1 + (tapCount() - 1) * step() - before() - (extent - 1),
                                      0);
    }
};

// The phases that own outputs, indexed by their first output (at most min(stride, out) of
// them, so that a stride far above the output costs nothing); each tap joins the phase of its
// residue, if that phase owns an output. `offset`: the full position of output 0 (the
// transposed convolution's cropped padding).
[[nodiscard]] std::vector<AxisPhase> axisPhases(std::int64_t out, std::int64_t kernel,
                                                std::int64_t stride, std::int64_t dilation,
                                                std::int64_t offset);

// ((a % m) + m) % m: the residue in [0, m).
[[nodiscard]] inline std::int64_t floorMod(std::int64_t a, std::int64_t m) {
    return ((a % m) + m) % m;
}

}  // namespace stridelab
