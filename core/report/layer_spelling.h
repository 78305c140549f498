#pragma once

// How one layer is written in Keras and in PyTorch: the calls that compute what StrideLab
// computes. Shared by the exported scripts (code_export: every argument written out, runnable)
// and the framework view (framework_comparison: defaults left out, as a person types it).

#include "pipeline/pipeline.h"

#include <QStringList>

#include <vector>

namespace stridelab {

enum class Framework { Keras, PyTorch };

enum class SpellingStyle {
    Script,   // every argument, pairs as tuples, Keras layer names: what `export --code` writes
    Compact,  // defaults left out, an equal pair as one number: "nn.Conv2d(3, 64, 3, stride=2)"
};

// One line of a layer's code.
struct CodeLine {
    enum class Kind {
        Layer,      // Keras: a layer applied to x; PyTorch: a module the model holds and calls
        Statement,  // a line of Python on x: "x = F.pad(x, (0, 1, 0, 1))"
        Comment,    // a remark, without the leading "# "
    };
    Kind kind = Kind::Layer;
    QString code;  // Layer: the constructor; Statement: the line; Comment: the text
    QString trailingComment;
    // PyTorch Layer: the attribute's suffix after the layer's identifier ("_bias"), whether
    // forward calls it (a bias parameter is only held), and how ("{m}" stands for the module,
    // "{id}" for the identifier); empty: "x = {m}(x)". Statements may use {m} and {id} too.
    QString suffix;
    bool called = true;
    QString call;
};

using LayerCode = std::vector<CodeLine>;

// One layer of a pipeline with what the analysis found for it.
struct SpellingInput {
    const Pipeline& pipeline;  // for max_unpool2d's pool and max_pool2d's unpools
    const PipelineLayer& layer;
    Shape input;
    const LayerShape& shape;
};

[[nodiscard]] LayerCode layerCode(const SpellingInput& in, Framework framework,
                                  SpellingStyle style);

// The code as a person reads it: a layer as its constructor, a statement as it is, a comment
// with "# ", trailing comments after two spaces.
[[nodiscard]] QStringList displayLines(const LayerCode& code);

// A Python identifier from a layer name: unsafe characters become "_", a leading digit gets
// "layer_" in front.
[[nodiscard]] QString pythonIdentifier(const QString& name);

}  // namespace stridelab
