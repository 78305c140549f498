#pragma once

// How a receptive-field trace is drawn over a map: the traced elements filled, padding cells
// hatched outside the map's edge, the clicked element outlined. Used by the big map view and
// by the card thumbnails, so both say the same thing.

#include "pipeline/element_trace.h"

#include <QColor>
#include <QRectF>

#include <vector>

class QPainter;

namespace stridelab::ui {

// Consecutive positions [first, last] of a sorted list, split where they cross the map's
// edges at 0 and `extent` so that each run is all inside or all padding.
struct PositionRun {
    std::int64_t first = 0;
    std::int64_t last = 0;
    bool inside = true;

    friend bool operator==(const PositionRun&, const PositionRun&) = default;
};
[[nodiscard]] std::vector<PositionRun> positionRuns(const std::vector<std::int64_t>& sorted,
                                                    std::int64_t extent);

struct TraceColors {
    QColor element{0xff, 0x6d, 0x00};  // traced elements: outline, and fill at low alpha
    QColor padding{0x90, 0xa4, 0xae};  // padding cells
    QColor origin{0x00, 0xe5, 0xff};   // the clicked element
};

// Paints `trace` over a map drawn in `mapRect` (its whole extent, shape.w x shape.h elements).
// `isOrigin`: this map holds the clicked element, outlined rather than filled.
void paintTrace(QPainter& painter, const MapTrace& trace, QRectF mapRect, bool isOrigin,
                const TraceColors& colors = {});

}  // namespace stridelab::ui
