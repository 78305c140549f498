#pragma once

#include "io/json_reader.h"
#include "layers/layer.h"

#include <QDir>

#include <memory>

namespace stridelab {

using LayerPtr = std::shared_ptr<const Layer>;

// Where a layer's relative paths (weights .npy files) are resolved.
struct LayerLoadContext {
    QDir baseDir;
};

// A layer type's parser: the reader is positioned on `layers[i]`, with "type" and "name"
// already handled.
using LayerParser = Result<LayerPtr> (*)(const JsonObjectReader& reader,
                                         const LayerLoadContext& context);

}  // namespace stridelab
