// Every error path of pipeline-format.md with its exact text: file-level errors from
// parsePipeline (which name the file and the JSON path) and shape-dependent errors from
// analyzePipeline (the first broken layer's own error; later layers name it).

#include "pipeline/pipeline_analysis.h"
#include "pipeline/pipeline_reader.h"
#include "support/test_support.h"

#include <QTest>

using namespace stridelab;

namespace {

const QString kKnownTypes = QStringLiteral(
    "(known: conv2d, max_pool2d, avg_pool2d, upsampling2d, max_unpool2d, conv2d_transpose)");

QByteArray withLayers(const QByteArray& layers,
                      const QByteArray& input = R"({"shape": [1, 8, 8]})") {
    return R"({"format": "stridelab.pipeline", "version": 1, "input": )" + input +
           R"(, "layers": [)" + layers + "]}";
}

QByteArray withInput(const QByteArray& input) {
    return withLayers({}, input);
}

}  // namespace

class TestLayerErrors : public QObject {
    Q_OBJECT

private slots:
    void fileErrors_data();
    void fileErrors();
    void layerErrors_data();
    void layerErrors();
    void validEdgeCases_data();
    void validEdgeCases();
};

void TestLayerErrors::fileErrors_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");  // after "test.json: "

    // Unknown keys, with a suggestion when one is close.
    QTest::addRow("unknown key stride in layers[2]")
        << withLayers(R"({"type": "conv2d", "filters": 1, "kernel_size": 3}, {"type": "max_pool2d"},
                         {"type": "conv2d", "filters": 1, "kernel_size": 3, "stride": 2})")
        << R"(layers[2].stride: unknown key; did you mean "strides"?)";
    QTest::addRow("unknown key kernal_size")
        << withLayers(R"({"type": "conv2d", "filters": 1, "kernal_size": 3})")
        << R"(layers[0].kernal_size: unknown key; did you mean "kernel_size"?)";
    QTest::addRow("unknown key without a close match")
        << withLayers(R"({"type": "max_pool2d", "xyzzy": 1})") << "layers[0].xyzzy: unknown key";
    QTest::addRow("unknown top-level key")
        << QByteArray(
               R"({"format": "stridelab.pipeline", "version": 1, "input": {"shape": [1, 8, 8]},
                          "layers": [], "layer": []})")
        << R"(layer: unknown key; did you mean "layers"?)";
    QTest::addRow("unknown key in input")
        << withInput(R"({"shape": [1, 8, 8], "colour_mode": "rgb"})")
        << R"(input.colour_mode: unknown key; did you mean "color_mode"?)";
    QTest::addRow("unknown key in weights")
        << withLayers(
               R"({"type": "conv2d", "filters": 1, "kernel_size": 1, "weights": {"kernal": [[[[1]]]]}})")
        << R"(layers[0].weights.kernal: unknown key; did you mean "kernel"?)";
    QTest::addRow("unknown key in initializer object")
        << withLayers(R"({"type": "conv2d", "filters": 1, "kernel_size": 3,
                          "kernel_initializer": {"name": "gaussian", "sigam": 1}})")
        << R"(layers[0].kernel_initializer.sigam: unknown key; did you mean "sigma"?)";

    // Wrong types and out-of-range values name the allowed range.
    QTest::addRow("kernel_size as a string")
        << withLayers(R"({"type": "conv2d", "filters": 1, "kernel_size": "3"})")
        << R"(layers[0].kernel_size: expected an integer >= 1 or a pair [height, width] of them, got "3")";
    QTest::addRow("kernel_size with three values")
        << withLayers(R"({"type": "conv2d", "filters": 1, "kernel_size": [3, 3, 3]})")
        << R"(layers[0].kernel_size: expected an integer >= 1 or a pair [height, width] of them, got [3,3,3])";
    QTest::addRow("kernel_size 0")
        << withLayers(R"({"type": "conv2d", "filters": 1, "kernel_size": 0})")
        << "layers[0].kernel_size: must be from 1 to 65536, got 0";
    // Upper bounds keep all shape arithmetic far from int64 overflow (a dilation of 2^52 once
    // wrapped the effective kernel to -1 and crashed the receptive field).
    QTest::addRow("dilation 7819730425480946 (wraps int64 if unchecked)")
        << withLayers(R"({"type": "conv2d", "filters": 1, "kernel_size": [2360, 1],
                         "dilation_rate": [7819730425480946, 1]})")
        << "layers[0].dilation_rate: each value must be from 1 to 65536, got [7819730425480946, 1]";
    QTest::addRow("strides 9002803354665472 on conv2d_transpose")
        << withLayers(R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 1,
                         "strides": [9002803354665472, 1]})")
        << "layers[0].strides: each value must be from 1 to 65536, got [9002803354665472, 1]";
    QTest::addRow("filters 65537")
        << withLayers(R"({"type": "conv2d", "filters": 65537, "kernel_size": 1})")
        << "layers[0].filters: must be from 1 to 65536, got 65537";
    QTest::addRow("output_size 2^30")
        << withLayers(R"({"type": "upsampling2d", "output_size": [1073741824, 1]})")
        << "layers[0].output_size: each value must be from 1 to 65536, got [1073741824, 1]";
    QTest::addRow("padding 65537")
        << withLayers(R"({"type": "conv2d", "filters": 1, "kernel_size": 1, "padding": 65537})")
        << "layers[0].padding: padding must be from 0 to 65536, got 65537";
    QTest::addRow("input shape 2^21")
        << withInput(R"({"shape": [2097152, 8, 8]})")
        << "input.shape: expected [C, H, W] with integers from 1 to 65536, got [2097152,8,8]";
    QTest::addRow("kernel_size [3, 0]")
        << withLayers(R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": [3, 0]})")
        << "layers[0].kernel_size: each value must be from 1 to 65536, got [3, 0]";
    QTest::addRow("filters 2.5") << withLayers(
                                        R"({"type": "conv2d", "filters": 2.5, "kernel_size": 3})")
                                 << "layers[0].filters: expected an integer >= 1, got 2.5";
    QTest::addRow("filters missing") << withLayers(R"({"type": "conv2d", "kernel_size": 3})")
                                     << "layers[0].filters: required key is missing";
    QTest::addRow("strides 0 on a pool") << withLayers(R"({"type": "max_pool2d", "strides": 0})")
                                         << "layers[0].strides: must be from 1 to 65536, got 0";
    QTest::addRow("use_bias as a string")
        << withLayers(R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "use_bias": "yes"})")
        << R"(layers[0].use_bias: expected true or false, got "yes")";
    QTest::addRow("padding SAME")
        << withLayers(R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "padding": "SAME"})")
        << R"(layers[0].padding: expected "valid", "same", p, [ph, pw] or [top, bottom, left, right] with integers >= 0, got "SAME"; did you mean "same"?)";
    QTest::addRow("padding with three values")
        << withLayers(R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "padding": [1, 2, 3]})")
        << R"(layers[0].padding: expected "valid", "same", p, [ph, pw] or [top, bottom, left, right] with integers >= 0, got [1,2,3])";
    QTest::addRow("padding -1")
        << withLayers(R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "padding": -1})")
        << "layers[0].padding: padding must be from 0 to 65536, got -1";
    QTest::addRow("4-value padding on conv2d_transpose")
        << withLayers(
               R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "padding": [1, 1, 1, 1]})")
        << R"(layers[0].padding: expected "valid", "same", p or [ph, pw] with integers >= 0, got [1,1,1,1])";
    QTest::addRow("activation Relu")
        << withLayers(R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "activation": "Relu"})")
        << R"(layers[0].activation: expected one of "linear", "relu", "leaky_relu", "sigmoid", "tanh", got "Relu"; did you mean "relu"?)";
    QTest::addRow("padding_mode reflection")
        << withLayers(
               R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "padding_mode": "reflection"})")
        << R"(layers[0].padding_mode: expected one of "zeros", "reflect", "replicate", "circular", got "reflection"; did you mean "reflect"?)";
    QTest::addRow("negative_slope with relu")
        << withLayers(
               R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "activation": "relu", "negative_slope": 0.2})")
        << R"(layers[0].negative_slope: only used with activation "leaky_relu", the activation is "relu")";
    QTest::addRow("groups not dividing filters")
        << withLayers(R"({"type": "conv2d", "filters": 3, "kernel_size": 3, "groups": 2})")
        << "layers[0].groups: filters 3 is not divisible by groups 2";
    QTest::addRow("output_padding -1")
        << withLayers(
               R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "output_padding": -1})")
        << "layers[0].output_padding: must be from 0 to 65536, got -1";

    // Layer types.
    QTest::addRow("unknown type maxpool2d")
        << withLayers(R"({"type": "maxpool2d"})")
        << QStringLiteral(
               R"(layers[0].type: unknown layer type "maxpool2d"; did you mean "max_pool2d"? )") +
               kKnownTypes;
    QTest::addRow("unknown type dense")
        << withLayers(R"({"type": "max_pool2d"}, {"type": "dense"})")
        << QStringLiteral(R"(layers[1].type: unknown layer type "dense" )") + kKnownTypes;
    QTest::addRow("type missing") << withLayers(R"({"filters": 1})")
                                  << "layers[0].type: required key is missing";
    QTest::addRow("layer not an object")
        << withLayers("3") << "layers[0]: expected a layer object, got 3";

    // Top level.
    QTest::addRow("newer version")
        << QByteArray(
               R"({"format": "stridelab.pipeline", "version": 2, "input": {"shape": [1, 8, 8]}, "layers": []})")
        << "version: version 2 is newer than this program reads (up to 1); update StrideLab";
    QTest::addRow("version 0")
        << QByteArray(
               R"({"format": "stridelab.pipeline", "version": 0, "input": {"shape": [1, 8, 8]}, "layers": []})")
        << "version: must be from 1 to 65536, got 0";
    QTest::addRow("version as a string")
        << QByteArray(
               R"({"format": "stridelab.pipeline", "version": "1", "input": {"shape": [1, 8, 8]}, "layers": []})")
        << R"(version: expected an integer >= 1, got "1")";
    QTest::addRow("format missing")
        << QByteArray(R"({"version": 1, "input": {"shape": [1, 8, 8]}, "layers": []})")
        << "format: required key is missing";
    QTest::addRow("wrong format")
        << QByteArray(
               R"({"format": "stridelab", "version": 1, "input": {"shape": [1, 8, 8]}, "layers": []})")
        << R"(format: expected "stridelab.pipeline", got "stridelab")";
    QTest::addRow("version missing")
        << QByteArray(
               R"({"format": "stridelab.pipeline", "input": {"shape": [1, 8, 8]}, "layers": []})")
        << "version: required key is missing";
    QTest::addRow("input missing")
        << QByteArray(R"({"format": "stridelab.pipeline", "version": 1, "layers": []})")
        << "input: required key is missing";
    QTest::addRow("layers missing")
        << QByteArray(
               R"({"format": "stridelab.pipeline", "version": 1, "input": {"shape": [1, 8, 8]}})")
        << "layers: required key is missing";
    QTest::addRow("layers not an array")
        << QByteArray(
               R"({"format": "stridelab.pipeline", "version": 1, "input": {"shape": [1, 8, 8]}, "layers": {}})")
        << "layers: expected an array of layers, got an object";
    QTest::addRow("top level is an array")
        << QByteArray("[]") << "expected a JSON object at the top level";
    // The comma missing after line 4 is noticed at the next member's quote: line 5, column 3
    // (Qt's own text for it is "unterminated object").
    QTest::addRow("JSON syntax error")
        << QByteArray(
               "{\n  \"format\": \"stridelab.pipeline\",\n  \"version\": 1,\n  \"input\": "
               "{\"shape\": [1, 8, 8]}\n"
               "  \"layers\": []\n}\n")
        << "JSON syntax error at line 5, column 3: unterminated object";
    // Column 11 is the quote where the ':' should be.
    QTest::addRow("JSON syntax error missing colon")
        << QByteArray(R"({"format" "stridelab.pipeline"})")
        << "JSON syntax error at line 1, column 11: missing name separator";

    // Input.
    QTest::addRow("input with two kinds")
        << withInput(R"({"shape": [1, 8, 8], "tensor": "x.npy"})")
        << R"(input: expected exactly one of "image", "tensor" or "shape", got "tensor" and "shape")";
    QTest::addRow("input with no kind")
        << withInput("{}")
        << R"(input: expected exactly one of "image", "tensor" or "shape", got none)";
    QTest::addRow("input shape with two values")
        << withInput(R"({"shape": [8, 8]})")
        << "input.shape: expected [C, H, W] with integers from 1 to 65536, got [8,8]";
    QTest::addRow("color_mode with a tensor input")
        << withInput(R"({"tensor": "x.npy", "color_mode": "rgb"})")
        << R"(input.color_mode: only used with "image" input)";
    QTest::addRow("resize as one integer")
        << withInput(R"({"image": "builtin:zone_plate", "resize": 224})")
        << "input.resize: expected [H, W], got 224";

    // Names.
    QTest::addRow("name input")
        << withLayers(R"({"type": "max_pool2d"}, {"type": "max_pool2d", "name": "input"})")
        << R"(layers[1].name: "input" is reserved for the pipeline's input)";
    // A line break would split the one-line error and the manifest's file name.
    QTest::addRow("name with a line break")
        << withLayers(R"({"type": "max_pool2d", "name": "a\nb"})")
        << "layers[0].name: must not contain control characters (such as a line break)";
    // 1e39 is beyond float32 (3.4e38): it would silently become inf.
    QTest::addRow("inline weight beyond float32")
        << withLayers(R"({"type": "conv2d", "filters": 1, "kernel_size": 1,
                         "weights": {"kernel": [[[[1e39]]]]}})")
        << "layers[0].weights.kernel[0][0][0][0]: 1e+39 is not a finite float32 value";
    QTest::addRow("empty name") << withLayers(R"({"type": "max_pool2d", "name": " "})")
                                << "layers[0].name: must not be empty";
    QTest::addRow("duplicate names")
        << withLayers(R"({"type": "max_pool2d", "name": "a"}, {"type": "max_pool2d", "name": "b"},
                         {"type": "upsampling2d", "name": "a"})")
        << R"(layers[2].name: "a" is already the name of layers[0])";

    // indices_from.
    QTest::addRow("indices_from a missing layer")
        << withLayers(
               R"({"type": "max_pool2d", "name": "p"}, {"type": "max_unpool2d", "indices_from": "pool"})")
        << R"(layers[1].indices_from: no layer is named "pool")";
    QTest::addRow("indices_from a later layer")
        << withLayers(
               R"({"type": "max_unpool2d", "indices_from": "pool"}, {"type": "max_pool2d", "name": "pool"})")
        << R"(layers[0].indices_from: "pool" is layers[1], not an earlier layer)";
    QTest::addRow("indices_from itself")
        << withLayers(
               R"({"type": "max_pool2d"}, {"type": "max_unpool2d", "name": "u", "indices_from": "u"})")
        << R"(layers[1].indices_from: "u" is layers[1], not an earlier layer)";
    QTest::addRow("indices_from a conv2d")
        << withLayers(R"({"type": "conv2d", "name": "c", "filters": 1, "kernel_size": 1},
                         {"type": "max_unpool2d", "indices_from": "c"})")
        << R"(layers[1].indices_from: "c" is of type conv2d, not a max_pool2d)";
    QTest::addRow("indices_from missing")
        << withLayers(R"({"type": "max_pool2d"}, {"type": "max_unpool2d"})")
        << "layers[1].indices_from: required key is missing";

    // Pool options.
    QTest::addRow("count_include_pad on max_pool2d")
        << withLayers(R"({"type": "max_pool2d", "padding": 1, "count_include_pad": false})")
        << "layers[0].count_include_pad: only avg_pool2d with explicit padding takes "
           "count_include_pad";
    QTest::addRow("count_include_pad on avg_pool2d same")
        << withLayers(R"({"type": "avg_pool2d", "padding": "same", "count_include_pad": false})")
        << R"(layers[0].count_include_pad: only with explicit padding, the padding is "same")";
    QTest::addRow("count_include_pad on avg_pool2d valid")
        << withLayers(R"({"type": "avg_pool2d", "count_include_pad": true})")
        << R"(layers[0].count_include_pad: only with explicit padding, the padding is "valid")";
    QTest::addRow("ceil_mode with same")
        << withLayers(R"({"type": "max_pool2d", "padding": "same", "ceil_mode": true})")
        << R"(layers[0].ceil_mode: only with "valid" or explicit padding, the padding is "same")";
    QTest::addRow("pool padding 2 with pool 3")
        << withLayers(R"({"type": "max_pool2d", "pool_size": 3, "padding": 2})")
        << "layers[0].padding: height padding 2 is more than half the pool size 3 (at most 1, as "
           "in PyTorch)";
    QTest::addRow("pool right padding 2 with pool width 3")
        << withLayers(R"({"type": "avg_pool2d", "pool_size": [4, 3], "padding": [0, 0, 0, 2]})")
        << "layers[0].padding: width padding 2 is more than half the pool size 3 (at most 1, as in "
           "PyTorch)";

    // conv2d_transpose output_padding.
    QTest::addRow("output_padding 2 with strides 2 (Keras same)")
        << withLayers(R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "strides": 2,
                          "padding": "same", "output_padding": 2})")
        << "layers[0].output_padding: [2, 2] must be smaller than the strides [2, 2] on each axis "
           "(Keras)";
    QTest::addRow("output_padding 1 with strides 1 (Keras valid)")
        << withLayers(
               R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "output_padding": 1})")
        << "layers[0].output_padding: [1, 1] must be smaller than the strides [1, 1] on each axis "
           "(Keras)";
    // Keras does not relax the limit for dilation, unlike PyTorch.
    QTest::addRow("output_padding 1 with strides 1 dilation 2 (Keras valid)")
        << withLayers(
               R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "dilation_rate": 2,
                          "output_padding": 1})")
        << "layers[0].output_padding: [1, 1] must be smaller than the strides [1, 1] on each axis "
           "(Keras)";
    QTest::addRow("output_padding 2 with strides 2 (PyTorch p1)")
        << withLayers(R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "strides": 2,
                          "padding": 1, "output_padding": 2})")
        << "layers[0].output_padding: [2, 2] must be smaller than max(stride, dilation) = [2, 2] "
           "on each axis "
           "(PyTorch)";
    QTest::addRow("output_padding width 3 with stride 3 dilation 2 (PyTorch p0)")
        << withLayers(
               R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "strides": [1, 3],
                          "dilation_rate": [1, 2], "padding": 0, "output_padding": [0, 3]})")
        << "layers[0].output_padding: [0, 3] must be smaller than max(stride, dilation) = [1, 3] "
           "on each axis "
           "(PyTorch)";

    // upsampling2d.
    QTest::addRow("coordinate_mode with default nearest")
        << withLayers(R"({"type": "upsampling2d", "coordinate_mode": "align_corners"})")
        << R"(layers[0].coordinate_mode: only for bilinear and bicubic, the interpolation is "nearest")";
    QTest::addRow("coordinate_mode with nearest_exact")
        << withLayers(
               R"({"type": "upsampling2d", "interpolation": "nearest_exact", "coordinate_mode": "half_pixel"})")
        << R"(layers[0].coordinate_mode: only for bilinear and bicubic, the interpolation is "nearest_exact")";
    QTest::addRow("size and output_size")
        << withLayers(R"({"type": "upsampling2d", "size": 2, "output_size": [16, 16]})")
        << "layers[0].output_size: give either size (factors) or output_size, not both";
    QTest::addRow("size 0") << withLayers(R"({"type": "upsampling2d", "size": 0})")
                            << "layers[0].size: must be from 1 to 65536, got 0";
    QTest::addRow("interpolation bilinar")
        << withLayers(R"({"type": "upsampling2d", "interpolation": "bilinar"})")
        << R"(layers[0].interpolation: expected one of "nearest", "nearest_exact", "bilinear", "bicubic", got "bilinar"; did you mean "bilinear"?)";

    // Initializers and weights.
    QTest::addRow("sobel_x on 5x5")
        << withLayers(
               R"({"type": "conv2d", "filters": 1, "kernel_size": 5, "kernel_initializer": "sobel_x"})")
        << R"(layers[0].kernel_initializer: "sobel_x" is a 3x3 filter, the kernel is 5x5)";
    QTest::addRow("laplacian object on 3x5 transpose")
        << withLayers(R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": [3, 5],
                          "kernel_initializer": {"name": "laplacian"}})")
        << R"(layers[0].kernel_initializer: "laplacian" is a 3x3 filter, the kernel is 3x5)";
    QTest::addRow("sigma on box")
        << withLayers(R"({"type": "conv2d", "filters": 1, "kernel_size": 3,
                          "kernel_initializer": {"name": "box", "sigma": 1}})")
        << R"(layers[0].kernel_initializer.sigma: only the "gaussian" initializer takes a sigma)";
    QTest::addRow("sigma 0") << withLayers(R"({"type": "conv2d", "filters": 1, "kernel_size": 3,
                          "kernel_initializer": {"name": "gaussian", "sigma": 0}})")
                             << "layers[0].kernel_initializer.sigma: must be > 0, got 0";
    QTest::addRow("bias of 3 for 2 filters")
        << withLayers(
               R"({"type": "conv2d", "filters": 2, "kernel_size": 1, "weights": {"bias": [1, 2, 3]}})")
        << "layers[0].weights.bias: expected shape (2,) for 2 filters, got (3,)";
    QTest::addRow("bias with use_bias false")
        << withLayers(R"({"type": "conv2d", "filters": 1, "kernel_size": 1, "use_bias": false,
                          "weights": {"bias": [1]}})")
        << "layers[0].weights.bias: a bias is given but use_bias is false";
    QTest::addRow("conv2d kernel (1, 1, 2, 2) for 2 filters 3x3")
        << withLayers(
               R"({"type": "conv2d", "filters": 2, "kernel_size": 3, "weights": {"kernel": [[[[1, 2], [3, 4]]]]}})")
        << "layers[0].weights.kernel: expected shape (2, C_in/groups, 3, 3), got (1, 1, 2, 2)";
    QTest::addRow("conv2d_transpose kernel (1, 1, 2, 2) for 2 filters")
        << withLayers(R"({"type": "conv2d_transpose", "filters": 2, "kernel_size": 2,
                          "weights": {"kernel": [[[[1, 2], [3, 4]]]]}})")
        << "layers[0].weights.kernel: expected shape (C_in, 2, 2, 2), got (1, 1, 2, 2)";
    QTest::addRow("conv2d kernel .npy (4, 3, 3, 3) for 2 filters")
        << withLayers(R"({"type": "conv2d", "filters": 2, "kernel_size": 3,
                          "weights": {"kernel": "golden/conv_valid_basic/conv_kernel.npy"}})")
        << "layers[0].weights.kernel: expected shape (2, C_in/groups, 3, 3), got (4, 3, 3, 3)";
    QTest::addRow("kernel not rectangular")
        << withLayers(
               R"({"type": "conv2d", "filters": 1, "kernel_size": 2, "weights": {"kernel": [[[[1, 2], [3]]]]}})")
        << "layers[0].weights.kernel[0][0][1]: the array is not rectangular (expected 2 items, got "
           "1)";
    QTest::addRow("unreadable weights file")
        << withLayers(
               R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "weights": {"kernel": "missing.npy"}})")
        << QStringLiteral(
               "layers[0].weights.kernel: %1/missing.npy: cannot read: No such file or directory")
               .arg(test::dataDir());
    QTest::addRow("weights as a string")
        << withLayers(R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "weights": "k.npy"})")
        << R"(layers[0].weights: expected an object with "kernel" and/or "bias", got "k.npy")";
}

