#include "diagram/diagram_painter.h"

#include "view/trace_overlay.h"

#include "view/colormap.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace stridelab::ui {

namespace {

constexpr double kArrowHead = 7.0;
constexpr double kArrowHalfWidth = 3.5;

// `a` mixed with `t` of `b`.
QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1.0 - t) + b.redF() * t),
                            static_cast<float>(a.greenF() * (1.0 - t) + b.greenF() * t),
                            static_cast<float>(a.blueF() * (1.0 - t) + b.blueF() * t));
}

void paintCuboid(QPainter& painter, const DiagramBlock& block, const QColor& color) {
    painter.setPen(QPen(color.darker(170), 0.8, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    // Light from the top left: the top face lightest, the side in shadow.
    painter.setBrush(color.darker(112));
    painter.drawPolygon(block.sideFace());
    painter.setBrush(color.lighter(115));
    painter.drawPolygon(block.topFace());
    painter.setBrush(color);
    painter.drawRect(block.front);
}

// Part `part` (in card coordinates) of a card image drawn at `target`.
void drawCardPart(QPainter& painter, const QImage& image, const QRectF& card, const QRectF& part) {
    const double sx = image.width() / card.width();
    const double sy = image.height() / card.height();
    const QRect source = QRectF((part.left() - card.left()) * sx, (part.top() - card.top()) * sy,
                                part.width() * sx, part.height() * sy)
                             .toAlignedRect()
                             .intersected(image.rect());
    if (source.isEmpty()) {
        return;
    }
    // Crop before drawing, so that vector formats embed only what shows.
    const QImage piece = source == image.rect() ? image : image.copy(source);
    const QRectF device = painter.worldTransform().mapRect(part);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, device.width() < piece.width());
    painter.drawImage(part, piece);
}

void paintStack(QPainter& painter, const DiagramBlock& block, const DiagramMap& map,
                const QColor& color, const QColor& background) {
    for (int i = block.cards - 1; i >= 0; --i) {
        const QRectF card = block.card(i);
        const QImage* image = i < static_cast<int>(map.cards.size())
                                  ? &map.cards[static_cast<std::size_t>(i)]
                                  : nullptr;
        if (image == nullptr || image->isNull()) {
            painter.fillRect(card, mix(color, background, 0.6));
        } else if (i == 0) {
            drawCardPart(painter, *image, card, card);
            if (map.trace) {
                paintTrace(painter, *map.trace, card, map.traceOrigin);
            }
        } else {
            // Only the top and right strips of a card show past the one in front of it.
            const QRectF inFront = block.card(i - 1);
            drawCardPart(painter, *image, card,
                         QRectF(card.topLeft(), QPointF(card.right(), inFront.top())));
            drawCardPart(painter, *image, card,
                         QRectF(QPointF(inFront.right(), inFront.top()), card.bottomRight()));
        }
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(color, i == 0 ? 2.0 : 1.2));
        painter.drawRect(card);
    }
}

void paintArrow(QPainter& painter, const DiagramArrow& arrow, const QColor& color) {
    if (arrow.path.size() < 2) {
        return;
    }
    const QPointF tip = arrow.path.back();
    const QPointF from = arrow.path[arrow.path.size() - 2];
    const QPointF d = tip - from;
    const double length = std::hypot(d.x(), d.y());
    if (length <= 0.0) {
        return;
    }
    const QPointF u = d / length;
    const QPointF n(-u.y(), u.x());
    const QPointF base = tip - u * kArrowHead;
    QPolygonF line = arrow.path;
    line.back() = base;
    painter.setPen(QPen(color, 1.2, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPolyline(line);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawPolygon(QPolygonF({tip, base + n * kArrowHalfWidth, base - n * kArrowHalfWidth}));
}

QImage colorBarImage(ColormapName colormap) {
    QImage bar(256, 1, QImage::Format_RGB32);
    for (int x = 0; x < 256; ++x) {
        bar.setPixel(x, 0, colormapColor(colormap, x / 255.0));
    }
    return bar;
}

}  // namespace

void paintDiagram(QPainter& painter, const DiagramLayout& layout, const DiagramContent& content,
                  const DiagramOptions& options) {
    const DiagramPalette& palette = options.palette;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(QRectF(QPointF(), layout.size), palette.background);

    for (const DiagramBlock& block : layout.blocks) {
        const QColor color = palette.color(block.role);
        if (options.style == DiagramStyle::Blocks) {
            paintCuboid(painter, block, color);
        } else if (block.map >= 0 && block.map < static_cast<int>(content.maps.size())) {
            paintStack(painter, block, content.maps[static_cast<std::size_t>(block.map)], color,
                       palette.background);
        }
    }
    for (const DiagramArrow& arrow : layout.arrows) {
        paintArrow(painter, arrow, palette.text);
    }
    for (const DiagramSwatch& swatch : layout.swatches) {
        painter.setPen(QPen(palette.color(swatch.role).darker(170), 0.8));
        painter.setBrush(palette.color(swatch.role));
        painter.drawRect(swatch.rect);
    }
    if (layout.key) {
        paintCuboid(painter, *layout.key, mix(palette.background, palette.text, 0.12));
    }
    if (!layout.colorBar.isEmpty()) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
        painter.drawImage(layout.colorBar, colorBarImage(content.display.colormap));
        painter.setPen(QPen(mix(palette.text, palette.background, 0.5), 0.8));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(layout.colorBar);
    }

    const QColor dimension = mix(palette.text, palette.background, 0.2);
    for (const DiagramText& text : layout.texts) {
        painter.setFont(diagramFont(text.role, options.fontScale));
        painter.setPen(text.role == TextRole::Dimension ? dimension : palette.text);
        painter.drawText(text.rect, static_cast<int>(text.alignment) | Qt::TextDontClip, text.text);
    }
    painter.restore();
}

}  // namespace stridelab::ui
