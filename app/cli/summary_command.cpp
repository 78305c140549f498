#include "cli/commands.h"
#include "report/summary_format.h"

namespace stridelab::cli {

int summaryCommand(const QStringList& arguments) {
    auto args = parseCommandArguments(QStringLiteral("summary"), arguments,
                                      {{QStringLiteral("--format")},
                                       {QStringLiteral("--input")},
                                       {QStringLiteral("--input-shape")}});
    if (!args) {
        return reportError(args.error());
    }
    const QString formatName = args->has(QStringLiteral("--format"))
                                   ? args->value(QStringLiteral("--format"))
                                   : QStringLiteral("text");
    const qsizetype formatIndex = summaryFormatNames().indexOf(formatName);
    if (formatIndex < 0) {
        return reportError(
            Error::invalid(QStringLiteral("--format: expected one of %1, got \"%2\"")
                               .arg(summaryFormatNames().join(QStringLiteral(", ")), formatName)));
    }
    auto loaded = loadForCommand(args->positional.front(), *args, false);
    if (!loaded) {
        return reportError(loaded.error());
    }
    QTextStream(stdout) << formatSummary(loaded->pipeline.name, loaded->report,
                                         static_cast<SummaryFormat>(formatIndex));
    if (!loaded->report.ok()) {
        return reportError(layerError(*loaded));
    }
    return kSuccess;
}

}  // namespace stridelab::cli
