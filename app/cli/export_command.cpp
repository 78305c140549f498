#include "cli/commands.h"
#include "cli/export_diagram.h"
#include "io/atomic_file.h"
#include "report/code_export.h"
#include "report/summary_format.h"

#include "pipeline/executor.h"
#include "teaching/step_export.h"
#include "util/did_you_mean.h"
#include "view/colormap.h"
#include "view/render.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace stridelab::cli {

using ui::DisplayOptions;

namespace {

Result<SummaryFormat> tableFormatFor(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QStringLiteral("md")) {
        return SummaryFormat::Markdown;
    }
    if (suffix == QStringLiteral("csv")) {
        return SummaryFormat::Csv;
    }
    if (suffix == QStringLiteral("tex")) {
        return SummaryFormat::Latex;
    }
    return Error::invalid(
        QStringLiteral("--table: %1: expected a .md, .csv or .tex file").arg(path));
}

// Computes every map (for --maps and the maps style of --diagram), after the memory check.
Result<RunResult> computeMaps(LoadedPipeline& loaded) {
    if (auto budget = checkMemoryBudget(loaded.report, loaded.memoryLimit, 0); !budget) {
        return budget.error().within(loaded.file);
    }
    if (auto data = loadInputData(loaded); !data) {
        return data.error();
    }
    RunOptions options;
    options.memoryLimit = loaded.memoryLimit;
    auto run = runPipeline(loaded.pipeline, loaded.report, *loaded.input, options);
    if (!run) {
        return run.error().within(loaded.file);
    }
    return run;
}

// One PNG per feature map (input first), channels tiled, small maps enlarged to at least 128
// pixels so their elements can be seen on a slide.
Status exportMaps(const LoadedPipeline& loaded, const RunResult& run, const QString& dirPath,
                  const DisplayOptions& display) {
    QDir dir(dirPath);
    if (!dir.mkpath(QStringLiteral("."))) {
        return Error::runtime(QStringLiteral("%1: cannot create the directory").arg(dirPath));
    }
    auto write = [&](int index, const QString& name, const Tensor& map) -> Status {
        const int scale =
            std::max<int>(1, 128 / static_cast<int>(std::max(map.shape().h, map.shape().w)));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        ui::renderChannelSheet(map, display, scale).save(&buffer, "PNG");
        return writeFileAtomically(
            dir.filePath(QStringLiteral("%1_%2.png").arg(index, 2, 10, QLatin1Char('0')).arg(name)),
            png);
    };
    if (auto s = write(0, QStringLiteral("input"), *loaded.input); !s) {
        return s;
    }
    for (std::size_t i = 0; i < run.layers.size(); ++i) {
        if (auto s = write(static_cast<int>(i) + 1, loaded.pipeline.layers[i].name,
                           run.layers[i]->values);
            !s) {
            return s;
        }
    }
    return success();
}

// --steps-layer: a layer name, or its index as `summary` counts (from 1); the first layer by
// default.
Result<int> stepsLayerIndex(const LoadedPipeline& loaded, const ParsedArguments& args) {
    const auto& layers = loaded.pipeline.layers;
    if (layers.empty()) {
        return Error::invalid(
            QStringLiteral("--steps: %1 has no layers to step through").arg(loaded.file));
    }
    if (!args.has(QStringLiteral("--steps-layer"))) {
        return 0;
    }
    const QString wanted = args.value(QStringLiteral("--steps-layer"));
    QStringList names;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        if (layers[i].name == wanted) {
            return static_cast<int>(i);
        }
        names << layers[i].name;
    }
    bool isNumber = false;
    const int index = wanted.toInt(&isNumber);
    if (isNumber) {
        if (index >= 1 && index <= static_cast<int>(layers.size())) {
            return index - 1;
        }
        return Error::invalid(
            QStringLiteral("--steps-layer: expected a layer name or an index from 1 to %1, got %2")
                .arg(layers.size())
                .arg(wanted));
    }
    return Error::invalid(
        QStringLiteral("--steps-layer: %1 has no layer named \"%2\"%3 (layers: %4)")
            .arg(loaded.file, wanted, didYouMeanSuffix(wanted, names),
                 names.join(QStringLiteral(", "))));
}

// The step-through of one layer on a small input: an animated GIF or numbered PNG frames.
int exportSteps(const LoadedPipeline& loaded, const ParsedArguments& args) {
    auto index = stepsLayerIndex(loaded, args);
    if (!index) {
        return reportError(index.error());
    }
    if (!loaded.report.layers[static_cast<std::size_t>(*index)].shape) {
        return reportError(layerError(loaded));
    }
    auto subject = stepSubject(loaded.pipeline, loaded.report, *index);
    auto sequence = subject ? buildStepSequence(*subject) : Result<StepSequence>(subject.error());
    if (!sequence) {
        return reportError(sequence.error().within(loaded.file));
    }
    auto written = ui::exportSteps(*sequence, args.value(QStringLiteral("--steps")));
    if (!written) {
        return reportError(written.error());
    }
    return kSuccess;
}

}  // namespace

