// Inverse questions: which key changes give a wanted output size. The listed patches are
// derived by hand from docs/layers.md's formulas (in the comments); every candidate of every
// row is applied here independently of the solver (merge patch, the layer type's parser, its
// shape inference) and must give the wanted size.

#include "layers/layer_registry.h"
#include "support/test_support.h"
#include "teaching/inverse_questions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace stridelab;

namespace {

QByteArray operator""_b(const char* text, std::size_t size) {
    return QByteArray(text, static_cast<qsizetype>(size));
}

struct Layered {
    Pipeline pipeline;
    ShapeQuery query;
};

Layered layerOn(const QByteArray& shape, const QByteArray& layer) {
    Layered l;
    l.pipeline = test::pipelineFromJson(
        R"({ "format": "stridelab.pipeline", "version": 1, "input": { "shape": [)" + shape +
        R"(] }, "layers": [)" + layer + "] }");
    l.query.input = l.pipeline.input.shape;
    return l;
}

SizeAnswer solve(const Layered& l, Pair wanted) {
    SizeQuestion q;
    q.layer = l.pipeline.layers.back().layer;
    q.query = l.query;
    q.wanted = wanted;
    q.context.baseDir = l.pipeline.baseDir;
    auto a = solveForSize(q);
    if (!a) {
        qFatal("no answer: %s", qPrintable(a.error().message));
    }
    return *a;
}

QString patchText(const QJsonObject& patch) {
    return QString::fromUtf8(QJsonDocument(patch).toJson(QJsonDocument::Compact));
}

QStringList patchesOf(const SizeAnswer& a) {
    QStringList list;
    for (const SizeCandidate& c : a.candidates) {
        list << patchText(c.patch);
    }
    return list;
}

// The candidate applied without the solver's help: RFC 7396 over the layer's keys, parsed by
// the layer type, inferred on the same input.
std::optional<Shape> applied(const Layer& layer, const QJsonObject& patch, const Shape& input) {
    QJsonObject json = layer.toJson();
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it->isNull()) {
            json.remove(it.key());
        } else {
            json.insert(it.key(), *it);
        }
    }
    json.insert(QStringLiteral("type"), layer.type());
    const auto parsed =
        findLayerType(layer.type())->parse(JsonObjectReader(json, QStringLiteral("layer")), {});
    if (!parsed) {
        return std::nullopt;
    }
    const auto shape = (*parsed)->inferShape(ShapeQuery{input, nullptr});
    return shape ? std::optional(shape->output) : std::nullopt;
}

}  // namespace

class TestInverseQuestions : public QObject {
    Q_OBJECT

private slots:
    void goals();
    void candidates_data();
    void candidates();
    void sentenceNamesChangesAndFormula();
    void impossibleRequests_data();
    void impossibleRequests();
    void inapplicableKeysGo();
    void listIsBounded();
    void meaninglessQuestionsAreErrors();
};

void TestInverseQuestions::goals() {
    QCOMPARE(wantedSize(SizeGoal::SameSize, {7, 9}), (Pair{7, 9}));
    // Half rounds up, as stride 2 with "same" padding does: ceil(7/2) = 4.
    QCOMPARE(wantedSize(SizeGoal::Half, {7, 8}), (Pair{4, 4}));
    QCOMPARE(wantedSize(SizeGoal::Double, {7, 8}), (Pair{14, 16}));
    QCOMPARE(wantedSize(SizeGoal::Custom, {7, 8}, {3, 5}), (Pair{3, 5}));
}