void TestLayerErrors::fileErrors() {
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const auto pipeline = parsePipeline(json, QStringLiteral("test.json"), QDir(test::dataDir()));
    QVERIFY2(!pipeline.ok(), "the pipeline parsed");
    QCOMPARE(pipeline.error().message, QStringLiteral("test.json: ") + error);
    QCOMPARE(pipeline.error().kind, ErrorKind::Invalid);
}

void TestLayerErrors::layerErrors_data() {
    QTest::addColumn<QByteArray>("layers");  // an upsampling2d is appended as the later layer
    QTest::addColumn<QList<int>>("input");
    QTest::addColumn<int>("broken");  // 1-based
    QTest::addColumn<QString>("brokenName");
    QTest::addColumn<QString>("error");

    // out = floor((n - ke)/s) + 1 < 1 on one or both axes; the message gives ke and n + padding.
    QTest::addRow("kernel height 5 on 4x8: floor(-1)+1=0")
        << QByteArray(R"({"type": "conv2d", "filters": 1, "kernel_size": [5, 3]})")
        << QList<int>{1, 4, 8} << 1 << "conv2d"
        << "kernel height 5 is larger than the padded input height 4";
    QTest::addRow("kernel width 5 on 8x4")
        << QByteArray(R"({"type": "conv2d", "filters": 1, "kernel_size": [3, 5]})")
        << QList<int>{1, 8, 4} << 1 << "conv2d"
        << "kernel width 5 is larger than the padded input width 4";
    QTest::addRow("kernel 5x5 on 4x4")
        << QByteArray(R"({"type": "conv2d", "filters": 1, "kernel_size": 5})")
        << QList<int>{1, 4, 4} << 1 << "conv2d"
        << "kernel 5x5 is larger than the padded input 4x4 on both axes";
    QTest::addRow("kernel 7 p1 on 4x4: padded 6")
        << QByteArray(R"({"type": "conv2d", "filters": 1, "kernel_size": 7, "padding": 1})")
        << QList<int>{1, 4, 4} << 1 << "conv2d"
        << "kernel 7x7 is larger than the padded input 6x6 on both axes";
    QTest::addRow("kernel 3 dilation 3 on 6x8: ke 7 > 6, width 8-7+1=2 fine")
        << QByteArray(R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "dilation_rate": 3})")
        << QList<int>{1, 6, 8} << 1 << "conv2d"
        << "kernel height 7 (3 with dilation 3) is larger than the padded input height 6";
    QTest::addRow("second conv: 6x6 -k3-> 4x4 -k5-> broken")
        << QByteArray(R"({"type": "conv2d", "filters": 1, "kernel_size": 3},
                         {"type": "conv2d", "filters": 1, "kernel_size": 5})")
        << QList<int>{1, 6, 6} << 2 << "conv2d_1"
        << "kernel 5x5 is larger than the padded input 4x4 on both axes";
    // Truncating division would accept it: (2 - 3)/3 = 0, + 1 = 1.
    QTest::addRow("pool 3 on 2x5: floor(-1/3)+1=0")
        << QByteArray(R"({"type": "max_pool2d", "name": "p", "pool_size": 3})")
        << QList<int>{1, 2, 5} << 1 << "p"
        << "pool height 3 is larger than the padded input height 2";
    QTest::addRow("avg pool 4 p1 on 1x1: padded 3")
        << QByteArray(R"({"type": "avg_pool2d", "pool_size": 4, "padding": 1})")
        << QList<int>{1, 1, 1} << 1 << "avg_pool2d"
        << "pool 4x4 is larger than the padded input 3x3 on both axes";

    // Padding modes.
    QTest::addRow("reflect p2 on height 2")
        << QByteArray(
               R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "padding": 2, "padding_mode": "reflect"})")
        << QList<int>{1, 2, 5} << 1 << "conv2d"
        << "reflect padding 2 must be smaller than the input height 2";
    // "same" with k5 s1 on 2: pt = (2-1)*1 + 5 - 2 = 4, so 2 on each side.
    QTest::addRow("reflect same k5 on 2x2: pads 2")
        << QByteArray(
               R"({"type": "conv2d", "filters": 1, "kernel_size": 5, "padding": "same", "padding_mode": "reflect"})")
        << QList<int>{1, 2, 2} << 1 << "conv2d"
        << "reflect padding 2 must be smaller than the input height 2";
    QTest::addRow("reflect right 3 on width 3")
        << QByteArray(R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "padding": [0, 0, 1, 3],
                         "padding_mode": "reflect"})")
        << QList<int>{1, 5, 3} << 1 << "conv2d"
        << "reflect padding 3 must be smaller than the input width 3";
    QTest::addRow("circular p3 on height 2")
        << QByteArray(
               R"({"type": "conv2d", "filters": 1, "kernel_size": 5, "padding": 3, "padding_mode": "circular"})")
        << QList<int>{1, 2, 8} << 1 << "conv2d"
        << "circular padding 3 must be at most the input height 2";
    QTest::addRow("circular right 3 on width 2")
        << QByteArray(R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "padding": [0, 0, 0, 3],
                         "padding_mode": "circular"})")
        << QList<int>{1, 8, 2} << 1 << "conv2d"
        << "circular padding 3 must be at most the input width 2";

    // Channels.
    QTest::addRow("groups 2 on 3 channels")
        << QByteArray(R"({"type": "conv2d", "filters": 4, "kernel_size": 3, "groups": 2})")
        << QList<int>{3, 8, 8} << 1 << "conv2d"
        << "groups 2 does not divide the 3 input channels";
    QTest::addRow("transpose groups 2 on 3 channels")
        << QByteArray(
               R"({"type": "conv2d_transpose", "filters": 2, "kernel_size": 2, "groups": 2})")
        << QList<int>{3, 4, 4} << 1 << "conv2d_transpose"
        << "groups 2 does not divide the 3 input channels";
    QTest::addRow("conv2d weights for 2 channels on 3")
        << QByteArray(
               R"({"type": "conv2d", "filters": 1, "kernel_size": 1, "weights": {"kernel": [[[[1]], [[2]]]]}})")
        << QList<int>{3, 4, 4} << 1 << "conv2d"
        << "weights.kernel has shape (1, 2, 1, 1), but 3 input channels need (1, 3, 1, 1)";
    QTest::addRow("conv2d_transpose weights for 2 channels on 3")
        << QByteArray(R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 2,
                         "weights": {"kernel": [[[[1, 2], [3, 4]]], [[[1, 2], [3, 4]]]]}})")
        << QList<int>{3, 4, 4} << 1 << "conv2d_transpose"
        << "weights.kernel has shape (2, 1, 2, 2), but 3 input channels need (3, 1, 2, 2)";

    // max_unpool2d: 8x8 -pool-> 4x4, then something changes the shape.
    QTest::addRow("unpool after a valid conv: (1,2,2) vs (1,4,4)")
        << QByteArray(
               R"({"type": "max_pool2d", "name": "pool"}, {"type": "conv2d", "filters": 1, "kernel_size": 3},
                         {"type": "max_unpool2d", "indices_from": "pool"})")
        << QList<int>{1, 8, 8} << 3 << "max_unpool2d"
        << R"(input (1, 2, 2) does not match the output (1, 4, 4) of max_pool2d "pool")";
    QTest::addRow("unpool after a channel change: (2,4,4) vs (1,4,4)")
        << QByteArray(R"({"type": "max_pool2d"}, {"type": "conv2d", "filters": 2, "kernel_size": 1},
                         {"type": "max_unpool2d", "name": "up", "indices_from": "max_pool2d"})")
        << QList<int>{1, 8, 8} << 3 << "up"
        << R"(input (2, 4, 4) does not match the output (1, 4, 4) of max_pool2d "max_pool2d")";

    // Keras "same" with op: out = (n-1)*s + ke - 2*floor(ke/2) + op; TensorFlow needs
    // ceil(out/s) == n. Even ke, op 0: out = (n-1)*s, ceil = n - 1.
    QTest::addRow("tconv same k4 s2 op0 on 4x4: out 6, ceil(6/2)=3 != 4")
        << QByteArray(R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 4, "strides": 2,
                         "padding": "same", "output_padding": 0})")
        << QList<int>{1, 4, 4} << 1 << "conv2d_transpose"
        << "output_padding 0 with the effective kernel height 4 gives an output height of 6, but "
           "TensorFlow needs ceil(6 / 2) = 3 to "
           "equal the input height 4 (an even kernel needs output_padding >= 1)";
    QTest::addRow("tconv same k[3,4] s2 op0: height 7 fine, width 6 fails")
        << QByteArray(
               R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": [3, 4], "strides": 2,
                         "padding": "same", "output_padding": 0})")
        << QList<int>{1, 4, 4} << 1 << "conv2d_transpose"
        << "output_padding 0 with the effective kernel width 4 gives an output width of 6, but "
           "TensorFlow needs ceil(6 / 2) = 3 to "
           "equal the input width 4 (an even kernel needs output_padding >= 1)";
    QTest::addRow("tconv same k2 d3 s2 op0: ke 4 even, out 6")
        << QByteArray(
               R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 2, "dilation_rate": 3,
                         "strides": 2, "padding": "same", "output_padding": 0})")
        << QList<int>{1, 4, 4} << 1 << "conv2d_transpose"
        << "output_padding 0 with the effective kernel height 4 gives an output height of 6, but "
           "TensorFlow needs ceil(6 / 2) = 3 to "
           "equal the input height 4 (an even kernel needs output_padding >= 1)";
    QTest::addRow("tconv p3 k3 on 1x1: 0-6+3=-3")
        << QByteArray(
               R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "padding": 3})")
        << QList<int>{1, 1, 1} << 1 << "conv2d_transpose"
        << "output height (1 - 1)*1 - 2*3 + 3 + 0 = -3 is smaller than 1";
    QTest::addRow("tconv p[0,2] k3 on 4x2: width 1-4+3=0")
        << QByteArray(
               R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "padding": [0, 2]})")
        << QList<int>{1, 4, 2} << 1 << "conv2d_transpose"
        << "output width (2 - 1)*1 - 2*2 + 3 + 0 = 0 is smaller than 1";
    QTest::addRow("tconv after a pool: 4x4 -> 2x2, p2 k3: 1-4+3=0")
        << QByteArray(R"({"type": "max_pool2d"},
                         {"type": "conv2d_transpose", "name": "up", "filters": 1, "kernel_size": 3, "padding": 2})")
        << QList<int>{1, 4, 4} << 2 << "up"
        << "output height (2 - 1)*1 - 2*2 + 3 + 0 = 0 is smaller than 1";
}