int exportCommand(const QStringList& arguments) {
    QList<OptionSpec> options = {
        {QStringLiteral("--table")},       {QStringLiteral("--code")},
        {QStringLiteral("--framework")},   {QStringLiteral("--maps")},
        {QStringLiteral("--colormap")},    {QStringLiteral("--input")},
        {QStringLiteral("--input-shape")}, {QStringLiteral("--steps")},
        {QStringLiteral("--steps-layer")}, {QStringLiteral("--memory-limit")}};
    options << diagramOptionSpecs();
    auto args = parseCommandArguments(QStringLiteral("export"), arguments, options);
    if (!args) {
        return reportError(args.error());
    }
    if (args->has(QStringLiteral("--steps-layer")) && !args->has(QStringLiteral("--steps"))) {
        return reportError(
            Error::invalid(QStringLiteral("--steps-layer needs --steps FILE.gif|DIR")));
    }
    if (!args->has(QStringLiteral("--table")) && !args->has(QStringLiteral("--code")) &&
        !args->has(QStringLiteral("--maps")) && !args->has(QStringLiteral("--diagram")) &&
        !args->has(QStringLiteral("--steps"))) {
        return reportError(
            Error::invalid(QStringLiteral("export needs at least one of --table FILE, --code FILE, "
                                          "--maps DIR, --diagram FILE or --steps FILE.gif|DIR")));
    }
    auto diagram = diagramRequest(*args);
    if (!diagram) {
        return reportError(diagram.error());
    }
    DisplayOptions display;
    display.rgb = true;  // as the window shows 3-channel maps by default
    if (args->has(QStringLiteral("--colormap"))) {
        const auto colormap = ui::colormapFromKey(args->value(QStringLiteral("--colormap")));
        if (!colormap) {
            return reportError(Error::invalid(
                QStringLiteral("--colormap: expected grey, viridis or diverging, got \"%1\"")
                    .arg(args->value(QStringLiteral("--colormap")))));
        }
        display.colormap = *colormap;
    }
    std::optional<Framework> framework;
    if (args->has(QStringLiteral("--code"))) {
        const qsizetype f = frameworkNames().indexOf(args->value(QStringLiteral("--framework")));
        if (f < 0) {
            return reportError(Error::invalid(
                QStringLiteral("--code needs --framework keras or --framework pytorch, got \"%1\"")
                    .arg(args->value(QStringLiteral("--framework")))));
        }
        framework = static_cast<Framework>(f);
    }
    std::optional<SummaryFormat> tableFormat;
    if (args->has(QStringLiteral("--table"))) {
        auto format = tableFormatFor(args->value(QStringLiteral("--table")));
        if (!format) {
            return reportError(format.error());
        }
        tableFormat = *format;
    }
    const bool maps = args->has(QStringLiteral("--maps"));
    const bool diagramMaps = *diagram && (*diagram)->options.style == ui::DiagramStyle::Maps;
    auto loaded = loadForCommand(args->positional.front(), *args, maps || diagramMaps);
    if (!loaded) {
        return reportError(loaded.error());
    }
    if (tableFormat) {
        const QString table = formatSummary(loaded->pipeline.name, loaded->report, *tableFormat);
        if (auto s = writeFileAtomically(args->value(QStringLiteral("--table")), table.toUtf8());
            !s) {
            return reportError(s.error());
        }
    }
    if (framework) {
        auto code = exportCode(loaded->pipeline, loaded->report, *framework);
        if (!code) {
            return reportError(code.error().within(loaded->file));
        }
        if (auto s = writeFileAtomically(args->value(QStringLiteral("--code")), code->toUtf8());
            !s) {
            return reportError(s.error());
        }
    }
    // The step-through runs on a small input of its own: it needs neither data nor the
    // layers after the one it shows.
    if (args->has(QStringLiteral("--steps"))) {
        if (const int status = exportSteps(*loaded, *args); status != kSuccess) {
            return status;
        }
    }
    if (!loaded->report.ok()) {
        return reportError(layerError(*loaded));
    }
    std::optional<RunResult> run;
    if (maps || diagramMaps) {
        auto computed = computeMaps(*loaded);
        if (!computed) {
            return reportError(computed.error());
        }
        run = std::move(computed).value();
    }
    if (maps) {
        if (auto s = exportMaps(*loaded, *run, args->value(QStringLiteral("--maps")), display);
            !s) {
            return reportError(s.error());
        }
    }
    if (*diagram) {
        if (auto s = exportDiagram(*loaded, **diagram, display, run ? &*run : nullptr); !s) {
            return reportError(s.error());
        }
    }
    return kSuccess;
}

}  // namespace stridelab::cli
