// `stridelab bench` (cli.md): the JSON and text reports, the rates worked out from the summary's
// MACs and from the bytes each layer moves, and the errors; the statistics and the byte count
// of core/pipeline/benchmark.h by hand. Times themselves are not asserted (they depend on
// the machine's load); only that they are positive and consistent.

#include "layers/layer_registry.h"
#include "pipeline/benchmark.h"
#include "support/cli_support.h"
#include "support/test_support.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace stridelab;
using namespace stridelab::test;

namespace {

// A built-in 2x16x16 input: conv 3x3 same (4 filters), max pool 2, unpool, conv transpose.
const QByteArray kPipeline = R"({
  "format": "stridelab.pipeline", "version": 1, "name": "bench test",
  "input": { "image": "builtin:checkerboard", "color_mode": "grayscale", "resize": [16, 16] },
  "layers": [
    { "type": "conv2d", "name": "c", "filters": 4, "kernel_size": 3, "padding": "same" },
    { "type": "max_pool2d", "name": "p", "pool_size": 2 },
    { "type": "max_unpool2d", "name": "u", "indices_from": "p" },
    { "type": "conv2d_transpose", "name": "t", "filters": 2, "kernel_size": 3, "strides": 2,
      "padding": "same" }
  ]
})";

}  // namespace

class TestCliBench : public QObject {
    Q_OBJECT

private slots:
    void medianByHand();
    void trafficByHand();
    void jsonReport();
    void textReport();
    void errors_data();
    void errors();
};

void TestCliBench::medianByHand() {
    QCOMPARE(median({3.0, 1.0, 2.0}), 2.0);
    QCOMPARE(median({4.0, 1.0, 3.0, 2.0}), 2.5);
    QCOMPARE(median({7.0}), 7.0);
}

void TestCliBench::trafficByHand() {
    const Pipeline p = pipelineFromJson(kPipeline);
    // c: reads 1x16x16, writes 4x16x16 floats: 4 * (256 + 1024) = 5120 bytes.
    QCOMPARE(layerTrafficBytes(*p.layers[0].layer, Shape{1, 16, 16}, Shape{4, 16, 16}, false),
             std::int64_t{5120});
    // p: reads 4x16x16, writes 4x8x8 values and, for the unpool, as many int32 indices:
    // 4 * (1024 + 256) + 4 * 256 = 6144; without an unpool reading them 5120.
    QCOMPARE(layerTrafficBytes(*p.layers[1].layer, Shape{4, 16, 16}, Shape{4, 8, 8}, true),
             std::int64_t{6144});
    QCOMPARE(layerTrafficBytes(*p.layers[1].layer, Shape{4, 16, 16}, Shape{4, 8, 8}, false),
             std::int64_t{5120});
    // u: reads 4x8x8 values and their indices, writes 4x16x16: 4 * (256 + 1024) + 4 * 256.
    QCOMPARE(layerTrafficBytes(*p.layers[2].layer, Shape{4, 8, 8}, Shape{4, 16, 16}, false),
             std::int64_t{6144});
}

