#pragma once

#include "layers/pool_options.h"

namespace stridelab {

// avg_pool2d: Keras AveragePooling2D ("same" divides by the real elements) / PyTorch
// nn.AvgPool2d (explicit padding with count_include_pad).
class AvgPool2d final : public Layer {
public:
    struct Params {
        PoolOptions pool;
        std::optional<bool> countIncludePad;  // as written; PyTorch's default true
    };

    explicit AvgPool2d(Params params) : params_(std::move(params)) {}
    static Result<LayerPtr> parse(const JsonObjectReader& reader, const LayerLoadContext& context);
    static const std::vector<ParameterSpec>& parameters();

    [[nodiscard]] const Params& params() const { return params_; }
    // Whether padded positions count in the divisor: only explicit padding with
    // count_include_pad (true by default, as in PyTorch); TensorFlow's "same" and "valid"
    // divide by the real elements.
    [[nodiscard]] bool countsPadding() const {
        return params_.pool.padding.kind == PaddingKind::Explicit &&
               params_.countIncludePad.value_or(true);
    }
    [[nodiscard]] QString type() const override { return QStringLiteral("avg_pool2d"); }
    [[nodiscard]] QJsonObject toJson() const override;
    [[nodiscard]] QString describe() const override;
    [[nodiscard]] Result<LayerShape> inferShape(const ShapeQuery& query) const override;
    void forward(const ForwardQuery& query, LayerResult& out) const override;
    [[nodiscard]] PositionRange dependencies(Axis axis, std::int64_t position,
                                             const LayerShape& shape) const override;
    [[nodiscard]] double jumpFactor(Axis axis, const LayerShape& shape) const override;

private:
    Params params_;
};

}  // namespace stridelab
