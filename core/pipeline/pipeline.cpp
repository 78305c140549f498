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

const QStringList& colorModeNames() {
    static const QStringList names = {QStringLiteral("rgb"), QStringLiteral("grayscale"),
                                      QStringLiteral("rgba")};
    return names;
}

}  // namespace stridelab
