#include "cli/export_diagram.h"

#include "diagram/diagram_writer.h"
#include "util/did_you_mean.h"

#include <QRegularExpression>

namespace stridelab::cli {

QList<OptionSpec> diagramOptionSpecs() {
    return {{QStringLiteral("--diagram")},       {QStringLiteral("--diagram-style")},
            {QStringLiteral("--diagram-scale")}, {QStringLiteral("--diagram-colors")},
            {QStringLiteral("--dpi")},           {QStringLiteral("--trace")}};
}

Result<ui::DiagramPalette> parseDiagramColors(const QString& spec, ui::DiagramPalette base) {
    static const QRegularExpression hex(QStringLiteral("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"));
    const QStringList items = spec.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (items.isEmpty()) {
        return Error::invalid(
            QStringLiteral("--diagram-colors: expected NAME=#RRGGBB[,NAME=#RRGGBB...], got \"%1\"")
                .arg(spec));
    }
    for (const QString& item : items) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        if (eq < 0) {
            return Error::invalid(
                QStringLiteral("--diagram-colors: expected NAME=#RRGGBB, got \"%1\"")
                    .arg(item.trimmed()));
        }
        const QString name = item.left(eq).trimmed();
        const QString value = item.mid(eq + 1).trimmed();
        QColor* entry = ui::paletteColor(base, name);
        if (entry == nullptr) {
            return Error::invalid(
                QStringLiteral("--diagram-colors: unknown colour \"%1\"%2; the colours are %3")
                    .arg(name, didYouMeanSuffix(name, ui::paletteColorNames()),
                         ui::paletteColorNames().join(QStringLiteral(", "))));
        }
        if (!hex.match(value).hasMatch()) {
            return Error::invalid(
                QStringLiteral("--diagram-colors: %1: expected #RRGGBB or #RGB, got \"%2\"")
                    .arg(name, value));
        }
        *entry = QColor(value);
    }
    return base;
}

namespace {

Result<TraceRequest> parseTrace(const QString& spec) {
    static const QRegularExpression form(QStringLiteral("^(.+):(\\d{1,9}),(\\d{1,9})$"));
    const auto match = form.match(spec);
    if (!match.hasMatch()) {
        return Error::invalid(
            QStringLiteral("--trace: expected LAYER:ROW,COL (for example enc1:3,4), got \"%1\"")
                .arg(spec));
    }
    return TraceRequest{match.captured(1), match.captured(2).toLongLong(),
                        match.captured(3).toLongLong()};
}

struct TracedMaps {
    int origin = 0;  // the map holding the element
    std::vector<MapTrace> traces;
};

// The traces of every map of `loaded` for the element `request` names.
Result<TracedMaps> tracesFor(const LoadedPipeline& loaded, const TraceRequest& request) {
    int map = request.layer == QStringLiteral("input") ? 0 : -1;
    QStringList names{QStringLiteral("input")};
    for (std::size_t i = 0; i < loaded.pipeline.layers.size(); ++i) {
        names << loaded.pipeline.layers[i].name;
        if (loaded.pipeline.layers[i].name == request.layer) {
            map = static_cast<int>(i) + 1;
        }
    }
    if (map < 0) {
        return Error::invalid(QStringLiteral("--trace: no layer is named \"%1\"%2")
                                  .arg(request.layer, didYouMeanSuffix(request.layer, names)));
    }
    const TraceChain chain = traceChainOf(loaded.pipeline, loaded.report);
    auto traces = traceBothWays(chain.links, loaded.report.input, map, request.row, request.col);
    if (!traces) {
        return Error{QStringLiteral("--trace %1:%2,%3: %4")
                         .arg(request.layer)
                         .arg(request.row)
                         .arg(request.col)
                         .arg(traces.error().message),
                     traces.error().kind};
    }
    return TracedMaps{map, std::move(*traces)};
}

}  // namespace

