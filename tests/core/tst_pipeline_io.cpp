// Pipeline files: parse -> serialize -> parse keeps every layer option, name and the input;
// relative paths are rewritten for the folder the file is saved in; Keras-style default names
// (pipeline-format.md, "Layers").

#include "io/image_input.h"
#include "layers/conv2d.h"
#include "layers/conv2d_transpose.h"
#include "pipeline/pipeline_analysis.h"
#include "pipeline/pipeline_reader.h"
#include "pipeline/pipeline_writer.h"
#include "support/test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace stridelab;

namespace {

QDir dataSubdir(const QString& relative) {
    return QDir(relative.isEmpty() ? test::dataDir()
                                   : test::dataDir() + QLatin1Char('/') + relative);
}

const ConvOptions* convOptions(const Layer& layer) {
    if (const auto* c = dynamic_cast<const Conv2d*>(&layer)) {
        return &c->params().conv;
    }
    if (const auto* t = dynamic_cast<const Conv2dTranspose*>(&layer)) {
        return &t->params().conv;
    }
    return nullptr;
}

// Where a relative path written in a pipeline in `dir` points to.
QString resolved(const QString& path, const QDir& dir) {
    if (path.isEmpty() || path.startsWith(QStringLiteral("builtin:"))) {
        return path;
    }
    return QDir::cleanPath(dir.absoluteFilePath(path));
}

// The two pipelines describe the same computation, wherever their files are.
void compareSame(const Pipeline& a, const Pipeline& b) {
    QCOMPARE(b.name, a.name);
    QCOMPARE(b.input.kind, a.input.kind);
    QCOMPARE(resolved(b.input.source, b.baseDir), resolved(a.input.source, a.baseDir));
    QCOMPARE(b.input.colorMode, a.input.colorMode);
    QCOMPARE(b.input.resize.has_value(), a.input.resize.has_value());
    if (a.input.resize) {
        QCOMPARE(*b.input.resize, *a.input.resize);
    }
    QCOMPARE(b.input.shape, a.input.shape);
    QCOMPARE(b.layers.size(), a.layers.size());
    for (std::size_t i = 0; i < a.layers.size(); ++i) {
        const PipelineLayer& la = a.layers[i];
        const PipelineLayer& lb = b.layers[i];
        QCOMPARE(lb.name, la.name);
        QCOMPARE(lb.explicitName, la.explicitName);
        QCOMPARE(lb.layer->type(), la.layer->type());
        QJsonObject ja = la.layer->toJson();
        QJsonObject jb = lb.layer->toJson();
        const ConvOptions* ca = convOptions(*la.layer);
        const ConvOptions* cb = convOptions(*lb.layer);
        QCOMPARE(cb == nullptr, ca == nullptr);
        if (ca != nullptr) {
            // Weights files: the same file (path relative to each pipeline) and the same numbers.
            for (const auto& [wa, wb] : {std::pair{&ca->kernelWeights, &cb->kernelWeights},
                                         std::pair{&ca->biasWeights, &cb->biasWeights}}) {
                QCOMPARE(wb->has_value(), wa->has_value());
                if (wa->has_value()) {
                    QCOMPARE((*wb)->array, (*wa)->array);
                    QCOMPARE((*wb)->file.isEmpty(), (*wa)->file.isEmpty());
                    if (!(*wa)->file.isEmpty()) {
                        QCOMPARE(resolved((*wb)->file, b.baseDir),
                                 resolved((*wa)->file, a.baseDir));
                    }
                }
            }
            ja.remove(QStringLiteral("weights"));
            jb.remove(QStringLiteral("weights"));
        }
        QCOMPARE(jb, ja);
    }
}

QStringList names(const char* commaSeparated) {
    return QString::fromLatin1(commaSeparated).split(QLatin1Char(','));
}

QByteArray document(const QByteArray& name, const QByteArray& input, const QByteArray& layers) {
    return R"({"format": "stridelab.pipeline", "version": 1, "name": ")" + name +
           R"(", "input": )" + input + R"(, "layers": [)" + layers + "]}";
}

}  // namespace

class TestPipelineIo : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void canonicalForm_data();
    void canonicalForm();
    void pathsAreRebased();
    void defaultNames_data();
    void defaultNames();
    void saveAndLoad();
    void saveAndLoadBuiltinImage();
};

