// The layer stack's model: the Add menu's default layers, the texts and states under
// QAbstractItemModelTester, and drag and drop turned into document moves.

#include "document/pipeline_document.h"
#include "layers/layer_registry.h"
#include "panels/default_layers.h"
#include "panels/layer_stack_model.h"
#include "panels/layer_stack_panel.h"
#include "pipeline/pipeline_analysis.h"
#include "support/test_support.h"
#include "ui/layer_stack_fixtures.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QBrush>
#include <QGuiApplication>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QPalette>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <memory>

using namespace stridelab;
using namespace stridelab::ui;
using namespace stridelab::test;

using State = LayerStackModel::State;
using Notation = LayerStackModel::ShapeNotation;

class TestLayerStackModel : public QObject {
    Q_OBJECT

private slots:
    void defaultLayers_data();
    void defaultLayers();
    void defaultConvIsHeNormalRelu();
    void defaultUnpoolNeedsEarlierPool();
    void everyRegistryTypeHasADefault();
    void modelTexts_data();
    void modelTexts();
    void modelToolTips();
    void modelStates_data();
    void modelStates();
    void modelForeground();
    void staleReportShowsNoShapes();
    void notationChangeKeepsRows();
    void flags();
    void drop_data();
    void drop();
    void dropOntoItem();
    void dropRejects();
};

void TestLayerStackModel::defaultLayers_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("layers");
    QTest::addColumn<int>("insertAt");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("shape");
    QTest::addColumn<qint64>("params");

    // Input (3, 32, 32) throughout.
    // 8 filters "same" stride 1 keeps 32x32; params 8*3*3*3 + 8 = 224.
    QTest::addRow("conv2d") << "conv2d" << QByteArray() << 0 << "8 3x3 same relu"
                            << "(8, 32, 32)" << qint64(224);
    QTest::addRow("max_pool2d") << "max_pool2d" << QByteArray() << 0 << "2x2"
                                << "(3, 16, 16)" << qint64(0);
    QTest::addRow("avg_pool2d") << "avg_pool2d" << QByteArray() << 0 << "2x2"
                                << "(3, 16, 16)" << qint64(0);
    QTest::addRow("upsampling2d") << "upsampling2d" << QByteArray() << 0 << "x2 nearest"
                                  << "(3, 64, 64)" << qint64(0);
    // Keras "same" transpose: out = n*s = 64; params C_in*filters*3*3 + 8 = 3*8*9 + 8 = 224.
    QTest::addRow("conv2d_transpose") << "conv2d_transpose" << QByteArray() << 0 << "8 3x3 /2 same"
                                      << "(8, 64, 64)" << qint64(224);
    // The unpool gets the pool's input shape back.
    QTest::addRow("max_unpool2d after its pool")
        << "max_unpool2d" << QByteArray(R"({ "type": "max_pool2d", "name": "p1" })") << 1
        << "from p1"
        << "(3, 32, 32)" << qint64(0);
    QTest::addRow("max_unpool2d takes the nearest pool")
        << "max_unpool2d"
        << QByteArray(
               R"({ "type": "max_pool2d", "name": "p1" }, { "type": "max_pool2d", "name": "p2" })")
        << 2 << "from p2"
        << "(3, 16, 16)" << qint64(0);
    QTest::addRow("max_unpool2d between two pools")
        << "max_unpool2d"
        << QByteArray(
               R"({ "type": "max_pool2d", "name": "p1" }, { "type": "max_pool2d", "name": "p2" })")
        << 1 << "from p1"
        << "(3, 32, 32)" << qint64(0);
}

void TestLayerStackModel::defaultLayers() {
    QFETCH(QString, type);
    QFETCH(QByteArray, layers);
    QFETCH(int, insertAt);
    QFETCH(QString, description);
    QFETCH(QString, shape);
    QFETCH(qint64, params);

    Pipeline p = test::pipelineFromJson(pipelineJson("[3, 32, 32]", layers));
    const LayerPtr layer = defaultLayer(type, p, insertAt);
    QVERIFY(layer);
    QCOMPARE(layer->type(), type);
    QCOMPARE(layer->describe(), description);
    QCOMPARE(defaultLayerUnavailableReason(type, p, insertAt), QString());
    p.layers.insert(p.layers.begin() + insertAt, PipelineLayer{QStringLiteral("new"), true, layer});
    const PipelineReport report = analyze(p);
    const LayerReport& added = report.layers[static_cast<std::size_t>(insertAt)];
    QVERIFY2(!added.error, qPrintable(added.error ? added.error->message : QString()));
    QCOMPARE(added.shape->output.toString(), shape);
    QCOMPARE(added.shape->params, params);
}