void TestCliBench::jsonReport() {
    QTemporaryDir dir;
    const QString pipeline = writeText(dir, QStringLiteral("p.json"), kPipeline);
    const Outcome o = runCli({QStringLiteral("bench"), pipeline, QStringLiteral("--threads"),
                              QStringLiteral("1"), QStringLiteral("--repeat"), QStringLiteral("3"),
                              QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QVERIFY(o.err.isEmpty());
    const QJsonObject root = parseObject(o.out);
    QCOMPARE(root.value(QStringLiteral("threads")).toInt(), 1);
    QCOMPARE(root.value(QStringLiteral("repeat")).toInt(), 3);
    QVERIFY(root.value(QStringLiteral("total_median_ms")).toDouble() > 0.0);
    const QJsonArray layers = root.value(QStringLiteral("layers")).toArray();
    QCOMPARE(layers.size(), 4);

    const Outcome summary = runCli(
        {QStringLiteral("summary"), pipeline, QStringLiteral("--format"), QStringLiteral("json")});
    const QJsonArray rows = parseObject(summary.out).value(QStringLiteral("layers")).toArray();
    const QStringList names{QStringLiteral("c"), QStringLiteral("p"), QStringLiteral("u"),
                            QStringLiteral("t")};
    // Bytes moved by p and u, as trafficByHand: 6144 each.
    const std::optional<double> bytes[] = {std::nullopt, 6144.0, 6144.0, std::nullopt};
    for (int i = 0; i < 4; ++i) {
        const QJsonObject l = layers[i].toObject();
        QCOMPARE(l.value(QStringLiteral("index")).toInt(), i + 1);
        QCOMPARE(l.value(QStringLiteral("name")).toString(), names[i]);
        const double medianMs = l.value(QStringLiteral("median_ms")).toDouble();
        const double minMs = l.value(QStringLiteral("min_ms")).toDouble();
        QVERIFY(medianMs > 0.0 && minMs > 0.0 && minMs <= medianMs);
        const QJsonObject row = rows[i].toObject();
        // The report rounds times to 0.0001 ms and rates to 0.01: the rates recomputed from
        // the rounded time may differ by that much.
        const double slack = 0.005 + 1e-3 + 0.0001 / medianMs;
        QCOMPARE(l.value(QStringLiteral("type")).toString(),
                 row.value(QStringLiteral("type")).toString());
        const double macs = row.value(QStringLiteral("macs")).toDouble();
        if (bytes[i]) {
            QVERIFY(l.value(QStringLiteral("gflops")).isNull());
            const double expected = *bytes[i] / (medianMs * 1e6);
            QVERIFY2(std::abs(l.value(QStringLiteral("gbps")).toDouble() - expected) <=
                         slack * std::max(1.0, expected),
                     qPrintable(QStringLiteral("%1: %2 vs %3")
                                    .arg(names[i])
                                    .arg(l.value(QStringLiteral("gbps")).toDouble())
                                    .arg(expected)));
        } else {
            QVERIFY(macs > 0.0);
            QVERIFY(l.value(QStringLiteral("gbps")).isNull());
            const double expected = 2.0 * macs / (medianMs * 1e6);
            QVERIFY2(std::abs(l.value(QStringLiteral("gflops")).toDouble() - expected) <=
                         slack * std::max(1.0, expected),
                     qPrintable(names[i]));
        }
    }
}

void TestCliBench::textReport() {
    QTemporaryDir dir;
    const QString pipeline = writeText(dir, QStringLiteral("p.json"), kPipeline);
    const Outcome o =
        runCli({QStringLiteral("bench"), pipeline, QStringLiteral("--threads"), QStringLiteral("2"),
                QStringLiteral("--repeat"), QStringLiteral("2")});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const QStringList lines = QString::fromUtf8(o.out).split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), QStringLiteral("bench test: 2 thread(s), median and minimum of 2 "
                                            "runs after a warm-up"));
    QCOMPARE(lines.value(2), QStringLiteral(" #  layer                type               median ms"
                                            "     min ms   GFLOP/s     GB/s"));
    QVERIFY(lines.value(3).startsWith(QStringLiteral(" 1  c                    conv2d ")));
    QVERIFY(lines.value(4).startsWith(QStringLiteral(" 2  p                    max_pool2d ")));
    QVERIFY(lines.value(4).contains(QStringLiteral("        -")));  // no GFLOP/s for a pool
    QVERIFY(lines.value(8).startsWith(QStringLiteral("whole pipeline: median ")));
}

void TestCliBench::errors_data() {
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("message");
    QTest::addRow("format") << QStringList{QStringLiteral("--format"), QStringLiteral("xml")}
                            << QStringLiteral("--format: expected text or json, got \"xml\"");
    QTest::addRow("repeat") << QStringList{QStringLiteral("--repeat"), QStringLiteral("0")}
                            << QStringLiteral("--repeat: expected an integer >= 1, got \"0\"");
    QTest::addRow("threads") << QStringList{QStringLiteral("--threads"), QStringLiteral("x")}
                             << QStringLiteral("--threads: expected an integer >= 1, got \"x\"");
}

void TestCliBench::errors() {
    QFETCH(QStringList, extra);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString pipeline = writeText(dir, QStringLiteral("p.json"), kPipeline);
    const Outcome o = runCli(QStringList{QStringLiteral("bench"), pipeline} + extra);
    QCOMPARE(o.exitCode, 2);
    QCOMPARE(QString::fromUtf8(o.err).trimmed(), QStringLiteral("stridelab: error: ") + message);
}

QTEST_GUILESS_MAIN(TestCliBench)
#include "tst_cli_bench.moc"
