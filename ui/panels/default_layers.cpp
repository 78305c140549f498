#include "panels/default_layers.h"

#include "layers/layer_registry.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <algorithm>

namespace stridelab::ui {

namespace {

// The nearest max_pool2d before layer index `insertAt`.
const PipelineLayer* nearestPoolBefore(const Pipeline& pipeline, int insertAt) {
    const int end = std::clamp(insertAt, 0, static_cast<int>(pipeline.layers.size()));
    for (int i = end - 1; i >= 0; --i) {
        const PipelineLayer& l = pipeline.layers[static_cast<std::size_t>(i)];
        if (l.layer && l.layer->type() == QStringLiteral("max_pool2d")) {
            return &l;
        }
    }
    return nullptr;
}

// The parameters of each default, written as a pipeline file would write them, so the
// registry's own parser validates them.
QJsonObject defaultJson(const QString& type, const Pipeline& pipeline, int insertAt) {
    if (type == QStringLiteral("conv2d")) {
        return {{QStringLiteral("filters"), 8},
                {QStringLiteral("kernel_size"), 3},
                {QStringLiteral("padding"), QStringLiteral("same")},
                {QStringLiteral("activation"), QStringLiteral("relu")},
                {QStringLiteral("kernel_initializer"), QStringLiteral("he_normal")},
                {QStringLiteral("seed"), 0}};
    }
    if (type == QStringLiteral("max_pool2d") || type == QStringLiteral("avg_pool2d")) {
        return {{QStringLiteral("pool_size"), 2}};
    }
    if (type == QStringLiteral("upsampling2d")) {
        return {{QStringLiteral("size"), 2},
                {QStringLiteral("interpolation"), QStringLiteral("nearest")}};
    }
    if (type == QStringLiteral("max_unpool2d")) {
        const PipelineLayer* pool = nearestPoolBefore(pipeline, insertAt);
        if (pool == nullptr) {
            return {};
        }
        return {{QStringLiteral("indices_from"), pool->name}};
    }
    if (type == QStringLiteral("conv2d_transpose")) {
        return {{QStringLiteral("filters"), 8},
                {QStringLiteral("kernel_size"), 3},
                {QStringLiteral("strides"), 2},
                {QStringLiteral("padding"), QStringLiteral("same")}};
    }
    // A type added to the registry without a default here: its parser decides whether the
    // bare type is enough.
    return {};
}

}  // namespace

LayerPtr defaultLayer(const QString& type) {
    return defaultLayer(type, Pipeline{}, 0);
}

LayerPtr defaultLayer(const QString& type, const Pipeline& pipeline, int insertAt) {
    const LayerType* layerType = findLayerType(type);
    if (layerType == nullptr) {
        return nullptr;
    }
    if (type == QStringLiteral("max_unpool2d") &&
        nearestPoolBefore(pipeline, insertAt) == nullptr) {
        return nullptr;
    }
    QJsonObject json = defaultJson(type, pipeline, insertAt);
    json.insert(QStringLiteral("type"), type);
    auto layer = layerType->parse(JsonObjectReader(json, QStringLiteral("default %1").arg(type)),
                                  LayerLoadContext{pipeline.baseDir});
    if (!layer) {
        qWarning("default %s layer: %s", qPrintable(type), qPrintable(layer.error().message));
        return nullptr;
    }
    return *layer;
}

QString defaultLayerUnavailableReason(const QString& type, const Pipeline& pipeline, int insertAt) {
    if (findLayerType(type) == nullptr) {
        return QCoreApplication::translate("DefaultLayers", "unknown layer type \"%1\"").arg(type);
    }
    if (type == QStringLiteral("max_unpool2d") &&
        nearestPoolBefore(pipeline, insertAt) == nullptr) {
        return QCoreApplication::translate("DefaultLayers", "needs an earlier max_pool2d");
    }
    return {};
}

}  // namespace stridelab::ui
