#include "pipeline/pipeline.h"

namespace stridelab {

const PipelineLayer* Pipeline::find(const QString& layerName) const {
    for (const PipelineLayer& l : layers) {
        if (l.name == layerName) {
            return &l;
        }
    }
    return nullptr;
}

EnabledLayers enabledLayers(const Pipeline& pipeline) {
    EnabledLayers result{pipeline, {}};
    result.pipeline.layers.clear();
    for (std::size_t i = 0; i < pipeline.layers.size(); ++i) {
        if (pipeline.layers[i].enabled) {
            result.pipeline.layers.push_back(pipeline.layers[i]);
            result.positions.push_back(static_cast<int>(i));
        }
    }
    return result;
}

const QStringList& colorModeNames() {
    static const QStringList names = {QStringLiteral("rgb"), QStringLiteral("grayscale"),
                                      QStringLiteral("rgba")};
    return names;
}

QSet<QString> unpooledLayerNames(const Pipeline& pipeline) {
    QSet<QString> names;
    for (const PipelineLayer& l : pipeline.layers) {
        if (auto from = l.layer->indicesFrom()) {
            names.insert(*from);
        }
    }
    return names;
}

}  // namespace stridelab
