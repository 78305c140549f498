// Every case in tests/data/golden (made by real PyTorch, see make_golden.py there) run through
// the whole engine: each layer's output must match PyTorch's within 1e-4 relative. Each case
// runs twice: into fresh zeroed maps, and into a RunWorkspace's maps poisoned with NaN by an
// earlier run, which proves every layer writes every element of its output.

#include "io/image_input.h"
#include "io/npy.h"
#include "pipeline/executor.h"
#include "pipeline/pipeline_reader.h"
#include "support/test_support.h"

#include <QDirIterator>
#include <QRegularExpression>
#include <QTest>

#include <limits>
#include <set>

using namespace stridelab;

class TestGolden : public QObject {
    Q_OBJECT

private slots:
    void matchesPyTorch_data();
    void matchesPyTorch();
    void reusesAnUnchangedPrefix();
};

void TestGolden::matchesPyTorch_data() {
    QTest::addColumn<QString>("caseDir");
    QTest::addColumn<int>("threads");
    QTest::addColumn<bool>("poisonedBuffers");
    const QDir golden(test::dataDir() + QStringLiteral("/golden"));
    const QStringList cases = golden.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY2(cases.size() >= 80, "the golden folder lost its cases");
    for (const QString& c : cases) {
        QTest::addRow("%s", qPrintable(c)) << golden.filePath(c) << 2 << false;
        QTest::addRow("%s reused buffers", qPrintable(c)) << golden.filePath(c) << 2 << true;
    }
    // One thread must give the same numbers (the kernels split work, not arithmetic).
    QTest::addRow("pipeline_segnet_nested 1 thread")
        << golden.filePath(QStringLiteral("pipeline_segnet_nested")) << 1 << false;
}

void TestGolden::matchesPyTorch() {
    QFETCH(QString, caseDir);
    QFETCH(int, threads);
    QFETCH(bool, poisonedBuffers);
    auto pipeline = loadPipeline(caseDir + QStringLiteral("/pipeline.json"));
    QVERIFY2(pipeline.ok(), pipeline.ok() ? "" : qPrintable(pipeline.error().message));
    auto input = loadInputTensor(pipeline->input, pipeline->baseDir);
    QVERIFY2(input.ok(), input.ok() ? "" : qPrintable(input.error().message));
    const PipelineReport report = analyzePipeline(*pipeline, input->shape());
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.firstBroken()->error->message));
    RunWorkspace workspace;
    std::set<const float*> poisoned;
    RunOptions options;
    options.threads = threads;
    if (poisonedBuffers) {
        options.workspace = &workspace;
        auto earlier = runPipeline(*pipeline, report, *input, options);
        QVERIFY(earlier.ok());
        for (const auto& result : earlier->layers) {
            auto& writable = const_cast<LayerResult&>(*result);  // NOLINT: the test poisons it
            writable.values.fill(std::numeric_limits<float>::quiet_NaN());
            std::fill(writable.argmax.begin(), writable.argmax.end(), -1);
            poisoned.insert(writable.values.data());
        }
    }
    auto run = runPipeline(*pipeline, report, *input, options);
    QVERIFY2(run.ok(), run.ok() ? "" : qPrintable(run.error().message));
    for (const auto& result : run->layers) {
        QCOMPARE(poisoned.contains(result->values.data()), poisonedBuffers);
    }

    const QDir expectedDir(caseDir + QStringLiteral("/expected"));
    QCOMPARE(expectedDir.entryList({QStringLiteral("*.npy")}, QDir::Files).size(),
             qsizetype(pipeline->layers.size()));
    for (std::size_t i = 0; i < pipeline->layers.size(); ++i) {
        const QString file = QStringLiteral("%1_%2.npy")
                                 .arg(i + 1, 2, 10, QLatin1Char('0'))
                                 .arg(pipeline->layers[i].name);
        auto array = readNpy(expectedDir.filePath(file));
        QVERIFY2(array.ok(), qPrintable(file));
        auto expected = tensorFromArray(std::move(array).value(), file);
        QVERIFY(expected.ok());
        QCOMPARE(report.layers[i].shape->output, expected->shape());
        QString why;
        QVERIFY2(test::tensorsClose(run->layers[i]->values, *expected, 1e-4, 1e-5, &why),
                 qPrintable(QStringLiteral("%1: %2").arg(file, why)));
    }
}

// The GUI recomputes only the layers after a change: a run given the first results of an
// earlier run shares them (the same objects) and still matches PyTorch afterwards.
void TestGolden::reusesAnUnchangedPrefix() {
    const QString caseDir = test::dataDir() + QStringLiteral("/golden/pipeline_segnet_nested");
    auto pipeline = loadPipeline(caseDir + QStringLiteral("/pipeline.json"));
    QVERIFY(pipeline.ok());
    auto input = loadInputTensor(pipeline->input, pipeline->baseDir);
    QVERIFY(input.ok());
    const PipelineReport report = analyzePipeline(*pipeline, input->shape());
    auto first = runPipeline(*pipeline, report, *input, RunOptions{});
    QVERIFY(first.ok());
    RunOptions options;
    options.reuse.assign(first->layers.begin(), first->layers.begin() + 3);
    int computed = 0;
    options.onLayer = [&](int, const std::shared_ptr<const LayerResult>&, double) { ++computed; };
    auto second = runPipeline(*pipeline, report, *input, options);
    QVERIFY(second.ok());
    QCOMPARE(computed, int(pipeline->layers.size()) - 3);
    for (std::size_t i = 0; i < pipeline->layers.size(); ++i) {
        QCOMPARE(second->layers[i] == first->layers[i], i < 3);
        QCOMPARE(second->layers[i]->values.values().size(),
                 first->layers[i]->values.values().size());
        QVERIFY(std::equal(second->layers[i]->values.values().begin(),
                           second->layers[i]->values.values().end(),
                           first->layers[i]->values.values().begin()));
    }
}

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"
