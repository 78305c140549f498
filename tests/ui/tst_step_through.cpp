// The "Step through" panel and its figure, driven as a user would: the buttons step and play,
// the counter follows, the panel in the main window shows the selected layer, the captions
// say what each frame computes, and File > Export writes the step-through.

#include "files/file_controller.h"
#include "main_window.h"
#include "panels/layer_stack_panel.h"
#include "support/test_support.h"
#include "teaching/step_caption.h"
#include "teaching/step_frame_renderer.h"
#include "teaching/step_through_widget.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace stridelab;
using namespace stridelab::ui;

namespace {

constexpr int kWaitMs = 10000;

std::shared_ptr<const StepSequence> sequenceOf(const Shape& input, const QByteArray& layers,
                                               int index = 0) {
    const Pipeline p = test::pipelineFromJson(test::shapePipelineJson(input, layers));
    auto subject = stepSubject(p, analyzePipeline(p, input), index);
    if (!subject) {
        return nullptr;
    }
    auto seq = buildStepSequence(*subject);
    return seq ? std::make_shared<const StepSequence>(std::move(seq).value()) : nullptr;
}

// conv 3x3 /2 padding 1, ones, on 5x5: 9 frames (tst_step_frames derives them).
std::shared_ptr<const StepSequence> convSequence() {
    return sequenceOf({1, 5, 5}, R"({ "type": "conv2d", "filters": 1, "kernel_size": 3,
                                      "strides": 2, "padding": 1, "use_bias": false,
                                      "kernel_initializer": "ones" })");
}

QToolButton* button(const StepThroughWidget& w, const char* name) {
    return w.findChild<QToolButton*>(QLatin1String(name));
}

QString counter(const StepThroughWidget& w) {
    return w.findChild<QLabel*>(QStringLiteral("frameCounter"))->text();
}

}  // namespace

class TestStepThrough : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void buttonsStepAndTheCounterFollows();
    void playAdvancesAndLoops();
    void keysStep();
    void showLayerBuildsInTheBackground();
    void inputOrInvalidLayerShowsAMessage();
    void captions();
    void layoutKeepsGridsApartAndInside();
    void renderedFrameHighlightsTheWindow();
    void mainWindowPanelFollowsTheSelection();
    void fileExportWritesTheSelectedLayer();
};

void TestStepThrough::initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("StrideLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_step_through"));
    QSettings().clear();
}

void TestStepThrough::buttonsStepAndTheCounterFollows() {
    StepThroughWidget w;
    w.show();
    w.setSequence(convSequence());
    QCOMPARE(w.frameCount(), 9);
    QCOMPARE(counter(w), QStringLiteral("Frame 1 of 9"));
    QVERIFY(!button(w, "stepBack")->isEnabled());
    QSignalSpy frames(&w, &StepThroughWidget::frameChanged);

    QTest::mouseClick(button(w, "stepForward"), Qt::LeftButton);
    QCOMPARE(w.frame(), 1);
    QCOMPARE(counter(w), QStringLiteral("Frame 2 of 9"));
    QCOMPARE(frames.count(), 1);
    QCOMPARE(frames.takeFirst().at(0).toInt(), 1);
    QVERIFY(button(w, "stepBack")->isEnabled());

    QTest::mouseClick(button(w, "stepBack"), Qt::LeftButton);
    QCOMPARE(counter(w), QStringLiteral("Frame 1 of 9"));
    for (int i = 0; i < 8; ++i) {
        QTest::mouseClick(button(w, "stepForward"), Qt::LeftButton);
    }
    QCOMPARE(counter(w), QStringLiteral("Frame 9 of 9"));
    QVERIFY(!button(w, "stepForward")->isEnabled());
}

