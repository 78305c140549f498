#pragma once

// Python code that builds the same stack in Keras or PyTorch, with the same output shapes
// (for the analysed input size): what `stridelab export --code` writes.

#include "pipeline/pipeline_analysis.h"
#include "report/layer_spelling.h"

namespace stridelab {

[[nodiscard]] const QStringList& frameworkNames();

// Code for `pipeline` analysed as `report` (which must be valid). Run as a script, the code
// builds the model, passes a random input through it and prints one line per layer:
// "name C H W" in (C, H, W) order for both frameworks.
[[nodiscard]] Result<QString> exportCode(const Pipeline& pipeline, const PipelineReport& report,
                                         Framework framework);

}  // namespace stridelab
