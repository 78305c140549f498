#include "cli/commands.h"
#include "pipeline/benchmark.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace stridelab::cli {

namespace {

constexpr int kDefaultRepeat = 20;

// Rounded to `decimals` places as the nearest double, so that JSON prints 12.04, not
// 12.040000000000001.
double rounded(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

QJsonValue optionalNumber(const std::optional<double>& value) {
    return value ? QJsonValue(rounded(*value, 2)) : QJsonValue(QJsonValue::Null);
}

QString benchJson(const LoadedPipeline& loaded, const BenchResult& bench) {
    QJsonArray layers;
    for (std::size_t i = 0; i < bench.layers.size(); ++i) {
        const LayerTiming& t = bench.layers[i];
        const LayerReport& r = loaded.report.layers[i];
        layers.append(QJsonObject{{QStringLiteral("index"), r.index},
                                  {QStringLiteral("name"), r.name},
                                  {QStringLiteral("type"), r.type},
                                  {QStringLiteral("median_ms"), rounded(t.medianMs, 4)},
                                  {QStringLiteral("min_ms"), rounded(t.minMs, 4)},
                                  {QStringLiteral("gflops"), optionalNumber(t.gflops)},
                                  {QStringLiteral("gbps"), optionalNumber(t.gbps)}});
    }
    const QJsonObject root{{QStringLiteral("threads"), bench.threads},
                           {QStringLiteral("repeat"), bench.repeat},
                           {QStringLiteral("layers"), layers},
                           {QStringLiteral("total_median_ms"), rounded(bench.totalMedianMs, 4)}};
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

QString benchText(const LoadedPipeline& loaded, const BenchResult& bench) {
    QString text =
        QStringLiteral("%1: %2 thread(s), median and minimum of %3 runs after a warm-up\n\n")
            .arg(loaded.pipeline.name.isEmpty() ? loaded.file : loaded.pipeline.name)
            .arg(bench.threads)
            .arg(bench.repeat);
    text += QStringLiteral("%1  %2 %3 %4 %5 %6 %7\n")
                .arg(QStringLiteral("#"), 2)
                .arg(QStringLiteral("layer"), -20)
                .arg(QStringLiteral("type"), -17)
                .arg(QStringLiteral("median ms"), 10)
                .arg(QStringLiteral("min ms"), 10)
                .arg(QStringLiteral("GFLOP/s"), 9)
                .arg(QStringLiteral("GB/s"), 8);
    auto rate = [](const std::optional<double>& v, int width) {
        return v ? QStringLiteral("%1").arg(*v, width, 'f', 1)
                 : QStringLiteral("%1").arg(QStringLiteral("-"), width);
    };
    for (std::size_t i = 0; i < bench.layers.size(); ++i) {
        const LayerTiming& t = bench.layers[i];
        const LayerReport& r = loaded.report.layers[i];
        text += QStringLiteral("%1  %2 %3 %4 %5 %6 %7\n")
                    .arg(r.index, 2)
                    .arg(r.name.left(20), -20)
                    .arg(r.type, -17)
                    .arg(t.medianMs, 10, 'f', 3)
                    .arg(t.minMs, 10, 'f', 3)
                    .arg(rate(t.gflops, 9), rate(t.gbps, 8));
    }
    text += QStringLiteral("\nwhole pipeline: median %1 ms\n").arg(bench.totalMedianMs, 0, 'f', 3);
    return text;
}

}  // namespace

int benchCommand(const QStringList& arguments) {
    auto args = parseCommandArguments(QStringLiteral("bench"), arguments,
                                      {{QStringLiteral("--input")},
                                       {QStringLiteral("--threads")},
                                       {QStringLiteral("--repeat")},
                                       {QStringLiteral("--format")},
                                       {QStringLiteral("--memory-limit")}});
    if (!args) {
        return reportError(args.error());
    }
    int threads = 0;
    if (args->has(QStringLiteral("--threads"))) {
        auto parsed =
            parsePositiveInt(QStringLiteral("--threads"), args->value(QStringLiteral("--threads")));
        if (!parsed) {
            return reportError(parsed.error());
        }
        threads = *parsed;
    }
    int repeat = kDefaultRepeat;
    if (args->has(QStringLiteral("--repeat"))) {
        auto parsed =
            parsePositiveInt(QStringLiteral("--repeat"), args->value(QStringLiteral("--repeat")));
        if (!parsed) {
            return reportError(parsed.error());
        }
        repeat = *parsed;
    }
    const QString format = args->has(QStringLiteral("--format"))
                               ? args->value(QStringLiteral("--format"))
                               : QStringLiteral("text");
    if (format != QStringLiteral("text") && format != QStringLiteral("json")) {
        return reportError(Error::invalid(
            QStringLiteral("--format: expected text or json, got \"%1\"").arg(format)));
    }
    auto loaded = loadForCommand(args->positional.front(), *args, true);
    if (!loaded) {
        return reportError(loaded.error());
    }
    if (!loaded->report.ok()) {
        return reportError(layerError(*loaded));
    }
    if (auto budget = checkMemoryBudget(loaded->report, loaded->memoryLimit, threads); !budget) {
        return reportError(budget.error().within(loaded->file));
    }
    if (auto data = loadInputData(*loaded); !data) {
        return reportError(data.error());
    }
    auto bench = benchmarkPipeline(loaded->pipeline, loaded->report, *loaded->input, threads,
                                   repeat, loaded->memoryLimit);
    if (!bench) {
        return reportError(bench.error().within(loaded->file));
    }
    QTextStream out(stdout);
    out << (format == QStringLiteral("json") ? benchJson(*loaded, *bench)
                                             : benchText(*loaded, *bench));
    return kSuccess;
}

}  // namespace stridelab::cli
