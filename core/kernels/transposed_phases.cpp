#include "kernels/transposed_phases.h"

namespace stridelab {

std::vector<AxisPhase> axisPhases(std::int64_t out, std::int64_t kernel, std::int64_t stride,
                                  std::int64_t dilation, std::int64_t offset) {
    std::vector<AxisPhase> phases(static_cast<std::size_t>(std::min(stride, out)));
    for (std::int64_t first = 0; first < static_cast<std::int64_t>(phases.size()); ++first) {
        AxisPhase& p = phases[static_cast<std::size_t>(first)];
        const std::int64_t r = floorMod(first + offset, stride);
        p.first = first;
        p.count = (out - first + stride - 1) / stride;
        p.q0 = (first + offset - r) / stride;  // exact: first + offset = r (mod stride)
    }
    for (std::int64_t k = 0; k < kernel; ++k) {
        const std::int64_t r = (k * dilation) % stride;
        const std::int64_t first = floorMod(r - offset, stride);
        if (first < static_cast<std::int64_t>(phases.size())) {
            AxisPhase& p = phases[static_cast<std::size_t>(first)];
            p.taps.push_back(k);
            p.shifts.push_back((k * dilation - r) / stride);
        }
    }
    return phases;
}

}  // namespace stridelab
