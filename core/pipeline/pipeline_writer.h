#pragma once

#include "pipeline/pipeline.h"

#include <QJsonObject>

namespace stridelab {

// The pipeline as its file would hold it; relative paths are rewritten to stay valid from
// `targetDir` (the folder the file will be saved in).
[[nodiscard]] QJsonObject pipelineToJson(const Pipeline& pipeline, const QDir& targetDir);
[[nodiscard]] QByteArray serializePipeline(const Pipeline& pipeline, const QDir& targetDir);
// Saves atomically (temporary file, then rename).
[[nodiscard]] Status savePipeline(const Pipeline& pipeline, const QString& path);

}  // namespace stridelab
