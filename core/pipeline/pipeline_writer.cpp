#include "pipeline/pipeline_writer.h"

#include "io/atomic_file.h"
#include "io/json_values.h"
#include "pipeline/pipeline_reader.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace stridelab {

namespace {

bool isBuiltin(const QString& source) {
    return source.startsWith(QStringLiteral("builtin:"));
}

QString rebase(const QString& path, const QDir& from, const QDir& to) {
    if (isBuiltin(path) || QFileInfo(path).isAbsolute()) {
        return path;
    }
    return to.relativeFilePath(from.absoluteFilePath(path));
}

QJsonObject inputToJson(const InputSpec& input, const QDir& from, const QDir& to) {
    QJsonObject json;
    switch (input.kind) {
        case InputKind::Image:
            json.insert(QStringLiteral("image"), rebase(input.source, from, to));
            if (input.colorMode) {
                json.insert(QStringLiteral("color_mode"),
                            colorModeNames().at(static_cast<qsizetype>(*input.colorMode)));
            }
            if (input.resize) {
                json.insert(QStringLiteral("resize"),
                            QJsonArray{static_cast<double>(input.resize->h),
                                       static_cast<double>(input.resize->w)});
            }
            break;
        case InputKind::Tensor:
            json.insert(QStringLiteral("tensor"), rebase(input.source, from, to));
            break;
        case InputKind::Shape:
            json.insert(QStringLiteral("shape"), QJsonArray{static_cast<double>(input.shape.c),
                                                            static_cast<double>(input.shape.h),
                                                            static_cast<double>(input.shape.w)});
            break;
    }
    return json;
}

}  // namespace

QJsonObject pipelineToJson(const Pipeline& pipeline, const QDir& targetDir) {
    QJsonArray layers;
    for (const PipelineLayer& l : pipeline.layers) {
        QJsonObject json = l.layer->toJson();
        json.insert(QStringLiteral("type"), l.layer->type());
        if (l.explicitName) {
            json.insert(QStringLiteral("name"), l.name);
        }
        if (json.contains(QStringLiteral("weights"))) {
            QJsonObject weights = json.value(QStringLiteral("weights")).toObject();
            for (const QString& key : weights.keys()) {
                if (weights.value(key).isString()) {
                    weights.insert(
                        key, rebase(weights.value(key).toString(), pipeline.baseDir, targetDir));
                }
            }
            json.insert(QStringLiteral("weights"), weights);
        }
        layers.append(json);
    }
    return QJsonObject{
        {QStringLiteral("format"), QStringLiteral("stridelab.pipeline")},
        {QStringLiteral("version"), kPipelineFormatVersion},
        {QStringLiteral("name"), pipeline.name},
        {QStringLiteral("input"), inputToJson(pipeline.input, pipeline.baseDir, targetDir)},
        {QStringLiteral("layers"), layers}};
}

QByteArray serializePipeline(const Pipeline& pipeline, const QDir& targetDir) {
    return QJsonDocument(pipelineToJson(pipeline, targetDir)).toJson(QJsonDocument::Indented);
}

Status savePipeline(const Pipeline& pipeline, const QString& path) {
    return writeFileAtomically(path, serializePipeline(pipeline, QFileInfo(path).absoluteDir()));
}

}  // namespace stridelab
