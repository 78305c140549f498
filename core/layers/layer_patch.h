#pragma once

// A layer with some of its pipeline-file keys changed: a JSON merge patch (RFC 7396) over the
// layer's keys, parsed as the file would be, so the result obeys every rule of the format.

#include "layers/layer_loading.h"

#include <QJsonObject>

namespace stridelab {

// `layer` with `patch` applied: a key set to null is removed, any other key is set.
[[nodiscard]] QJsonObject patchedJson(const Layer& layer, const QJsonObject& patch);
// The same, parsed by the layer type's own parser (errors are the file format's messages).
[[nodiscard]] Result<LayerPtr> patchedLayer(const Layer& layer, const QJsonObject& patch,
                                            const LayerLoadContext& context);

}  // namespace stridelab
