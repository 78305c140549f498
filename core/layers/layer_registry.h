#pragma once

#include "layers/layer_loading.h"
#include "layers/parameter_spec.h"

#include <QString>

#include <vector>

namespace stridelab {

struct LayerType {
    QString type;         // the pipeline file's "type"
    QString displayName;  // for menus: "Conv2D"; see translatedName()
    LayerCategory category;
    LayerParser parse;
    const std::vector<ParameterSpec>& (*parameters)();
    QString kerasName;  // Keras and PyTorch equivalents, for tooltips and docs
    QString pytorchName;

    // The display name and Keras name in the interface language, for the GUI: marked for the
    // translation (context "LayerType"), English in core and on the command line.
    [[nodiscard]] QString translatedName() const;
    [[nodiscard]] QString translatedKerasName() const;
};

// Every layer type the program knows, in menu order. Adding a type is one line here.
[[nodiscard]] const std::vector<LayerType>& layerTypes();
[[nodiscard]] const LayerType* findLayerType(const QString& type);
[[nodiscard]] QStringList layerTypeNames();

}  // namespace stridelab
