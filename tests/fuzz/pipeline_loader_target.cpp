// The pipeline loader: any text gives a clear error naming the file, or a pipeline that
// saves and loads back to the same text and whose analysis and summary work on any input.

#include "fuzz_targets.h"
#include "io/image_input.h"
#include "pipeline/pipeline_analysis.h"
#include "pipeline/pipeline_reader.h"
#include "pipeline/pipeline_writer.h"
#include "report/summary_format.h"

namespace stridelab::fuzz {

Violation pipelineLoader(const std::uint8_t* data, std::size_t size) {
    const QByteArray json(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QString source = QStringLiteral("fuzz.stridelab.json");
    // A folder that does not exist: relative image, tensor and weights paths fail to read,
    // the same way on every machine.
    const QDir baseDir(QStringLiteral("/nonexistent-stridelab-fuzz"));
    const auto pipeline = parsePipeline(json, source, baseDir);
    if (!pipeline) {
        if (!pipeline.error().message.startsWith(source + QStringLiteral(": "))) {
            return QStringLiteral("an error does not name the file: %1")
                .arg(pipeline.error().message);
        }
        return {};
    }

    const QByteArray saved = serializePipeline(*pipeline, baseDir);
    const auto reloaded = parsePipeline(saved, source, baseDir);
    if (!reloaded) {
        return QStringLiteral("a loaded pipeline saves as a file that does not load: %1\n%2")
            .arg(reloaded.error().message, QString::fromUtf8(saved));
    }
    if (const QByteArray again = serializePipeline(*reloaded, baseDir); again != saved) {
        return QStringLiteral("saving, loading and saving again changes the file:\n%1\n%2")
            .arg(QString::fromUtf8(saved), QString::fromUtf8(again));
    }

    // Files cannot be read from the missing folder; analyse those pipelines on a small input.
    const auto known = pipeline->input.kind == InputKind::Shape ||
                               pipeline->input.source.startsWith(QStringLiteral("builtin:"))
                           ? inputShape(pipeline->input, baseDir)
                           : Result<Shape>(Shape{3, 32, 32});
    if (!known) {
        return QStringLiteral("a loaded pipeline's input has no shape: %1")
            .arg(known.error().message);
    }
    const PipelineReport report = analyzePipeline(*pipeline, *known);
    if (report.layers.size() != pipeline->layers.size()) {
        return QStringLiteral("the analysis has %1 rows for %2 layers")
            .arg(report.layers.size())
            .arg(pipeline->layers.size());
    }
    for (const LayerReport& layer : report.layers) {
        if (layer.shape.has_value() == layer.error.has_value()) {
            return QStringLiteral("%1 has %2 a shape and an error")
                .arg(layer.name, layer.shape ? QStringLiteral("both") : QStringLiteral("neither"));
        }
        if (layer.shape) {
            const Shape& out = layer.shape->output;
            if (out.c < 1 || out.h < 1 || out.w < 1) {
                return QStringLiteral("%1 has the empty shape %2").arg(layer.name, out.toString());
            }
        }
    }
    for (const SummaryFormat format :
         {SummaryFormat::Text, SummaryFormat::Json, SummaryFormat::Markdown, SummaryFormat::Csv,
          SummaryFormat::Latex}) {
        if (formatSummary(pipeline->name, report, format).isEmpty()) {
            return QStringLiteral("the summary in format %1 is empty")
                .arg(static_cast<int>(format));
        }
    }
    return {};
}

}  // namespace stridelab::fuzz