void TestLayerStackModel::defaultConvIsHeNormalRelu() {
    const LayerPtr conv = defaultLayer(QStringLiteral("conv2d"));
    QVERIFY(conv);
    const QJsonObject json = conv->toJson();
    QCOMPARE(json.value(QStringLiteral("filters")).toInt(), 8);
    QCOMPARE(json.value(QStringLiteral("kernel_size")).toVariant(), QJsonValue(3).toVariant());
    QCOMPARE(json.value(QStringLiteral("padding")).toString(), QStringLiteral("same"));
    QCOMPARE(json.value(QStringLiteral("activation")).toString(), QStringLiteral("relu"));
    QCOMPARE(json.value(QStringLiteral("kernel_initializer")).toString(),
             QStringLiteral("he_normal"));
    // Seed 0 is the default, so the writer leaves it out.
    QCOMPARE(json.value(QStringLiteral("seed")).toInt(0), 0);
}

void TestLayerStackModel::defaultUnpoolNeedsEarlierPool() {
    const QString unpool = QStringLiteral("max_unpool2d");
    const QString reason = QStringLiteral("needs an earlier max_pool2d");
    QVERIFY(!defaultLayer(unpool));
    QCOMPARE(defaultLayerUnavailableReason(unpool, Pipeline{}, 0), reason);
    // The only pool comes after the insertion point: nothing to take indices from.
    const Pipeline p = test::pipelineFromJson(
        pipelineJson("[1, 8, 8]", R"({ "type": "conv2d", "filters": 1, "kernel_size": 1 },
                        { "type": "max_pool2d", "name": "late" })"));
    QVERIFY(!defaultLayer(unpool, p, 1));
    QCOMPARE(defaultLayerUnavailableReason(unpool, p, 1), reason);
    QVERIFY(defaultLayer(unpool, p, 2));
    QVERIFY(!defaultLayer(QStringLiteral("dense")));
    QCOMPARE(defaultLayerUnavailableReason(QStringLiteral("dense"), p, 0),
             QStringLiteral("unknown layer type \"dense\""));
}

void TestLayerStackModel::everyRegistryTypeHasADefault() {
    // A new registry type must get a default here, or the Add menu could not add it.
    const Pipeline withPool = test::pipelineFromJson(
        pipelineJson("[1, 8, 8]", R"({ "type": "max_pool2d", "name": "p" })"));
    for (const LayerType& type : layerTypes()) {
        const LayerPtr layer = defaultLayer(type.type, withPool, 1);
        QVERIFY2(layer, qPrintable(type.type));
        QCOMPARE(layer->type(), type.type);
    }
}

void TestLayerStackModel::modelTexts_data() {
    QTest::addColumn<Notation>("notation");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("shape");

    const auto cf = Notation::ChannelsFirst;
    const auto keras = Notation::Keras;
    QTest::addRow("input CHW") << cf << 0 << "input"
                               << "input"
                               << "shape only"
                               << "(3, 40, 24)";
    QTest::addRow("enc CHW") << cf << 1 << "enc"
                             << "conv2d"
                             << "8 3x3 /2 same relu"
                             << "(8, 20, 12)";
    QTest::addRow("pool CHW") << cf << 2 << "pool"
                              << "max_pool2d"
                              << "2x2"
                              << "(8, 10, 6)";
    QTest::addRow("dec CHW") << cf << 3 << "dec"
                             << "conv2d_transpose"
                             << "4 3x3 /2 same"
                             << "(4, 20, 12)";
    QTest::addRow("up CHW") << cf << 4 << "up"
                            << "upsampling2d"
                            << "x2x3 nearest"
                            << "(4, 40, 36)";
    QTest::addRow("input Keras") << keras << 0 << "input"
                                 << "input"
                                 << "shape only"
                                 << "(None, 40, 24, 3)";
    QTest::addRow("enc Keras") << keras << 1 << "enc"
                               << "conv2d"
                               << "8 3x3 /2 same relu"
                               << "(None, 20, 12, 8)";
    QTest::addRow("pool Keras") << keras << 2 << "pool"
                                << "max_pool2d"
                                << "2x2"
                                << "(None, 10, 6, 8)";
    QTest::addRow("dec Keras") << keras << 3 << "dec"
                               << "conv2d_transpose"
                               << "4 3x3 /2 same"
                               << "(None, 20, 12, 4)";
    QTest::addRow("up Keras") << keras << 4 << "up"
                              << "upsampling2d"
                              << "x2x3 nearest"
                              << "(None, 40, 36, 4)";
}

void TestLayerStackModel::modelTexts() {
    QFETCH(Notation, notation);
    QFETCH(int, row);
    QFETCH(QString, name);
    QFETCH(QString, type);
    QFETCH(QString, description);
    QFETCH(QString, shape);

    LayerStackModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Pipeline p = test::pipelineFromJson(kKnown);
    model.setPipeline(p, analyze(p));
    model.setShapeNotation(notation);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.layerCount(), 4);
    const QModelIndex index = model.index(row);
    QCOMPARE(index.data(Qt::DisplayRole).toString(), name);
    QCOMPARE(index.data(LayerStackModel::TypeRole).toString(), type);
    QCOMPARE(index.data(LayerStackModel::DescriptionRole).toString(), description);
    QCOMPARE(index.data(LayerStackModel::ShapeTextRole).toString(), shape);
    QCOMPARE(index.data(LayerStackModel::StateRole).value<State>(), State::Valid);
    QCOMPARE(index.data(LayerStackModel::ErrorRole).toString(), QString());
    QVERIFY(!index.data(Qt::ForegroundRole).isValid());
}

