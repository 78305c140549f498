#pragma once

#include "pipeline/pipeline.h"

#include <QByteArray>

namespace stridelab {

constexpr int kPipelineFormatVersion = 1;

// Strict loading: every error names the file and the JSON path; nothing is guessed.
[[nodiscard]] Result<Pipeline> loadPipeline(const QString& path);
// `source` names the text in errors; relative paths resolve against `baseDir`.
[[nodiscard]] Result<Pipeline> parsePipeline(const QByteArray& json, const QString& source,
                                             const QDir& baseDir);

// Gives unnamed layers their Keras-style default names ("conv2d", "conv2d_1", ...).
void assignDefaultNames(std::vector<PipelineLayer>& layers);

}  // namespace stridelab
