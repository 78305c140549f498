#pragma once

#include "kernels/padding.h"
#include "layers/conv_options.h"

#include <memory>

namespace stridelab {

struct Conv2dWeightCache;

// conv2d: Keras Conv2D / PyTorch nn.Conv2d, with PyTorch's padding modes.
class Conv2d final : public Layer {
public:
    struct Params {
        ConvOptions conv;
        PaddingMode paddingMode = PaddingMode::Zeros;
    };

    explicit Conv2d(Params params);
    static Result<LayerPtr> parse(const JsonObjectReader& reader, const LayerLoadContext& context);
    static const std::vector<ParameterSpec>& parameters();

    [[nodiscard]] const Params& params() const { return params_; }
    [[nodiscard]] QString type() const override { return QStringLiteral("conv2d"); }
    [[nodiscard]] QJsonObject toJson() const override;
    [[nodiscard]] QString describe() const override { return params_.conv.describe(); }
    [[nodiscard]] Result<LayerShape> inferShape(const ShapeQuery& query) const override;
    void forward(const ForwardQuery& query, LayerResult& out) const override;
    [[nodiscard]] PositionRange dependencies(Axis axis, std::int64_t position,
                                             const LayerShape& shape) const override;
    [[nodiscard]] double jumpFactor(Axis axis, const LayerShape& shape) const override;
    [[nodiscard]] std::optional<NdArray> kernel(std::int64_t inputChannels) const override {
        return params_.conv.kernelFor(inputChannels, false);
    }
    [[nodiscard]] std::int64_t workspaceBytes(const Shape& input,
                                              const LayerShape& shape) const override;
    [[nodiscard]] std::int64_t perThreadWorkspaceBytes(const Shape& input,
                                                       const LayerShape& shape) const override;

private:
    Params params_;
    // Weights packed for the vector kernels, kept between forwards; copies share them (same
    // parameters).
    std::shared_ptr<Conv2dWeightCache> cache_;
};

[[nodiscard]] const QStringList& paddingModeNames();

}  // namespace stridelab
