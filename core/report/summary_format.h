#pragma once

// The summary table of a pipeline in the formats of `stridelab summary --format`.

#include "pipeline/pipeline_analysis.h"

#include <QJsonObject>
#include <QString>

namespace stridelab {

// Text, Json, Markdown and Csv are `summary --format`'s; Latex is for `export --table`.
enum class SummaryFormat { Text, Json, Markdown, Csv, Latex };

[[nodiscard]] const QStringList& summaryFormatNames();

[[nodiscard]] QJsonObject summaryToJson(const QString& pipelineName, const PipelineReport& report);
[[nodiscard]] QString formatSummary(const QString& pipelineName, const PipelineReport& report,
                                    SummaryFormat format);

// "(3, 64, 64)", or "(0.5, 0.5)"-style numbers without trailing zeros.
[[nodiscard]] QString formatJump(double jump);

}  // namespace stridelab
