#include "layers/conv_options.h"

#include "weights/kernel_cache.h"

#include "io/json_values.h"
#include "io/npy.h"

#include <QJsonArray>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <limits>
#include <string>

namespace stridelab {

namespace {

const QStringList& activationList() {
    static const QStringList names = {QStringLiteral("linear"), QStringLiteral("relu"),
                                      QStringLiteral("leaky_relu"), QStringLiteral("sigmoid"),
                                      QStringLiteral("tanh")};
    return names;
}

// Nested JSON arrays of numbers, rectangular, into an NdArray.
Result<NdArray> arrayFromJson(const QJsonValue& value, const QString& path) {
    NdArray array;
    std::function<Status(const QJsonValue&, const QString&, std::size_t)> visit =
        [&](const QJsonValue& v, const QString& at, std::size_t depth) -> Status {
        if (v.isDouble()) {
            if (depth != array.dims.size()) {
                return Error::invalid(
                    QStringLiteral(
                        "%1: expected an array, got a number (the array is not rectangular)")
                        .arg(at));
            }
            const double d = v.toDouble();
            if (!std::isfinite(d) || std::abs(d) > std::numeric_limits<float>::max()) {
                return Error::invalid(
                    QStringLiteral("%1: %2 is not a finite float32 value").arg(at).arg(d));
            }
            array.values.push_back(static_cast<float>(d));
            return success();
        }
        if (!v.isArray()) {
            return Error::invalid(QStringLiteral("%1: expected a number or an array, got %2")
                                      .arg(at, describeJson(v)));
        }
        const QJsonArray a = v.toArray();
        if (depth == array.dims.size() && array.values.empty()) {
            array.dims.push_back(a.size());
        } else if (depth >= array.dims.size()) {
            return Error::invalid(
                QStringLiteral("%1: expected a number, got an array (the array is not rectangular)")
                    .arg(at));
        } else if (array.dims[depth] != a.size()) {
            return Error::invalid(
                QStringLiteral("%1: the array is not rectangular (expected %2 items, got %3)")
                    .arg(at)
                    .arg(array.dims[depth])
                    .arg(a.size()));
        }
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (auto s = visit(a[i], QStringLiteral("%1[%2]").arg(at).arg(i), depth + 1); !s) {
                return s;
            }
        }
        return success();
    };
    if (auto s = visit(value, path, 0); !s) {
        return s.error();
    }
    return array;
}

Result<WeightSource> readWeightSource(const JsonObjectReader& weights, const QString& key,
                                      const LayerLoadContext& context) {
    const QJsonValue v = weights.value(key);
    if (v.isString()) {
        const QString file = v.toString();
        auto array = readNpy(context.baseDir.filePath(file));
        if (!array) {
            return weights.errorAt(key, array.error().message);
        }
        const auto& values = array->values;
        if (const auto bad = std::find_if(values.begin(), values.end(),
                                          [](float x) { return !std::isfinite(x); });
            bad != values.end()) {
            return weights.errorAt(
                key, QStringLiteral("%1 holds %2 at flat index %3; weights must be finite")
                         .arg(file)
                         .arg(static_cast<double>(*bad))
                         .arg(bad - values.begin()));
        }
        return WeightSource{std::move(array).value(), file};
    }
    if (v.isArray()) {
        auto array = arrayFromJson(v, weights.pathOf(key));
        if (!array) {
            return array.error();
        }
        return WeightSource{std::move(array).value(), {}};
    }
    return weights.errorAt(
        key, QStringLiteral("expected a .npy path or nested arrays of numbers, got %1")
                 .arg(describeJson(v)));
}

// The double whose shortest text is the float's shortest text, so a weight written as 0.3
// is saved as 0.3, not 0.30000001192092896, and still reads back as the same float.
double shortestDouble(float value) {
    std::array<char, 32> text{};
    const auto end = std::to_chars(text.data(), text.data() + text.size(), value).ptr;
    return std::strtod(std::string(text.data(), end).c_str(), nullptr);
}

QJsonValue arrayToJson(const NdArray& array) {
    std::size_t next = 0;
    std::function<QJsonValue(std::size_t)> build = [&](std::size_t depth) -> QJsonValue {
        if (depth == array.dims.size()) {
            return shortestDouble(array.values[next++]);
        }
        QJsonArray a;
        for (std::int64_t i = 0; i < array.dims[depth]; ++i) {
            a.append(build(depth + 1));
        }
        return a;
    };
    return build(0);
}

QJsonValue weightSourceToJson(const WeightSource& source) {
    return source.file.isEmpty() ? arrayToJson(source.array) : QJsonValue(source.file);
}

Result<InitializerSpec> parseInitializer(const JsonObjectReader& reader) {
    const QString key = QStringLiteral("kernel_initializer");
    if (!reader.has(key)) {
        return InitializerSpec{};
    }
    const QJsonValue v = reader.value(key);
    if (v.isObject()) {
        const JsonObjectReader object(v.toObject(), reader.pathOf(key));
        if (auto s = object.allowOnly({QStringLiteral("name"), QStringLiteral("sigma")}); !s) {
            return s.error();
        }
        auto name = object.choice(QStringLiteral("name"), initializerNames(), {});
        if (!name) {
            return name.error();
        }
        if (name->isEmpty()) {
            return object.errorAt(QStringLiteral("name"),
                                  QStringLiteral("required key is missing"));
        }
        InitializerSpec spec{*name, std::nullopt};
        if (object.has(QStringLiteral("sigma"))) {
            if (spec.name != QStringLiteral("gaussian")) {
                return object.errorAt(
                    QStringLiteral("sigma"),
                    QStringLiteral("only the \"gaussian\" initializer takes a sigma"));
            }
            auto sigma = object.number(QStringLiteral("sigma"), 0.0);
            if (!sigma) {
                return sigma.error();
            }
            if (*sigma <= 0.0) {
                return object.errorAt(QStringLiteral("sigma"),
                                      QStringLiteral("must be > 0, got %1").arg(*sigma));
            }
            spec.sigma = *sigma;
        }
        return spec;
    }
    auto name = reader.choice(key, initializerNames(), {});
    if (!name) {
        return name.error();
    }
    return InitializerSpec{*name, std::nullopt};
}

}  // namespace

