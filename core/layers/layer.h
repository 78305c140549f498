#pragma once

// The interface every layer type implements. A layer is an immutable value holding its typed
// parameters; shape inference is pure and cheap, forward is const and thread-safe.

#include "shape/axis_math.h"
#include "tensor/tensor.h"
#include "util/result.h"

#include <QJsonObject>
#include <QString>

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace stridelab {

class Layer;
class RunWorkspace;

// What shape inference tells about one layer for the input shape it receives.
struct LayerShape {
    Shape output;
    std::int64_t params = 0;
    std::int64_t macs = 0;
    std::array<std::int64_t, 4> padding{};  // top, bottom, left, right, as the summary reports it
    AxisShape height;
    AxisShape width;

    [[nodiscard]] const AxisShape& axis(Axis a) const { return a == Axis::Height ? height : width; }
};

// A layer before the one being inferred, as `indices_from` needs to see it.
struct EarlierLayer {
    QString name;
    const Layer* layer = nullptr;
    Shape input;
    LayerShape shape;
};

struct ShapeQuery {
    Shape input;
    // The valid layers before this one, in order.
    const std::vector<EarlierLayer>* earlier = nullptr;

    [[nodiscard]] const EarlierLayer* find(const QString& name) const;
};

// A layer's computed output; `argmax` holds max_pool2d's flat h*W + w indices per element.
struct LayerResult {
    Tensor values;
    std::vector<std::int32_t> argmax;
};

struct ForwardQuery {
    const Tensor& input;
    const LayerShape& shape;
    // The result of an earlier layer by name (for `indices_from`), or nullptr.
    std::function<const LayerResult*(const QString&)> earlierResult;
    int threads = 1;
    // Set by another thread: long kernels stop early; the caller discards the output.
    const std::atomic<bool>* cancel = nullptr;
    // Where scratch tensors outlive the call (the executor's), or nullptr.
    RunWorkspace* workspace = nullptr;
    // Whether LayerResult::argmax is wanted (a later layer unpools with it); a layer that
    // records indices may skip them otherwise, leaving argmax empty.
    bool indicesWanted = true;

    // Scratch tensor `slot` for this call, with unspecified contents: the workspace's (kept
    // from run to run, so a repeated forward allocates nothing) or else `local`.
    [[nodiscard]] Tensor& scratch(std::size_t slot, Tensor& local) const;
};

// The input positions, on one axis, that one output position depends on: `count` positions
// `first, first + step, ...` (over an unbounded input, padding positions included).
struct PositionRange {
    std::int64_t first = 0;
    std::int64_t count = 0;
    std::int64_t step = 1;
};

enum class LayerCategory { Downsampling, Upsampling };

class Layer {
public:
    Layer() = default;
    Layer(const Layer&) = default;
    Layer(Layer&&) = default;
    Layer& operator=(const Layer&) = default;
    Layer& operator=(Layer&&) = default;
    virtual ~Layer() = default;

    [[nodiscard]] virtual QString type() const = 0;
    // The parameters as pipeline-file keys (without "type" and "name").
    [[nodiscard]] virtual QJsonObject toJson() const = 0;
    // A short text of the key parameters for a table or a diagram ("3x3 /2 same relu").
    [[nodiscard]] virtual QString describe() const = 0;

    [[nodiscard]] virtual Result<LayerShape> inferShape(const ShapeQuery& query) const = 0;
    // Computes into out.values, already sized to shape.output by the caller.
    virtual void forward(const ForwardQuery& query, LayerResult& out) const = 0;

    [[nodiscard]] virtual PositionRange dependencies(Axis axis, std::int64_t position,
                                                     const LayerShape& shape) const = 0;
    // The input positions output `position` actually reads on an input of a.in positions:
    // dependencies() where positions outside the input are padding, clamped indices where the
    // layer replicates the edge instead (resizing). Used by the receptive-field explorer.
    [[nodiscard]] virtual std::vector<std::int64_t> positionsRead(Axis axis, std::int64_t position,
                                                                  const LayerShape& shape) const;
    // The factor this layer multiplies the jump (distance on the input between neighbouring
    // outputs) by.
    [[nodiscard]] virtual double jumpFactor(Axis axis, const LayerShape& shape) const = 0;

    // The max_pool2d whose indices this layer uses, if any.
    [[nodiscard]] virtual std::optional<QString> indicesFrom() const { return std::nullopt; }
    // The kernel this layer computes with for that many input channels (PyTorch's layout),
    // for layers that have one.
    [[nodiscard]] virtual std::optional<NdArray> kernel(std::int64_t /*inputChannels*/) const {
        return std::nullopt;
    }
    // Whether forward fills LayerResult::argmax.
    [[nodiscard]] virtual bool recordsIndices() const { return false; }
    // Extra bytes forward needs beyond its output (padded copies, kernels, indices)...
    [[nodiscard]] virtual std::int64_t workspaceBytes(const Shape& input,
                                                      const LayerShape& shape) const;
    // ...and per thread on top of that (GEMM column buffers).
    [[nodiscard]] virtual std::int64_t perThreadWorkspaceBytes(const Shape& input,
                                                               const LayerShape& shape) const;
};

// Positions of a sliding window: output p reads first = p*s - before, then every d, k taps.
[[nodiscard]] PositionRange windowDependencies(std::int64_t position, const AxisShape& axis);
// Positions of a scatter (transposed convolution, unpooling): input i writes to i*s + j*d - offset.
[[nodiscard]] PositionRange scatterDependencies(std::int64_t position, const AxisShape& axis);

// Messages for a window that does not fit: "kernel 5x5 is larger than the padded input 4x4 on
// both axes", or the one axis that fails.
[[nodiscard]] std::optional<Error> windowFitError(const QString& what, const AxisShape& height,
                                                  const AxisShape& width);

}  // namespace stridelab
