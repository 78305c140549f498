#include "pipeline/pipeline_analysis.h"

#include "pipeline/receptive_field.h"

#include <QCoreApplication>

#include <algorithm>

namespace stridelab {

std::int64_t PipelineReport::memoryBytesFor(int threads) const {
    return saturatingAdd(memoryBytes, saturatingMul(threads, perThreadBytes));
}

bool PipelineReport::ok() const {
    return firstBroken() == nullptr;
}

const LayerReport* PipelineReport::firstBroken() const {
    for (const LayerReport& l : layers) {
        if (l.ownError) {
            return &l;
        }
    }
    return nullptr;
}

PipelineReport analyzePipeline(const Pipeline& pipeline, const Shape& input) {
    PipelineReport report;
    report.input = input;
    report.memoryBytes = saturatingMul(sizeof(float), input.elements());
    std::int64_t largestWorkspace = 0;
    std::vector<EarlierLayer> earlier;
    std::vector<ChainLink> chain;
    std::array<double, 2> jump{1.0, 1.0};
    Shape current = input;
    std::optional<std::pair<int, QString>> broken;  // index and name of the first invalid layer

    int index = 0;
    for (const PipelineLayer& pl : pipeline.layers) {
        LayerReport r;
        r.index = ++index;
        r.name = pl.name;
        r.type = pl.layer->type();
        r.description = pl.layer->describe();
        if (broken) {
            r.error = Error::invalid(QStringLiteral("not computed: layer %1 \"%2\" is invalid")
                                         .arg(broken->first)
                                         .arg(broken->second));
            report.layers.push_back(r);
            continue;
        }
        r.input = current;
        const ShapeQuery query{current, &earlier};
        auto shape = pl.layer->inferShape(query);
        if (!shape) {
            r.error = shape.error();
            r.ownError = true;
            report.layers.push_back(r);
            broken = std::make_pair(r.index, r.name);
            continue;
        }
        r.shape = *shape;
        chain.push_back({pl.layer.get(), *shape});
        for (const Axis axis : {Axis::Height, Axis::Width}) {
            const auto a = static_cast<std::size_t>(axis);
            jump[a] *= pl.layer->jumpFactor(axis, *shape);
            r.jump[a] = jump[a];
            // Once an axis is too costly to work out, every later layer's is too.
            const bool earlierGaveUp = !report.layers.empty() && report.layers.back().shape &&
                                       !report.layers.back().receptiveField[a];
            r.receptiveField[a] = earlierGaveUp ? std::nullopt : receptiveField(chain, axis);
        }
        report.totalParams = saturatingAdd(report.totalParams, shape->params);
        report.totalMacs = saturatingAdd(report.totalMacs, shape->macs);
        report.memoryBytes = saturatingAdd(report.memoryBytes,
                                           saturatingMul(sizeof(float), shape->output.elements()));
        report.perThreadBytes =
            std::max(report.perThreadBytes, pl.layer->perThreadWorkspaceBytes(current, *shape));
        if (pl.layer->recordsIndices()) {
            report.memoryBytes =
                saturatingAdd(report.memoryBytes, pl.layer->workspaceBytes(current, *shape));
        } else {
            largestWorkspace =
                std::max(largestWorkspace, pl.layer->workspaceBytes(current, *shape));
        }
        earlier.push_back({pl.name, pl.layer.get(), current, *shape});
        current = shape->output;
        report.layers.push_back(r);
    }
    report.memoryBytes = saturatingAdd(report.memoryBytes, largestWorkspace);
    return report;
}

PipelineReport spreadOverAllLayers(const PipelineReport& enabled, const Pipeline& pipeline,
                                   const std::vector<int>& positions) {
    PipelineReport all = enabled;
    all.layers.clear();
    std::size_t next = 0;
    for (std::size_t i = 0; i < pipeline.layers.size(); ++i) {
        if (next < positions.size() && positions[next] == static_cast<int>(i)) {
            LayerReport r = enabled.layers[next++];
            r.index = static_cast<int>(i) + 1;
            all.layers.push_back(r);
            continue;
        }
        LayerReport off;
        off.index = static_cast<int>(i) + 1;
        off.name = pipeline.layers[i].name;
        off.type = pipeline.layers[i].layer->type();
        off.description = pipeline.layers[i].layer->describe();
        // Only the GUI switches layers off: this note is in the interface language.
        off.error = Error::invalid(QCoreApplication::translate(
            "PipelineReport", "switched off: skipped by the computation"));
        all.layers.push_back(off);
    }
    return all;
}

QString formatBytes(std::int64_t bytes) {
    const auto b = static_cast<double>(bytes);
    if (bytes >= (std::int64_t{1} << 30)) {
        return QStringLiteral("%1 GiB").arg(b / double(1 << 30), 0, 'f', 2);
    }
    if (bytes >= (std::int64_t{1} << 20)) {
        return QStringLiteral("%1 MiB").arg(b / double(1 << 20), 0, 'f', 1);
    }
    if (bytes >= 1024) {
        return QStringLiteral("%1 KiB").arg(b / 1024.0, 0, 'f', 1);
    }
    return QStringLiteral("%1 bytes").arg(bytes);
}

}  // namespace stridelab
