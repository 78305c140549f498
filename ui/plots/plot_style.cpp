#include "plots/plot_style.h"

#include "plots/qcustomplot_fenced.h"

namespace stridelab::ui::plot_style {

void styleAxis(QCPAxis* axis) {
    QFont tickFont = axis->tickLabelFont();
    tickFont.setPointSize(kTickPointSize);
    axis->setTickLabelFont(tickFont);
    QFont labelFont = axis->labelFont();
    labelFont.setPointSize(kLabelPointSize);
    axis->setLabelFont(labelFont);

    const QPen axisPen(QColor(0x40, 0x40, 0x40), 1.5);
    axis->setBasePen(axisPen);
    axis->setTickPen(axisPen);
    axis->setSubTickPen(QPen(QColor(0x40, 0x40, 0x40), 1.0));
    axis->setTickLengthIn(0);
    axis->setTickLengthOut(6);
    axis->setSubTickLengthIn(0);
    axis->setSubTickLengthOut(3);
    axis->setPadding(8);
    axis->setLabelPadding(6);
    axis->grid()->setPen(QPen(QColor(0xDD, 0xDD, 0xDD), 1.0));
    axis->grid()->setSubGridVisible(false);
    axis->grid()->setZeroLinePen(QPen(QColor(0xAA, 0xAA, 0xAA), 1.0));
}

void applyStyle(QCustomPlot* plot) {
    plot->setBackground(QBrush(Qt::white));
    plot->setAntialiasedElements(QCP::aeAll);
    plot->setNoAntialiasingOnDrag(false);
    for (QCPAxis* axis : plot->axisRect()->axes()) {
        styleAxis(axis);
    }
    plot->axisRect()->setMinimumMargins(QMargins(8, 8, 8, 8));

    QFont legendFont = plot->legend->font();
    legendFont.setPointSize(kLabelPointSize);
    plot->legend->setFont(legendFont);
    plot->legend->setBrush(QBrush(QColor(255, 255, 255, 220)));
    plot->legend->setBorderPen(QPen(QColor(0xBB, 0xBB, 0xBB), 1.0));
    plot->legend->setIconSize(32, 20);
}

}  // namespace stridelab::ui::plot_style
