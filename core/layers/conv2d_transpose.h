#pragma once

#include "layers/conv_options.h"

#include <memory>

namespace stridelab {

struct Conv2dTransposeCache;

// conv2d_transpose: Keras Conv2DTranspose ("valid"/"same") and PyTorch nn.ConvTranspose2d
// (explicit padding), both with output_padding.
class Conv2dTranspose final : public Layer {
public:
    struct Params {
        ConvOptions conv;
        std::optional<Pair> outputPadding;
    };

    explicit Conv2dTranspose(Params params);
    static Result<LayerPtr> parse(const JsonObjectReader& reader, const LayerLoadContext& context);
    static const std::vector<ParameterSpec>& parameters();

    [[nodiscard]] const Params& params() const { return params_; }
    [[nodiscard]] QString type() const override { return QStringLiteral("conv2d_transpose"); }
    [[nodiscard]] QJsonObject toJson() const override;
    [[nodiscard]] QString describe() const override;
    [[nodiscard]] Result<LayerShape> inferShape(const ShapeQuery& query) const override;
    void forward(const ForwardQuery& query, LayerResult& out) const override;
    [[nodiscard]] PositionRange dependencies(Axis axis, std::int64_t position,
                                             const LayerShape& shape) const override;
    [[nodiscard]] double jumpFactor(Axis axis, const LayerShape& shape) const override;
    [[nodiscard]] std::optional<NdArray> kernel(std::int64_t inputChannels) const override {
        return params_.conv.kernelFor(inputChannels, true);
    }
    [[nodiscard]] std::int64_t workspaceBytes(const Shape& input,
                                              const LayerShape& shape) const override;
    [[nodiscard]] std::int64_t perThreadWorkspaceBytes(const Shape& input,
                                                       const LayerShape& shape) const override;

private:
    Params params_;
    // Packed weights and the phases' scratch kept between forwards; copies share them (same
    // parameters).
    std::shared_ptr<Conv2dTransposeCache> cache_;
};

}  // namespace stridelab