// Every source document is in the writer's form (pairs of equal values as one integer, no
// default values), so writing it back from where it was read must give it back unchanged.
void TestPipelineIo::roundTrip_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("sourceDir");  // relative to the test data folder
    QTest::addColumn<QString>("targetDir");

    QTest::addRow("conv2d options") << document("conv options", R"({"shape": [4, 16, 16]})", R"(
            {"type": "conv2d", "name": "c1", "filters": 4, "kernel_size": [3, 5], "strides": [2, 1],
             "padding": [1, 2], "padding_mode": "reflect", "dilation_rate": [1, 2], "groups": 2,
             "activation": "leaky_relu", "negative_slope": 0.2, "use_bias": false,
             "kernel_initializer": "he_normal", "seed": 7},
            {"type": "conv2d", "filters": 2, "kernel_size": 3, "padding": "same", "padding_mode": "replicate",
             "activation": "relu", "kernel_initializer": {"name": "gaussian", "sigma": 1.5}},
            {"type": "conv2d", "filters": 2, "kernel_size": 1, "padding": [0, 1, 2, 3], "padding_mode": "circular",
             "activation": "sigmoid", "kernel_initializer": "identity"},
            {"type": "conv2d", "filters": 1, "kernel_size": 3, "strides": 2, "padding": 1, "activation": "tanh",
             "kernel_initializer": "sobel_x"},
            {"type": "conv2d", "filters": 1, "kernel_size": 3, "dilation_rate": 2, "activation": "leaky_relu",
             "kernel_initializer": "sobel_y"})")
                                    << ""
                                    << "golden";
    QTest::addRow("conv2d initializers")
        << document("initializers", R"({"shape": [2, 16, 16]})", R"(
            {"type": "conv2d", "filters": 2, "kernel_size": 3, "kernel_initializer": "laplacian"},
            {"type": "conv2d", "filters": 2, "kernel_size": 3, "kernel_initializer": "sharpen"},
            {"type": "conv2d", "filters": 2, "kernel_size": 3, "kernel_initializer": "box"},
            {"type": "conv2d", "filters": 2, "kernel_size": 3, "kernel_initializer": "gaussian"},
            {"type": "conv2d", "filters": 2, "kernel_size": 1, "kernel_initializer": "zeros"},
            {"type": "conv2d", "filters": 2, "kernel_size": 1, "kernel_initializer": "ones"},
            {"type": "conv2d", "filters": 2, "kernel_size": 1, "kernel_initializer": "glorot_normal", "seed": 1},
            {"type": "conv2d", "filters": 2, "kernel_size": 1, "kernel_initializer": "he_uniform", "seed": 2},
            {"type": "conv2d", "filters": 2, "kernel_size": 1, "seed": 3})")
        << ""
        << "";
    QTest::addRow("conv2d inline weights") << document("inline", R"({"shape": [1, 4, 4]})", R"(
            {"type": "conv2d", "name": "w", "filters": 2, "kernel_size": [1, 2],
             "weights": {"kernel": [[[[0.5, -0.25]]], [[[1.5, 2]]]], "bias": [0.125, -1]}},
            {"type": "conv2d", "filters": 1, "kernel_size": 1, "use_bias": false,
             "weights": {"kernel": [[[[3]], [[4]]]]}})")
                                           << ""
                                           << "golden";
    QTest::addRow("conv2d .npy weights, saved one folder up")
        << document("npy", R"({"tensor": "input.npy"})", R"(
            {"type": "conv2d", "name": "conv", "filters": 4, "kernel_size": 3,
             "weights": {"kernel": "conv_kernel.npy", "bias": "conv_bias.npy"}})")
        << "golden/conv_valid_basic"
        << "golden";
    QTest::addRow("conv2d .npy weights, saved in a sibling folder")
        << document("npy", R"({"tensor": "input.npy"})", R"(
            {"type": "conv2d", "filters": 4, "kernel_size": 3, "weights": {"kernel": "conv_kernel.npy"}})")
        << "golden/conv_valid_basic"
        << "golden/conv_inline_weights";
    QTest::addRow("pools") << document("pools", R"({"shape": [1, 17, 17]})", R"(
            {"type": "max_pool2d", "pool_size": 3, "strides": 2, "padding": 1, "ceil_mode": true},
            {"type": "max_pool2d", "name": "p2", "pool_size": [2, 3], "padding": "same"},
            {"type": "max_pool2d", "strides": 1, "padding": [0, 1, 1, 0]},
            {"type": "avg_pool2d", "pool_size": 3, "strides": [1, 2], "padding": [1, 1, 0, 1], "ceil_mode": true,
             "count_include_pad": false},
            {"type": "avg_pool2d", "padding": 1, "count_include_pad": true},
            {"type": "avg_pool2d", "padding": [1, 0]},
            {"type": "avg_pool2d", "padding": "same"},
            {"type": "avg_pool2d", "strides": [2, 1]})")
                           << ""
                           << "";
    QTest::addRow("upsampling2d") << document("up", R"({"shape": [3, 5, 5]})", R"(
            {"type": "upsampling2d"},
            {"type": "upsampling2d", "size": [2, 3], "interpolation": "bilinear", "coordinate_mode": "align_corners"},
            {"type": "upsampling2d", "output_size": [7, 9], "interpolation": "bicubic", "coordinate_mode": "asymmetric"},
            {"type": "upsampling2d", "size": 3, "interpolation": "nearest_exact"},
            {"type": "upsampling2d", "interpolation": "bilinear", "coordinate_mode": "half_pixel"},
            {"type": "upsampling2d", "output_size": [16, 16]},
            {"type": "upsampling2d", "name": "b", "size": 1, "interpolation": "bicubic"})")
                                  << ""
                                  << "golden";
    QTest::addRow("max_unpool2d") << document("unpool", R"({"shape": [1, 16, 16]})", R"(
            {"type": "max_pool2d"},
            {"type": "max_unpool2d", "indices_from": "max_pool2d"},
            {"type": "max_pool2d", "name": "pool", "pool_size": 3, "strides": 2, "padding": 1},
            {"type": "conv2d", "filters": 1, "kernel_size": 3, "padding": "same"},
            {"type": "max_unpool2d", "name": "u", "indices_from": "pool"})")
                                  << ""
                                  << "";
    QTest::addRow("conv2d_transpose options") << document("tconv", R"({"shape": [2, 6, 6]})", R"(
            {"type": "conv2d_transpose", "filters": 2, "kernel_size": 3, "strides": 2, "padding": 1,
             "output_padding": 1, "kernel_initializer": "box"},
            {"type": "conv2d_transpose", "name": "k", "filters": 4, "kernel_size": [4, 3], "strides": [2, 3],
             "padding": "same", "output_padding": [1, 2], "activation": "tanh"},
            {"type": "conv2d_transpose", "filters": 2, "kernel_size": 3, "padding": [0, 1], "dilation_rate": 2,
             "groups": 2, "activation": "relu", "use_bias": false, "kernel_initializer": "glorot_normal", "seed": 3},
            {"type": "conv2d_transpose", "filters": 2, "kernel_size": 2, "strides": 2, "output_padding": 0,
             "activation": "leaky_relu", "negative_slope": 0.5},
            {"type": "conv2d_transpose", "filters": 1, "kernel_size": 2,
             "weights": {"kernel": [[[[1, 2], [3, 4]]], [[[0.5, 0.25], [-1, -2]]]], "bias": [0.5]}})")
                                              << ""
                                              << "golden";
    QTest::addRow("image input, builtin")
        << document(
               "builtin",
               R"({"image": "builtin:zone_plate", "color_mode": "grayscale", "resize": [64, 48]})",
               R"({"type": "max_pool2d"})")
        << ""
        << "golden";
    QTest::addRow("image input, relative path rebased")
        << document("relative", R"({"image": "images/cat.png", "color_mode": "rgba"})",
                    R"({"type": "max_pool2d"})")
        << "golden"
        << "golden/conv_valid_basic";
    QTest::addRow("image input, rgb written, absolute path")
        << document("absolute",
                    R"({"image": "/nonexistent/cat.png", "color_mode": "rgb", "resize": [8, 8]})",
                    R"({"type": "max_pool2d"})")
        << ""
        << "golden";
}

