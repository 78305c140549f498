#include "view/normalisation.h"

#include "view/value_summary.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>

namespace stridelab::ui {

namespace {

constexpr std::array<Normalisation, 3> kAll = {Normalisation::PerChannel, Normalisation::PerLayer,
                                               Normalisation::Fixed};

}  // namespace

ValueRange finiteRange(std::span<const float> values) {
    const ValueSummary summary = summarise(values);
    if (summary.finite == 0) {
        return {0.0F, 0.0F};
    }
    return {summary.lowest, summary.highest};
}

ValueRange channelRange(const Tensor& map, std::int64_t channel) {
    const Shape& s = map.shape();
    if (channel < 0 || channel >= s.c) {
        return {0.0F, 0.0F};
    }
    return finiteRange(
        std::span<const float>(map.channel(channel), static_cast<std::size_t>(s.h * s.w)));
}

ValueRange layerRange(const Tensor& map) {
    return finiteRange(map.values());
}

ValueRange symmetricRange(ValueRange range) {
    const float m = std::max(std::abs(range.min), std::abs(range.max));
    return {-m, m};
}

double normalisedValue(float value, ValueRange range) {
    if (!std::isfinite(value)) {
        return static_cast<double>(value);  // NaN, +inf, -inf: drawn in colours of their own
    }
    if (range.isDegenerate()) {
        if (value < range.min) {
            return 0.0;
        }
        return value > range.min ? 1.0 : 0.5;
    }
    const double t =
        (static_cast<double>(value) - range.min) / (static_cast<double>(range.max) - range.min);
    return std::clamp(t, 0.0, 1.0);
}

std::span<const Normalisation> allNormalisations() {
    return kAll;
}

QString normalisationDisplayName(Normalisation normalisation) {
    switch (normalisation) {
        case Normalisation::PerChannel:
            return QCoreApplication::translate("Normalisation", "Per channel");
        case Normalisation::PerLayer:
            return QCoreApplication::translate("Normalisation", "Per layer");
        case Normalisation::Fixed:
            return QCoreApplication::translate("Normalisation", "Fixed range");
    }
    return {};
}

QString normalisationKey(Normalisation normalisation) {
    switch (normalisation) {
        case Normalisation::PerChannel:
            return QStringLiteral("channel");
        case Normalisation::PerLayer:
            return QStringLiteral("layer");
        case Normalisation::Fixed:
            return QStringLiteral("fixed");
    }
    return {};
}

}  // namespace stridelab::ui