void TestStepThrough::playAdvancesAndLoops() {
    StepThroughWidget w;
    w.show();
    w.setSequence(convSequence());
    auto* speed = w.findChild<QSlider*>(QStringLiteral("speed"));
    speed->setValue(speed->maximum());
    QCOMPARE(w.framesPerSecond(), 10.0);
    w.setFrame(7);
    QSignalSpy frames(&w, &StepThroughWidget::frameChanged);
    QTest::mouseClick(button(w, "playPause"), Qt::LeftButton);
    QVERIFY(w.isPlaying());
    QCOMPARE(button(w, "playPause")->text(), QStringLiteral("Pause"));
    QVERIFY(frames.wait(kWaitMs));
    QCOMPARE(frames.takeFirst().at(0).toInt(), 8);
    // After the last frame it starts again.
    QVERIFY(frames.wait(kWaitMs));
    QCOMPARE(frames.takeFirst().at(0).toInt(), 0);
    QTest::mouseClick(button(w, "playPause"), Qt::LeftButton);
    QVERIFY(!w.isPlaying());
    QCOMPARE(button(w, "playPause")->text(), QStringLiteral("Play"));
    // Stepping pauses playing.
    QTest::mouseClick(button(w, "playPause"), Qt::LeftButton);
    QTest::mouseClick(button(w, "stepForward"), Qt::LeftButton);
    QVERIFY(!w.isPlaying());
}

void TestStepThrough::keysStep() {
    StepThroughWidget w;
    w.show();
    w.setSequence(convSequence());
    w.setFocus();
    QTest::keyClick(&w, Qt::Key_Right);
    QTest::keyClick(&w, Qt::Key_Right);
    QCOMPARE(w.frame(), 2);
    QTest::keyClick(&w, Qt::Key_Left);
    QCOMPARE(counter(w), QStringLiteral("Frame 2 of 9"));
    QTest::keyClick(&w, Qt::Key_Space);
    QVERIFY(w.isPlaying());
    QTest::keyClick(&w, Qt::Key_Space);
    QVERIFY(!w.isPlaying());
}

