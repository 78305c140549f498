// Shape inference over random layer stacks. The bytes choose an input shape and up to six
// layers of any registered type, each parameter (from the type's ParameterSpec table) present
// or not and valid or not; the stack is written as a pipeline file and loaded the way every
// file is. Whatever the analysis reports must be consistent (a shape or an error per layer,
// shapes positive, the layers before the first broken one valid on their own), and a small
// enough valid stack must compute maps of exactly the shapes the analysis inferred.

#include "fuzz_support.h"
#include "fuzz_targets.h"
#include "layers/layer_registry.h"
#include "pipeline/element_trace.h"
#include "pipeline/executor.h"
#include "pipeline/pipeline_reader.h"
#include "util/saturating.h"
#include "weights/initializer.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace stridelab::fuzz {

namespace {

// Computing is checked only below these sizes, so one input stays well under a second.
constexpr std::int64_t kMaxComputeBytes = std::int64_t{48} << 20;
constexpr std::int64_t kMaxComputeMacs = 30'000'000;

QJsonValue pairValue(ByteReader& in) {
    if (in.flag()) {
        return static_cast<double>(in.interestingInteger());
    }
    return QJsonArray{static_cast<double>(in.interestingInteger()),
                      static_cast<double>(in.interestingInteger())};
}

QJsonValue paddingValue(ByteReader& in) {
    switch (in.pick(6)) {
        case 0:
            return QStringLiteral("valid");
        case 1:
            return QStringLiteral("same");
        case 2:
            return QStringLiteral("full");  // not a padding: an error to report
        case 3: {
            QJsonArray four;
            for (int i = 0; i < 4; ++i) {
                four.append(static_cast<double>(in.range(0, 4)));
            }
            return four;
        }
        default:
            return pairValue(in);
    }
}

// Explicit weights of about the shape the other parameters ask for (the input channels are
// guessed), so both the matching and the mismatching paths run.
QJsonValue weightsValue(ByteReader& in, const QJsonObject& layer) {
    // The first or last number of a parameter (an integer or a pair); out of range, 0.
    auto number = [&](const QString& key, bool last) -> std::int64_t {
        const QJsonValue v = layer.value(key);
        const double d =
            (v.isArray() ? (last ? v.toArray().last() : v.toArray().first()) : v).toDouble(1.0);
        return d >= 0.0 && d <= 64.0 ? static_cast<std::int64_t>(d) : 0;
    };
    const std::vector<std::int64_t> dims = {
        number(QStringLiteral("filters"), false), in.range(1, 4),
        number(QStringLiteral("kernel_size"), false), number(QStringLiteral("kernel_size"), true)};
    std::int64_t count = 1;
    for (const std::int64_t d : dims) {
        if (d < 1 || d > 64) {
            return QJsonObject{{QStringLiteral("kernel"), QJsonArray{1.0}}};
        }
        count *= d;
    }
    if (count > 4096) {
        return QJsonObject{{QStringLiteral("kernel"), QJsonArray{1.0}}};
    }
    std::function<QJsonValue(std::size_t)> build = [&](std::size_t depth) -> QJsonValue {
        if (depth == dims.size()) {
            return static_cast<double>(in.range(-8, 8)) / 4.0;
        }
        QJsonArray a;
        for (std::int64_t i = 0; i < dims[depth]; ++i) {
            a.append(build(depth + 1));
        }
        return a;
    };
    QJsonObject weights{{QStringLiteral("kernel"), build(0)}};
    if (in.flag()) {
        QJsonArray bias;
        for (std::int64_t i = 0; i < dims[0]; ++i) {
            bias.append(static_cast<double>(in.range(-4, 4)) / 4.0);
        }
        weights.insert(QStringLiteral("bias"), bias);
    }
    return weights;
}

QJsonValue parameterValue(const ParameterSpec& spec, ByteReader& in, const QJsonObject& layer,
                          const QStringList& earlierNames) {
    switch (spec.kind) {
        case ParameterKind::Integer:
            return static_cast<double>(in.interestingInteger());
        case ParameterKind::Pair:
        case ParameterKind::OptionalPair:
            return pairValue(in);
        case ParameterKind::Padding:
            return paddingValue(in);
        case ParameterKind::Choice:
            return in.range(0, 15) == 0 ? QStringLiteral("no_such_choice")
                                        : spec.choices.value(static_cast<qsizetype>(in.pick(
                                              static_cast<std::size_t>(spec.choices.size()))));
        case ParameterKind::Boolean:
            return in.flag();
        case ParameterKind::Number:
            return static_cast<double>(in.range(-40, 40)) / 8.0;
        case ParameterKind::Initializer: {
            const QStringList& names = initializerNames();
            const QString name = names.value(
                static_cast<qsizetype>(in.pick(static_cast<std::size_t>(names.size()))));
            if (name == QStringLiteral("gaussian") && in.flag()) {
                return QJsonObject{
                    {QStringLiteral("name"), name},
                    {QStringLiteral("sigma"), static_cast<double>(in.range(0, 16)) / 4.0}};
            }
            return name;
        }
        case ParameterKind::LayerName:
            return earlierNames.isEmpty() || in.range(0, 7) == 0
                       ? QStringLiteral("no_such_layer")
                       : earlierNames.value(static_cast<qsizetype>(
                             in.pick(static_cast<std::size_t>(earlierNames.size()))));
        case ParameterKind::Weights:
            return weightsValue(in, layer);
    }
    return {};
}

QByteArray pipelineJson(const QJsonArray& shape, const QJsonArray& layers) {
    const QJsonObject file{{QStringLiteral("format"), QStringLiteral("stridelab.pipeline")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("input"), QJsonObject{{QStringLiteral("shape"), shape}}},
                           {QStringLiteral("layers"), layers}};
    return QJsonDocument(file).toJson(QJsonDocument::Compact);
}

// A layer the loader refuses is left out (the loader is pipelineLoader's target), so most
// inputs reach the analysis with several layers.
QByteArray stackJson(ByteReader& in) {
    QJsonArray shape;
    for (int axis = 0; axis < 3; ++axis) {
        shape.append(static_cast<double>(in.range(0, 15) == 0 ? in.interestingInteger()
                                                              : in.range(1, axis == 0 ? 5 : 72)));
    }
    QJsonArray layers;
    QStringList names;
    const std::int64_t count = in.range(1, 6);
    for (std::int64_t i = 0; i < count; ++i) {
        const LayerType& type = layerTypes()[in.pick(layerTypes().size())];
        QJsonObject layer{{QStringLiteral("type"), type.type}};
        for (const ParameterSpec& spec : type.parameters()) {
            // Required parameters nearly always, the others half of the time.
            const bool required = spec.defaultValue.isUndefined();
            if ((required && in.range(0, 15) != 0) || (!required && in.flag())) {
                layer.insert(spec.key, parameterValue(spec, in, layer, names));
            }
        }
        const QString name = QStringLiteral("l%1").arg(i);
        layer.insert(QStringLiteral("name"), name);
        layers.append(layer);
        if (parsePipeline(pipelineJson(shape, layers), QStringLiteral("stack.json"), QDir())) {
            names << name;
        } else {
            layers.removeLast();
        }
    }
    return pipelineJson(shape, layers);
}

Violation checkReport(const PipelineReport& report) {
    bool broken = false;
    for (const LayerReport& layer : report.layers) {
        if (layer.shape.has_value() == layer.error.has_value()) {
            return QStringLiteral("%1 has both or neither a shape and an error").arg(layer.name);
        }
        if (broken && layer.shape) {
            return QStringLiteral("%1 has a shape after a broken layer").arg(layer.name);
        }
        broken = broken || !layer.shape;
        if (layer.shape) {
            const LayerShape& s = *layer.shape;
            if (s.output.c < 1 || s.output.h < 1 || s.output.w < 1 || s.params < 0 || s.macs < 0) {
                return QStringLiteral("%1 has the shape %2 with %3 params and %4 MACs")
                    .arg(layer.name, s.output.toString())
                    .arg(s.params)
                    .arg(s.macs);
            }
            if (s.height.out != s.output.h || s.width.out != s.output.w) {
                return QStringLiteral("%1: the axes say %2x%3, the shape %4")
                    .arg(layer.name)
                    .arg(s.height.out)
                    .arg(s.width.out)
                    .arg(s.output.toString());
            }
        }
    }
    if (report.memoryBytes < 0 || report.perThreadBytes < 0 || report.totalParams < 0 ||
        report.totalMacs < 0) {
        return QStringLiteral("negative totals: %1 bytes, %2 per thread, %3 params, %4 MACs")
            .arg(report.memoryBytes)
            .arg(report.perThreadBytes)
            .arg(report.totalParams)
            .arg(report.totalMacs);
    }
    return {};
}

// The multiply-adds a transposed convolution's kernel does when it correlates the whole
// zero-stuffed input: far more than the MACs the analysis counts (the non-zero taps) when the
// kernel is larger than its input, a known slow path (docs/reliability.md).
std::int64_t denseTransposedMacs(const PipelineReport& report) {
    std::int64_t total = 0;
    for (const LayerReport& layer : report.layers) {
        if (layer.type == QStringLiteral("conv2d_transpose")) {
            total = saturatingAdd(
                total, saturatingProduct({layer.shape->output.elements(), layer.input.c,
                                          layer.shape->height.kernel, layer.shape->width.kernel}));
        }
    }
    return total;
}

Violation checkCompute(const Pipeline& pipeline, const PipelineReport& report, ByteReader& in) {
    if (report.totalMacs > kMaxComputeMacs || denseTransposedMacs(report) > kMaxComputeMacs ||
        !checkMemoryBudget(report, kMaxComputeBytes, 1)) {
        return {};
    }
    Tensor input(report.input);
    const auto scale = static_cast<float>(in.range(1, 255));
    for (std::int64_t i = 0; i < input.size(); ++i) {
        input.data()[i] = static_cast<float>((i * 7919) % 256) / scale;
    }
    RunOptions options;
    options.threads = 1;
    options.memoryLimit = kMaxComputeBytes;
    const auto run = runPipeline(pipeline, report, input, options);
    if (!run) {
        return QStringLiteral("a valid stack does not compute: %1").arg(run.error().message);
    }
    if (run->layers.size() != report.layers.size()) {
        return QStringLiteral("%1 results for %2 layers")
            .arg(run->layers.size())
            .arg(report.layers.size());
    }
    for (std::size_t i = 0; i < report.layers.size(); ++i) {
        const LayerReport& layer = report.layers[i];
        const LayerResult& result = *run->layers[i];
        if (result.values.shape() != layer.shape->output ||
            result.values.size() != layer.shape->output.elements()) {
            return QStringLiteral("%1 inferred %2, computed %3")
                .arg(layer.name, layer.shape->output.toString(), result.values.shape().toString());
        }
        // A max pool records its indices only when a later max_unpool2d reads them.
        if (pipeline.layers[i].layer->recordsIndices() &&
            unpooledLayerNames(pipeline).contains(pipeline.layers[i].name)) {
            const std::int64_t plane = layer.input.h * layer.input.w;
            if (static_cast<std::int64_t>(result.argmax.size()) != result.values.size()) {
                return QStringLiteral("%1 recorded %2 indices for %3 values")
                    .arg(layer.name)
                    .arg(result.argmax.size())
                    .arg(result.values.size());
            }
            for (const std::int32_t index : result.argmax) {
                if (index < 0 || index >= plane) {
                    return QStringLiteral("%1 recorded the index %2 outside its %3x%4 input")
                        .arg(layer.name)
                        .arg(index)
                        .arg(layer.input.h)
                        .arg(layer.input.w);
                }
            }
        }
    }
    return {};
}

// The receptive-field explorer on one element of one map: an answer or an error, never a crash.
void exploreOneElement(const Pipeline& pipeline, const PipelineReport& report, ByteReader& in) {
    const TraceChain chain = traceChainOf(pipeline, report);
    const int map = static_cast<int>(in.range(0, static_cast<std::int64_t>(chain.links.size())));
    const Shape shape =
        map == 0 ? report.input : chain.links[static_cast<std::size_t>(map - 1)].shape.output;
    const auto trace =
        traceBothWays(chain.links, report.input, map, in.range(-1, shape.h), in.range(-1, shape.w));
    Q_UNUSED(trace);
}

}  // namespace

