#pragma once

// The layer the Add menu inserts for each registry type: small, valid for most inputs, and
// showing what the type does (a pool halves, an upsampling doubles).

#include "pipeline/pipeline.h"

#include <QString>

namespace stridelab::ui {

// A new layer of `type`, or nullptr for an unknown type and for a type that needs an earlier
// layer (max_unpool2d needs a max_pool2d).
[[nodiscard]] LayerPtr defaultLayer(const QString& type);

// As above, for insertion at `insertAt` (a layer index, 0 = first) in `pipeline`:
// max_unpool2d takes its indices from the nearest max_pool2d before `insertAt`, or is
// nullptr when there is none.
[[nodiscard]] LayerPtr defaultLayer(const QString& type, const Pipeline& pipeline, int insertAt);

// Why defaultLayer(type, pipeline, insertAt) gives nothing ("needs an earlier max_pool2d"),
// or an empty string when it gives a layer.
[[nodiscard]] QString defaultLayerUnavailableReason(const QString& type, const Pipeline& pipeline,
                                                    int insertAt);

}  // namespace stridelab::ui
