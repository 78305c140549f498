#pragma once

// The step-through of one layer, in the manner of Dumoulin & Visin's convolution-arithmetic
// figures: the layer's real parameters applied to a small demonstration grid, and one frame
// per step (an output element computed from its window or its resize taps, an input element
// scattered by a transposed convolution, a value put back by an unpooling). Pure geometry
// and numbers; ui/teaching paints them.
//
// The demonstration input (chooseDemo in step_demo.cpp), per axis:
// - window layers (conv2d, pools): the real extent when it is at most 12; else the smallest
//   extent of at least 5 that leaves the extent's remainder modulo the stride unchanged (so
//   TensorFlow's "same" split and a ceil_mode overhang stay as they are) and gives at least
//   3 outputs (fewer only when the real layer has fewer, or, for a stride too large for
//   that within 64, 1);
// - conv2d_transpose: the real extent when it is at most 5, else the smallest valid extent
//   of at least 4;
// - max_unpool2d: its max_pool2d's input chosen as for a window layer; the unpooling's input
//   is that pool's output on it;
// - upsampling2d by factors: the real extent when the output stays within 8, else
//   max(2, 8 / factor); with a fixed output_size: the real sizes when both are at most 12,
//   else a small input and output of about the same ratio.
// One channel, values 1..N in reading order (max pools and unpooling: a fixed permutation of
// 1..N, so the maxima are not all in one corner). A layer that cannot take one channel
// (groups, explicit weights) gets its real channel count, the demonstration values in
// channel 0 and zeros elsewhere. Frames show channel 0 of the output. A demonstration over
// 64 cells per side or 1024 frames is refused (checkDemoSize).

#include "layers/layer_loading.h"
#include "pipeline/pipeline_analysis.h"

#include <array>
#include <optional>
#include <vector>

namespace stridelab {

enum class StepKind {
    Window,   // one frame per output element: the cells its window reads
    Scatter,  // one frame per input element: the output cells it adds its weighted kernel to
    Unpool,   // one frame per input element: the output cell of its recorded index
    Resize,   // one frame per output element: its source point, taps and weights
};

// How a window layer combines what it reads.
enum class WindowRule { WeightedSum, Max, Average };

enum class CellRole {
    Inside,   // an element of the real grid
    Margin,   // input: padding as the layer reads it; output: cropped from a full transposed conv
    Outside,  // input: beyond the padding (a ceil_mode window hanging over the end), not read
};

// Rows [top, top + rows) and columns [left, left + cols).
struct GridRect {
    std::int64_t top = 0;
    std::int64_t left = 0;
    std::int64_t rows = 0;
    std::int64_t cols = 0;

    [[nodiscard]] bool contains(std::int64_t r, std::int64_t c) const {
        return r >= top && r < top + rows && c >= left && c < left + cols;
    }
    [[nodiscard]] std::int64_t cells() const { return rows * cols; }
    // Row-major index of (r, c) within the rectangle.
    [[nodiscard]] std::int64_t indexOf(std::int64_t r, std::int64_t c) const {
        return (r - top) * cols + (c - left);
    }
    friend bool operator==(const GridRect&, const GridRect&) = default;
};

// A grid as the figure shows it: the real elements [0, h) x [0, w), a margin around them,
// and one value per shown cell (NaN where there is nothing to show, such as padding a max
// pool never reads).
struct StepGrid {
    std::int64_t height = 0;
    std::int64_t width = 0;
    GridRect margin;            // input: the padded extent; output: the full transposed convolution
    GridRect shown;             // everything drawn: the real grid, the margin and every tap
    std::vector<float> values;  // row-major over `shown`

    [[nodiscard]] CellRole role(std::int64_t r, std::int64_t c) const;
    [[nodiscard]] float value(std::int64_t r, std::int64_t c) const;
};

// One cell a frame touches: an input cell read (window, resize) or an output cell written
// (scatter, unpool), in the coordinates of that grid.
struct StepTap {
    std::int64_t row = 0;
    std::int64_t col = 0;
    float weight = 1.0F;  // kernel weight; resize weight (row weight x column weight); 1 for pools
    float value = 0.0F;   // the value read (window, resize) or the product written (scatter)
};

struct StepFrame {
    // The cell the frame is about: the output element computed (window, resize) or the
    // input element scattered (scatter, unpool); -1, -1 for a closing summary frame.
    std::int64_t row = -1;
    std::int64_t col = -1;
    std::vector<StepTap> taps;
    // Unpool: the max_pool2d window (on the output grid) the recorded index came from.
    std::vector<StepTap> window;
    // The output element computed (window, resize), or the input value scattered.
    float value = 0.0F;
    // Window layers: what enters the result. WeightedSum: the sum of the products (before
    // bias and activation); Average: the sum of the values read, and the divisor.
    double sum = 0.0;
    int divisor = 0;
    int padded = 0;   // taps on padding that are read (and count)
    int ignored = 0;  // taps not used: padding a max pool or a TensorFlow average skips, overhang
    // Resize: the source point in input index coordinates (row, column); see
    // resizeSourceCoordinate.
    std::array<double, 2> source{};
    // The output grid after this frame (over output.shown), NaN where nothing is written yet.
    std::vector<float> outputSoFar;
    // Scatter and unpool: how many writes each output cell (over output.shown) has had so far.
    std::vector<int> counts;
};

struct StepSequence {
    StepKind kind = StepKind::Window;
    WindowRule rule = WindowRule::WeightedSum;
    QString layerName;
    QString layerType;
    QString description;          // Layer::describe()
    Shape realInput;              // the layer's input in the pipeline
    Shape demoInput;              // the demonstration input (its channels: 1, or the real count)
    bool shuffledValues = false;  // a permutation of 1..N instead of reading order
    bool averageCountsPadding = false;
    LayerShape shape;  // the layer's shape on the demonstration input
    // conv2d: what fills the padding when it is not zeros ("reflect", ...).
    QString paddingMode;
    // Resize: the coordinate mode of bilinear and bicubic ("half_pixel", ...).
    QString coordinateMode;
    StepGrid input;
    StepGrid output;  // final values (channel 0 of the layer's output)
    std::vector<StepFrame> frames;

    // The sequence shows the layer on its real input (no smaller stand-in).
    [[nodiscard]] bool demoIsReal() const {
        return demoInput.h == realInput.h && demoInput.w == realInput.w;
    }
};

// What a step-through needs to know about one pipeline layer.
struct StepSubject {
    QString name;
    LayerPtr layer;
    Shape input;  // the layer's real input shape
    // max_unpool2d: the max_pool2d whose indices it uses, and that pool's real input shape.
    QString poolName;
    LayerPtr pool;
    Shape poolInput;
};

// Pipeline layer `index` (0-based) with its shapes from `report` (one row per pipeline
// layer, as analyzePipeline or spreadOverAllLayers gives); an error when it has no shape.
[[nodiscard]] Result<StepSubject> stepSubject(const Pipeline& pipeline,
                                              const PipelineReport& report, int index);

// The demonstration and its frames; an error when the layer cannot be shown on any small
// input (which the rules above make rare).
[[nodiscard]] Result<StepSequence> buildStepSequence(const StepSubject& subject);

}  // namespace stridelab