Violation layerStack(const std::uint8_t* data, std::size_t size) {
    ByteReader in(data, size);
    const QByteArray json = stackJson(in);
    // What an input stands for, when reproducing one: STRIDELAB_FUZZ_PRINT=1 fuzz_layer_stack FILE
    if (qEnvironmentVariableIsSet("STRIDELAB_FUZZ_PRINT")) {
        std::fprintf(stderr, "%s\n", json.constData());
    }
    const auto pipeline = parsePipeline(json, QStringLiteral("stack.json"), QDir());
    if (!pipeline) {
        return {};  // the loader's own errors are pipelineLoader's business
    }
    const PipelineReport report = analyzePipeline(*pipeline, pipeline->input.shape);
    if (auto v = checkReport(report)) {
        return *v + QStringLiteral("\n") + QString::fromUtf8(json);
    }
    // What the GUI computes when a layer is broken: the layers before it, on their own.
    Pipeline prefix = *pipeline;
    if (const LayerReport* broken = report.firstBroken()) {
        prefix.layers.resize(static_cast<std::size_t>(broken->index - 1));
    }
    const PipelineReport prefixReport = analyzePipeline(prefix, pipeline->input.shape);
    if (!prefixReport.ok()) {
        return QStringLiteral("the layers before the first broken one are not valid alone\n%1")
            .arg(QString::fromUtf8(json));
    }
    for (std::size_t i = 0; i < prefixReport.layers.size(); ++i) {
        if (prefixReport.layers[i].shape->output != report.layers[i].shape->output) {
            return QStringLiteral("%1 has another shape without the layers after it\n%2")
                .arg(report.layers[i].name, QString::fromUtf8(json));
        }
    }
    exploreOneElement(prefix, prefixReport, in);
    if (auto v = checkCompute(prefix, prefixReport, in)) {
        return *v + QStringLiteral("\n") + QString::fromUtf8(json);
    }
    return {};
}

}  // namespace stridelab::fuzz
