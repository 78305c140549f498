#include "plots/histogram_plot.h"

#include "compute/background_pool.h"
#include "compute/background_priority.h"
#include "i18n/language.h"
#include "plots/plot_style.h"
#include "plots/qcustomplot_fenced.h"
#include "tensor/tensor.h"

#include <QApplication>
#include <QCheckBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QPointer>
#include <QThreadPool>
#include <QVBoxLayout>

#include <algorithm>

namespace stridelab::ui {

HistogramPlot::HistogramPlot(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot(this)), logBox_(new QCheckBox(this)) {
    setAutoFillBackground(true);
    plot_->setObjectName(QStringLiteral("histogramCanvas"));
    plot_->setMinimumSize(320, 220);
    plot_style::applyStyle(plot_);

    const auto header = plot_style::addHeader(plot_, font(), palette());
    title_ = header.title;
    counts_ = header.subtitle;
    plot_->plotLayout()->setRowSpacing(0);

    applyPalette();
    plot_->yAxis->setNumberFormat(QStringLiteral("gb"));

    bars_ = new QCPBars(plot_->xAxis, plot_->yAxis);
    bars_->setWidthType(QCPBars::wtPlotCoords);
    bars_->setPen(QPen(plot_style::kBarColor.darker(130), 1.0));
    QColor fill = plot_style::kBarColor;
    fill.setAlpha(200);
    bars_->setBrush(fill);
    bars_->setAntialiased(false);  // crisp bin edges
    bars_->setSelectable(QCP::stNone);

    auto* options = new QHBoxLayout;
    options->setContentsMargins(8, 0, 8, 0);
    options->addStretch(1);
    options->addWidget(logBox_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(plot_, 1);
    layout->addLayout(options);

    connect(logBox_, &QCheckBox::toggled, this, &HistogramPlot::setLogScale);
    retranslateUi();
    i18n::onLanguageChange(this, [this] {
        retranslateUi();
        rebuild();
    });
    rebuild();
}

void HistogramPlot::retranslateUi() {
    logBox_->setText(tr("Log count"));
    logBox_->setToolTip(tr("Logarithmic count axis: shows the rare values in the tails"));
    plot_->xAxis->setLabel(tr("value"));
    plot_->yAxis->setLabel(tr("count"));
}

HistogramPlot::~HistogramPlot() = default;

void HistogramPlot::applyPalette() {
    restyling_ = true;
    // The plot's paper around the check box too, so the widget reads as one plot.
    QPalette paper =
        parentWidget() != nullptr ? parentWidget()->palette() : QApplication::palette();
    paper.setColor(QPalette::Window, plot_style::paperColor(paper));
    setPalette(paper);
    plot_style::applyStyle(plot_);
    title_->setTextColor(plot_style::inkColor(paper));
    restyling_ = false;
}

void HistogramPlot::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !restyling_) {
        applyPalette();
        rebuild();
    }
}

void HistogramPlot::setValues(std::shared_ptr<const Tensor> values, const QString& title) {
    // The window refreshes the selected map when a computation starts, delivers it and
    // finishes: the same map three times, binned once (a held map is never reused in place).
    if (values == values_ && values_ && title == title_->text()) {
        return;
    }
    values_ = std::move(values);
    title_->setText(values_ ? title : QString());
    const int generation = ++generation_;
    if (!values_ || values_->size() <= kSynchronousLimit) {
        histogram_ = values_ ? computeHistogram(values_->values()) : Histogram{};
        rebuild();
        return;
    }
    // Binning tens of millions of values takes seconds: do it on the thread pool, keep the
    // window responsive, and apply the result only if it is still the newest.
    counts_->setText(tr("binning %L1 values...").arg(values_->size()));
    plot_->replot(QCustomPlot::rpQueuedReplot);
    backgroundPool()->start([self = QPointer<HistogramPlot>(this), values = values_, generation] {
        yieldToTheWindow();
        Histogram histogram = computeHistogram(values->values());
        // qApp outlives every plot; the QPointer is checked on the GUI thread.
        QMetaObject::invokeMethod(
            qApp,
            [self, generation, histogram = std::move(histogram)]() mutable {
                if (self && self->generation_ == generation) {
                    self->histogram_ = std::move(histogram);
                    self->rebuild();
                }
            },
            Qt::QueuedConnection);
    });
}

void HistogramPlot::setLogScale(bool logarithmic) {
    if (logarithmic == logScale()) {
        return;
    }
    const QSignalBlocker blocker(logBox_);
    logBox_->setChecked(logarithmic);
    if (logarithmic) {
        plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
        auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
        ticker->setSubTickCount(8);
        plot_->yAxis->setTicker(ticker);
        plot_->yAxis->setNumberFormat(QStringLiteral("eb"));
        plot_->yAxis->setNumberPrecision(0);
    } else {
        plot_->yAxis->setScaleType(QCPAxis::stLinear);
        plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        plot_->yAxis->setNumberFormat(QStringLiteral("gb"));
        plot_->yAxis->setNumberPrecision(6);
    }
    applyRanges();
    plot_->replot(QCustomPlot::rpQueuedReplot);
    emit logScaleChanged(logarithmic);
}

bool HistogramPlot::logScale() const {
    return plot_->yAxis->scaleType() == QCPAxis::stLogarithmic;
}

int HistogramPlot::barCount() const {
    return bars_->data()->size();
}

QString HistogramPlot::countsText() const {
    return counts_->text();
}

void HistogramPlot::rebuild() {
    const int bins = histogram_.binCount();
    QVector<double> centres;
    QVector<double> counts;
    centres.reserve(bins);
    counts.reserve(bins);
    for (int i = 0; i < bins; ++i) {
        const auto b = static_cast<std::size_t>(i);
        centres.push_back(0.5 * (histogram_.edges[b] + histogram_.edges[b + 1]));
        counts.push_back(static_cast<double>(histogram_.counts[b]));
    }
    bars_->setData(centres, counts, true);
    if (bins > 0) {
        bars_->setWidth(histogram_.edges[1] - histogram_.edges[0]);
    }

    counts_->setText(values_ ? histogramCountsText(histogram_) : tr("no data"));
    counts_->setTextColor(histogram_.nonFinite() > 0 ? plot_style::kWarningColor
                                                     : plot_style::inkColor(palette()));
    applyRanges();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void HistogramPlot::applyRanges() {
    if (histogram_.binCount() == 0) {
        plot_->xAxis->setRange(0.0, 1.0);
        plot_->yAxis->setRange(logScale() ? 1.0 : 0.0, logScale() ? 10.0 : 1.0);
        return;
    }
    const double low = histogram_.edges.front();
    const double high = histogram_.edges.back();
    const double pad = 0.02 * (high - low);
    plot_->xAxis->setRange(low - pad, high + pad);

    const auto highest =
        static_cast<double>(*std::max_element(histogram_.counts.begin(), histogram_.counts.end()));
    if (logScale()) {
        // Bars start below 1 so that a bin holding a single value still shows.
        bars_->setBaseValue(0.5);
        plot_->yAxis->setRange(0.5, std::max(10.0, highest * 2.0));
    } else {
        bars_->setBaseValue(0.0);
        plot_->yAxis->setRange(0.0, std::max(1.0, highest * 1.06));
    }
}

}  // namespace stridelab::ui