void TestPipelineIo::roundTrip() {
    QFETCH(QByteArray, json);
    QFETCH(QString, sourceDir);
    QFETCH(QString, targetDir);
    const QDir source = dataSubdir(sourceDir);
    const QDir target = dataSubdir(targetDir);
    auto first = parsePipeline(json, QStringLiteral("test.json"), source);
    QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));

    // Written back where it was read, the document is unchanged: no option was lost.
    QCOMPARE(pipelineToJson(*first, source), QJsonDocument::fromJson(json).object());

    const QByteArray saved = serializePipeline(*first, target);
    auto second = parsePipeline(saved, QStringLiteral("saved.json"), target);
    QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.error().message));
    compareSame(*first, *second);
    if (QTest::currentTestFailed()) {
        return;
    }
    // Saving the reloaded pipeline to the same place writes the same bytes.
    QCOMPARE(serializePipeline(*second, target), saved);
}

// The writer drops defaults and writes equal pairs as one integer; the meaning is kept.
void TestPipelineIo::canonicalForm_data() {
    QTest::addColumn<QByteArray>("layer");
    QTest::addColumn<QByteArray>("written");  // the layer's toJson() plus "type"

    QTest::addRow("conv2d defaults dropped, pairs collapsed")
        << QByteArray(R"({"type": "conv2d", "filters": 2, "kernel_size": [3, 3], "strides": [1, 1],
                         "padding": "valid", "padding_mode": "zeros", "dilation_rate": 1, "groups": 1,
                         "activation": "linear", "use_bias": true, "kernel_initializer": "glorot_uniform",
                         "seed": 0})")
        << QByteArray(R"({"type": "conv2d", "filters": 2, "kernel_size": 3})");
    QTest::addRow("initializer object without sigma becomes its name")
        << QByteArray(
               R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "kernel_initializer": {"name": "box"}})")
        << QByteArray(
               R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "kernel_initializer": "box"})");
    QTest::addRow("leaky_relu default slope dropped")
        << QByteArray(
               R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "activation": "leaky_relu", "negative_slope": 0.01})")
        << QByteArray(
               R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "activation": "leaky_relu"})");
    QTest::addRow("pool strides kept when given, collapsed")
        << QByteArray(
               R"({"type": "max_pool2d", "pool_size": [2, 2], "strides": [2, 2], "ceil_mode": false})")
        << QByteArray(R"({"type": "max_pool2d", "strides": 2})");
    QTest::addRow("padding pair kept as a pair")
        << QByteArray(R"({"type": "avg_pool2d", "padding": [1, 1]})")
        << QByteArray(R"({"type": "avg_pool2d", "padding": [1, 1]})");
    QTest::addRow("upsampling factors kept when given")
        << QByteArray(R"({"type": "upsampling2d", "size": [2, 2], "interpolation": "nearest"})")
        << QByteArray(R"({"type": "upsampling2d", "size": 2})");
    QTest::addRow("transpose output_padding pair collapsed")
        << QByteArray(
               R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "strides": [2, 2],
                         "padding": "same", "output_padding": [1, 1]})")
        << QByteArray(R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "strides": 2,
                         "padding": "same", "output_padding": 1})");
}