void TestInverseQuestions::candidates_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("layer");
    QTest::addColumn<int>("wantedH");
    QTest::addColumn<int>("wantedW");
    QTest::addColumn<QStringList>("mustList");  // patches that must be among the candidates
    QTest::addColumn<int>("fewestKeys");        // keys changed by the first candidate

    // floor((32 + 2 - 3)/2) + 1 = 16, and ceil(32/2) = 16. No single key does it: strides 2
    // alone gives floor(29/2) + 1 = 15, padding alone cannot shrink, dilation would need 8.
    QTest::addRow("conv 3x3 on 32 wanting 16")
        << "1, 32, 32"_b
        << R"({"type": "conv2d", "filters": 1, "kernel_size": 3})"_b << 16 << 16
        << QStringList{QStringLiteral(R"({"padding":1,"strides":2})"),
                       QStringLiteral(R"({"padding":"same","strides":2})")}
        << 2;
    // Same size: "same" or padding 1 (floor((28 + 2 - 3)/1) + 1 = 28), one key each.
    QTest::addRow("conv same size")
        << "3, 28, 28"_b
        << R"({"type": "conv2d", "filters": 4, "kernel_size": 3})"_b << 28 << 28
        << QStringList{QStringLiteral(R"({"padding":"same"})"), QStringLiteral(R"({"padding":1})")}
        << 1;
    // Rectangular: floor((24 + 2 - 3)/2) + 1 = 12 on the width.
    QTest::addRow("conv 32x24 to 16x12")
        << "1, 32, 24"_b
        << R"({"type": "conv2d", "filters": 1, "kernel_size": 3})"_b << 16 << 12
        << QStringList{QStringLiteral(R"({"padding":1,"strides":2})")} << 2;
    // Only the height halves: strides [2, 1], "same" gives ceil(32/2) = 16 and 32.
    QTest::addRow("conv halve the height only")
        << "1, 32, 32"_b
        << R"({"type": "conv2d", "filters": 1, "kernel_size": 3})"_b << 16 << 32
        << QStringList{QStringLiteral(R"({"padding":"same","strides":[2,1]})"),
                       QStringLiteral(R"({"padding":1,"strides":[2,1]})")}
        << 2;
    // (16 - 1)*2 - 2*1 + 3 + 1 = 32 (PyTorch), and Keras "same" 16*2 = 32.
    QTest::addRow("tconv 3x3 on 16 wanting 32")
        << "1, 16, 16"_b
        << R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3})"_b << 32 << 32
        << QStringList{QStringLiteral(R"({"output_padding":1,"padding":1,"strides":2})"),
                       QStringLiteral(R"({"padding":"same","strides":2})")}
        << 2;
    // 2x2 /2 on 5: ceil_mode gives ceil(3/2) + 1 = 3, "same" ceil(5/2) = 3, padding 1
    // floor((5 + 2 - 2)/2) + 1 = 3: one key each.
    QTest::addRow("maxpool 5 wanting 3")
        << "1, 5, 5"_b
        << R"({"type": "max_pool2d"})"_b << 3 << 3
        << QStringList{QStringLiteral(R"({"ceil_mode":true})"),
                       QStringLiteral(R"({"padding":"same"})"), QStringLiteral(R"({"padding":1})")}
        << 1;
    // Nearest x2 (the default) to x3: size 3; to 20 from 8: an output size.
    QTest::addRow("upsampling x3") << "1, 8, 8"_b
                                   << R"({"type": "upsampling2d"})"_b << 24 << 24
                                   << QStringList{QStringLiteral(R"({"size":3})"),
                                                  QStringLiteral(R"({"output_size":[24,24]})")}
                                   << 1;
    QTest::addRow("upsampling to 20")
        << "1, 8, 8"_b
        << R"({"type": "upsampling2d", "interpolation": "bilinear"})"_b << 20 << 20
        << QStringList{QStringLiteral(R"({"output_size":[20,20]})")} << 1;
    // An output size back to a factor: size 2 written, output_size removed.
    QTest::addRow("upsampling output_size to factor")
        << "1, 8, 8"_b
        << R"({"type": "upsampling2d", "output_size": 20})"_b << 16 << 16
        << QStringList{QStringLiteral(R"({"output_size":null,"size":2})"),
                       QStringLiteral(R"({"output_size":[16,16]})")}
        << 1;
}

void TestInverseQuestions::candidates() {
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, layer);
    QFETCH(int, wantedH);
    QFETCH(int, wantedW);
    QFETCH(QStringList, mustList);
    QFETCH(int, fewestKeys);
    const Layered l = layerOn(input, layer);
    const SizeAnswer a = solve(l, {wantedH, wantedW});
    const QStringList patches = patchesOf(a);
    for (const QString& p : mustList) {
        QVERIFY2(patches.contains(p),
                 qPrintable(p + QStringLiteral(" not in\n") + patches.join(QLatin1Char('\n'))));
    }
    QVERIFY(a.reason.isEmpty());
    QCOMPARE(a.candidates.front().patch.size(), fewestKeys);
    qsizetype previous = 0;
    const Layer& original = *l.pipeline.layers.back().layer;
    for (const SizeCandidate& c : a.candidates) {
        QVERIFY2(c.patch.size() >= previous, "ranked by the number of changed keys");
        previous = c.patch.size();
        const auto shape = applied(original, c.patch, l.query.input);
        QVERIFY2(shape.has_value(), qPrintable(patchText(c.patch)));
        QCOMPARE(shape->h, qint64(wantedH));
        QCOMPARE(shape->w, qint64(wantedW));
        QCOMPARE(c.shape.output, *shape);
        QCOMPARE(c.layer->inferShape(l.query)->output, *shape);
    }
}

void TestInverseQuestions::sentenceNamesChangesAndFormula() {
    const Layered conv =
        layerOn("1, 32, 32"_b, R"({"type": "conv2d", "filters": 1, "kernel_size": 3})"_b);
    const SizeAnswer a = solve(conv, {16, 16});
    const auto it =
        std::find_if(a.candidates.begin(), a.candidates.end(), [](const SizeCandidate& c) {
            return patchText(c.patch) == QStringLiteral(R"({"padding":1,"strides":2})");
        });
    QVERIFY(it != a.candidates.end());
    QCOMPARE(it->changes, (QStringList{QStringLiteral("padding \"valid\" -> 1"),
                                       QStringLiteral("strides 1 -> 2")}));
    QCOMPARE(it->sentence,
             QStringLiteral("padding \"valid\" -> 1; strides 1 -> 2: out = floor((32 + 2 - 3) / "
                            "2) + 1 = 16"));

    const Layered tconv =
        layerOn("1, 16, 8"_b, R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3})"_b);
    const SizeAnswer b = solve(tconv, {32, 16});
    const auto jt =
        std::find_if(b.candidates.begin(), b.candidates.end(), [](const SizeCandidate& c) {
            return patchText(c.patch) ==
                   QStringLiteral(R"({"output_padding":1,"padding":1,"strides":2})");
        });
    QVERIFY(jt != b.candidates.end());
    // (16 - 1)*2 - 2*1 + 3 + 1 = 32 and (8 - 1)*2 - 2*1 + 3 + 1 = 16.
    QCOMPARE(
        jt->sentence,
        QStringLiteral("output_padding (not set) -> 1; padding \"valid\" -> 1; strides 1 -> 2: "
                       "height (16 - 1)*2 - 2*1 + 3 + 1 = 32, width (8 - 1)*2 - 2*1 + 3 + 1 = "
                       "16"));
}