namespace {

bool isLeakyRelu(const QJsonObject& layer) {
    return layer.value(QStringLiteral("activation")).toString() == QStringLiteral("leaky_relu");
}

}  // namespace

std::vector<ParameterSpec> convParameterSpecs(bool transposed) {
    using K = ParameterKind;
    const QString keras = transposed ? QStringLiteral("Conv2DTranspose") : QStringLiteral("Conv2D");
    const QString torch =
        transposed ? QStringLiteral("nn.ConvTranspose2d") : QStringLiteral("nn.Conv2d");
    auto k = [&](const QString& arg) { return QStringLiteral("%1(%2)").arg(keras, arg); };
    auto t = [&](const QString& arg) { return QStringLiteral("%1(%2)").arg(torch, arg); };
    std::vector<ParameterSpec> specs = {
        {QStringLiteral("filters"), K::Integer,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Filters")), QJsonValue(),
         k(QStringLiteral("filters=8")), t(QStringLiteral("out_channels=8")),
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Output channels.")), 1},
        {QStringLiteral("kernel_size"), K::Pair,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Kernel size")), QJsonValue(),
         k(QStringLiteral("kernel_size=(3, 3)")), t(QStringLiteral("kernel_size=(3, 3)")),
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Kernel height and width.")), 1},
        {QStringLiteral("strides"), K::Pair,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Strides")), 1,
         k(QStringLiteral("strides=(2, 2)")), t(QStringLiteral("stride=(2, 2)")),
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Step of the kernel between outputs.")),
         1},
        {QStringLiteral("padding"),
         K::Padding,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Padding")),
         QStringLiteral("valid"),
         k(QStringLiteral("padding='same'")),
         transposed ? t(QStringLiteral("padding=1"))
                    : t(QStringLiteral("padding=1, or F.pad for [t, b, l, r]")),
         transposed ? QStringLiteral(QT_TRANSLATE_NOOP(
                          "ParameterSpec",
                          "Keras \"valid\"/\"same\" output sizes, or PyTorch's explicit "
                          "p cropped from both ends."))
                    : QStringLiteral(QT_TRANSLATE_NOOP(
                          "ParameterSpec",
                          "\"same\" pads as TensorFlow (the extra pixel bottom/right); "
                          "numbers pad as PyTorch.")),
         0,
         {},
         !transposed},
        {QStringLiteral("dilation_rate"), K::Pair,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Dilation")), 1,
         k(QStringLiteral("dilation_rate=(2, 2)")), t(QStringLiteral("dilation=(2, 2)")),
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Spacing between kernel taps.")), 1},
        {QStringLiteral("groups"), K::Integer,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Groups")), 1,
         k(QStringLiteral("groups=2")), t(QStringLiteral("groups=2")),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "ParameterSpec", "Input and output channels split into independent groups.")),
         1},
        {QStringLiteral("activation"), K::Choice,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Activation")), QStringLiteral("linear"),
         k(QStringLiteral("activation='relu'")),
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "nn.ReLU() after the layer")),
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Applied after the bias.")), 0,
         activationNames()},
        {QStringLiteral("negative_slope"),
         K::Number,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Negative slope")),
         0.01,
         QStringLiteral("LeakyReLU(negative_slope=0.01)"),
         QStringLiteral("nn.LeakyReLU(negative_slope=0.01)"),
         QStringLiteral(
             QT_TRANSLATE_NOOP("ParameterSpec", "Slope below zero, for leaky_relu only.")),
         0,
         {},
         true,
         {},
         &isLeakyRelu},
        {QStringLiteral("use_bias"), K::Boolean,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Bias")), true,
         k(QStringLiteral("use_bias=False")), t(QStringLiteral("bias=False")),
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Add one learned value per filter."))},
        {QStringLiteral("kernel_initializer"), K::Initializer,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Initializer")),
         QStringLiteral("glorot_uniform"), k(QStringLiteral("kernel_initializer='he_normal'")),
         QStringLiteral("nn.init.kaiming_normal_(conv.weight)"),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "ParameterSpec", "Random (seeded, Keras's distributions) or a fixed image filter.")),
         0, initializerNames()},
        {QStringLiteral("seed"), K::Integer,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Seed")), 0,
         QStringLiteral("HeNormal(seed=0)"), QStringLiteral("torch.manual_seed(0)"),
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Seed of a random initializer.")), 0},
        {QStringLiteral("weights"), K::Weights,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Weights")), QJsonValue(),
         QStringLiteral("layer.set_weights([...])"), QStringLiteral("conv.weight.data = ..."),
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec",
                                          "Explicit numbers from the file, in PyTorch's layout."))},
    };
    return specs;
}