void TestLayerStackModel::modelToolTips() {
    LayerStackModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Pipeline p = test::pipelineFromJson(kKnown);
    model.setPipeline(p, analyze(p));
    QCOMPARE(model.index(1).data(Qt::ToolTipRole).toString(),
             QStringLiteral("conv2d: 8 3x3 /2 same relu\noutput (8, 20, 12)"));
    QCOMPARE(model.index(0).data(Qt::ToolTipRole).toString(),
             QStringLiteral("input: shape only\noutput (3, 40, 24)"));
    model.setShapeNotation(Notation::Keras);
    QCOMPARE(model.index(4).data(Qt::ToolTipRole).toString(),
             QStringLiteral("upsampling2d: x2x3 nearest\noutput (None, 40, 36, 4)"));
}

void TestLayerStackModel::modelStates_data() {
    QTest::addColumn<int>("row");
    QTest::addColumn<State>("state");
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("toolTip");

    const QString notComputed = QStringLiteral("not computed: layer 2 \"c2\" is invalid");
    // (1, 8, 8) -> c1 3x3 valid -> (4, 6, 6); c2's 7x7 kernel is larger than 6x6.
    QTest::addRow("c1 valid") << 1 << State::Valid << "(4, 6, 6)" << QString()
                              << "conv2d: 4 3x3 valid\noutput (4, 6, 6)";
    QTest::addRow("c2 invalid") << 2 << State::Invalid << "invalid"
                                << "kernel 7x7 is larger than the padded input 6x6 on both axes"
                                << "kernel 7x7 is larger than the padded input 6x6 on both axes";
    QTest::addRow("p unreachable")
        << 3 << State::Unreachable << QStringLiteral("\u2014") << QString() << notComputed;
    QTest::addRow("u unreachable")
        << 4 << State::Unreachable << QStringLiteral("\u2014") << QString() << notComputed;
}

void TestLayerStackModel::modelStates() {
    QFETCH(int, row);
    QFETCH(State, state);
    QFETCH(QString, shape);
    QFETCH(QString, error);
    QFETCH(QString, toolTip);

    LayerStackModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Pipeline p = test::pipelineFromJson(kBroken);
    model.setPipeline(p, analyze(p));
    for (const Notation notation : {Notation::ChannelsFirst, Notation::Keras}) {
        model.setShapeNotation(notation);
        const QModelIndex index = model.index(row);
        QCOMPARE(index.data(LayerStackModel::StateRole).value<State>(), state);
        if (state != State::Valid) {
            QCOMPARE(index.data(LayerStackModel::ShapeTextRole).toString(), shape);
        }
        QCOMPARE(index.data(LayerStackModel::ErrorRole).toString(), error);
    }
    model.setShapeNotation(Notation::ChannelsFirst);
    QCOMPARE(model.index(row).data(LayerStackModel::ShapeTextRole).toString(), shape);
    QCOMPARE(model.index(row).data(Qt::ToolTipRole).toString(), toolTip);
}

