#include "diagram/diagram_writer.h"

#include "diagram/diagram_layout.h"
#include "diagram/diagram_painter.h"
#include "io/atomic_file.h"

#include <QBuffer>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <cmath>

namespace stridelab::ui {

namespace {

constexpr double kLayoutDpi = 96.0;
constexpr int kPdfDpi = 1200;

// QSvgGenerator names only the one family; a viewer without it would fall back to its
// default, often a serif face, so offer the usual sans-serif ones after it.
QByteArray withFallbackFonts(QByteArray svg) {
    const QFont font = diagramFont(TextRole::Detail, 1.0);
    const QByteArray family = "font-family=\"" + font.family().toUtf8() + "\"";
    return svg.replace(family, "font-family=\"" + font.family().toUtf8() +
                                   ", Verdana, Arial, Helvetica, sans-serif\"");
}

}  // namespace

std::optional<DiagramFormat> diagramFormatFor(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QStringLiteral("svg")) {
        return DiagramFormat::Svg;
    }
    if (suffix == QStringLiteral("pdf")) {
        return DiagramFormat::Pdf;
    }
    if (suffix == QStringLiteral("png")) {
        return DiagramFormat::Png;
    }
    return std::nullopt;
}

QByteArray diagramSvg(const DiagramContent& content, const DiagramOptions& options) {
    const DiagramLayout layout = layoutDiagram(content, options);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(layout.size.toSize());
    generator.setViewBox(QRectF(QPointF(), layout.size));
    generator.setResolution(static_cast<int>(kLayoutDpi));
    generator.setTitle(content.title);
    generator.setDescription(QStringLiteral("The layer stack, drawn by StrideLab"));
    QPainter painter(&generator);
    paintDiagram(painter, layout, content, options);
    painter.end();
    return withFallbackFonts(bytes);
}

QByteArray diagramPdf(const DiagramContent& content, const DiagramOptions& options) {
    const DiagramLayout layout = layoutDiagram(content, options);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setCreator(QStringLiteral("StrideLab"));
    writer.setTitle(content.title);
    writer.setResolution(kPdfDpi);
    // The page is the diagram: 72 points per inch, 96 layout units per inch.
    writer.setPageSize(QPageSize(layout.size * (72.0 / kLayoutDpi), QPageSize::Point, QString(),
                                 QPageSize::ExactMatch));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Point);
    QPainter painter(&writer);
    painter.scale(kPdfDpi / kLayoutDpi, kPdfDpi / kLayoutDpi);
    paintDiagram(painter, layout, content, options);
    painter.end();
    return bytes;
}

Result<QImage> diagramImage(const DiagramContent& content, const DiagramOptions& options, int dpi) {
    const DiagramLayout layout = layoutDiagram(content, options);
    const double scale = dpi / kLayoutDpi;
    const auto width = static_cast<std::int64_t>(std::lround(layout.size.width() * scale));
    const auto height = static_cast<std::int64_t>(std::lround(layout.size.height() * scale));
    if (dpi <= 0 || width * height > kMaxDiagramPixels || width > 65535 || height > 65535) {
        return Error::invalid(
            QStringLiteral("a %1x%2-pixel image at %3 dpi is too large (at most %4 million "
                           "pixels); choose a lower resolution")
                .arg(width)
                .arg(height)
                .arg(dpi)
                .arg(kMaxDiagramPixels / 1'000'000));
    }
    QImage image(static_cast<int>(width), static_cast<int>(height), QImage::Format_RGB32);
    if (image.isNull()) {
        return Error::runtime(
            QStringLiteral("out of memory for a %1x%2-pixel image").arg(width).arg(height));
    }
    // Recorded in the PNG (pHYs), so that the picture keeps its size in inches.
    const int dotsPerMeter = static_cast<int>(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    image.fill(options.palette.background);
    QPainter painter(&image);
    painter.scale(scale, scale);
    paintDiagram(painter, layout, content, options);
    painter.end();
    return image;
}

Status writeDiagram(const QString& path, const DiagramContent& content,
                    const DiagramOptions& options, int dpi) {
    const auto format = diagramFormatFor(path);
    if (!format) {
        return Error::invalid(QStringLiteral("%1: expected a .svg, .pdf or .png file").arg(path));
    }
    QByteArray bytes;
    switch (*format) {
        case DiagramFormat::Svg:
            bytes = diagramSvg(content, options);
            break;
        case DiagramFormat::Pdf:
            bytes = diagramPdf(content, options);
            break;
        case DiagramFormat::Png: {
            auto image = diagramImage(content, options, dpi);
            if (!image) {
                return image.error().within(path);
            }
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            if (!image->save(&buffer, "PNG")) {
                return Error::runtime(QStringLiteral("%1: cannot encode the PNG").arg(path));
            }
            break;
        }
    }
    return writeFileAtomically(path, bytes);
}

}  // namespace stridelab::ui