QStringList convOptionKeys() {
    return {QStringLiteral("type"),          QStringLiteral("name"),
            QStringLiteral("filters"),       QStringLiteral("kernel_size"),
            QStringLiteral("strides"),       QStringLiteral("padding"),
            QStringLiteral("dilation_rate"), QStringLiteral("groups"),
            QStringLiteral("activation"),    QStringLiteral("negative_slope"),
            QStringLiteral("use_bias"),      QStringLiteral("kernel_initializer"),
            QStringLiteral("seed"),          QStringLiteral("weights")};
}

QJsonValue weightArrayToJson(const NdArray& array) {
    return arrayToJson(array);
}

const QStringList& activationNames() {
    return activationList();
}

QString activationName(Activation activation) {
    return activationList().at(static_cast<qsizetype>(activation));
}

Result<ConvOptions> parseConvOptions(const JsonObjectReader& r, const LayerLoadContext& context,
                                     bool transposed) {
    ConvOptions o;
    auto filters = r.integer(QStringLiteral("filters"), 1, std::nullopt);
    if (!filters) {
        return filters.error();
    }
    o.filters = *filters;
    auto kernel = r.pair(QStringLiteral("kernel_size"), 1, std::nullopt);
    if (!kernel) {
        return kernel.error();
    }
    o.kernel = *kernel;
    auto strides = r.pair(QStringLiteral("strides"), 1, Pair{1, 1});
    if (!strides) {
        return strides.error();
    }
    o.strides = *strides;
    auto padding = r.padding(QStringLiteral("padding"), !transposed);
    if (!padding) {
        return padding.error();
    }
    o.padding = *padding;
    auto dilation = r.pair(QStringLiteral("dilation_rate"), 1, Pair{1, 1});
    if (!dilation) {
        return dilation.error();
    }
    o.dilation = *dilation;
    auto groups = r.integer(QStringLiteral("groups"), 1, 1);
    if (!groups) {
        return groups.error();
    }
    o.groups = *groups;
    if (o.filters % o.groups != 0) {
        return r.errorAt(QStringLiteral("groups"),
                         QStringLiteral("filters %1 is not divisible by groups %2")
                             .arg(o.filters)
                             .arg(o.groups));
    }
    auto activation =
        r.choice(QStringLiteral("activation"), activationList(), QStringLiteral("linear"));
    if (!activation) {
        return activation.error();
    }
    o.activation = static_cast<Activation>(activationList().indexOf(*activation));
    if (r.has(QStringLiteral("negative_slope")) && o.activation != Activation::LeakyRelu) {
        return r.errorAt(
            QStringLiteral("negative_slope"),
            QStringLiteral("only used with activation \"leaky_relu\", the activation is \"%1\"")
                .arg(*activation));
    }
    auto slope = r.number(QStringLiteral("negative_slope"), 0.01);
    if (!slope) {
        return slope.error();
    }
    o.negativeSlope = *slope;
    auto useBias = r.boolean(QStringLiteral("use_bias"), true);
    if (!useBias) {
        return useBias.error();
    }
    o.useBias = *useBias;
    auto initializer = parseInitializer(r);
    if (!initializer) {
        return initializer.error();
    }
    o.initializer = *initializer;
    if (initializerIs3x3Only(o.initializer.name) && o.kernel != Pair{3, 3}) {
        return r.errorAt(QStringLiteral("kernel_initializer"),
                         QStringLiteral("\"%1\" is a 3x3 filter, the kernel is %2x%3")
                             .arg(o.initializer.name)
                             .arg(o.kernel.h)
                             .arg(o.kernel.w));
    }
    // Seeds feed only the generator, never arithmetic on sizes: any exact JSON integer.
    auto seed = r.integer(QStringLiteral("seed"), 0, 0, std::int64_t{1} << 53);
    if (!seed) {
        return seed.error();
    }
    o.seed = *seed;

    if (r.has(QStringLiteral("weights"))) {
        const QJsonValue w = r.value(QStringLiteral("weights"));
        if (!w.isObject()) {
            return r.errorAt(
                QStringLiteral("weights"),
                QStringLiteral("expected an object with \"kernel\" and/or \"bias\", got %1")
                    .arg(describeJson(w)));
        }
        const JsonObjectReader weights(w.toObject(), r.pathOf(QStringLiteral("weights")));
        if (auto s = weights.allowOnly({QStringLiteral("kernel"), QStringLiteral("bias")}); !s) {
            return s.error();
        }
        if (weights.has(QStringLiteral("kernel"))) {
            auto kernelWeights = readWeightSource(weights, QStringLiteral("kernel"), context);
            if (!kernelWeights) {
                return kernelWeights.error();
            }
            const NdArray& k = kernelWeights->array;
            const std::int64_t expectedFirst = transposed ? -1 : o.filters;
            if (k.dims.size() != 4 || (expectedFirst > 0 && k.dims[0] != expectedFirst) ||
                (transposed && k.dims[1] != o.filters / o.groups) || k.dims[2] != o.kernel.h ||
                k.dims[3] != o.kernel.w) {
                const QString expected = transposed ? QStringLiteral("(C_in, %1, %2, %3)")
                                                          .arg(o.filters / o.groups)
                                                          .arg(o.kernel.h)
                                                          .arg(o.kernel.w)
                                                    : QStringLiteral("(%1, C_in/groups, %2, %3)")
                                                          .arg(o.filters)
                                                          .arg(o.kernel.h)
                                                          .arg(o.kernel.w);
                return weights.errorAt(
                    QStringLiteral("kernel"),
                    QStringLiteral("expected shape %1, got %2").arg(expected, k.shapeString()));
            }
            o.kernelWeights = std::move(kernelWeights).value();
        }
        if (weights.has(QStringLiteral("bias"))) {
            if (!o.useBias) {
                return weights.errorAt(QStringLiteral("bias"),
                                       QStringLiteral("a bias is given but use_bias is false"));
            }
            auto biasWeights = readWeightSource(weights, QStringLiteral("bias"), context);
            if (!biasWeights) {
                return biasWeights.error();
            }
            const NdArray& b = biasWeights->array;
            if (b.dims.size() != 1 || b.dims[0] != o.filters) {
                return weights.errorAt(QStringLiteral("bias"),
                                       QStringLiteral("expected shape (%1,) for %1 filters, got %2")
                                           .arg(o.filters)
                                           .arg(b.shapeString()));
            }
            o.biasWeights = std::move(biasWeights).value();
        }
    }
    return o;
}