void TestPipelineIo::canonicalForm() {
    QFETCH(QByteArray, layer);
    QFETCH(QByteArray, written);
    const Pipeline p = test::pipelineFromJson(document("c", R"({"shape": [1, 8, 8]})", layer));
    QCOMPARE(p.layers.size(), std::size_t(1));
    QJsonObject json = p.layers[0].layer->toJson();
    json.insert(QStringLiteral("type"), p.layers[0].layer->type());
    QCOMPARE(json, QJsonDocument::fromJson(written).object());
}

void TestPipelineIo::pathsAreRebased() {
    const QDir source = dataSubdir(QStringLiteral("golden/conv_valid_basic"));
    const QByteArray json = document("npy", R"({"tensor": "input.npy"})", R"(
        {"type": "conv2d", "filters": 4, "kernel_size": 3,
         "weights": {"kernel": "conv_kernel.npy", "bias": "conv_bias.npy"}},
        {"type": "conv2d_transpose", "filters": 1, "kernel_size": 1, "weights": {"kernel": [[[[2]]], [[[2]]], [[[2]]], [[[2]]]]}})");
    auto p = parsePipeline(json, QStringLiteral("test.json"), source);
    QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().message));

    const QJsonObject up = pipelineToJson(*p, dataSubdir(QStringLiteral("golden")));
    QCOMPARE(up[QStringLiteral("input")].toObject()[QStringLiteral("tensor")].toString(),
             QStringLiteral("conv_valid_basic/input.npy"));
    const QJsonObject weights =
        up[QStringLiteral("layers")].toArray()[0].toObject()[QStringLiteral("weights")].toObject();
    QCOMPARE(weights[QStringLiteral("kernel")].toString(),
             QStringLiteral("conv_valid_basic/conv_kernel.npy"));
    QCOMPARE(weights[QStringLiteral("bias")].toString(),
             QStringLiteral("conv_valid_basic/conv_bias.npy"));
    // Inline weights stay inline.
    const QJsonObject inlineWeights =
        up[QStringLiteral("layers")].toArray()[1].toObject()[QStringLiteral("weights")].toObject();
    QVERIFY(inlineWeights[QStringLiteral("kernel")].isArray());

    const QJsonObject sibling =
        pipelineToJson(*p, dataSubdir(QStringLiteral("golden/conv_inline_weights")));
    QCOMPARE(sibling[QStringLiteral("input")].toObject()[QStringLiteral("tensor")].toString(),
             QStringLiteral("../conv_valid_basic/input.npy"));
    QCOMPARE(sibling[QStringLiteral("layers")]
                 .toArray()[0]
                 .toObject()[QStringLiteral("weights")]
                 .toObject()[QStringLiteral("kernel")]
                 .toString(),
             QStringLiteral("../conv_valid_basic/conv_kernel.npy"));

    const QJsonObject down = pipelineToJson(*p, QDir(test::dataDir()));
    QCOMPARE(down[QStringLiteral("input")].toObject()[QStringLiteral("tensor")].toString(),
             QStringLiteral("golden/conv_valid_basic/input.npy"));
}

