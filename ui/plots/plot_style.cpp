#include "plots/plot_style.h"

#include "plots/qcustomplot_fenced.h"

namespace stridelab::ui::plot_style {

QColor paperColor(const QPalette& palette) {
    return palette.color(QPalette::Base);
}

QColor inkColor(const QPalette& palette) {
    return palette.color(QPalette::Text);
}

QColor gridColor(const QPalette& palette) {
    // A sixth of the way from the paper to the ink: visible, never louder than the data.
    const QColor paper = paperColor(palette);
    const QColor ink = inkColor(palette);
    return QColor::fromRgbF((5 * paper.redF() + ink.redF()) / 6,
                            (5 * paper.greenF() + ink.greenF()) / 6,
                            (5 * paper.blueF() + ink.blueF()) / 6);
}

void styleAxis(QCPAxis* axis) {
    QFont tickFont = axis->tickLabelFont();
    tickFont.setPointSize(kTickPointSize);
    axis->setTickLabelFont(tickFont);
    QFont labelFont = axis->labelFont();
    labelFont.setPointSize(kLabelPointSize);
    axis->setLabelFont(labelFont);

    const QPalette palette = axis->parentPlot()->palette();
    const QColor ink = inkColor(palette);
    const QPen axisPen(ink, 1.5);
    axis->setTickLabelColor(ink);
    axis->setLabelColor(ink);
    axis->setBasePen(axisPen);
    axis->setTickPen(axisPen);
    axis->setSubTickPen(QPen(ink, 1.0));
    axis->setTickLengthIn(0);
    axis->setTickLengthOut(6);
    axis->setSubTickLengthIn(0);
    axis->setSubTickLengthOut(3);
    axis->setPadding(8);
    axis->setLabelPadding(6);
    axis->grid()->setPen(QPen(gridColor(palette), 1.0));
    axis->grid()->setSubGridVisible(false);
    axis->grid()->setZeroLinePen(QPen(gridColor(palette).darker(130), 1.0));
}

void applyStyle(QCustomPlot* plot) {
    const QPalette palette = plot->palette();
    plot->setBackground(QBrush(paperColor(palette)));
    plot->setAntialiasedElements(QCP::aeAll);
    plot->setNoAntialiasingOnDrag(false);
    // Thin lines drawn as polylines: an antialiased step graph of a 512-wide row otherwise
    // costs tens of milliseconds per replot on the GUI thread.
    plot->setPlottingHint(QCP::phFastPolylines, true);
    // A replot schedules a paint instead of repainting on the spot (QCustomPlot's default):
    // the immediate repaint flushed the window's backing store, 14-17 ms of waiting on the
    // window's thread for each histogram that arrived.
    plot->setPlottingHint(QCP::phImmediateRefresh, false);
    for (QCPAxis* axis : plot->axisRect()->axes()) {
        styleAxis(axis);
    }
    plot->axisRect()->setMinimumMargins(QMargins(8, 8, 8, 8));

    QFont legendFont = plot->legend->font();
    legendFont.setPointSize(kLabelPointSize);
    plot->legend->setFont(legendFont);
    QColor legendPaper = paperColor(palette);
    legendPaper.setAlpha(220);
    plot->legend->setBrush(QBrush(legendPaper));
    plot->legend->setTextColor(inkColor(palette));
    plot->legend->setBorderPen(QPen(gridColor(palette), 1.0));
    plot->legend->setIconSize(32, 20);
}

PlotHeader addHeader(QCustomPlot* plot, const QFont& font, const QPalette& palette) {
    PlotHeader header;
    plot->plotLayout()->insertRow(0);
    header.title =
        new QCPTextElement(plot, QString(), QFont(font.family(), kTitlePointSize, QFont::Bold));
    header.title->setTextColor(inkColor(palette));
    plot->plotLayout()->addElement(0, 0, header.title);
    plot->plotLayout()->insertRow(1);
    header.subtitle = new QCPTextElement(plot, QString(), QFont(font.family(), kLabelPointSize));
    header.subtitle->setTextColor(inkColor(palette));
    plot->plotLayout()->addElement(1, 0, header.subtitle);
    return header;
}

}  // namespace stridelab::ui::plot_style