void writeConvOptions(const ConvOptions& o, QJsonObject& json) {
    json.insert(QStringLiteral("filters"), static_cast<double>(o.filters));
    json.insert(QStringLiteral("kernel_size"), pairToJson(o.kernel));
    if (o.strides != Pair{1, 1}) {
        json.insert(QStringLiteral("strides"), pairToJson(o.strides));
    }
    if (o.padding.kind != PaddingKind::Valid) {
        json.insert(QStringLiteral("padding"), paddingToJson(o.padding));
    }
    if (o.dilation != Pair{1, 1}) {
        json.insert(QStringLiteral("dilation_rate"), pairToJson(o.dilation));
    }
    if (o.groups != 1) {
        json.insert(QStringLiteral("groups"), static_cast<double>(o.groups));
    }
    if (o.activation != Activation::Linear) {
        json.insert(QStringLiteral("activation"), activationName(o.activation));
    }
    if (o.activation == Activation::LeakyRelu && o.negativeSlope != 0.01) {
        json.insert(QStringLiteral("negative_slope"), o.negativeSlope);
    }
    if (!o.useBias) {
        json.insert(QStringLiteral("use_bias"), false);
    }
    if (o.initializer != InitializerSpec{}) {
        json.insert(QStringLiteral("kernel_initializer"), o.initializer.toJson());
    }
    if (o.seed != 0) {
        json.insert(QStringLiteral("seed"), static_cast<double>(o.seed));
    }
    if (o.kernelWeights || o.biasWeights) {
        QJsonObject weights;
        if (o.kernelWeights) {
            weights.insert(QStringLiteral("kernel"), weightSourceToJson(*o.kernelWeights));
        }
        if (o.biasWeights) {
            weights.insert(QStringLiteral("bias"), weightSourceToJson(*o.biasWeights));
        }
        json.insert(QStringLiteral("weights"), weights);
    }
}

