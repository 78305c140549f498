#pragma once

#include "kernels/resize.h"
#include "layers/layer_loading.h"
#include "layers/parameter_spec.h"

namespace stridelab {

// upsampling2d: Keras UpSampling2D (integer `size`) / PyTorch nn.Upsample and
// F.interpolate (`output_size`), nearest, nearest-exact, bilinear and bicubic.
class Upsampling2d final : public Layer {
public:
    struct Params {
        std::optional<Pair> size;        // factors, as written
        std::optional<Pair> outputSize;  // [H, W] instead of factors
        Interpolation interpolation = Interpolation::Nearest;
        std::optional<CoordinateMode> coordinateMode;  // as written; half_pixel by default

        [[nodiscard]] CoordinateMode effectiveMode() const {
            return coordinateMode.value_or(CoordinateMode::HalfPixel);
        }
    };

    explicit Upsampling2d(Params params) : params_(std::move(params)) {}
    static Result<LayerPtr> parse(const JsonObjectReader& reader, const LayerLoadContext& context);
    static const std::vector<ParameterSpec>& parameters();

    [[nodiscard]] const Params& params() const { return params_; }
    [[nodiscard]] QString type() const override { return QStringLiteral("upsampling2d"); }
    [[nodiscard]] QJsonObject toJson() const override;
    [[nodiscard]] QString describe() const override;
    [[nodiscard]] Result<LayerShape> inferShape(const ShapeQuery& query) const override;
    void forward(const ForwardQuery& query, LayerResult& out) const override;
    [[nodiscard]] PositionRange dependencies(Axis axis, std::int64_t position,
                                             const LayerShape& shape) const override;
    [[nodiscard]] std::vector<std::int64_t> positionsRead(Axis axis, std::int64_t position,
                                                          const LayerShape& shape) const override;
    [[nodiscard]] double jumpFactor(Axis axis, const LayerShape& shape) const override;

private:
    Params params_;
};

[[nodiscard]] const QStringList& interpolationNames();
[[nodiscard]] const QStringList& coordinateModeNames();

}  // namespace stridelab
