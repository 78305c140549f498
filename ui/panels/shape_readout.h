#pragma once

// The Properties panel's readout of one layer's shape: input, output (and as Keras writes it),
// the formula of each axis, padding, parameters, MACs, receptive field and jump; or the
// input's shape, or the error that stops the layer.

#include "pipeline/pipeline_analysis.h"

#include <QWidget>

#include <array>

class QLabel;

namespace stridelab::ui {

class ShapeReadout : public QWidget {
    Q_OBJECT
public:
    explicit ShapeReadout(QWidget* parent = nullptr);

    void showInput(const Shape& input);
    void showLayer(const LayerReport& report);
    void showNothing();

private:
    // A row per fact, a name and a value in plain text: every edit changes a few values while
    // a lecturer drags a spin box, and laying out the rich-text table this replaced took
    // 14 ms of the window's thread each time (the properties dock's relayout).
    enum Row { Input, Output, Height, Width, Padding, Params, Macs, ReceptiveField, Jump, kRows };
    void setRow(Row row, const QString& name, const QString& value);
    void showMessage(const QString& text, bool isError);

    std::array<QLabel*, kRows> names_{};
    std::array<QLabel*, kRows> values_{};
    QWidget* table_ = nullptr;
    QLabel* message_ = nullptr;
};

}  // namespace stridelab::ui