void TestLayerErrors::layerErrors() {
    QFETCH(QByteArray, layers);
    QFETCH(QList<int>, input);
    QFETCH(int, broken);
    QFETCH(QString, brokenName);
    QFETCH(QString, error);
    const Pipeline pipeline =
        test::pipelineFromJson(withLayers(layers + R"(, {"type": "upsampling2d"})"));
    const PipelineReport report = analyzePipeline(pipeline, Shape{input[0], input[1], input[2]});
    QVERIFY(!report.ok());
    QCOMPARE(report.layers.size(), pipeline.layers.size());
    QVERIFY(report.firstBroken() != nullptr);
    QCOMPARE(report.firstBroken()->index, broken);
    for (const LayerReport& l : report.layers) {
        if (l.index < broken) {
            QVERIFY2(l.shape.has_value() && !l.error, qPrintable(l.name));
        } else if (l.index == broken) {
            QCOMPARE(l.name, brokenName);
            QVERIFY(l.ownError);
            QVERIFY(!l.shape);
            QVERIFY(l.error.has_value());
            QCOMPARE(l.error->message, error);
            QCOMPARE(l.error->kind, ErrorKind::Invalid);
        } else {
            QVERIFY(!l.ownError);
            QVERIFY(!l.shape);
            QVERIFY(l.error.has_value());
            QCOMPARE(l.error->message, QStringLiteral("not computed: layer %1 \"%2\" is invalid")
                                           .arg(broken)
                                           .arg(brokenName));
        }
    }
}

