#include "cli/commands.h"
#include "io/atomic_file.h"
#include "report/code_export.h"
#include "report/summary_format.h"

#include <QFileInfo>

namespace stridelab::cli {

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

}  // namespace

int exportCommand(const QStringList& arguments) {
    auto args = parseArguments(arguments, {{QStringLiteral("--table")},
                                           {QStringLiteral("--code")},
                                           {QStringLiteral("--framework")},
                                           {QStringLiteral("--maps")},
                                           {QStringLiteral("--colormap")},
                                           {QStringLiteral("--diagram")},
                                           {QStringLiteral("--diagram-style")},
                                           {QStringLiteral("--input")},
                                           {QStringLiteral("--input-shape")}});
    if (!args) {
        return reportError(args.error());
    }
    if (args->positional.size() != 1) {
        return reportError(Error::invalid(
            QStringLiteral("export needs exactly one PIPELINE file, got %1 arguments")
                .arg(args->positional.size())));
    }
    for (const QString& later : {QStringLiteral("--diagram"), QStringLiteral("--maps")}) {
        if (args->has(later)) {
            return reportError(Error::invalid(
                QStringLiteral("%1 is not available in this version yet; --table and --code are")
                    .arg(later)));
        }
    }
    if (!args->has(QStringLiteral("--table")) && !args->has(QStringLiteral("--code"))) {
        return reportError(Error::invalid(
            QStringLiteral("export needs at least one of --table FILE or --code FILE")));
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
    auto loaded = loadForCommand(args->positional.front(), *args, false);
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
    if (!loaded->report.ok()) {
        return reportError(layerError(*loaded));
    }
    return kSuccess;
}

}  // namespace stridelab::cli
