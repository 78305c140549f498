#pragma once

// An editor widget for each kind of layer parameter (ParameterSpec), reading and writing the
// parameter's JSON value as the pipeline file holds it.

#include "layers/parameter_spec.h"
#include "pipeline/pipeline.h"

#include <QJsonValue>
#include <QWidget>

namespace stridelab::ui {

class ParameterEditor : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    // Shows `value` (undefined: the parameter is not set, its default applies); emits nothing.
    virtual void setValue(const QJsonValue& value) = 0;
    // The value to write, or undefined to leave the key out.
    [[nodiscard]] virtual QJsonValue value() const = 0;

signals:
    // The user changed the value.
    void edited();
};

// The editor for `spec`; `pipeline` and `layerIndex` give a LayerName editor its choices.
[[nodiscard]] ParameterEditor* createParameterEditor(const ParameterSpec& spec,
                                                     const Pipeline& pipeline, int layerIndex,
                                                     QWidget* parent);

}  // namespace stridelab::ui