void TestLayerStackModel::modelForeground() {
    LayerStackModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Pipeline p = test::pipelineFromJson(kBroken);
    model.setPipeline(p, analyze(p));
    QVERIFY(!model.index(1).data(Qt::ForegroundRole).isValid());
    const QColor invalid = model.index(2).data(Qt::ForegroundRole).value<QBrush>().color();
    // Red: a red hue, saturated, dark enough for white text backgrounds.
    QVERIFY2(invalid.hue() <= 10 || invalid.hue() >= 350, qPrintable(invalid.name()));
    QVERIFY2(invalid.saturation() > 150 && invalid.value() < 230, qPrintable(invalid.name()));
    const QColor unreachable = model.index(3).data(Qt::ForegroundRole).value<QBrush>().color();
    // Grey: no hue, halfway between the text and the background.
    const QColor text = QGuiApplication::palette().color(QPalette::Active, QPalette::Text);
    const QColor base = QGuiApplication::palette().color(QPalette::Active, QPalette::Base);
    QVERIFY2(unreachable.saturation() < 30, qPrintable(unreachable.name()));
    QVERIFY2(unreachable.value() > std::min(text.value(), base.value()) + 40 &&
                 unreachable.value() < std::max(text.value(), base.value()) - 40,
             qPrintable(unreachable.name()));
}

void TestLayerStackModel::staleReportShowsNoShapes() {
    // The document gained a layer and the analysis has not come back yet.
    LayerStackModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Pipeline p = test::pipelineFromJson(kKnown);
    Pipeline shorter = p;
    shorter.layers.pop_back();
    model.setPipeline(p, analyze(shorter));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(1).data(Qt::DisplayRole).toString(), QStringLiteral("enc"));
    QCOMPARE(model.index(1).data(LayerStackModel::ShapeTextRole).toString(),
             QStringLiteral("\u2026"));
    model.setPipeline(p, analyze(p));
    QCOMPARE(model.index(1).data(LayerStackModel::ShapeTextRole).toString(),
             QStringLiteral("(8, 20, 12)"));
}

void TestLayerStackModel::notationChangeKeepsRows() {
    LayerStackModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Pipeline p = test::pipelineFromJson(kKnown);
    model.setPipeline(p, analyze(p));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setShapeNotation(Notation::Keras);
    model.setShapeNotation(Notation::Keras);  // no change, no signal
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.front().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.front().at(1).toModelIndex().row(), 4);
    // Re-setting keeps the notation.
    model.setPipeline(p, analyze(p));
    QCOMPARE(model.index(2).data(LayerStackModel::ShapeTextRole).toString(),
             QStringLiteral("(None, 10, 6, 8)"));
}

void TestLayerStackModel::flags() {
    LayerStackModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Pipeline p = test::pipelineFromJson(kKnown);
    model.setPipeline(p, analyze(p));
    QVERIFY(!(model.flags(model.index(0)) & Qt::ItemIsDragEnabled));
    QVERIFY(model.flags(model.index(0)) & Qt::ItemIsSelectable);
    for (int row = 1; row < model.rowCount(); ++row) {
        QVERIFY(model.flags(model.index(row)) & Qt::ItemIsDragEnabled);
        // Drops go between rows, never onto one.
        QVERIFY(!(model.flags(model.index(row)) & Qt::ItemIsDropEnabled));
    }
    QVERIFY(model.flags(QModelIndex()) & Qt::ItemIsDropEnabled);
    QCOMPARE(model.mimeTypes(), QStringList{LayerStackModel::rowMimeType()});
}

void TestLayerStackModel::drop_data() {
    QTest::addColumn<int>("sourceRow");
    QTest::addColumn<int>("dropRow");  // insert before this row; -1 or rowCount: at the end
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");  // -1: no move
    QTest::addColumn<QStringList>("order");

    // Rows: 0 input, 1 a, 2 b, 3 c, 4 d.
    QTest::addRow("row 3 before row 1 (up)") << 3 << 1 << 2 << 0 << split("c,a,b,d");
    QTest::addRow("row 4 before row 2 (up)") << 4 << 2 << 3 << 1 << split("a,d,b,c");
    // Moving down: the dragged layer leaves a gap above the target, hence one less.
    QTest::addRow("row 1 before row 4 (down)") << 1 << 4 << 0 << 2 << split("b,c,a,d");
    QTest::addRow("row 1 before row 3 (down)") << 1 << 3 << 0 << 1 << split("b,a,c,d");
    QTest::addRow("row 1 at the end") << 1 << 5 << 0 << 3 << split("b,c,d,a");
    QTest::addRow("row 2 at -1, the end") << 2 << -1 << 1 << 3 << split("a,c,d,b");
    QTest::addRow("row 2 before the input") << 2 << 0 << 1 << 0 << split("b,a,c,d");
    QTest::addRow("row 2 before itself") << 2 << 2 << 1 << -1 << split("a,b,c,d");
    QTest::addRow("row 2 before row 3, its place") << 2 << 3 << 1 << -1 << split("a,b,c,d");
    QTest::addRow("row 4 at the end, its place") << 4 << 5 << 3 << -1 << split("a,b,c,d");
}

