#pragma once

// The framework view of one layer: how Keras and PyTorch write it, and the settings that look
// alike in the two frameworks ("same" padding, a transposed convolution's padding,
// align_corners, average-pool padding, ceil_mode) with the shape each framework then gives
// and why they differ. Shapes come from the layers' own shape inference.

#include "pipeline/pipeline_analysis.h"
#include "report/layer_spelling.h"

#include <optional>
#include <vector>

namespace stridelab {

enum class DifferenceKind {
    Identical,       // the look-alike computes exactly this layer
    Values,          // the same shape, other numbers
    Shape,           // another shape
    NotExpressible,  // the framework cannot write it: it raises, or has no such layer/argument
};

// "same", "values", "shape", "not expressible".
[[nodiscard]] QString differenceKindName(DifferenceKind kind);

// A setting of one framework that looks like the layer as the other framework writes it.
struct LookAlike {
    Framework framework = Framework::PyTorch;  // whose setting it is
    QString code;  // how it is written: "nn.Conv2d(32, 64, 3, stride=2, padding=1)"
    DifferenceKind kind = DifferenceKind::Identical;
    QString explanation;  // one line: what differs and why (or that it agrees)
    // What each framework gives: the layer's own spelling in one, the look-alike in the other.
    // Nothing where that framework refuses it or has no way to write it.
    std::optional<Shape> kerasShape;
    std::optional<Shape> torchShape;
};

struct FrameworkComparison {
    QString name;
    QString type;
    Shape input;
    Shape output;       // what StrideLab computes
    QStringList keras;  // the layer as a person writes it in Keras, one line each
    QStringList pytorch;
    // Whether each spelling computes exactly StrideLab's numbers (where not, a look-alike of
    // that framework says what differs).
    bool kerasExact = true;
    bool torchExact = true;
    std::vector<LookAlike> lookAlikes;

    // The most serious difference among the look-alikes (Identical when there is none).
    [[nodiscard]] DifferenceKind worst() const;
};

// Layer `index` of `pipeline` as analysed in `report` (the rows of both must match; a
// switched-off or invalid layer is an error naming it).
[[nodiscard]] Result<FrameworkComparison> compareFrameworks(const Pipeline& pipeline,
                                                            const PipelineReport& report,
                                                            std::size_t index);

}  // namespace stridelab
