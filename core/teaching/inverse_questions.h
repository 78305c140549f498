#pragma once

// Inverse questions about one layer: which strides, paddings and output paddings (and, where
// they matter, dilations, ceil_mode and resize factors) give a wanted output size, e.g.
// exactly twice the input. Every answer is a change of the layer's pipeline-file keys, and
// is listed only after the changed layer's own shape inference gave the wanted size.

#include "layers/layer_loading.h"

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace stridelab {

enum class SizeGoal {
    SameSize,
    Half,    // ceil(n / 2) per axis: what stride 2 with "same" padding gives
    Double,  // 2n
    Custom,
};

// The output size (height, width) a goal asks for on an input of `input`.
[[nodiscard]] Pair wantedSize(SizeGoal goal, Pair input, Pair custom = {});

struct SizeQuestion {
    LayerPtr layer;
    ShapeQuery query;  // the layer's input
    Pair wanted;
    LayerLoadContext context;  // where relative weight paths of the layer resolve
    int maxCandidates = 20;
};

struct SizeCandidate {
    // The changed keys as a JSON merge patch (RFC 7396): a null removes the key.
    QJsonObject patch;
    QStringList changes;  // one per key: "strides 1 -> 2", "ceil_mode true -> false"
    // What they give, with the numbers: "out = floor((32 + 2 - 3) / 2) + 1 = 16" (or
    // "height ..., width ..." when the axes differ).
    QString formula;
    // Changes and formula in one line: "padding "valid" -> 1; strides 1 -> 2: out = ...".
    QString sentence;
    LayerPtr layer;    // the changed layer
    LayerShape shape;  // its shape on the question's input: the wanted size
};

struct SizeAnswer {
    std::vector<SizeCandidate> candidates;  // fewest changed keys first, at most maxCandidates
    QString reason;                         // why there are none; empty when there are candidates
};

// An error only for a question without meaning (a wanted size outside 1..65536, a layer
// without an input shape); an impossible size is an empty answer with its reason.
[[nodiscard]] Result<SizeAnswer> solveForSize(const SizeQuestion& question);

}  // namespace stridelab
