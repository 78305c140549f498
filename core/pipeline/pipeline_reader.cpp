#include "pipeline/pipeline_reader.h"

#include "io/builtin_images.h"
#include "layers/layer_registry.h"
#include "util/did_you_mean.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cctype>

namespace stridelab {

namespace {

// Qt's parse error offset points just past the offending character (or at it, for a bad
// number or a byte that is not UTF-8); step back one, then forward over whitespace, to land on
// the character itself.
QString lineAndColumn(const QByteArray& text, const QJsonParseError& error) {
    const bool pointsAt = error.error == QJsonParseError::IllegalUTF8String;
    qsizetype offset = std::clamp<qsizetype>(error.offset - (pointsAt ? 0 : 1), 0, text.size());
    while (offset < text.size() && std::isspace(static_cast<unsigned char>(text[offset])) != 0) {
        ++offset;
    }
    const QByteArray before = text.left(offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

Result<InputSpec> parseInput(const JsonObjectReader& top) {
    const QString key = QStringLiteral("input");
    if (!top.has(key)) {
        return top.errorAt(key, QStringLiteral("required key is missing"));
    }
    if (!top.value(key).isObject()) {
        return top.errorAt(
            key,
            QStringLiteral("expected an object with \"image\", \"tensor\" or \"shape\", got %1")
                .arg(describeJson(top.value(key))));
    }
    const JsonObjectReader r(top.value(key).toObject(), key);
    if (auto s = r.allowOnly({QStringLiteral("image"), QStringLiteral("color_mode"),
                              QStringLiteral("resize"), QStringLiteral("tensor"),
                              QStringLiteral("shape")});
        !s) {
        return s.error();
    }
    QStringList kinds;
    for (const QString& kind :
         {QStringLiteral("image"), QStringLiteral("tensor"), QStringLiteral("shape")}) {
        if (r.has(kind)) {
            kinds << QStringLiteral("\"%1\"").arg(kind);
        }
    }
    if (kinds.size() != 1) {
        return Error::invalid(
            QStringLiteral(
                "input: expected exactly one of \"image\", \"tensor\" or \"shape\", got %1")
                .arg(kinds.isEmpty() ? QStringLiteral("none")
                                     : kinds.join(QStringLiteral(" and "))));
    }
    InputSpec spec;
    if (r.has(QStringLiteral("image"))) {
        spec.kind = InputKind::Image;
        auto image = r.requiredString(QStringLiteral("image"));
        if (!image) {
            return image.error();
        }
        spec.source = *image;
        if (auto known = checkBuiltinImageName(spec.source); !known) {
            return r.errorAt(QStringLiteral("image"), known.error().message);
        }
        if (r.has(QStringLiteral("color_mode"))) {
            auto mode =
                r.choice(QStringLiteral("color_mode"), colorModeNames(), QStringLiteral("rgb"));
            if (!mode) {
                return mode.error();
            }
            spec.colorMode = static_cast<ColorMode>(colorModeNames().indexOf(*mode));
        }
        auto resize = r.optionalPair(QStringLiteral("resize"), 1);
        if (!resize) {
            return resize.error();
        }
        if (resize->has_value() && !r.value(QStringLiteral("resize")).isArray()) {
            return r.errorAt(QStringLiteral("resize"),
                             QStringLiteral("expected [H, W], got %1")
                                 .arg(describeJson(r.value(QStringLiteral("resize")))));
        }
        spec.resize = *resize;
        return spec;
    }
    for (const QString& imageOnly : {QStringLiteral("color_mode"), QStringLiteral("resize")}) {
        if (r.has(imageOnly)) {
            return r.errorAt(imageOnly, QStringLiteral("only used with \"image\" input"));
        }
    }
    if (r.has(QStringLiteral("tensor"))) {
        spec.kind = InputKind::Tensor;
        auto tensor = r.requiredString(QStringLiteral("tensor"));
        if (!tensor) {
            return tensor.error();
        }
        spec.source = *tensor;
        return spec;
    }
    spec.kind = InputKind::Shape;
    const QJsonValue shape = r.value(QStringLiteral("shape"));
    const QJsonArray dims = shape.toArray();
    std::vector<std::int64_t> values;
    for (const QJsonValue& d : dims) {
        if (const auto n = jsonInteger(d); n && *n >= 1 && *n <= kMaxParameter) {
            values.push_back(*n);
        }
    }
    if (!shape.isArray() || dims.size() != 3 || values.size() != 3) {
        return r.errorAt(QStringLiteral("shape"),
                         QStringLiteral("expected [C, H, W] with integers from 1 to %1, got %2")
                             .arg(kMaxParameter)
                             .arg(describeJson(shape)));
    }
    spec.shape = {values[0], values[1], values[2]};
    return spec;
}

Result<PipelineLayer> parseLayer(const QJsonValue& value, const QString& path,
                                 const LayerLoadContext& context) {
    if (!value.isObject()) {
        return Error::invalid(
            QStringLiteral("%1: expected a layer object, got %2").arg(path, describeJson(value)));
    }
    const JsonObjectReader r(value.toObject(), path);
    auto type = r.requiredString(QStringLiteral("type"));
    if (!type) {
        return type.error();
    }
    const LayerType* layerType = findLayerType(*type);
    if (layerType == nullptr) {
        return r.errorAt(QStringLiteral("type"),
                         QStringLiteral("unknown layer type \"%1\"%2 (known: %3)")
                             .arg(*type, didYouMeanSuffix(*type, layerTypeNames()),
                                  layerTypeNames().join(QStringLiteral(", "))));
    }
    PipelineLayer layer;
    if (r.has(QStringLiteral("name"))) {
        auto name = r.requiredString(QStringLiteral("name"));
        if (!name) {
            return name.error();
        }
        if (name->trimmed().isEmpty()) {
            return r.errorAt(QStringLiteral("name"), QStringLiteral("must not be empty"));
        }
        if (std::any_of(name->cbegin(), name->cend(),
                        [](QChar ch) { return ch.category() == QChar::Other_Control; })) {
            return r.errorAt(
                QStringLiteral("name"),
                QStringLiteral("must not contain control characters (such as a line break)"));
        }
        if (*name == QStringLiteral("input")) {
            return r.errorAt(QStringLiteral("name"),
                             QStringLiteral("\"input\" is reserved for the pipeline's input"));
        }
        layer.name = *name;
        layer.explicitName = true;
    }
    auto parsed = layerType->parse(r, context);
    if (!parsed) {
        return parsed.error();
    }
    layer.layer = std::move(parsed).value();
    return layer;
}

}  // namespace

void assignDefaultNames(std::vector<PipelineLayer>& layers) {
    QSet<QString> taken;
    for (const PipelineLayer& l : layers) {
        if (l.explicitName) {
            taken.insert(l.name);
        }
    }
    QHash<QString, int> next;
    for (PipelineLayer& l : layers) {
        if (l.explicitName) {
            continue;
        }
        const QString type = l.layer->type();
        int& k = next[type];
        QString candidate;
        do {
            candidate = k == 0 ? type : QStringLiteral("%1_%2").arg(type).arg(k);
            ++k;
        } while (taken.contains(candidate));
        taken.insert(candidate);
        l.name = candidate;
    }
}

Result<Pipeline> parsePipeline(const QByteArray& json, const QString& source, const QDir& baseDir) {
    auto fail = [&](const Error& e) { return Result<Pipeline>(e.within(source)); };
    if (json.trimmed().isEmpty()) {
        return fail(Error::invalid(QStringLiteral("the file is empty")));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(
            Error::invalid(QStringLiteral("JSON syntax error at %1: %2")
                               .arg(lineAndColumn(json, parseError), parseError.errorString())));
    }
    if (!doc.isObject()) {
        return fail(Error::invalid(QStringLiteral("expected a JSON object at the top level")));
    }
    const JsonObjectReader top(doc.object(), {});
    if (auto s = top.allowOnly({QStringLiteral("format"), QStringLiteral("version"),
                                QStringLiteral("name"), QStringLiteral("input"),
                                QStringLiteral("layers")});
        !s) {
        return fail(s.error());
    }
    auto format = top.requiredString(QStringLiteral("format"));
    if (!format) {
        return fail(format.error());
    }
    if (*format != QStringLiteral("stridelab.pipeline")) {
        return fail(top.errorAt(
            QStringLiteral("format"),
            QStringLiteral("expected \"stridelab.pipeline\", got \"%1\"").arg(*format)));
    }
    auto version = top.integer(QStringLiteral("version"), 1, std::nullopt);
    if (!version) {
        return fail(version.error());
    }
    if (*version > kPipelineFormatVersion) {
        return fail(top.errorAt(
            QStringLiteral("version"),
            QStringLiteral(
                "version %1 is newer than this program reads (up to %2); update StrideLab")
                .arg(*version)
                .arg(kPipelineFormatVersion)));
    }
    Pipeline pipeline;
    pipeline.baseDir = baseDir;
    auto name = top.optionalString(QStringLiteral("name"));
    if (!name) {
        return fail(name.error());
    }
    QString fileStem = QFileInfo(source).completeBaseName();
    fileStem.remove(QRegularExpression(QStringLiteral("\\.stridelab$")));
    pipeline.name = name->value_or(fileStem);
    auto input = parseInput(top);
    if (!input) {
        return fail(input.error());
    }
    pipeline.input = std::move(input).value();

    const QJsonValue layers = top.value(QStringLiteral("layers"));
    if (layers.isUndefined()) {
        return fail(
            top.errorAt(QStringLiteral("layers"), QStringLiteral("required key is missing")));
    }
    if (!layers.isArray()) {
        return fail(top.errorAt(
            QStringLiteral("layers"),
            QStringLiteral("expected an array of layers, got %1").arg(describeJson(layers))));
    }
    const LayerLoadContext context{baseDir};
    QHash<QString, qsizetype> names;  // explicit name -> index
    const QJsonArray layerArray = layers.toArray();
    for (qsizetype i = 0; i < layerArray.size(); ++i) {
        const QString path = QStringLiteral("layers[%1]").arg(i);
        auto layer = parseLayer(layerArray[i], path, context);
        if (!layer) {
            return fail(layer.error());
        }
        if (layer->explicitName) {
            if (names.contains(layer->name)) {
                return fail(Error::invalid(
                    QStringLiteral("%1.name: \"%2\" is already the name of layers[%3]")
                        .arg(path, layer->name)
                        .arg(names.value(layer->name))));
            }
            names.insert(layer->name, i);
        }
        pipeline.layers.push_back(std::move(layer).value());
    }
    assignDefaultNames(pipeline.layers);

    for (std::size_t i = 0; i < pipeline.layers.size(); ++i) {
        const auto from = pipeline.layers[i].layer->indicesFrom();
        if (!from) {
            continue;
        }
        const QString path = QStringLiteral("layers[%1].indices_from").arg(i);
        std::optional<std::size_t> found;
        for (std::size_t j = 0; j < pipeline.layers.size(); ++j) {
            if (pipeline.layers[j].name == *from) {
                found = j;
            }
        }
        if (!found) {
            return fail(
                Error::invalid(QStringLiteral("%1: no layer is named \"%2\"").arg(path, *from)));
        }
        if (*found >= i) {
            return fail(
                Error::invalid(QStringLiteral("%1: \"%2\" is layers[%3], not an earlier layer")
                                   .arg(path, *from)
                                   .arg(*found)));
        }
        if (!pipeline.layers[*found].layer->recordsIndices()) {
            return fail(
                Error::invalid(QStringLiteral("%1: \"%2\" is of type %3, not a max_pool2d")
                                   .arg(path, *from, pipeline.layers[*found].layer->type())));
        }
    }
    return pipeline;
}

Result<Pipeline> loadPipeline(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::invalid(
            QStringLiteral("%1: cannot read the pipeline: %2").arg(path, file.errorString()));
    }
    return parsePipeline(file.readAll(), path, QFileInfo(path).absoluteDir());
}

}  // namespace stridelab
