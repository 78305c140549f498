#include "plots/profile_plot.h"

#include "i18n/language.h"
#include "plots/plot_style.h"
#include "plots/profile_math.h"
#include "plots/qcustomplot_fenced.h"
#include "tensor/tensor.h"

#include <QKeyEvent>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace stridelab::ui {

namespace {

constexpr double kGrabDistancePixels = 8.0;

void setStepData(QCPGraph* graph, const std::vector<float>& samples, std::int64_t inputWidth) {
    const StepLine line = stepLine(samples, inputWidth);
    QVector<double> keys(line.keys.begin(), line.keys.end());
    QVector<double> values;
    values.reserve(static_cast<qsizetype>(line.values.size()));
    for (double v : line.values) {
        // QCustomPlot leaves a gap at NaN; an infinity would wreck the value range instead.
        values.push_back(std::isfinite(v) ? v : std::numeric_limits<double>::quiet_NaN());
    }
    graph->setData(keys, values, true);
}

// The finite value range of the graphs, padded so the steps do not touch the frame.
QCPRange paddedValueRange(std::initializer_list<const QCPGraph*> graphs) {
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (const QCPGraph* graph : graphs) {
        for (const QCPGraphData& point : *graph->data()) {
            if (std::isfinite(point.value)) {
                low = std::min(low, point.value);
                high = std::max(high, point.value);
            }
        }
    }
    if (!(low <= high)) {
        return {0.0, 1.0};
    }
    if (low == high) {
        return {low - 0.5, high + 0.5};
    }
    const double pad = 0.08 * (high - low);
    return {low - pad, high + pad};
}

QString formatValue(float value) {
    return QString::number(value, 'g', 4);
}

}  // namespace

ProfilePlot::ProfilePlot(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
    setFocusPolicy(Qt::StrongFocus);
    plot_->setObjectName(QStringLiteral("profileCanvas"));
    plot_->setFocusPolicy(Qt::NoFocus);
    plot_->setMouseTracking(true);
    plot_->setMinimumSize(360, 220);
    plot_style::applyStyle(plot_);

    const auto header = plot_style::addHeader(plot_, font(), palette());
    title_ = header.title;
    readout_ = header.subtitle;
    plot_->plotLayout()->setRowSpacing(0);

    plot_->xAxis->ticker()->setTickCount(8);

    inputGraph_ = plot_->addGraph(plot_->xAxis, plot_->yAxis);
    layerGraph_ = plot_->addGraph(plot_->xAxis, plot_->yAxis);
    const std::pair<QCPGraph*, QColor> curves[] = {{inputGraph_, plot_style::kInputColor},
                                                   {layerGraph_, plot_style::kLayerColor}};
    for (const auto& [graph, colour] : curves) {
        graph->setLineStyle(QCPGraph::lsStepLeft);
        QPen pen(colour, plot_style::kLineWidth);
        pen.setJoinStyle(Qt::MiterJoin);
        pen.setCapStyle(Qt::FlatCap);
        graph->setPen(pen);
        graph->setSelectable(QCP::stNone);
    }

    markerLine_ = new QCPItemStraightLine(plot_);
    QPen markerPen(plot_style::kMarkerColor, 2.0, Qt::DashLine);
    markerLine_->setPen(markerPen);
    markerLine_->setSelectable(false);

    // The legend gets a row of its own above the axes, laid out sideways, so that it never
    // hides the curves.
    plot_->legend->setVisible(true);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setBorderPen(Qt::NoPen);
    plot_->legend->setBrush(Qt::NoBrush);
    plot_->legend->setColumnSpacing(24);
    plot_->legend->setMargins(QMargins(4, 2, 4, 0));
    // Centred between two empty elements that take all the spare width.
    auto* legendRow = new QCPLayoutGrid;
    plot_->plotLayout()->insertRow(2);
    plot_->plotLayout()->addElement(2, 0, legendRow);
    plot_->plotLayout()->setRowStretchFactor(2, 0.001);
    legendRow->addElement(0, 0, new QCPLayoutElement(plot_));
    legendRow->addElement(0, 1, plot_->legend);
    legendRow->addElement(0, 2, new QCPLayoutElement(plot_));
    legendRow->setColumnStretchFactors({1.0, 0.001, 1.0});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);

    connect(plot_, &QCustomPlot::mousePress, this, &ProfilePlot::onMousePress);
    connect(plot_, &QCustomPlot::mouseMove, this, &ProfilePlot::onMouseMove);
    connect(plot_, &QCustomPlot::mouseRelease, this, &ProfilePlot::onMouseRelease);
    i18n::retranslate(this, [this] {
        plot_->xAxis->setLabel(tr("input x (pixels)"));
        rebuild();  // the other labels, the title, the legend and the readout
    });
}

ProfilePlot::~ProfilePlot() = default;

