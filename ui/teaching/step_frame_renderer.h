#pragma once

// Paints one step-through frame (core/teaching) onto any QPaintDevice: the input grid with
// its padding hatched, the window or taps of the frame, the output grid as far as it is
// computed, numbers on the cells when they fit, and a caption with the computation. A white
// figure with strong colours, legible on a projector.

#include "teaching/step_frames.h"

#include <QImage>
#include <QRectF>

class QPainter;

namespace stridelab::ui {

// Where the parts of a frame go in an area: plain geometry, no painting. Both grids use one
// cell size, as in the convolution-arithmetic figures, except for resizing, where the input
// gets as much room as the output so its sampling points can be seen.
struct StepFigureLayout {
    QRectF title;
    QRectF subtitle;
    QRectF caption;  // the computation, at the bottom
    QRectF inputLabel;
    QRectF outputLabel;
    QPointF inputOrigin;         // top-left corner of input.shown's first cell
    QPointF outputOrigin;        // top-left corner of output.shown's first cell
    double inputCellSize = 0.0;  // side of a cell in pixels
    double outputCellSize = 0.0;
    double titlePx = 0.0;  // font pixel sizes
    double captionPx = 0.0;
    bool wide = false;  // the words in a column beside the grids

    [[nodiscard]] QRectF inputCell(const StepGrid& grid, std::int64_t row, std::int64_t col) const;
    [[nodiscard]] QRectF outputCell(const StepGrid& grid, std::int64_t row, std::int64_t col) const;
    // Cells large enough to show their values.
    [[nodiscard]] bool inputNumbers() const;
    [[nodiscard]] bool outputNumbers() const;
};

[[nodiscard]] StepFigureLayout layoutStepFigure(const StepSequence& seq, const QRectF& area);

class StepFrameRenderer {
public:
    explicit StepFrameRenderer(const StepSequence& seq) : seq_(seq) {}

    // Frame `frame` filling `area`.
    void paint(QPainter& painter, const QRectF& area, int frame) const;
    // Frame `frame` as an image of `size` (exportSize() when empty).
    [[nodiscard]] QImage render(int frame, QSize size = {}) const;
    // An exported frame's size: cells large enough for their numbers, within 1280x800.
    [[nodiscard]] QSize exportSize() const;

private:
    void paintInput(QPainter& p, const StepFigureLayout& l, const StepFrame& f) const;
    void paintOutput(QPainter& p, const StepFigureLayout& l, const StepFrame& f) const;
    void paintResizeSamples(QPainter& p, const StepFigureLayout& l, const StepFrame& f) const;
    [[nodiscard]] QString inputLabel() const;
    // Whether a tap enters the result (a max pool skips padding; nothing reads past the end).
    [[nodiscard]] bool tapCounts(const StepTap& tap) const;

    const StepSequence& seq_;
};

}  // namespace stridelab::ui
