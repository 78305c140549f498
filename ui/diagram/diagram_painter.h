#pragma once

// Draws a laid-out diagram with QPainter onto any paint device (an SVG generator, a PDF
// writer, an image, a widget), in layout units: the caller scales the painter to the device.

#include "diagram/diagram_layout.h"

class QPainter;

namespace stridelab::ui {

void paintDiagram(QPainter& painter, const DiagramLayout& layout, const DiagramContent& content,
                  const DiagramOptions& options);

}  // namespace stridelab::ui
