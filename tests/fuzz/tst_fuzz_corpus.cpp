// Every file of the fuzz corpus (tests/fuzz/corpus/<target>/: the seeds, and each input a
// fuzzer found crashing, kept as crash-*) run through its target's body in the normal suite,
// so a fixed crash stays fixed in every build, sanitized or not.

#include "fuzz_targets.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <functional>

using namespace stridelab;

namespace {

using Target = std::function<fuzz::Violation(const std::uint8_t*, std::size_t)>;

const QList<QPair<QString, Target>>& targets() {
    static const QList<QPair<QString, Target>> list = {
        {QStringLiteral("pipeline_loader"), fuzz::pipelineLoader},
        {QStringLiteral("npy_reader"), fuzz::npyReader},
        {QStringLiteral("image_input"), fuzz::imageInput},
        {QStringLiteral("layer_stack"), fuzz::layerStack},
    };
    return list;
}

QDir corpusDir(const QString& target) {
    return QDir(test::sourceDir() + QStringLiteral("/tests/fuzz/corpus/") + target);
}

}  // namespace

class TestFuzzCorpus : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyTargetHasSeeds_data();
    void everyTargetHasSeeds();
    void corpusFile_data();
    void corpusFile();
};

void TestFuzzCorpus::initTestCase() {
    fuzz::initialize();
}

void TestFuzzCorpus::everyTargetHasSeeds_data() {
    QTest::addColumn<QString>("target");
    for (const auto& [name, target] : targets()) {
        QTest::newRow(qPrintable(name)) << name;
    }
}

// Real files of each kind: the golden pipelines and presets, npy fixtures, images of 11
// formats, layer-stack recipes (make_seeds.sh regenerates them).
void TestFuzzCorpus::everyTargetHasSeeds() {
    QFETCH(QString, target);
    QVERIFY2(corpusDir(target).entryList(QDir::Files).size() >= 12, qPrintable(target));
}

void TestFuzzCorpus::corpusFile_data() {
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("path");
    for (const auto& [name, target] : targets()) {
        const QDir dir = corpusDir(name);
        for (const QString& file : dir.entryList(QDir::Files, QDir::Name)) {
            QTest::newRow(qPrintable(name + QLatin1Char('/') + file)) << name << dir.filePath(file);
        }
    }
}

void TestFuzzCorpus::corpusFile() {
    QFETCH(QString, target);
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray bytes = file.readAll();
    const auto it = std::find_if(targets().begin(), targets().end(),
                                 [&](const auto& t) { return t.first == target; });
    const fuzz::Violation violation =
        it->second(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                   static_cast<std::size_t>(bytes.size()));
    QVERIFY2(!violation, violation ? qPrintable(*violation) : "");
}

QTEST_MAIN(TestFuzzCorpus)
#include "tst_fuzz_corpus.moc"