void TestStepThrough::showLayerBuildsInTheBackground() {
    const Pipeline p = test::pipelineFromJson(test::shapePipelineJson(
        {1, 28, 28}, R"({ "type": "conv2d", "filters": 4, "kernel_size": 3 },
                        { "type": "max_pool2d", "pool_size": 2 })"));
    const PipelineReport report = analyzePipeline(p, {1, 28, 28});
    StepThroughWidget w;
    w.show();
    QSignalSpy ready(&w, &StepThroughWidget::sequenceChanged);
    w.showLayer(p, report, 1);
    QVERIFY(ready.wait(kWaitMs));
    QVERIFY(w.sequence() != nullptr);
    QCOMPARE(w.sequence()->layerName, QStringLiteral("max_pool2d"));
    // 26 -> 6 (even, >= 5, 3 outputs): 3x3 frames.
    QCOMPARE(w.frameCount(), 9);

    // A hidden panel builds when it is shown.
    w.hide();
    w.showLayer(p, report, 0);
    QCOMPARE(w.sequence()->layerName, QStringLiteral("max_pool2d"));
    w.show();
    QVERIFY(ready.wait(kWaitMs));
    QCOMPARE(w.sequence()->layerName, QStringLiteral("conv2d"));
}

void TestStepThrough::inputOrInvalidLayerShowsAMessage() {
    const Pipeline p = test::pipelineFromJson(test::shapePipelineJson(
        {1, 4, 4}, R"({ "type": "conv2d", "filters": 1, "kernel_size": 5 })"));
    StepThroughWidget w;
    w.show();
    w.setSequence(convSequence());
    w.showLayer(p, analyzePipeline(p, {1, 4, 4}), 0);
    QCOMPARE(w.sequence(), nullptr);
    QCOMPARE(w.message(), QStringLiteral("No step-through: layer 1 \"conv2d\": kernel 5x5 is "
                                         "larger than the padded input 4x4 on both axes"));
    QVERIFY(!button(w, "playPause")->isEnabled());
    QCOMPARE(counter(w), QString());
    w.showLayer(p, analyzePipeline(p, {1, 4, 4}), -1);
    QCOMPARE(w.message(), QStringLiteral("Select a layer to step through it"));
}

void TestStepThrough::captions() {
    const auto conv = convSequence();
    QCOMPARE(stepCaption(*conv, 0),
             QStringLiteral("output (0,0) = sum of 9 products (5 on padding) = 16"));
    QCOMPARE(stepCaption(*conv, 4), QStringLiteral("output (1,1) = sum of 9 products = 117"));
    QCOMPARE(stepSubtitle(*conv), QStringLiteral("input 5×5, values 1..25"));

    const auto reflect = sequenceOf({1, 5, 5}, R"({ "type": "conv2d", "filters": 1,
                                                   "kernel_size": 3, "padding": 1,
                                                   "padding_mode": "reflect" })");
    QCOMPARE(stepSubtitle(*reflect), QStringLiteral("input 5×5, values 1..25; reflect padding"));

    const auto avg = sequenceOf({1, 4, 4}, R"({ "type": "avg_pool2d", "pool_size": 3,
                                               "strides": 1, "padding": 1 })");
    QCOMPARE(stepCaption(*avg, 0),
             QStringLiteral("output (0,0) = 14 / 9 = 1.556 (the 5 padding zeros count)"));

    const auto ceil =
        sequenceOf({1, 5, 5}, R"({ "type": "max_pool2d", "pool_size": 2, "ceil_mode": true })");
    QCOMPARE(stepCaption(*ceil, 8),
             QStringLiteral("output (2,2) = max of 1 value = 10 (3 cells beyond the input "
                            "skipped)"));

    const auto transposed =
        sequenceOf({1, 3, 3}, R"({ "type": "conv2d_transpose", "filters": 1, "kernel_size": 3,
                                   "strides": 2, "use_bias": false,
                                   "kernel_initializer": "ones" })");
    QCOMPARE(stepCaption(*transposed, 4),
             QStringLiteral("input (1,1) = 5 adds 5 × kernel to 9 output cells"));
    QCOMPARE(stepCaption(*transposed, 9),
             QStringLiteral("output cells received 1, 2 or 4 contributions: the uneven overlap "
                            "makes the checkerboard"));

    const auto bilinear = sequenceOf({1, 64, 64}, R"({ "type": "upsampling2d", "size": 2,
                                     "interpolation": "bilinear" })");
    QCOMPARE(stepSubtitle(*bilinear),
             QStringLiteral("small input 4×4 (the layer's input is 64×64), values 1..16; "
                            "half_pixel coordinates"));
    // 4 -> 8, output (1,1): src = 1.5/2 - 0.5 = 0.25 on both axes.
    QCOMPARE(stepCaption(*bilinear, 9).left(44),
             QStringLiteral("output (1,1) samples (0.25, 0.25): 4 taps, w"));

    QCOMPARE(stepNumber(16.0), QStringLiteral("16"));
    QCOMPARE(stepNumber(14.0 / 9.0), QStringLiteral("1.556"));
    QCOMPARE(stepNumber(-0.5625, 2), QStringLiteral("-0.56"));
}

void TestStepThrough::layoutKeepsGridsApartAndInside() {
    const auto conv = convSequence();
    const QRectF area(0, 0, 960, 600);
    const StepFigureLayout l = layoutStepFigure(*conv, area);
    QCOMPARE(l.inputCellSize, l.outputCellSize);
    QVERIFY(l.inputNumbers());
    const QRectF input = l.inputCell(conv->input, -1, -1).united(l.inputCell(conv->input, 5, 5));
    const QRectF output = l.outputCell(conv->output, 0, 0).united(l.outputCell(conv->output, 2, 2));
    QVERIFY(area.contains(input));
    QVERIFY(area.contains(output));
    QVERIFY(input.right() < output.left());
    QVERIFY(input.top() > l.title.bottom());
    QVERIFY(input.bottom() < l.caption.top());
    // 7 padded rows of equal cells.
    QCOMPARE(input.height(), 7 * l.inputCellSize);
    // A big grid has no room for numbers in a small panel.
    const auto big = sequenceOf({1, 12, 12}, R"({ "type": "upsampling2d", "size": 1 })");
    QVERIFY(!layoutStepFigure(*big, QRectF(0, 0, 400, 260)).outputNumbers());
}

