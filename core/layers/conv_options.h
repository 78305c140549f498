#pragma once

// What conv2d and conv2d_transpose share: filters, kernel geometry, activation, bias and
// weights (explicit or from an initializer).

#include "kernels/activation.h"
#include "layers/layer_loading.h"
#include "layers/parameter_spec.h"
#include "weights/initializer.h"

#include <QJsonObject>

#include <memory>
#include <optional>

namespace stridelab {

// Explicit numbers for a kernel or a bias, and where they came from (a .npy path relative to
// the pipeline file, or inline JSON when `file` is empty), so saving writes them back alike.
struct WeightSource {
    NdArray array;
    QString file;

    friend bool operator==(const WeightSource&, const WeightSource&) = default;
};

struct ConvOptions {
    std::int64_t filters = 1;
    Pair kernel{1, 1};
    Pair strides{1, 1};
    PaddingSpec padding;
    Pair dilation{1, 1};
    std::int64_t groups = 1;
    Activation activation = Activation::Linear;
    double negativeSlope = 0.01;
    bool useBias = true;
    InitializerSpec initializer;
    std::int64_t seed = 0;
    std::optional<WeightSource> kernelWeights;
    std::optional<WeightSource> biasWeights;

    // The kernel in PyTorch's layout for this many input channels.
    [[nodiscard]] NdArray kernelFor(std::int64_t inputChannels, bool transposed) const;
    // The kernel forward uses, without copying: the explicit weights in place (the options
    // outlive the call), or the initializer's from the process-wide kernel cache, so that a
    // repeated run (or an edit, which makes a new layer) does not regenerate it.
    [[nodiscard]] std::shared_ptr<const NdArray> sharedKernel(std::int64_t inputChannels,
                                                              bool transposed) const;
    // The bias (zeros unless given), or empty when use_bias is false.
    [[nodiscard]] std::vector<float> bias() const;
    [[nodiscard]] std::int64_t parameterCount(std::int64_t inputChannels) const;
    // An error when explicit kernel weights do not fit this many input channels.
    [[nodiscard]] std::optional<Error> checkKernelFor(std::int64_t inputChannels,
                                                      bool transposed) const;
    // A short text such as "3x3 /2 same relu".
    [[nodiscard]] QString describe() const;
};

[[nodiscard]] const QStringList& activationNames();
[[nodiscard]] QString activationName(Activation activation);

// The parameters both convolution types share, for editors and docs.
[[nodiscard]] std::vector<ParameterSpec> convParameterSpecs(bool transposed);

// The keys both convolution types accept ("type" and "name" included).
[[nodiscard]] QStringList convOptionKeys();

// Reads the keys both convolution types share.
[[nodiscard]] Result<ConvOptions> parseConvOptions(const JsonObjectReader& reader,
                                                   const LayerLoadContext& context,
                                                   bool transposed);
void writeConvOptions(const ConvOptions& options, QJsonObject& json);
// Nested JSON arrays of an array's numbers, each in its shortest float text.
[[nodiscard]] QJsonValue weightArrayToJson(const NdArray& array);

// Bias is added by the kernels; the activation is applied here.
void finishConvOutput(const ConvOptions& options, Tensor& output, int threads);

}  // namespace stridelab
