// The edited pipeline: every edit undoable, spin-box drags merged into one step, names kept
// stable when the stack is reordered, save and reopen give the same pipeline.

#include "document/pipeline_document.h"
#include "layers/layer_registry.h"
#include "pipeline/pipeline_reader.h"
#include "pipeline/pipeline_writer.h"
#include "support/test_support.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace stridelab;
using namespace stridelab::ui;

namespace {

const QByteArray kPipeline = R"({ "format": "stridelab.pipeline", "version": 1,
  "input": { "shape": [1, 16, 16] },
  "layers": [ { "type": "conv2d", "filters": 2, "kernel_size": 3 },
              { "type": "max_pool2d" },
              { "type": "max_unpool2d", "indices_from": "max_pool2d" } ] })";

LayerPtr parseLayer(const QByteArray& json) {
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    const LayerType* type = findLayerType(object.value(QStringLiteral("type")).toString());
    auto layer = type->parse(JsonObjectReader(object, QStringLiteral("layer")), LayerLoadContext{});
    if (!layer) {
        qFatal("%s", qPrintable(layer.error().message));
    }
    return *layer;
}

QStringList names(const Pipeline& p) {
    QStringList n;
    for (const PipelineLayer& l : p.layers) {
        n << l.name;
    }
    return n;
}

}  // namespace

class TestDocument : public QObject {
    Q_OBJECT

private slots:
    void insertUndoRedo();
    void editsOfOneLayerMerge();
    void moveKeepsNamesAndIndices();
    void duplicateAndRemove();
    void saveAndReopen();
};

void TestDocument::insertUndoRedo() {
    PipelineDocument doc;
    doc.reset(test::pipelineFromJson(kPipeline), {});
    QSignalSpy changed(&doc, &PipelineDocument::changed);
    doc.insertLayer(1, parseLayer(R"({"type": "conv2d", "filters": 4, "kernel_size": 1})"));
    QCOMPARE(names(doc.pipeline()),
             (QStringList{QStringLiteral("conv2d"), QStringLiteral("conv2d_1"),
                          QStringLiteral("max_pool2d"), QStringLiteral("max_unpool2d")}));
    QVERIFY(doc.isModified());
    doc.undoStack()->undo();
    QCOMPARE(doc.pipeline().layers.size(), std::size_t{3});
    QVERIFY(!doc.isModified());
    doc.undoStack()->redo();
    QCOMPARE(doc.pipeline().layers.size(), std::size_t{4});
    QCOMPARE(changed.count(), 3);
}

void TestDocument::editsOfOneLayerMerge() {
    PipelineDocument doc;
    doc.reset(test::pipelineFromJson(kPipeline), {});
    const LayerPtr original = doc.pipeline().layers[0].layer;
    // A spin box dragged from stride 1 to 3: three edits, one undo step.
    for (int s = 1; s <= 3; ++s) {
        doc.replaceLayer(
            0,
            parseLayer(QStringLiteral(
                           R"({"type": "conv2d", "filters": 2, "kernel_size": 3, "strides": %1})")
                           .arg(s)
                           .toUtf8()));
    }
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.pipeline().layers[0].layer->toJson().value(QStringLiteral("strides")).toInt(), 3);
    doc.undoStack()->undo();
    QCOMPARE(doc.pipeline().layers[0].layer, original);
    // An edit of another layer is its own step.
    doc.undoStack()->redo();
    doc.replaceLayer(1, parseLayer(R"({"type": "max_pool2d", "pool_size": 3})"));
    QCOMPARE(doc.undoStack()->count(), 2);
}

void TestDocument::moveKeepsNamesAndIndices() {
    PipelineDocument doc;
    doc.reset(test::pipelineFromJson(kPipeline), {});
    // Moving the conv after the unpool: default names would renumber by position; they are
    // frozen instead, so indices_from still names the pool.
    doc.moveLayer(0, 2);
    QCOMPARE(names(doc.pipeline()),
             (QStringList{QStringLiteral("max_pool2d"), QStringLiteral("max_unpool2d"),
                          QStringLiteral("conv2d")}));
    for (const PipelineLayer& l : doc.pipeline().layers) {
        QVERIFY(l.explicitName);
    }
    QCOMPARE(*doc.pipeline().layers[1].layer->indicesFrom(), QStringLiteral("max_pool2d"));
    doc.undoStack()->undo();
    QCOMPARE(names(doc.pipeline()).front(), QStringLiteral("conv2d"));
}

void TestDocument::duplicateAndRemove() {
    PipelineDocument doc;
    doc.reset(test::pipelineFromJson(kPipeline), {});
    doc.duplicateLayer(0);
    QCOMPARE(names(doc.pipeline()).mid(0, 2),
             (QStringList{QStringLiteral("conv2d"), QStringLiteral("conv2d_1")}));
    // The copy shares the immutable layer: same parameters, no copy needed.
    QCOMPARE(doc.pipeline().layers[1].layer, doc.pipeline().layers[0].layer);
    doc.removeLayer(0);
    QCOMPARE(names(doc.pipeline()).front(), QStringLiteral("conv2d_1"));
    QCOMPARE(doc.undoStack()->count(), 2);
}

void TestDocument::saveAndReopen() {
    QTemporaryDir dir;
    PipelineDocument doc;
    doc.reset(test::pipelineFromJson(kPipeline), {});
    doc.insertLayer(
        3,
        parseLayer(
            R"({"type": "upsampling2d", "size": [2, 3], "interpolation": "bicubic", "coordinate_mode": "align_corners"})"));
    const QString path = dir.filePath(QStringLiteral("saved.stridelab.json"));
    QVERIFY(doc.saveAs(path).ok());
    QVERIFY(!doc.isModified());
    auto reopened = loadPipeline(path);
    QVERIFY2(reopened.ok(), reopened.ok() ? "" : qPrintable(reopened.error().message));
    QCOMPARE(pipelineToJson(*reopened, dir.path()), pipelineToJson(doc.pipeline(), dir.path()));
    QCOMPARE(names(*reopened), names(doc.pipeline()));
}

QTEST_MAIN(TestDocument)
#include "tst_document.moc"
