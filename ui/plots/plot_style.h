#pragma once

// Shared look of the plots, sized for a projector: thick lines, large type, light grid.
// Private to ui/plots.

#include <QColor>
#include <QFont>
#include <QPalette>

class QCustomPlot;
class QCPTextElement;
class QCPAxis;

namespace stridelab::ui::plot_style {

inline constexpr double kLineWidth = 3.0;
inline constexpr int kTickPointSize = 11;
inline constexpr int kLabelPointSize = 12;
inline constexpr int kTitlePointSize = 13;

// Colour-blind-safe pair (Okabe-Ito blue and vermilion), dark enough for a washed-out beamer.
inline const QColor kInputColor{0x00, 0x72, 0xB2};
inline const QColor kLayerColor{0xD5, 0x5E, 0x00};
inline const QColor kBarColor{0x00, 0x72, 0xB2};
inline const QColor kMarkerColor{0x33, 0x33, 0x33};
inline const QColor kWarningColor{0xB0, 0x00, 0x20};

// Fonts, grid and colours of the plot's default axis rect (all four axes).
// Paper, ink and grid from the widget's palette, so the plots follow a light or dark system
// theme like the rest of the window.
[[nodiscard]] QColor paperColor(const QPalette& palette);
[[nodiscard]] QColor inkColor(const QPalette& palette);
[[nodiscard]] QColor gridColor(const QPalette& palette);

void applyStyle(QCustomPlot* plot);
void styleAxis(QCPAxis* axis);

// A bold title and a smaller line under it, above the axis rect, in the palette's ink.
struct PlotHeader {
    QCPTextElement* title = nullptr;
    QCPTextElement* subtitle = nullptr;
};
PlotHeader addHeader(QCustomPlot* plot, const QFont& font, const QPalette& palette);

}  // namespace stridelab::ui::plot_style
