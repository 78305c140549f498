#pragma once

#include "layers/pool_options.h"

namespace stridelab {

// max_pool2d: Keras MaxPooling2D / PyTorch nn.MaxPool2d; records argmax indices for unpooling.
class MaxPool2d final : public Layer {
public:
    explicit MaxPool2d(PoolOptions options) : options_(std::move(options)) {}
    static Result<LayerPtr> parse(const JsonObjectReader& reader, const LayerLoadContext& context);
    static const std::vector<ParameterSpec>& parameters();

    [[nodiscard]] const PoolOptions& options() const { return options_; }
    [[nodiscard]] QString type() const override { return QStringLiteral("max_pool2d"); }
    [[nodiscard]] QJsonObject toJson() const override;
    [[nodiscard]] QString describe() const override { return options_.describe(); }
    [[nodiscard]] Result<LayerShape> inferShape(const ShapeQuery& query) const override;
    void forward(const ForwardQuery& query, LayerResult& out) const override;
    [[nodiscard]] PositionRange dependencies(Axis axis, std::int64_t position,
                                             const LayerShape& shape) const override;
    [[nodiscard]] double jumpFactor(Axis axis, const LayerShape& shape) const override;
    [[nodiscard]] bool recordsIndices() const override { return true; }
    [[nodiscard]] std::int64_t workspaceBytes(const Shape& input,
                                              const LayerShape& shape) const override;

private:
    PoolOptions options_;
};

}  // namespace stridelab