void TestStepThrough::renderedFrameHighlightsTheWindow() {
    const auto conv = convSequence();
    const StepFrameRenderer renderer(*conv);
    const QSize size = renderer.exportSize();
    const QImage image = renderer.render(0, size);
    QCOMPARE(image.size(), size);
    const StepFigureLayout l = layoutStepFigure(*conv, QRectF(QPointF(0, 0), QSizeF(size)));
    // A corner of a cell is clear of the number in its middle.
    auto corner = [](const QRectF& cell) {
        return cell.topLeft().toPoint() +
               QPoint(static_cast<int>(cell.width() * 0.25), static_cast<int>(cell.height() * 0.2));
    };
    const QRgb inWindow = image.pixel(corner(l.inputCell(conv->input, 0, 0)));
    const QRgb outside = image.pixel(corner(l.inputCell(conv->input, 3, 3)));
    const QRgb written = image.pixel(corner(l.outputCell(conv->output, 0, 0)));
    const QRgb pending = image.pixel(corner(l.outputCell(conv->output, 2, 2)));
    QCOMPARE(outside, qRgb(255, 255, 255));
    QCOMPARE(pending, qRgb(255, 255, 255));
    QVERIFY(qBlue(inWindow) > qRed(inWindow) + 40);  // blue window
    QVERIFY(qBlue(written) > qRed(written) + 40);
    // The last frame: every output written, the window at the bottom right.
    const QImage last = renderer.render(8, size);
    QVERIFY(last.pixel(corner(l.outputCell(conv->output, 0, 0))) != qRgb(255, 255, 255));
    QVERIFY(qBlue(last.pixel(corner(l.inputCell(conv->input, 5, 5)))) >
            qRed(last.pixel(corner(l.inputCell(conv->input, 5, 5)))) + 40);
}

void TestStepThrough::mainWindowPanelFollowsTheSelection() {
    MainWindow w;
    w.show();
    QVERIFY(w.files()->openPipeline(QStringLiteral(":/presets/mnist_trunk.stridelab.json")));
    auto* dock = w.findChild<QDockWidget*>(QStringLiteral("stepsDock"));
    QVERIFY(dock != nullptr);
    QCOMPARE(dock->windowTitle(), QStringLiteral("Step through"));
    bool inViewMenu = false;
    for (QAction* menu : w.menuBar()->actions()) {
        if (menu->menu() != nullptr && menu->text() == QStringLiteral("&View")) {
            for (QAction* sub : menu->menu()->actions()) {
                if (sub->menu() != nullptr && sub->text() == QStringLiteral("P&anels")) {
                    inViewMenu = sub->menu()->actions().contains(dock->toggleViewAction());
                }
            }
        }
    }
    QVERIFY(inViewMenu);
    auto* steps = dock->findChild<StepThroughWidget*>();
    dock->show();
    dock->raise();
    QSignalSpy ready(steps, &StepThroughWidget::sequenceChanged);
    w.layerStack()->selectLayer(2);  // conv2d_1: 3x3 on 13 -> 5x5 -> 3x3
    QTRY_VERIFY_WITH_TIMEOUT(
        steps->sequence() != nullptr && steps->sequence()->layerName == QStringLiteral("conv2d_1"),
        kWaitMs);
    QCOMPARE(steps->frameCount(), 9);
    w.layerStack()->selectLayer(-1);
    QTRY_COMPARE_WITH_TIMEOUT(steps->sequence(), nullptr, kWaitMs);
}

void TestStepThrough::fileExportWritesTheSelectedLayer() {
    MainWindow w;
    QVERIFY(w.files()->openPipeline(QStringLiteral(":/presets/mnist_trunk.stridelab.json")));
    w.layerStack()->selectLayer(1);  // max_pool2d 2 on 26 -> 6 -> 3x3: 9 frames
    QTemporaryDir dir;
    const QString gif = dir.filePath(QStringLiteral("pool.gif"));
    QVERIFY(w.files()->exportSteps(gif));
    QFile file(gif);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(6) == "GIF89a");
    const QString frames = dir.filePath(QStringLiteral("frames"));
    QVERIFY(w.files()->exportSteps(frames));
    QCOMPARE(QDir(frames).entryList(QDir::Files).size(), 9);
    QVERIFY(QFile::exists(frames + QStringLiteral("/frame_008.png")));
}

QTEST_MAIN(TestStepThrough)
#include "tst_step_through.moc"
