#pragma once

#include "layers/layer_loading.h"
#include "layers/parameter_spec.h"

namespace stridelab {

// max_unpool2d: PyTorch nn.MaxUnpool2d, with the indices of an earlier max_pool2d named by
// `indices_from` (layers may stand between them, as in SegNet).
class MaxUnpool2d final : public Layer {
public:
    explicit MaxUnpool2d(QString indicesFrom) : indicesFrom_(std::move(indicesFrom)) {}
    static Result<LayerPtr> parse(const JsonObjectReader& reader, const LayerLoadContext& context);
    static const std::vector<ParameterSpec>& parameters();

    [[nodiscard]] QString type() const override { return QStringLiteral("max_unpool2d"); }
    [[nodiscard]] QJsonObject toJson() const override;
    [[nodiscard]] QString describe() const override {
        return QStringLiteral("from %1").arg(indicesFrom_);
    }
    [[nodiscard]] Result<LayerShape> inferShape(const ShapeQuery& query) const override;
    void forward(const ForwardQuery& query, LayerResult& out) const override;
    [[nodiscard]] PositionRange dependencies(Axis axis, std::int64_t position,
                                             const LayerShape& shape) const override;
    [[nodiscard]] double jumpFactor(Axis axis, const LayerShape& shape) const override;
    [[nodiscard]] std::optional<QString> indicesFrom() const override { return indicesFrom_; }

private:
    QString indicesFrom_;
};

}  // namespace stridelab