void TestPipelineIo::defaultNames_data() {
    QTest::addColumn<QByteArray>("layers");
    QTest::addColumn<QStringList>("names");

    const QByteArray conv = R"({"type": "conv2d", "filters": 1, "kernel_size": 1})";
    QTest::addRow("three conv2d") << conv + ", " + conv + ", " + conv
                                  << names("conv2d,conv2d_1,conv2d_2");
    QTest::addRow("one counter per type")
        << conv + R"(, {"type": "max_pool2d"}, )" + conv +
               R"(, {"type": "max_pool2d"}, {"type": "avg_pool2d"})"
        << names("conv2d,max_pool2d,conv2d_1,max_pool2d_1,avg_pool2d");
    QTest::addRow("only unnamed layers count")
        << R"({"type": "conv2d", "name": "a", "filters": 1, "kernel_size": 1}, )" + conv +
               R"(, {"type": "conv2d", "name": "b", "filters": 1, "kernel_size": 1}, )" + conv
        << names("a,conv2d,b,conv2d_1");
    QTest::addRow("explicit name later in the file is skipped")
        << conv + ", " + conv +
               R"(, {"type": "conv2d", "name": "conv2d_1", "filters": 1, "kernel_size": 1})"
        << names("conv2d,conv2d_2,conv2d_1");
    QTest::addRow("explicit name on another type is skipped")
        << R"({"type": "max_pool2d", "name": "conv2d"}, )" + conv << names("conv2d,conv2d_1");
    QTest::addRow("two explicit names skipped")
        << R"({"type": "conv2d", "name": "conv2d_2", "filters": 1, "kernel_size": 1}, )" + conv +
               ", " + conv + R"(, {"type": "avg_pool2d", "name": "conv2d"})"
        << names("conv2d_2,conv2d_1,conv2d_3,conv2d");
    QTest::addRow("conv2d_transpose has its own counter")
        << R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 1}, )" + conv +
               R"(, {"type": "conv2d_transpose", "filters": 1, "kernel_size": 1})"
        << names("conv2d_transpose,conv2d,conv2d_transpose_1");
    QTest::addRow("indices_from a default name")
        << QByteArray(
               R"({"type": "max_pool2d"}, {"type": "max_unpool2d", "indices_from": "max_pool2d"},
                         {"type": "max_pool2d"}, {"type": "max_unpool2d", "indices_from": "max_pool2d_1"})")
        << names("max_pool2d,max_unpool2d,max_pool2d_1,max_unpool2d_1");
}

void TestPipelineIo::defaultNames() {
    QFETCH(QByteArray, layers);
    QFETCH(QStringList, names);
    const QByteArray json = document("names", R"({"shape": [1, 16, 16]})", layers);
    const Pipeline p = test::pipelineFromJson(json);
    const QJsonArray original =
        QJsonDocument::fromJson(json).object()[QStringLiteral("layers")].toArray();
    QStringList actual;
    for (const PipelineLayer& l : p.layers) {
        actual << l.name;
    }
    QCOMPARE(actual, names);

    // Default names are not written back; a reload derives the same ones.
    const QJsonArray written =
        pipelineToJson(p, QDir(test::dataDir()))[QStringLiteral("layers")].toArray();
    for (qsizetype i = 0; i < original.size(); ++i) {
        const bool named = original[i].toObject().contains(QStringLiteral("name"));
        QCOMPARE(p.layers[static_cast<std::size_t>(i)].explicitName, named);
        QCOMPARE(written[i].toObject().contains(QStringLiteral("name")), named);
    }
    const Pipeline reloaded = test::pipelineFromJson(serializePipeline(p, QDir(test::dataDir())));
    QStringList again;
    for (const PipelineLayer& l : reloaded.layers) {
        again << l.name;
    }
    QCOMPARE(again, names);
}

