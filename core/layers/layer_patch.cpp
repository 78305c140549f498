#include "layers/layer_patch.h"

#include "layers/layer_registry.h"

namespace stridelab {

QJsonObject patchedJson(const Layer& layer, const QJsonObject& patch) {
    QJsonObject json = layer.toJson();
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isNull()) {
            json.remove(it.key());
        } else {
            json.insert(it.key(), it.value());
        }
    }
    return json;
}

Result<LayerPtr> patchedLayer(const Layer& layer, const QJsonObject& patch,
                              const LayerLoadContext& context) {
    const LayerType* type = findLayerType(layer.type());
    QJsonObject json = patchedJson(layer, patch);
    json.insert(QStringLiteral("type"), type->type);
    return type->parse(JsonObjectReader(json, QStringLiteral("layer")), context);
}

}  // namespace stridelab