void TestLayerStackModel::drop() {
    QFETCH(int, sourceRow);
    QFETCH(int, dropRow);
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(QStringList, order);

    PipelineDocument document;
    document.reset(test::pipelineFromJson(kFour), {});
    LayerStackModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPipeline(document.pipeline(), analyze(document.pipeline()));
    QObject::connect(&model, &LayerStackModel::moveRequested, &document,
                     &PipelineDocument::moveLayer);
    QSignalSpy spy(&model, &LayerStackModel::moveRequested);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    std::unique_ptr<QMimeData> data(model.mimeData({model.index(sourceRow)}));
    QVERIFY(data);
    QVERIFY(model.canDropMimeData(data.get(), Qt::MoveAction, dropRow, 0, {}));
    const bool dropped = model.dropMimeData(data.get(), Qt::MoveAction, dropRow, 0, {});
    QCOMPARE(dropped, to >= 0);
    if (to >= 0) {
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.front().at(0).toInt(), from);
        QCOMPARE(spy.front().at(1).toInt(), to);
    } else {
        QCOMPARE(spy.count(), 0);
    }
    // The model waits for its owner: a drop alone changes nothing in it.
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.index(1).data().toString(), QStringLiteral("a"));
    QCOMPARE(names(document.pipeline()), order);
    model.setPipeline(document.pipeline(), analyze(document.pipeline()));
    QCOMPARE(model.index(1).data().toString(), order.front());
}

void TestLayerStackModel::dropOntoItem() {
    // A view that drops onto an item (row -1, the item as parent) means before that item.
    LayerStackModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Pipeline p = test::pipelineFromJson(kFour);
    model.setPipeline(p, analyze(p));
    QSignalSpy spy(&model, &LayerStackModel::moveRequested);
    std::unique_ptr<QMimeData> data(model.mimeData({model.index(1)}));
    QVERIFY(model.dropMimeData(data.get(), Qt::MoveAction, -1, -1, model.index(3)));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.front(), (QVariantList{0, 1}));
}

void TestLayerStackModel::dropRejects() {
    LayerStackModel model;
    LayerStackModel other;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Pipeline p = test::pipelineFromJson(kFour);
    model.setPipeline(p, analyze(p));
    other.setPipeline(p, analyze(p));
    QSignalSpy spy(&model, &LayerStackModel::moveRequested);

    // The input row is not draggable.
    QVERIFY(model.mimeData({model.index(0)}) == nullptr);
    // A row from another window's model names a layer of another pipeline.
    std::unique_ptr<QMimeData> foreign(other.mimeData({other.index(2)}));
    QVERIFY(!model.canDropMimeData(foreign.get(), Qt::MoveAction, 1, 0, {}));
    QVERIFY(!model.dropMimeData(foreign.get(), Qt::MoveAction, 1, 0, {}));
    // Plain text is not a layer.
    QMimeData text;
    text.setText(QStringLiteral("2"));
    QVERIFY(!model.dropMimeData(&text, Qt::MoveAction, 1, 0, {}));
    // Copying would duplicate; that is the Duplicate action's job.
    std::unique_ptr<QMimeData> own(model.mimeData({model.index(2)}));
    QVERIFY(!model.dropMimeData(own.get(), Qt::CopyAction, 1, 0, {}));
    // A row that no longer exists after the model shrank.
    std::unique_ptr<QMimeData> last(model.mimeData({model.index(4)}));
    Pipeline shorter = p;
    shorter.layers.pop_back();
    model.setPipeline(shorter, analyze(shorter));
    QVERIFY(!model.dropMimeData(last.get(), Qt::MoveAction, 1, 0, {}));
    QCOMPARE(spy.count(), 0);
}

QTEST_MAIN(TestLayerStackModel)
#include "tst_layer_stack_model.moc"