NdArray ConvOptions::kernelFor(std::int64_t inputChannels, bool transposed) const {
    if (kernelWeights) {
        return kernelWeights->array;
    }
    return makeKernel(
        initializer, static_cast<std::uint64_t>(seed),
        KernelGeometry{inputChannels, filters, groups, kernel.h, kernel.w, transposed});
}

std::shared_ptr<const NdArray> ConvOptions::sharedKernel(std::int64_t inputChannels,
                                                         bool transposed) const {
    if (kernelWeights) {
        return {std::shared_ptr<const NdArray>(), &kernelWeights->array};  // not owned
    }
    return cachedKernel(
        initializer, static_cast<std::uint64_t>(seed),
        KernelGeometry{inputChannels, filters, groups, kernel.h, kernel.w, transposed});
}

std::vector<float> ConvOptions::bias() const {
    if (!useBias) {
        return {};
    }
    if (biasWeights) {
        return biasWeights->array.values;
    }
    return std::vector<float>(static_cast<std::size_t>(filters), 0.0F);
}

std::int64_t ConvOptions::parameterCount(std::int64_t inputChannels) const {
    return saturatingAdd(saturatingProduct({filters, inputChannels / groups, kernel.h, kernel.w}),
                         useBias ? filters : 0);
}

std::optional<Error> ConvOptions::checkKernelFor(std::int64_t inputChannels,
                                                 bool transposed) const {
    if (inputChannels % groups != 0) {
        return Error::invalid(QStringLiteral("groups %1 does not divide the %2 input channels")
                                  .arg(groups)
                                  .arg(inputChannels));
    }
    if (!kernelWeights) {
        return std::nullopt;
    }
    const auto expected =
        KernelGeometry{inputChannels, filters, groups, kernel.h, kernel.w, transposed}.dims();
    if (kernelWeights->array.dims != expected) {
        NdArray e;
        e.dims = expected;
        return Error::invalid(
            QStringLiteral("weights.kernel has shape %1, but %2 input channels need %3")
                .arg(kernelWeights->array.shapeString())
                .arg(inputChannels)
                .arg(e.shapeString()));
    }
    return std::nullopt;
}

QString ConvOptions::describe() const {
    QString text = QStringLiteral("%1 %2x%3").arg(filters).arg(kernel.h).arg(kernel.w);
    if (strides != Pair{1, 1}) {
        text += strides.h == strides.w ? QStringLiteral(" /%1").arg(strides.h)
                                       : QStringLiteral(" /%1x%2").arg(strides.h).arg(strides.w);
    }
    text += QLatin1Char(' ') + padding.toString();
    if (dilation != Pair{1, 1}) {
        text += QStringLiteral(" dil %1x%2").arg(dilation.h).arg(dilation.w);
    }
    if (groups != 1) {
        text += QStringLiteral(" g%1").arg(groups);
    }
    if (activation != Activation::Linear) {
        text += QLatin1Char(' ') + activationName(activation);
    }
    return text;
}

void finishConvOutput(const ConvOptions& options, Tensor& output, int threads) {
    applyActivation(output, options.activation, static_cast<float>(options.negativeSlope), threads);
}

}  // namespace stridelab