void TestPipelineIo::saveAndLoad() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QVERIFY(QDir(tmp.path()).mkpath(QStringLiteral("a/b")));
    const QString original =
        test::dataDir() + QStringLiteral("/golden/pipeline_spec_example/pipeline.json");
    auto p = loadPipeline(original);
    QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().message));

    const QString path = tmp.path() + QStringLiteral("/a/b/copy.stridelab.json");
    const Status saved = savePipeline(*p, path);
    QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().message));
    // Only the file itself is left in the folder (the temporary was renamed into place).
    QCOMPARE(QDir(tmp.path() + QStringLiteral("/a/b")).entryList(QDir::Files),
             names("copy.stridelab.json"));

    auto reloaded = loadPipeline(path);
    QVERIFY2(reloaded.ok(), reloaded.ok() ? "" : qPrintable(reloaded.error().message));
    QCOMPARE(QDir::cleanPath(reloaded->baseDir.absolutePath()),
             QDir::cleanPath(tmp.path() + QStringLiteral("/a/b")));
    compareSame(*p, *reloaded);

    // The saved paths lead from the new folder back to the original files.
    const QDir newDir(tmp.path() + QStringLiteral("/a/b"));
    const QString goldenCase = test::dataDir() + QStringLiteral("/golden/pipeline_spec_example/");
    QCOMPARE(reloaded->input.source,
             newDir.relativeFilePath(goldenCase + QStringLiteral("input.npy")));
    QVERIFY(reloaded->input.source.startsWith(QStringLiteral("../")));

    // Same input data, same shapes.
    auto inputA = loadInputTensor(p->input, p->baseDir);
    auto inputB = loadInputTensor(reloaded->input, reloaded->baseDir);
    QVERIFY(inputA.ok() && inputB.ok());
    QCOMPARE(inputB->shape(), inputA->shape());
    QVERIFY(std::equal(inputA->values().begin(), inputA->values().end(), inputB->values().begin()));
    const PipelineReport ra = analyzePipeline(*p, inputA->shape());
    const PipelineReport rb = analyzePipeline(*reloaded, inputB->shape());
    QVERIFY(ra.ok() && rb.ok());
    QCOMPARE(rb.layers.back().shape->output, ra.layers.back().shape->output);
    QCOMPARE(rb.totalParams, ra.totalParams);
}

void TestPipelineIo::saveAndLoadBuiltinImage() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const Pipeline p = test::pipelineFromJson(document(
        "Downsample then upsample",
        R"({"image": "builtin:zone_plate", "color_mode": "grayscale", "resize": [128, 128]})",
        R"({"type": "conv2d", "filters": 8, "kernel_size": 3, "strides": 2, "padding": "same",
            "activation": "relu", "kernel_initializer": "he_normal", "seed": 7},
           {"type": "max_pool2d", "name": "pool"},
           {"type": "max_unpool2d", "indices_from": "pool"},
           {"type": "upsampling2d", "size": 2, "interpolation": "bilinear"},
           {"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "strides": 2,
            "padding": 1, "output_padding": 1, "kernel_initializer": "box"})"));
    const QString path = tmp.path() + QStringLiteral("/example.stridelab.json");
    QVERIFY(savePipeline(p, path).ok());
    auto reloaded = loadPipeline(path);
    QVERIFY2(reloaded.ok(), reloaded.ok() ? "" : qPrintable(reloaded.error().message));
    compareSame(p, *reloaded);
    QCOMPARE(reloaded->input.source, QStringLiteral("builtin:zone_plate"));
    QCOMPARE(pipelineToJson(*reloaded, QDir(tmp.path())), pipelineToJson(p, QDir(tmp.path())));
}

QTEST_GUILESS_MAIN(TestPipelineIo)
#include "tst_pipeline_io.moc"
