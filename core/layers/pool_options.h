#pragma once

// What max_pool2d and avg_pool2d share: window, strides, padding, ceil_mode.

#include "kernels/pooling.h"
#include "layers/layer_loading.h"
#include "layers/parameter_spec.h"

#include <optional>

namespace stridelab {

struct PoolOptions {
    Pair poolSize{2, 2};
    std::optional<Pair> strides;  // defaults to poolSize
    PaddingSpec padding;
    bool ceilMode = false;

    [[nodiscard]] Pair effectiveStrides() const { return strides.value_or(poolSize); }
    [[nodiscard]] QString describe() const;
};

[[nodiscard]] Result<PoolOptions> parsePoolOptions(const JsonObjectReader& reader);
// The parameters of max_pool2d (average false) or avg_pool2d (true), for editors and docs.
[[nodiscard]] std::vector<ParameterSpec> poolParameterSpecs(bool average);
void writePoolOptions(const PoolOptions& options, QJsonObject& json);

// Output shape, padding and formulas of a pool on `input`; params and MACs are 0.
[[nodiscard]] Result<LayerShape> inferPoolShape(const PoolOptions& options, const Shape& input);
[[nodiscard]] PoolGeometry poolGeometry(const LayerShape& shape, const Shape& input);

}  // namespace stridelab
