#pragma once

// `stridelab export --diagram`: the options that shape the figure, checked before anything is
// read, and the figure written from the analysis (and, for the maps style, the computed maps).

#include "cli/commands.h"
#include "pipeline/executor.h"

#include "diagram/diagram_model.h"

#include <optional>

namespace stridelab::cli {

// `--trace LAYER:ROW,COL`: the receptive field of one element drawn on the maps style.
struct TraceRequest {
    QString layer;  // a layer name, or "input"
    std::int64_t row = 0;
    std::int64_t col = 0;
};

struct DiagramRequest {
    QString path;
    ui::DiagramOptions options;
    int dpi = 96;
    std::optional<TraceRequest> trace;
};

// The export options that concern the diagram.
[[nodiscard]] QList<OptionSpec> diagramOptionSpecs();

// Nothing without --diagram (then the other diagram options are an error); else the request,
// or the first invalid option.
[[nodiscard]] Result<std::optional<DiagramRequest>> diagramRequest(const ParsedArguments& args);

// "downsampling=#1f77b4,text=#000" over `base`.
[[nodiscard]] Result<ui::DiagramPalette> parseDiagramColors(const QString& spec,
                                                            ui::DiagramPalette base);

// Writes the diagram of `loaded` (whose report is ok); the maps style draws `run`'s maps.
[[nodiscard]] Status exportDiagram(const LoadedPipeline& loaded, const DiagramRequest& request,
                                   const ui::DisplayOptions& display, const RunResult* run);

}  // namespace stridelab::cli