void ProfilePlot::setProfiles(std::shared_ptr<const Tensor> input,
                              std::shared_ptr<const Tensor> layer, int channel, QString layerName) {
    // The window sets the same maps again as a computation starts, delivers the selected layer
    // and finishes: each rebuild and replot took 1.5 ms of its thread.
    if (input == input_ && (input_ ? layer : nullptr) == layer_ && channel == channel_ &&
        layerName == layerName_) {
        return;
    }
    const bool firstInput = !input_;
    input_ = std::move(input);
    layer_ = input_ ? std::move(layer) : nullptr;
    channel_ = channel;
    layerName_ = std::move(layerName);
    if (input_ && firstInput) {
        // A new plot starts in the middle of the image rather than at its edge.
        row_ = std::floor(static_cast<double>(input_->shape().h - 1) / 2.0);
        marker_ = std::floor(static_cast<double>(input_->shape().w - 1) / 2.0);
    }
    rebuild();
}

void ProfilePlot::setRow(double inputRow) {
    if (inputRow == row_) {
        return;
    }
    row_ = inputRow;
    rebuild();
}

void ProfilePlot::setMarker(double inputX) {
    marker_ = inputX;
    updateMarker();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

std::int64_t ProfilePlot::inputWidth() const {
    return input_ ? input_->shape().w : 0;
}

std::int64_t ProfilePlot::inputRowIndex() const {
    if (!input_ || input_->shape().h <= 0) {
        return -1;
    }
    return layerIndexForInput(row_, input_->shape().h, input_->shape().h);
}

std::int64_t ProfilePlot::layerRowIndex() const {
    if (!input_ || !layer_ || layer_->shape().h <= 0 || input_->shape().h <= 0) {
        return -1;
    }
    return layerIndexForInput(row_, input_->shape().h, layer_->shape().h);
}

int ProfilePlot::inputPointCount() const {
    return inputGraph_->data()->size();
}

int ProfilePlot::layerPointCount() const {
    return layerGraph_->data()->size();
}

QString ProfilePlot::readoutText() const {
    return readout_->text();
}

QWidget* ProfilePlot::canvas() const {
    return plot_;
}

QPoint ProfilePlot::canvasPosition(double inputX) const {
    const QRect rect = plot_->axisRect()->rect();
    return {static_cast<int>(std::lround(plot_->xAxis->coordToPixel(inputX))), rect.center().y()};
}

void ProfilePlot::rebuild() {
    const bool hasInput = input_ && input_->shape().elements() > 0;
    const bool hasLayer = hasInput && layer_ && layer_->shape().elements() > 0;
    inputGraph_->data()->clear();
    layerGraph_->data()->clear();
    inputGraph_->removeFromLegend();
    layerGraph_->removeFromLegend();
    plot_->yAxis2->setVisible(false);
    plot_->yAxis->setLabelColor(plot_style::inkColor(palette()));
    plot_->yAxis->setLabel(tr("value"));

    if (!hasInput) {
        title_->setText(tr("Row profile"));
        plot_->xAxis->setRange(-0.5, 9.5);
        plot_->yAxis->setRange(0.0, 1.0);
        updateMarker();
        plot_->replot(QCustomPlot::rpQueuedReplot);
        return;
    }

    const Shape& in = input_->shape();
    const std::int64_t inputRow = inputRowIndex();
    const bool sameChannels = hasLayer && layer_->shape().c == in.c;
    const std::int64_t channelCount = hasLayer ? layer_->shape().c : in.c;
    const std::int64_t channel = std::clamp<std::int64_t>(channel_, 0, channelCount - 1);
    const bool inputShowsChannel = in.c == 1 || sameChannels || (!hasLayer && channel_ < in.c);
    const std::int64_t inputChannel = in.c == 1 ? 0 : channel;

    setStepData(inputGraph_,
                inputShowsChannel ? tensorRow(*input_, inputChannel, inputRow)
                                  : channelMeanRow(*input_, inputRow),
                in.w);
    QString inputLabel = tr("input");
    if (in.c > 1) {
        inputLabel +=
            inputShowsChannel ? tr(" (ch %1)").arg(inputChannel) : tr(" (mean of %1 ch)").arg(in.c);
    }
    inputGraph_->setName(inputLabel);
    inputGraph_->addToLegend();

    QString title = tr("Row %1 of input (%2\u00D7%3)").arg(inputRow).arg(in.h).arg(in.w);
    if (hasLayer) {
        const Shape& ls = layer_->shape();
        const std::int64_t layerRow = layerRowIndex();
        setStepData(layerGraph_, tensorRow(*layer_, channel, layerRow), in.w);
        layerGraph_->setName(tr("%1 (ch %2)").arg(layerName_).arg(channel));
        layerGraph_->addToLegend();
        title += tr(" \u00B7 row %1 of %2 (%3\u00D7%4)")
                     .arg(layerRow)
                     .arg(layerName_)
                     .arg(ls.h)
                     .arg(ls.w);

        QCPAxis* valueAxis = sameChannels ? plot_->yAxis : plot_->yAxis2;
        layerGraph_->setValueAxis(valueAxis);
        if (sameChannels) {
            plot_->yAxis->setRange(paddedValueRange({inputGraph_, layerGraph_}));
        } else {
            plot_->yAxis->setRange(paddedValueRange({inputGraph_}));
            plot_->yAxis2->setRange(paddedValueRange({layerGraph_}));
            plot_->yAxis2->setVisible(true);
            plot_->yAxis2->setTickLabels(true);
            plot_->yAxis2->setLabel(tr("%1 value").arg(layerName_));
            plot_->yAxis2->setLabelColor(plot_style::kLayerColor.darker(115));
            plot_->yAxis->setLabel(tr("input value"));
            plot_->yAxis->setLabelColor(plot_style::kInputColor.darker(115));
        }
    } else {
        plot_->yAxis->setRange(paddedValueRange({inputGraph_}));
    }
    title_->setText(title);
    plot_->xAxis->setRange(-0.5, static_cast<double>(in.w) - 0.5);
    updateMarker();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void ProfilePlot::updateMarker() {
    const std::int64_t width = inputWidth();
    if (width <= 0 || inputGraph_->data()->isEmpty()) {
        markerLine_->setVisible(false);
        readout_->setText(input_ ? QString() : tr("no data"));
        return;
    }
    marker_ = std::clamp(marker_, 0.0, static_cast<double>(width - 1));
    markerLine_->setVisible(true);
    markerLine_->point1->setCoords(marker_, 0.0);
    markerLine_->point2->setCoords(marker_, 1.0);

    const auto column = layerIndexForInput(marker_, width, width);
    QString text = tr("x = %1").arg(QString::number(marker_, 'g', 6));
    const QString separator = QStringLiteral("   \u00B7   ");
    text += separator + tr("input %1")
                            .arg(formatValue(static_cast<float>(
                                inputGraph_->data()->at(static_cast<int>(column))->value)));
    if (layer_ && layerGraph_->data()->size() > 0) {
        const std::int64_t layerWidth = layer_->shape().w;
        const auto layerColumn = layerIndexForInput(marker_, width, layerWidth);
        text += separator +
                tr("%1 %2 (x = %3)")
                    .arg(layerName_,
                         formatValue(static_cast<float>(
                             layerGraph_->data()->at(static_cast<int>(layerColumn))->value)))
                    .arg(layerColumn);
    }
    readout_->setText(text);
}

void ProfilePlot::moveMarkerByUser(double inputX) {
    const std::int64_t width = inputWidth();
    if (width <= 0) {
        return;
    }
    inputX = std::clamp(inputX, 0.0, static_cast<double>(width - 1));
    if (inputX == marker_) {
        return;
    }
    setMarker(inputX);
    emit markerMoved(marker_);
}

double ProfilePlot::snappedInputX(double pixelX) const {
    return std::round(plot_->xAxis->pixelToCoord(pixelX));
}

void ProfilePlot::onMousePress(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || inputWidth() <= 0 ||
        !plot_->axisRect()->rect().contains(event->position().toPoint())) {
        return;
    }
    setFocus(Qt::MouseFocusReason);
    dragging_ = true;
    moveMarkerByUser(snappedInputX(event->position().x()));
}

void ProfilePlot::onMouseMove(QMouseEvent* event) {
    const double x = event->position().x();
    if (dragging_) {
        moveMarkerByUser(snappedInputX(x));
        return;
    }
    const bool nearMarker = markerLine_->visible() && std::abs(plot_->xAxis->coordToPixel(marker_) -
                                                               x) <= kGrabDistancePixels;
    if (nearMarker) {
        plot_->setCursor(Qt::SizeHorCursor);
    } else {
        plot_->unsetCursor();
    }
}

void ProfilePlot::onMouseRelease(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        dragging_ = false;
    }
}

void ProfilePlot::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        plot_style::applyStyle(plot_);
        title_->setTextColor(plot_style::inkColor(palette()));
        readout_->setTextColor(plot_style::inkColor(palette()));
        rebuild();
    }
}

void ProfilePlot::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_Left:
            moveMarkerByUser(std::ceil(marker_) - 1.0);
            break;
        case Qt::Key_Right:
            moveMarkerByUser(std::floor(marker_) + 1.0);
            break;
        case Qt::Key_Home:
            moveMarkerByUser(0.0);
            break;
        case Qt::Key_End:
            moveMarkerByUser(static_cast<double>(inputWidth() - 1));
            break;
        default:
            QWidget::keyPressEvent(event);
            return;
    }
    event->accept();
}

}  // namespace stridelab::ui
