// End-to-end tests of `stridelab summary` (cli.md): every format, input replacement, an
// invalid layer, --help and --version.

#include "support/cli_support.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace stridelab;
using namespace stridelab::test;

namespace {

// Layer 2 (layers[1]) is invalid for the 2x2 map it receives; layer 3 is after it.
const QByteArray kInvalidLayer = R"({
  "format": "stridelab.pipeline", "version": 1, "name": "broken",
  "input": { "shape": [1, 4, 4] },
  "layers": [
    { "type": "conv2d", "filters": 8, "kernel_size": 3 },
    { "type": "conv2d", "filters": 8, "kernel_size": 5 },
    { "type": "max_pool2d" }
  ]
})";

}  // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void summaryJson();
    void summaryText();
    void summaryMarkdown();
    void summaryCsv();
    void inputShape_data();
    void inputShape();
    void invalidLayerSummary();
    void helpAndVersion_data();
    void helpAndVersion();
};

void TestCli::summaryJson() {
    const Outcome o =
        runCli({QStringLiteral("summary"), preset("conv_same_upsampling.stridelab.json"),
                QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(o.exitCode, 0);
    QVERIFY2(o.err.isEmpty(), o.err.constData());
    const QJsonObject j = parseObject(o.out);
    QVERIFY2(!j.isEmpty(), o.out.constData());
    for (const char* key : {"ok", "input", "layers", "total_params"}) {
        QVERIFY2(j.contains(QLatin1String(key)), key);
    }
    QCOMPARE(j.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(numbers(j.value(QStringLiteral("input")).toObject().value(QStringLiteral("shape"))),
             (QList<double>{3, 64, 64}));
    const QJsonArray layers = j.value(QStringLiteral("layers")).toArray();
    QCOMPARE(layers.size(), 2);

    // conv2d 64 3x3 "same" on 3x64x64: params 3*3*3*64 + 64 = 1792; MACs 64*64*64 outputs
    // times 3*3*3 = 7077888; TensorFlow's same padding for k3 s1 is 1 on every side.
    const QJsonObject conv = layers.at(0).toObject();
    QCOMPARE(conv.value(QStringLiteral("index")).toInt(), 1);
    QCOMPARE(conv.value(QStringLiteral("name")).toString(), QStringLiteral("conv2d"));
    QCOMPARE(conv.value(QStringLiteral("type")).toString(), QStringLiteral("conv2d"));
    QCOMPARE(numbers(conv.value(QStringLiteral("output_shape"))), (QList<double>{64, 64, 64}));
    QCOMPARE(conv.value(QStringLiteral("params")).toDouble(), 1792.0);
    QCOMPARE(conv.value(QStringLiteral("macs")).toDouble(), 7077888.0);
    QCOMPARE(numbers(conv.value(QStringLiteral("padding"))), (QList<double>{1, 1, 1, 1}));
    QCOMPARE(numbers(conv.value(QStringLiteral("receptive_field"))), (QList<double>{3, 3}));
    QCOMPARE(numbers(conv.value(QStringLiteral("jump"))), (QList<double>{1, 1}));
    QCOMPARE(conv.value(QStringLiteral("formula_h")).toString(),
             QStringLiteral("ceil(64 / 1) = 64"));
    QVERIFY(conv.contains(QStringLiteral("error")));
    QVERIFY(conv.value(QStringLiteral("error")).isNull());

    // Nearest x2: each output takes one conv output, so the receptive field stays 3 and
    // the jump halves (n_in/n_out = 64/128).
    const QJsonObject up = layers.at(1).toObject();
    QCOMPARE(up.value(QStringLiteral("index")).toInt(), 2);
    QCOMPARE(up.value(QStringLiteral("name")).toString(), QStringLiteral("upsampling2d"));
    QCOMPARE(up.value(QStringLiteral("type")).toString(), QStringLiteral("upsampling2d"));
    QCOMPARE(numbers(up.value(QStringLiteral("output_shape"))), (QList<double>{64, 128, 128}));
    QCOMPARE(up.value(QStringLiteral("params")).toDouble(), 0.0);
    QCOMPARE(up.value(QStringLiteral("macs")).toDouble(), 0.0);
    QCOMPARE(numbers(up.value(QStringLiteral("padding"))), (QList<double>{0, 0, 0, 0}));
    QCOMPARE(numbers(up.value(QStringLiteral("receptive_field"))), (QList<double>{3, 3}));
    QCOMPARE(numbers(up.value(QStringLiteral("jump"))), (QList<double>{0.5, 0.5}));
    QVERIFY(up.value(QStringLiteral("error")).isNull());

    QCOMPARE(j.value(QStringLiteral("total_params")).toDouble(), 1792.0);
}

void TestCli::summaryText() {
    const Outcome o =
        runCli({QStringLiteral("summary"), preset("conv_same_upsampling.stridelab.json")});
    QCOMPARE(o.exitCode, 0);
    const QString text = QString::fromUtf8(o.out);
    // Keras-like: one row per layer with its shape and parameter count, then the totals.
    QVERIFY2(text.contains(QStringLiteral("(64, 64, 64)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("(64, 128, 128)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("(None, 128, 128, 64)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("ceil(64 / 1) = 64")), qPrintable(text));
    QVERIFY2(text.contains(QRegularExpression(QStringLiteral("conv2d.*\\(64, 64, 64\\).*1,?792"))),
             qPrintable(text));
    QVERIFY2(text.contains(QRegularExpression(QStringLiteral("Total params: 1,?792"))),
             qPrintable(text));
    QVERIFY2(text.contains(QRegularExpression(QStringLiteral("7,?077,?888"))), qPrintable(text));
}

void TestCli::summaryMarkdown() {
    const Outcome o =
        runCli({QStringLiteral("summary"), preset("conv_same_upsampling.stridelab.json"),
                QStringLiteral("--format"), QStringLiteral("markdown")});
    QCOMPARE(o.exitCode, 0);
    const QStringList lines = QString::fromUtf8(o.out).split(QLatin1Char('\n'));
    QVERIFY(lines.size() >= 5);
    QVERIFY2(lines.at(0).startsWith(
                 QStringLiteral("| index | name | type | output_shape | params | macs |")),
             qPrintable(lines.at(0)));
    // The second line is the header separator of a pipe table.
    QVERIFY2(QRegularExpression(QStringLiteral("^\\|(\\s*:?-{3,}:?\\s*\\|)+$"))
                 .match(lines.at(1))
                 .hasMatch(),
             qPrintable(lines.at(1)));
    const auto row = std::find_if(lines.begin(), lines.end(), [](const QString& l) {
        return l.startsWith(QStringLiteral("| 1 |"));
    });
    QVERIFY(row != lines.end());
    QVERIFY2(row->contains(QStringLiteral("| conv2d | conv2d | (64, 64, 64) | 1792 | 7077888 |")),
             qPrintable(*row));
    QVERIFY2(row->contains(QStringLiteral("ceil(64 / 1) = 64")), qPrintable(*row));
    QVERIFY2(
        lines.filter(QStringLiteral("| 2 | upsampling2d | upsampling2d | (64, 128, 128) | 0 | 0 |"))
                .size() == 1,
        o.out.constData());
    // Every table line has the same number of cells.
    const qsizetype cells = lines.at(0).count(QLatin1Char('|'));
    for (const QString& l : lines) {
        if (l.startsWith(QLatin1Char('|'))) {
            QCOMPARE(l.count(QLatin1Char('|')) - l.count(QStringLiteral("\\|")), cells);
        }
    }
}

void TestCli::summaryCsv() {
    const Outcome o =
        runCli({QStringLiteral("summary"), preset("conv_same_upsampling.stridelab.json"),
                QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(o.exitCode, 0);
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(o.out));
    QCOMPARE(rows.size(), 4);  // header, input, two layers
    const QStringList header = rows.at(0);
    for (const QStringList& r : rows) {
        QCOMPARE(r.size(), header.size());
    }
    auto cell = [&](int row, const char* column) {
        const qsizetype c = header.indexOf(QLatin1String(column));
        return c < 0 ? QStringLiteral("<no column %1>").arg(QLatin1String(column))
                     : rows.at(row).at(c);
    };
    QCOMPARE(cell(1, "index"), QStringLiteral("0"));
    QCOMPARE(cell(1, "output_shape"), QStringLiteral("(3, 64, 64)"));
    QCOMPARE(cell(2, "index"), QStringLiteral("1"));
    QCOMPARE(cell(2, "name"), QStringLiteral("conv2d"));
    QCOMPARE(cell(2, "output_shape"), QStringLiteral("(64, 64, 64)"));
    QCOMPARE(cell(2, "params"), QStringLiteral("1792"));
    QCOMPARE(cell(2, "macs"), QStringLiteral("7077888"));
    QCOMPARE(cell(2, "padding"), QStringLiteral("1,1,1,1"));
    QCOMPARE(cell(2, "receptive_field"), QStringLiteral("3"));
    QCOMPARE(cell(2, "jump"), QStringLiteral("1"));
    QCOMPARE(cell(2, "formula_h"), QStringLiteral("ceil(64 / 1) = 64"));
    QCOMPARE(cell(3, "output_shape"), QStringLiteral("(64, 128, 128)"));
    QCOMPARE(cell(3, "jump"), QStringLiteral("0.5"));
}

void TestCli::inputShape_data() {
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QList<double>>("convShape");
    QTest::addColumn<double>("params");
    QTest::addColumn<double>("macs");
    QTest::addColumn<QString>("formulaW");
    // params 3*3*C*64 + 64; MACs 64*H*W outputs times C*3*3.
    QTest::addRow("1,28,28") << QStringLiteral("1,28,28") << QList<double>{64, 28, 28} << 640.0
                             << 451584.0 << QStringLiteral("ceil(28 / 1) = 28");
    QTest::addRow("5,7,9") << QStringLiteral("5,7,9") << QList<double>{64, 7, 9} << 2944.0
                           << 181440.0 << QStringLiteral("ceil(9 / 1) = 9");
}

void TestCli::inputShape() {
    QFETCH(QString, shape);
    QFETCH(QList<double>, convShape);
    QFETCH(double, params);
    QFETCH(double, macs);
    QFETCH(QString, formulaW);
    const Outcome o =
        runCli({QStringLiteral("summary"), preset("conv_same_upsampling.stridelab.json"),
                QStringLiteral("--input-shape"), shape, QStringLiteral("--format=json")});
    QCOMPARE(o.exitCode, 0);
    const QJsonObject j = parseObject(o.out);
    const QStringList dims = shape.split(QLatin1Char(','));
    QCOMPARE(numbers(j.value(QStringLiteral("input")).toObject().value(QStringLiteral("shape"))),
             (QList<double>{dims[0].toDouble(), dims[1].toDouble(), dims[2].toDouble()}));
    const QJsonObject conv = j.value(QStringLiteral("layers")).toArray().at(0).toObject();
    QCOMPARE(numbers(conv.value(QStringLiteral("output_shape"))), convShape);
    QCOMPARE(conv.value(QStringLiteral("params")).toDouble(), params);
    QCOMPARE(conv.value(QStringLiteral("macs")).toDouble(), macs);
    QCOMPARE(conv.value(QStringLiteral("formula_w")).toString(), formulaW);
    const QJsonObject up = j.value(QStringLiteral("layers")).toArray().at(1).toObject();
    QCOMPARE(numbers(up.value(QStringLiteral("output_shape"))),
             (QList<double>{64, 2 * convShape[1], 2 * convShape[2]}));
    QCOMPARE(j.value(QStringLiteral("total_params")).toDouble(), params);
}

void TestCli::invalidLayerSummary() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pipeline = writeText(dir, QStringLiteral("broken.json"), kInvalidLayer);
    const Outcome o = runCli(
        {QStringLiteral("summary"), pipeline, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(o.exitCode, 2);
    const QJsonObject j = parseObject(o.out);
    QVERIFY2(!j.isEmpty(), o.out.constData());
    QCOMPARE(j.value(QStringLiteral("ok")).toBool(true), false);
    const QJsonArray layers = j.value(QStringLiteral("layers")).toArray();
    QCOMPARE(layers.size(), 3);
    // 4x4 -> valid 3x3 -> 2x2; a 5x5 kernel does not fit into 2x2.
    const QJsonObject first = layers.at(0).toObject();
    QCOMPARE(numbers(first.value(QStringLiteral("output_shape"))), (QList<double>{8, 2, 2}));
    QVERIFY(first.value(QStringLiteral("error")).isNull());
    const QJsonObject broken = layers.at(1).toObject();
    QVERIFY(broken.value(QStringLiteral("output_shape")).isNull());
    QCOMPARE(broken.value(QStringLiteral("error")).toString(),
             QStringLiteral("kernel 5x5 is larger than the padded input 2x2 on both axes"));
    const QJsonObject after = layers.at(2).toObject();
    QVERIFY(after.value(QStringLiteral("output_shape")).isNull());
    const QString afterError = after.value(QStringLiteral("error")).toString();
    QVERIFY2(afterError.contains(QStringLiteral("conv2d_1")), qPrintable(afterError));
    QVERIFY2(afterError.contains(QStringLiteral("2")), qPrintable(afterError));
    // The first error, once, on standard error, with the file and the JSON path.
    QString why;
    QVERIFY2(stderrWellFormed(o.err, &why), qPrintable(why));
    QCOMPARE(o.err.trimmed().count('\n'), 0);
    QVERIFY2(o.err.contains("broken.json"), o.err.constData());
    QVERIFY2(o.err.contains("layers[1]"), o.err.constData());
    QVERIFY2(o.err.contains("kernel 5x5 is larger than the padded input 2x2 on both axes"),
             o.err.constData());

    // The text table is printed too, with the same exit status.
    const Outcome t = runCli({QStringLiteral("summary"), pipeline});
    QCOMPARE(t.exitCode, 2);
    QVERIFY2(t.out.contains("(8, 2, 2)"), t.out.constData());
}

void TestCli::helpAndVersion_data() {
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("--help") << QStringLiteral("--help") << QStringLiteral("summary");
    QTest::addRow("--version") << QStringLiteral("--version") << QStringLiteral("stridelab");
}

void TestCli::helpAndVersion() {
    QFETCH(QString, option);
    QFETCH(QString, mentions);
    const Outcome o = runCli({option});
    QCOMPARE(o.exitCode, 0);
    QVERIFY2(o.err.isEmpty(), o.err.constData());
    QVERIFY2(QString::fromUtf8(o.out).contains(mentions), o.out.constData());
    if (option == QStringLiteral("--help")) {
        for (const char* word : {"run", "--dump", "--format", "--input", "--input-shape",
                                 "--threads", "--memory-limit"}) {
            QVERIFY2(o.out.contains(word), word);
        }
    } else {
        QVERIFY2(QRegularExpression(QStringLiteral("^stridelab \\d+\\.\\d+"))
                     .match(QString::fromUtf8(o.out))
                     .hasMatch(),
                 o.out.constData());
    }
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