Result<std::optional<DiagramRequest>> diagramRequest(const ParsedArguments& args) {
    if (!args.has(QStringLiteral("--diagram"))) {
        for (const OptionSpec& spec : diagramOptionSpecs()) {
            if (args.has(spec.name)) {
                return Error::invalid(
                    QStringLiteral("%1 needs --diagram FILE.svg|FILE.pdf|FILE.png").arg(spec.name));
            }
        }
        return std::optional<DiagramRequest>();
    }
    DiagramRequest request;
    request.path = args.value(QStringLiteral("--diagram"));
    const auto format = ui::diagramFormatFor(request.path);
    if (!format) {
        return Error::invalid(
            QStringLiteral("--diagram: %1: expected a .svg, .pdf or .png file").arg(request.path));
    }
    if (args.has(QStringLiteral("--diagram-style"))) {
        const QString key = args.value(QStringLiteral("--diagram-style"));
        const auto style = ui::diagramStyleFromKey(key);
        if (!style) {
            return Error::invalid(
                QStringLiteral("--diagram-style: expected blocks or maps, got \"%1\"").arg(key));
        }
        request.options.style = *style;
    }
    if (args.has(QStringLiteral("--diagram-scale"))) {
        const QString key = args.value(QStringLiteral("--diagram-scale"));
        const auto scale = ui::diagramScaleFromKey(key);
        if (!scale) {
            return Error::invalid(
                QStringLiteral("--diagram-scale: expected auto, linear, sqrt or log, got \"%1\"")
                    .arg(key));
        }
        request.options.scale = *scale;
    }
    if (args.has(QStringLiteral("--diagram-colors"))) {
        auto palette = parseDiagramColors(args.value(QStringLiteral("--diagram-colors")),
                                          request.options.palette);
        if (!palette) {
            return palette.error();
        }
        request.options.palette = *palette;
    }
    if (args.has(QStringLiteral("--dpi"))) {
        if (*format != ui::DiagramFormat::Png) {
            return Error::invalid(QStringLiteral("--dpi applies to a .png diagram only, not to %1")
                                      .arg(request.path));
        }
        auto dpi = parsePositiveInt(QStringLiteral("--dpi"), args.value(QStringLiteral("--dpi")));
        if (!dpi) {
            return dpi.error();
        }
        request.dpi = *dpi;
    }
    if (args.has(QStringLiteral("--trace"))) {
        if (request.options.style != ui::DiagramStyle::Maps) {
            return Error::invalid(
                QStringLiteral("--trace draws on the feature maps: it needs --diagram-style maps"));
        }
        auto trace = parseTrace(args.value(QStringLiteral("--trace")));
        if (!trace) {
            return trace.error();
        }
        request.trace = *trace;
    }
    return std::optional<DiagramRequest>(request);
}

Status exportDiagram(const LoadedPipeline& loaded, const DiagramRequest& request,
                     const ui::DisplayOptions& display, const RunResult* run) {
    auto content = ui::diagramContent(loaded.pipeline.name, loaded.report);
    if (!content) {
        return content.error().within(loaded.file);
    }
    content->display = display;
    if (request.options.style == ui::DiagramStyle::Maps && run != nullptr && loaded.input) {
        content->maps[0].cards = ui::renderDiagramCards(*loaded.input, display);
        for (std::size_t i = 0; i < run->layers.size() && i + 1 < content->maps.size(); ++i) {
            content->maps[i + 1].cards = ui::renderDiagramCards(run->layers[i]->values, display);
        }
    }
    if (request.trace) {
        auto traces = tracesFor(loaded, *request.trace);
        if (!traces) {
            return traces.error();
        }
        content->title += QStringLiteral(" · receptive field of %1 (%2, %3)")
                              .arg(request.trace->layer)
                              .arg(request.trace->row)
                              .arg(request.trace->col);
        for (std::size_t m = 0; m < traces->traces.size() && m < content->maps.size(); ++m) {
            if (!traces->traces[m].empty()) {
                content->maps[m].trace = traces->traces[m];
            }
            content->maps[m].traceOrigin = static_cast<int>(m) == traces->origin;
        }
    }
    if (auto s = ui::writeDiagram(request.path, *content, request.options, request.dpi); !s) {
        return s.error();
    }
    return success();
}

}  // namespace stridelab::cli
