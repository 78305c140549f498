#include "diagram/diagram_model.h"

#include "layers/layer_registry.h"
#include "view/render.h"

#include <algorithm>
#include <array>

namespace stridelab::ui {

QColor DiagramPalette::color(MapRole role) const {
    switch (role) {
        case MapRole::Input:
            return input;
        case MapRole::Downsampling:
            return downsampling;
        case MapRole::Upsampling:
            return upsampling;
    }
    return input;
}

const QStringList& paletteColorNames() {
    static const QStringList names = {QStringLiteral("background"), QStringLiteral("text"),
                                      QStringLiteral("input"), QStringLiteral("downsampling"),
                                      QStringLiteral("upsampling")};
    return names;
}

QColor* paletteColor(DiagramPalette& palette, const QString& name) {
    const std::array<QColor*, 5> entries = {&palette.background, &palette.text, &palette.input,
                                            &palette.downsampling, &palette.upsampling};
    const qsizetype i = paletteColorNames().indexOf(name);
    return i < 0 ? nullptr : entries[static_cast<std::size_t>(i)];
}

Result<DiagramContent> diagramContent(const QString& title, const PipelineReport& report) {
    if (const LayerReport* broken = report.firstBroken()) {
        return Error::invalid(QStringLiteral("layers[%1] (%2): %3")
                                  .arg(broken->index - 1)
                                  .arg(broken->name, broken->error->message));
    }
    DiagramContent content;
    content.title = title;
    content.maps.push_back({QStringLiteral("input"), {}, {}, report.input, MapRole::Input, {}});
    for (const LayerReport& layer : report.layers) {
        if (!layer.shape) {
            return Error::invalid(
                QStringLiteral("layers[%1] (%2): no shape").arg(layer.index - 1).arg(layer.name));
        }
        const LayerType* type = findLayerType(layer.type);
        const MapRole role = type != nullptr && type->category == LayerCategory::Upsampling
                                 ? MapRole::Upsampling
                                 : MapRole::Downsampling;
        content.maps.push_back(
            {layer.name, layer.type, layer.description, layer.shape->output, role, {}});
    }
    return content;
}

namespace {

// Enlarges a small card by a whole factor (square elements, no smoothing) or reduces a large
// one, to about `target` pixels on its longer side.
QImage sizedCard(const QImage& image, int target) {
    const int longer = std::max(image.width(), image.height());
    if (image.isNull() || longer <= 0) {
        return image;
    }
    if (longer * 3 < target * 2) {
        const int factor = std::max(1, target / longer);
        return image.scaled(image.size() * factor, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    }
    if (longer * 2 > target * 3) {
        return image.scaled(target, target, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    return image;
}

}  // namespace

std::vector<QImage> renderDiagramCards(const Tensor& map, const DisplayOptions& display,
                                       int targetPixels) {
    std::vector<QImage> cards;
    if (showsAsRgb(map.shape(), display)) {
        cards.push_back(sizedCard(renderRgb(map, display), targetPixels));
        return cards;
    }
    const int count = static_cast<int>(std::min<std::int64_t>(map.shape().c, kMaxDiagramCards));
    for (int c = 0; c < count; ++c) {
        cards.push_back(
            sizedCard(renderChannel(map, c, display, displayRange(map, c, display)), targetPixels));
    }
    return cards;
}

QString diagramStyleKey(DiagramStyle style) {
    return style == DiagramStyle::Maps ? QStringLiteral("maps") : QStringLiteral("blocks");
}

std::optional<DiagramStyle> diagramStyleFromKey(const QString& key) {
    for (const DiagramStyle s : {DiagramStyle::Blocks, DiagramStyle::Maps}) {
        if (diagramStyleKey(s) == key) {
            return s;
        }
    }
    return std::nullopt;
}

QString diagramScaleKey(DiagramScale scale) {
    switch (scale) {
        case DiagramScale::Auto:
            return QStringLiteral("auto");
        case DiagramScale::Linear:
            return QStringLiteral("linear");
        case DiagramScale::Sqrt:
            return QStringLiteral("sqrt");
        case DiagramScale::Log:
            return QStringLiteral("log");
    }
    return {};
}

std::optional<DiagramScale> diagramScaleFromKey(const QString& key) {
    for (const DiagramScale s :
         {DiagramScale::Auto, DiagramScale::Linear, DiagramScale::Sqrt, DiagramScale::Log}) {
        if (diagramScaleKey(s) == key) {
            return s;
        }
    }
    return std::nullopt;
}

void attachDiagramCards(DiagramContent& content, const Tensor& input,
                        const std::vector<const Tensor*>& results) {
    if (results.size() + 1 != content.maps.size() || input.shape() != content.maps[0].shape) {
        return;
    }
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (results[i] == nullptr || results[i]->shape() != content.maps[i + 1].shape) {
            return;
        }
    }
    content.maps[0].cards = renderDiagramCards(input, content.display);
    for (std::size_t i = 0; i < results.size(); ++i) {
        content.maps[i + 1].cards = renderDiagramCards(*results[i], content.display);
    }
}

}  // namespace stridelab::ui