void TestInverseQuestions::impossibleRequests_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("layer");
    QTest::addColumn<int>("wanted");
    QTest::addColumn<QString>("reason");
    // The most a 3x3 conv2d gives on 32 within the search: dilation 4 (ke = 9), stride 1,
    // padding 8 a side: 32 + 16 - 9 + 1 = 40.
    QTest::addRow("conv cannot double")
        << "1, 32, 32"_b
        << R"({"type": "conv2d", "filters": 1, "kernel_size": 3})"_b << 64
        << QStringLiteral(
               "no change of strides, padding (up to kernel - 1 a side) or dilation "
               "gives height 64 from 32: a conv2d gives at most 40 here (to enlarge, "
               "use conv2d_transpose or upsampling2d)");
    // The least a 3x3 transposed convolution gives on 16: (16 - 1)*1 + ke - 2*(ke - 1) + 0
    // = 17 - ke, at ke = 9 (dilation 4): 8.
    QTest::addRow("tconv cannot quarter")
        << "1, 16, 16"_b
        << R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3})"_b << 4
        << QStringLiteral(
               "no change of strides, padding, output_padding or dilation gives height "
               "4 from 16: a conv2d_transpose gives at least 8 here (to shrink, use "
               "conv2d or a pool)");
    QTest::addRow("unpool")
        << "1, 4, 4"_b
        << R"({"type": "max_pool2d", "name": "p"}, {"type": "max_unpool2d", "indices_from": "p"})"_b
        << 8
        << QStringLiteral(
               "max_unpool2d always gives the input size of its pool \"p\"; change that "
               "pool or the layers before this one");
}

void TestInverseQuestions::impossibleRequests() {
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, layer);
    QFETCH(int, wanted);
    QFETCH(QString, reason);
    Layered l = layerOn(input, layer);
    if (l.pipeline.layers.size() == 2) {
        l.query.input = Shape{1, 2, 2};  // the unpool's input: the pool's output
    }
    const SizeAnswer a = solve(l, {wanted, wanted});
    QVERIFY(a.candidates.empty());
    QCOMPARE(a.reason, reason);
}

void TestInverseQuestions::inapplicableKeysGo() {
    // Average 3x3 /1, padding 1 without counting the padding, on 8, wanting 4: strides 2
    // alone (floor((8 + 2 - 3)/2) + 1 = 4), or "same" /2 (ceil(8/2) = 4), where
    // count_include_pad no longer applies and goes with the change.
    const Layered l = layerOn("1, 8, 8"_b, R"({"type": "avg_pool2d", "pool_size": 3, "strides": 1,
                                               "padding": 1, "count_include_pad": false})"_b);
    const QStringList patches = patchesOf(solve(l, {4, 4}));
    QCOMPARE(patches.front(), QStringLiteral(R"({"strides":2})"));
    QVERIFY2(patches.contains(
                 QStringLiteral(R"({"count_include_pad":null,"padding":"same","strides":2})")),
             qPrintable(patches.join(QLatin1Char('\n'))));
}

void TestInverseQuestions::listIsBounded() {
    // Output 1 from 32 with a 3x3 kernel: every stride from 30 up gives it.
    const Layered l =
        layerOn("1, 32, 32"_b, R"({"type": "conv2d", "filters": 1, "kernel_size": 3})"_b);
    const SizeAnswer a = solve(l, {1, 1});
    QCOMPARE(static_cast<int>(a.candidates.size()), 20);
    SizeQuestion q;
    q.layer = l.pipeline.layers.back().layer;
    q.query = l.query;
    q.wanted = {1, 1};
    q.maxCandidates = 3;
    QCOMPARE(static_cast<int>(solveForSize(q)->candidates.size()), 3);
}

void TestInverseQuestions::meaninglessQuestionsAreErrors() {
    const Layered l = layerOn("1, 8, 8"_b, R"({"type": "max_pool2d"})"_b);
    SizeQuestion q;
    q.layer = l.pipeline.layers.back().layer;
    q.query = l.query;
    q.wanted = {0, 5};
    const auto a = solveForSize(q);
    QVERIFY(!a);
    QCOMPARE(a.error().message,
             QStringLiteral("the wanted size must be from 1 to 65536, got 0 x 5"));
}

QTEST_GUILESS_MAIN(TestInverseQuestions)
#include "tst_inverse_questions.moc"
