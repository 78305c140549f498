#pragma once

// A diagram as a file: SVG (QSvgGenerator) and PDF (QPdfWriter) as vectors, PNG at any
// resolution. The physical size is the layout's (1/96 inch per unit) in every format; a PNG
// at N dpi has N/96 as many pixels each way and records N dpi. Files are written atomically.

#include "diagram/diagram_model.h"

#include <QByteArray>
#include <QImage>

#include <optional>

namespace stridelab::ui {

enum class DiagramFormat { Svg, Pdf, Png };

constexpr int kDefaultDiagramDpi = 96;
// A PNG larger than this many pixels is refused rather than allocated.
constexpr std::int64_t kMaxDiagramPixels = 250'000'000;

// By the file's suffix, any case; nothing for another suffix.
[[nodiscard]] std::optional<DiagramFormat> diagramFormatFor(const QString& path);

[[nodiscard]] QByteArray diagramSvg(const DiagramContent& content, const DiagramOptions& options);
[[nodiscard]] QByteArray diagramPdf(const DiagramContent& content, const DiagramOptions& options);
// An error when the image would pass kMaxDiagramPixels.
[[nodiscard]] Result<QImage> diagramImage(const DiagramContent& content,
                                          const DiagramOptions& options, int dpi);

// Writes the format the suffix says: "FILE: expected a .svg, .pdf or .png file" for another.
[[nodiscard]] Status writeDiagram(const QString& path, const DiagramContent& content,
                                  const DiagramOptions& options, int dpi = kDefaultDiagramDpi);

}  // namespace stridelab::ui
