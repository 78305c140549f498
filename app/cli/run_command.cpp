#include "cli/commands.h"
#include "io/atomic_file.h"
#include "io/npy.h"
#include "pipeline/executor.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace stridelab::cli {

namespace {

QString fileNameFor(int index, const QString& name) {
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_.-]"));
    QString safe = name;
    safe.replace(unsafe, QStringLiteral("_"));
    // The index prefix keeps names unique; the cut keeps file names within filesystem limits.
    safe.truncate(100);
    return QStringLiteral("%1_%2.npy").arg(index, 2, 10, QLatin1Char('0')).arg(safe);
}

QJsonArray shapeJson(const Shape& s) {
    return QJsonArray{static_cast<double>(s.c), static_cast<double>(s.h), static_cast<double>(s.w)};
}

}  // namespace

int runCommand(const QStringList& arguments) {
    auto args = parseCommandArguments(QStringLiteral("run"), arguments,
                                      {{QStringLiteral("--dump")},
                                       {QStringLiteral("--input")},
                                       {QStringLiteral("--input-shape")},
                                       {QStringLiteral("--threads")},
                                       {QStringLiteral("--memory-limit")},
                                       {QStringLiteral("--quiet"), false}});
    if (!args) {
        return reportError(args.error());
    }
    if (!args->has(QStringLiteral("--dump"))) {
        return reportError(Error::invalid(QStringLiteral("run needs --dump DIR")));
    }
    if (args->has(QStringLiteral("--input-shape"))) {
        return reportError(Error::invalid(
            QStringLiteral("--input-shape is for summary only; run needs data (--input FILE)")));
    }
    RunOptions options;
    if (args->has(QStringLiteral("--threads"))) {
        auto threads =
            parsePositiveInt(QStringLiteral("--threads"), args->value(QStringLiteral("--threads")));
        if (!threads) {
            return reportError(threads.error());
        }
        options.threads = *threads;
    }
    if (args->has(QStringLiteral("--memory-limit"))) {
        auto limit = parseByteSize(args->value(QStringLiteral("--memory-limit")));
        if (!limit) {
            return reportError(limit.error());
        }
        options.memoryLimit = *limit;
    }
    const bool quiet = args->has(QStringLiteral("--quiet"));

    auto loaded = loadForCommand(args->positional.front(), *args, true);
    if (!loaded) {
        return reportError(loaded.error());
    }
    if (!loaded->report.ok()) {
        return reportError(layerError(*loaded));
    }
    if (auto budget = checkMemoryBudget(loaded->report, options.memoryLimit, options.threads);
        !budget) {
        return reportError(budget.error().within(loaded->file));
    }
    if (auto data = loadInputData(*loaded); !data) {
        return reportError(data.error());
    }

    const QString dumpPath = args->value(QStringLiteral("--dump"));
    QDir dir(dumpPath);
    if (!dir.mkpath(QStringLiteral("."))) {
        return reportError(
            Error::runtime(QStringLiteral("%1: cannot create the directory").arg(dumpPath)));
    }
    // A manifest from an earlier run must not vouch for files this run is replacing.
    const QString manifestPath = dir.filePath(QStringLiteral("manifest.json"));
    if (QFile::exists(manifestPath) && !QFile::remove(manifestPath)) {
        return reportError(
            Error::runtime(QStringLiteral("%1: cannot remove the old manifest").arg(manifestPath)));
    }

    const Pipeline& pipeline = loaded->pipeline;
    QTextStream out(stdout);
    QJsonArray entries;
    const QString inputFile = fileNameFor(0, QStringLiteral("input"));
    if (auto s = writeNpy(dir.filePath(inputFile), *loaded->input); !s) {
        return reportError(s.error());
    }
    entries.append(QJsonObject{{QStringLiteral("index"), 0},
                               {QStringLiteral("name"), QStringLiteral("input")},
                               {QStringLiteral("type"), QStringLiteral("input")},
                               {QStringLiteral("shape"), shapeJson(loaded->input->shape())},
                               {QStringLiteral("file"), inputFile}});
    std::optional<Error> writeError;
    options.onLayer = [&](int index, const std::shared_ptr<const LayerResult>& computed,
                          double ms) {
        const LayerResult& result = *computed;
        if (writeError) {
            return;
        }
        const PipelineLayer& layer = pipeline.layers[static_cast<std::size_t>(index - 1)];
        const QString file = fileNameFor(index, layer.name);
        if (auto s = writeNpy(dir.filePath(file), result.values); !s) {
            writeError = s.error();
            return;
        }
        entries.append(QJsonObject{{QStringLiteral("index"), index},
                                   {QStringLiteral("name"), layer.name},
                                   {QStringLiteral("type"), layer.layer->type()},
                                   {QStringLiteral("shape"), shapeJson(result.values.shape())},
                                   {QStringLiteral("file"), file},
                                   {QStringLiteral("milliseconds"), ms}});
        if (!quiet) {
            out << index << ' ' << layer.name << ' ' << result.values.shape().toString() << ' '
                << QString::number(ms, 'f', 2) << " ms -> " << file << Qt::endl;
        }
    };
    auto run = runPipeline(pipeline, loaded->report, *loaded->input, options);
    if (!run) {
        return reportError(run.error().within(loaded->file));
    }
    if (writeError) {
        return reportError(*writeError);
    }
    const QJsonObject manifest{{QStringLiteral("pipeline"), pipeline.name},
                               {QStringLiteral("layers"), entries}};
    if (auto s = writeFileAtomically(manifestPath,
                                     QJsonDocument(manifest).toJson(QJsonDocument::Indented));
        !s) {
        return reportError(s.error());
    }
    return kSuccess;
}

}  // namespace stridelab::cli