// The limits are exact: one step inside them is accepted.
void TestLayerErrors::validEdgeCases_data() {
    QTest::addColumn<QByteArray>("layers");
    QTest::addColumn<QList<int>>("input");
    QTest::addColumn<QList<int>>("output");

    QTest::addRow("kernel 4 on 4x4: 0+1=1")
        << QByteArray(R"({"type": "conv2d", "filters": 2, "kernel_size": 4})")
        << QList<int>{1, 4, 4} << QList<int>{2, 1, 1};
    QTest::addRow("reflect p1 on 2x2: 2+2-3+1=2")
        << QByteArray(
               R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "padding": 1, "padding_mode": "reflect"})")
        << QList<int>{1, 2, 2} << QList<int>{1, 2, 2};
    QTest::addRow("circular p2 on 2x2: 2+4-5+1=2")
        << QByteArray(
               R"({"type": "conv2d", "filters": 1, "kernel_size": 5, "padding": 2, "padding_mode": "circular"})")
        << QList<int>{1, 2, 2} << QList<int>{1, 2, 2};
    QTest::addRow("pool 3 p1 on 1x1: padded 3, 0+1=1")
        << QByteArray(R"({"type": "max_pool2d", "pool_size": 3, "padding": 1})")
        << QList<int>{1, 1, 1} << QList<int>{1, 1, 1};
    QTest::addRow("PyTorch op1 with s1 d2: 3+5+1=9")
        << QByteArray(
               R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "dilation_rate": 2,
                         "padding": 0, "output_padding": 1})")
        << QList<int>{1, 4, 4} << QList<int>{1, 9, 9};
    QTest::addRow("Keras same k4 s2 op1: 6+4-4+1=7, ceil(7/2)=4")
        << QByteArray(R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 4, "strides": 2,
                         "padding": "same", "output_padding": 1})")
        << QList<int>{1, 4, 4} << QList<int>{1, 7, 7};
    QTest::addRow("Keras same k3 s2 op0: 6+3-2=7, ceil(7/2)=4")
        << QByteArray(R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "strides": 2,
                         "padding": "same", "output_padding": 0})")
        << QList<int>{1, 4, 4} << QList<int>{1, 7, 7};
    QTest::addRow("tconv p1 k3 on 1x1: 0-2+3=1")
        << QByteArray(
               R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "padding": 1})")
        << QList<int>{1, 1, 1} << QList<int>{1, 1, 1};
    QTest::addRow("unpool across a same conv (SegNet)")
        << QByteArray(R"({"type": "max_pool2d", "name": "pool"},
                         {"type": "conv2d", "filters": 1, "kernel_size": 3, "padding": "same"},
                         {"type": "max_unpool2d", "indices_from": "pool"})")
        << QList<int>{1, 8, 8} << QList<int>{1, 8, 8};
}

void TestLayerErrors::validEdgeCases() {
    QFETCH(QByteArray, layers);
    QFETCH(QList<int>, input);
    QFETCH(QList<int>, output);
    const Pipeline pipeline = test::pipelineFromJson(withLayers(layers));
    const PipelineReport report = analyzePipeline(pipeline, Shape{input[0], input[1], input[2]});
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.firstBroken()->error->message));
    QCOMPARE(report.layers.back().shape->output, (Shape{output[0], output[1], output[2]}));
}

QTEST_GUILESS_MAIN(TestLayerErrors)
#include "tst_layer_errors.moc"
