#pragma once

#include <QPoint>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <memory>

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QCPTextElement;
class QMouseEvent;

namespace stridelab {
class Tensor;
}

namespace stridelab::ui {

// One row through the input and through the selected layer, both drawn against input x so that
// blur, aliasing and checkerboard artefacts line up with the pixels that caused them. Every
// sample is a flat step as wide as it is in input pixels. A vertical marker follows the mouse
// (press and drag) and the Left/Right keys, snapping to input pixel centres.
//
// When the layer has as many channels as the input (pooling, upsampling), both curves show
// `channel` on one value axis; otherwise the input curve is the mean over its channels and the
// layer gets its own value axis on the right.
class ProfilePlot : public QWidget {
    Q_OBJECT
public:
    explicit ProfilePlot(QWidget* parent = nullptr);
    ~ProfilePlot() override;

    // input nullptr clears the plot; layer nullptr shows the input alone. `channel` is clamped
    // to the layer's channels.
    void setProfiles(std::shared_ptr<const stridelab::Tensor> input,
                     std::shared_ptr<const stridelab::Tensor> layer, int channel,
                     QString layerName);
    // The row, in input coordinates; the layer's row is layerIndexForInput(row).
    void setRow(double inputRow);
    // Moves the marker without emitting markerMoved; clamped to the input's extent.
    void setMarker(double inputX);

    [[nodiscard]] double row() const { return row_; }
    [[nodiscard]] double marker() const { return marker_; }
    [[nodiscard]] std::int64_t inputRowIndex() const;
    [[nodiscard]] std::int64_t layerRowIndex() const;  // -1 without a layer

    // For tests: the points of the two step lines (samples + 1 each, 0 when absent), the text
    // under the title, the drawing surface and the point on it at input x, halfway up.
    [[nodiscard]] int inputPointCount() const;
    [[nodiscard]] int layerPointCount() const;
    [[nodiscard]] QString readoutText() const;
    [[nodiscard]] QWidget* canvas() const;
    [[nodiscard]] QPoint canvasPosition(double inputX) const;

signals:
    // The user moved the marker to input column inputX (a whole number).
    void markerMoved(double inputX);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    // A new palette (system theme, presentation mode) restyles the plot.
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void updateMarker();
    void moveMarkerByUser(double inputX);
    void onMousePress(QMouseEvent* event);
    void onMouseMove(QMouseEvent* event);
    void onMouseRelease(QMouseEvent* event);
    [[nodiscard]] double snappedInputX(double pixelX) const;
    [[nodiscard]] std::int64_t inputWidth() const;

    QCustomPlot* plot_ = nullptr;
    QCPGraph* inputGraph_ = nullptr;
    QCPGraph* layerGraph_ = nullptr;
    QCPItemStraightLine* markerLine_ = nullptr;
    QCPTextElement* title_ = nullptr;
    QCPTextElement* readout_ = nullptr;

    std::shared_ptr<const stridelab::Tensor> input_;
    std::shared_ptr<const stridelab::Tensor> layer_;
    int channel_ = 0;
    QString layerName_;
    double row_ = 0.0;
    double marker_ = 0.0;
    bool dragging_ = false;
};

}  // namespace stridelab::ui
