#include "layers/layer.h"

#include "pipeline/run_workspace.h"
#include "shape/axis_math.h"

#include <numeric>

namespace stridelab {

Tensor& ForwardQuery::scratch(std::size_t slot, Tensor& local) const {
    return workspace != nullptr ? workspace->scratch(slot) : local;
}

const EarlierLayer* ShapeQuery::find(const QString& name) const {
    if (earlier == nullptr) {
        return nullptr;
    }
    for (const EarlierLayer& e : *earlier) {
        if (e.name == name) {
            return &e;
        }
    }
    return nullptr;
}

std::int64_t Layer::perThreadWorkspaceBytes(const Shape& /*input*/,
                                            const LayerShape& /*shape*/) const {
    return 0;
}

std::int64_t Layer::workspaceBytes(const Shape& /*input*/, const LayerShape& /*shape*/) const {
    return 0;
}

std::vector<std::int64_t> Layer::positionsRead(Axis axis, std::int64_t position,
                                               const LayerShape& shape) const {
    const PositionRange d = dependencies(axis, position, shape);
    std::vector<std::int64_t> positions;
    positions.reserve(static_cast<std::size_t>(d.count));
    for (std::int64_t j = 0; j < d.count; ++j) {
        positions.push_back(d.first + j * d.step);
    }
    return positions;
}

PositionRange windowDependencies(std::int64_t position, const AxisShape& axis) {
    return {position * axis.stride - axis.before, axis.kernel, axis.dilation};
}

PositionRange scatterDependencies(std::int64_t position, const AxisShape& axis) {
    // Input i reaches output o when i*s + j*d - offset == o for a tap 0 <= j < k. The taps
    // that hit form an arithmetic progression, and so do their inputs.
    const std::int64_t target = position + axis.before;
    std::int64_t firstInput = 0;
    std::int64_t lastInput = 0;
    std::int64_t hits = 0;
    for (std::int64_t j = 0; j < axis.kernel; ++j) {
        const std::int64_t rest = target - j * axis.dilation;
        if (floorDiv(rest, axis.stride) * axis.stride != rest) {
            continue;
        }
        const std::int64_t i = rest / axis.stride;
        if (hits == 0) {
            firstInput = i;
        }
        lastInput = i;
        ++hits;
    }
    if (hits == 0) {
        return {0, 0, 1};
    }
    if (hits == 1) {
        return {lastInput, 1, 1};
    }
    return {lastInput, hits, (firstInput - lastInput) / (hits - 1)};
}

std::optional<Error> windowFitError(const QString& what, const AxisShape& height,
                                    const AxisShape& width) {
    const bool badH = height.out < 1;
    const bool badW = width.out < 1;
    if (!badH && !badW) {
        return std::nullopt;
    }
    if (badH && badW) {
        return Error::invalid(
            QStringLiteral("%1 %2x%3 is larger than the padded input %4x%5 on both axes")
                .arg(what)
                .arg(height.effectiveKernel)
                .arg(width.effectiveKernel)
                .arg(height.paddedExtent)
                .arg(width.paddedExtent));
    }
    const AxisShape& a = badH ? height : width;
    const QString dilated =
        a.dilation > 1 ? QStringLiteral(" (%1 with dilation %2)").arg(a.kernel).arg(a.dilation)
                       : QString();
    return Error::invalid(QStringLiteral("%1 %2 %3%4 is larger than the padded input %2 %5")
                              .arg(what, badH ? QStringLiteral("height") : QStringLiteral("width"))
                              .arg(a.effectiveKernel)
                              .arg(dilated)
                              .arg(a.paddedExtent));
}

}  // namespace stridelab
