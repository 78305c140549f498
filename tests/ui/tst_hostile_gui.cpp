// The window against hostile input: a damaged pipeline, image or tensor is refused in a
// dialog with the same exact message as the command line, and the work on screen stays as it
// was; an image too large for the memory budget is offered downscaled (with the user's
// consent); the budget is a preference; NaN and infinities are computed, drawn in colours of
// their own and counted.

#include "files/input_admission.h"
#include "io/image_input.h"
#include "panels/layer_stack_panel.h"
#include "pipeline/memory_fit.h"
#include "plots/histogram_plot.h"
#include "preferences/preferences_dialog.h"
#include "support/dialog_support.h"
#include "support/hostile_files.h"
#include "support/test_support.h"
#include "support/window_support.h"
#include "view/colormap.h"
#include "widgets/feature_map_view.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QImageReader>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace stridelab;
using namespace stridelab::ui;
using test::hostileFile;

namespace {

QString presetPath(const char* name) {
    return test::sourceDir() + QStringLiteral("/resources/presets/") + QLatin1String(name);
}

// What must not change when a file is refused.
struct Snapshot {
    QString name;
    QString file;
    qsizetype layers = 0;
    int undoSteps = 0;
    bool modified = false;
    QString inputSource;
    std::optional<Pair> inputResize;

    static Snapshot of(MainWindow& w) {
        const Pipeline& p = w.document()->pipeline();
        return {p.name,
                w.document()->filePath(),
                static_cast<qsizetype>(p.layers.size()),
                w.document()->undoStack()->count(),
                w.document()->isModified(),
                p.input.source,
                p.input.resize};
    }
    bool operator==(const Snapshot& o) const {
        return name == o.name && file == o.file && layers == o.layers && undoSteps == o.undoSteps &&
               modified == o.modified && inputSource == o.inputSource &&
               inputResize.has_value() == o.inputResize.has_value() &&
               (!inputResize ||
                (inputResize->h == o.inputResize->h && inputResize->w == o.inputResize->w));
    }
};

bool hasColor(const QImage& image, QRgb color) {
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if ((image.pixel(x, y) | 0xff000000U) == color) {
                return true;
            }
        }
    }
    return false;
}

}  // namespace

class TestHostileGui : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void badPipelineKeepsTheWork_data();
    void badPipelineKeepsTheWork();
    void badInputKeepsTheInput_data();
    void badInputKeepsTheInput();
    void imageTooLargeToRead();
    void largeImageDownscaledWithConsent();
    void largeImageDeclined();
    void budgetIsAPreference();
    void nonFiniteValuesDrawnAndCounted();
    void weightsOfTheWrongShape();

private:
    // A zone plate at its own size through a same-padded 8-filter convolution.
    QString convPipeline() const { return dir_.filePath(QStringLiteral("conv.json")); }

    QTemporaryDir dir_;
};

void TestHostileGui::initTestCase() {
    QVERIFY(dir_.isValid());
    qputenv("STRIDELAB_RECOVERY_DIR", dir_.filePath(QStringLiteral("recovery")).toUtf8());
    QFile huge(dir_.filePath(QStringLiteral("huge.png")));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    huge.write(test::pngHeaderOnly(100000, 100000));
    huge.close();
    QImage white(2000, 2000, QImage::Format_RGB32);
    white.fill(Qt::white);
    QVERIFY(white.save(dir_.filePath(QStringLiteral("white2000.png"))));
    QFile conv(convPipeline());
    QVERIFY(conv.open(QIODevice::WriteOnly));
    conv.write(R"({ "format": "stridelab.pipeline", "version": 1,
                    "input": { "image": "builtin:zone_plate" },
                    "layers": [ { "type": "conv2d", "filters": 8, "kernel_size": 3,
                                  "padding": "same" } ] })");
    conv.close();
    QImage photo(1200, 800, QImage::Format_RGB32);
    photo.fill(qRgb(200, 100, 50));
    QVERIFY(photo.save(dir_.filePath(QStringLiteral("photo.png"))));
}

void TestHostileGui::init() {
    test::useFreshSettings(QStringLiteral("tst_hostile_gui"));
}

void TestHostileGui::badPipelineKeepsTheWork_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("why");
    QTest::addRow("syntax") << QStringLiteral("syntax.json")
                            << QStringLiteral(
                                   "JSON syntax error at line 5, column 3: unterminated object");
    QTest::addRow("empty") << QStringLiteral("empty.json") << QStringLiteral("the file is empty");
    QTest::addRow("wrong type") << QStringLiteral("wrong_type.json")
                                << QStringLiteral(
                                       "layers[0].pool_size: expected an integer >= 1 or a pair "
                                       "[height, width] of them, got \"two\"");
    QTest::addRow("kernel 0") << QStringLiteral("out_of_range.json")
                              << QStringLiteral(
                                     "layers[0].kernel_size: must be from 1 to 65536, got 0");
    QTest::addRow("unknown key") << QStringLiteral("unknown_key.json")
                                 << QStringLiteral(
                                        "layers[0].stride: unknown key; did you mean \"strides\"?");
    QTest::addRow("newer version")
        << QStringLiteral("newer_version.json")
        << QStringLiteral(
               "version: version 7 is newer than this program reads (up to 1); update StrideLab");
    QTest::addRow("100000 nested arrays")
        << QStringLiteral("{T}/deep.json")
        << QStringLiteral("JSON syntax error at line 1, column %1: too deeply nested document")
               .arg(test::deeplyNestedPrefix().size() + 1024);
}

void TestHostileGui::badPipelineKeepsTheWork() {
    QFETCH(QString, file);
    QFETCH(QString, why);
    QString path = hostileFile(file);
    if (file.startsWith(QStringLiteral("{T}"))) {
        path = dir_.filePath(file.mid(4));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(test::deeplyNestedPipeline(100000));
    }
    auto w = test::openWindow(presetPath("mnist_trunk.stridelab.json"));
    QVERIFY(w);
    w->document()->removeLayer(0);  // unsaved work on screen
    const Snapshot before = Snapshot::of(*w);
    auto answer = test::answerNextMessageBox(QStringLiteral("OK"));
    QVERIFY(!w->files()->openPipeline(path));
    QVERIFY(answer->answered);
    QCOMPARE(answer->title, QStringLiteral("Cannot open the pipeline"));
    QCOMPARE(answer->text, QStringLiteral("%1: %2").arg(path, why));
    QVERIFY(Snapshot::of(*w) == before);
}

void TestHostileGui::badInputKeepsTheInput_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");  // {P}: the file's path
    QStringList formats;
    for (const QByteArray& f : QImageReader::supportedImageFormats()) {
        formats << QString::fromLatin1(f);
    }
    const QString unreadable =
        QStringLiteral(
            "{P}: cannot read the image: not an image format StrideLab can read (it "
            "reads %1)")
            .arg(formats.join(QStringLiteral(", ")));
    QTest::addRow("text named .png") << hostileFile(QStringLiteral("text.png")) << unreadable;
    QTest::addRow("TIFF") << hostileFile(QStringLiteral("unsupported.tif")) << unreadable;
    QTest::addRow("zero-sized PNG") << hostileFile(QStringLiteral("zero_size.png"))
                                    << QStringLiteral(
                                           "{P}: cannot read the image: its header is damaged or "
                                           "declares no pixels");
    // A sound header with damaged data: found by a small trial decode, before the input changes.
    const QString damaged = QStringLiteral(
        "{P}: cannot read the image: its data is damaged or incomplete (Unable to read image "
        "data)");
    QTest::addRow("corrupt PNG") << hostileFile(QStringLiteral("corrupt.png")) << damaged;
    QTest::addRow("truncated PNG") << hostileFile(QStringLiteral("truncated.png")) << damaged;
    QTest::addRow("truncated JPEG")
        << hostileFile(QStringLiteral("truncated.jpg"))
        << QStringLiteral(
               "{P}: cannot read the image: the JPEG file ends before its image data "
               "does (an incomplete download?)");
    QTest::addRow("missing") << hostileFile(QStringLiteral("gone.png"))
                             << QStringLiteral(
                                    "{P}: cannot read the image: the file does not exist");
    QTest::addRow("header declaring 100000 x 100000")
        << QStringLiteral("{T}/huge.png")
        // The MNIST trunk resizes its grayscale input to 28 x 28, so the size is fine; the
        // reading is not: 1e10 pixels of 4 + 4 bytes = 8e10 bytes = 74.51 GiB.
        << QStringLiteral(
               "huge.png is 100000 x 100000 pixels: reading it would take 74.51 GiB, "
               "more than the memory budget of 2.00 GiB.\n\nResize it in an image "
               "editor first, or raise the budget in Edit > Preferences.");
    QTest::addRow("npy bad magic")
        << hostileFile(QStringLiteral("bad_magic.npy"))
        << QStringLiteral("{P}: not a NumPy .npy file (no \\x93NUMPY magic)");
    QTest::addRow("npy big-endian") << hostileFile(QStringLiteral("big_endian.npy"))
                                    << QStringLiteral(
                                           "{P}: unsupported dtype '>f4'; expected little-endian "
                                           "float32 ('<f4') or float64 ('<f8')");
    QTest::addRow("npy Fortran order") << hostileFile(QStringLiteral("fortran.npy"))
                                       << QStringLiteral(
                                              "{P}: Fortran-order arrays are not supported; save "
                                              "with C order (numpy.ascontiguousarray)");
    QTest::addRow("npy declaring 4 TiB")
        << hostileFile(QStringLiteral("terabytes.npy"))
        << QStringLiteral(
               "{P}: truncated data: shape (1, 1048576, 1048576) needs 4398046511104 "
               "bytes, the file has 16");
}

void TestHostileGui::badInputKeepsTheInput() {
    QFETCH(QString, file);
    QFETCH(QString, message);
    file.replace(QStringLiteral("{T}"), dir_.path());
    message.replace(QStringLiteral("{P}"), file);
    auto w = test::openWindow(presetPath("mnist_trunk.stridelab.json"));
    QVERIFY(w);
    const Snapshot before = Snapshot::of(*w);
    auto answer = test::answerNextMessageBox(QStringLiteral("OK"));
    w->files()->useImage(file);
    QVERIFY(answer->answered);
    QCOMPARE(answer->title, QStringLiteral("Cannot use the image"));
    QCOMPARE(answer->text, message);
    QVERIFY(Snapshot::of(*w) == before);
}

void TestHostileGui::imageTooLargeToRead() {
    // 2000 x 2000 for the MNIST trunk's grayscale input: 4e6 * (4 + 4) = 32,000,000 bytes to
    // read, over a 16 MiB budget (the maps of the 28 x 28 input it is resized to are small).
    setMemoryBudgetSetting(16 << 20);
    auto w = test::openWindow(presetPath("mnist_trunk.stridelab.json"));
    QVERIFY(w);
    const Snapshot before = Snapshot::of(*w);
    auto answer = test::answerNextMessageBox(QStringLiteral("OK"));
    w->files()->useImage(dir_.filePath(QStringLiteral("white2000.png")));
    QVERIFY(answer->answered);
    QCOMPARE(answer->title, QStringLiteral("Cannot use the image"));
    QCOMPARE(answer->text,
             QStringLiteral("white2000.png is 2000 x 2000 pixels: reading it would take 30.5 MiB, "
                            "more than the memory budget of 16.0 MiB.\n\nResize it in an image "
                            "editor first, or raise the budget in Edit > Preferences."));
    QVERIFY(Snapshot::of(*w) == before);
}

void TestHostileGui::largeImageDownscaledWithConsent() {
    // A 1200 x 800 photo (15.36 MB to read, under 16 MiB) whose maps through a same-padded
    // 8-filter convolution are far over the budget.
    setMemoryBudgetSetting(16 << 20);
    auto w = test::openWindow(convPipeline());
    QVERIFY(w);
    const QString photo = dir_.filePath(QStringLiteral("photo.png"));
    const Shape full{3, 800, 1200};
    const std::int64_t budget = 16 << 20;
    const int threads = QThread::idealThreadCount();
    const std::int64_t needed =
        analyzePipeline(w->document()->pipeline(), full).memoryBytesFor(threads);
    QVERIFY(needed > budget);
    auto answer = test::answerNextMessageBox(QStringLiteral("Downscale"));
    w->files()->useImage(photo);
    QVERIFY(answer->answered);
    QCOMPARE(answer->title, QStringLiteral("Image too large"));
    const InputSpec& input = w->document()->pipeline().input;
    QCOMPARE(input.source, photo);
    QVERIFY(input.resize.has_value());
    const Shape chosen{3, input.resize->h, input.resize->w};
    QCOMPARE(answer->text,
             QStringLiteral("The feature maps of this 1200 x 800 image would need %1, more than "
                            "the memory budget of 16.0 MiB.\n\nDownscale it to %2 x %3 (the same "
                            "aspect ratio; its feature maps then need %4)?")
                 .arg(formatBytes(needed))
                 .arg(chosen.w)
                 .arg(chosen.h)
                 .arg(formatBytes(
                     analyzePipeline(w->document()->pipeline(), chosen).memoryBytesFor(threads))));
    // The largest such size: it fits, one pixel more on the long side does not; 3 : 2 kept.
    auto fits = [&](std::int64_t longSide) {
        const Pair s = scaledToLongSide(full, longSide);
        return analyzePipeline(w->document()->pipeline(), Shape{3, s.h, s.w})
                   .memoryBytesFor(threads) <= budget;
    };
    QVERIFY(fits(chosen.w));
    QVERIFY(!fits(chosen.w + 1));
    QCOMPARE(chosen.h, scaledToLongSide(full, chosen.w).h);
    // It computes, and the change is one undoable step.
    QSignalSpy failed(w->compute(), &ComputeController::failed);
    QVERIFY(test::settle(*w));
    QCOMPARE(failed.count(), 0);
    QVERIFY(w->compute()->input() != nullptr);
    QCOMPARE(w->compute()->input()->shape(), chosen);
    w->document()->undoStack()->undo();
    QCOMPARE(w->document()->pipeline().input.source, QStringLiteral("builtin:zone_plate"));
}

void TestHostileGui::largeImageDeclined() {
    setMemoryBudgetSetting(16 << 20);
    auto w = test::openWindow(convPipeline());
    QVERIFY(w);
    const Snapshot before = Snapshot::of(*w);
    auto answer = test::answerNextMessageBox(QStringLiteral("Cancel"));
    w->files()->useImage(dir_.filePath(QStringLiteral("photo.png")));
    QVERIFY(answer->answered);
    QCOMPARE(answer->title, QStringLiteral("Image too large"));
    QVERIFY(Snapshot::of(*w) == before);
}

void TestHostileGui::budgetIsAPreference() {
    auto w = test::openWindow(presetPath("encoder_decoder_416.stridelab.json"));
    QVERIFY(w);
    QAction* preferences =
        test::menuAction(*w, {QStringLiteral("&Edit"), QStringLiteral("Pre&ferences...")});
    QVERIFY(preferences != nullptr);
    QCOMPARE(preferences->shortcut(), QKeySequence(QKeySequence::Preferences));
    auto setBudget = [&](int mib) {
        bool seen = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<PreferencesDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog != nullptr);
            seen = true;
            QCOMPARE(dialog->memoryBudgetBox()->value(), 2048);  // 2 GiB unless changed
            dialog->memoryBudgetBox()->setValue(mib);
            dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        });
        preferences->trigger();
        return seen;
    };
    QSignalSpy failed(w->compute(), &ComputeController::failed);
    QVERIFY(setBudget(16));
    QCOMPARE(QSettings().value(QStringLiteral("compute/memoryBudgetMiB")).toInt(), 16);
    QCOMPARE(memoryBudgetSetting(), std::int64_t{16} << 20);
    QCOMPARE(w->compute()->memoryLimit(), std::int64_t{16} << 20);
    QTRY_COMPARE(failed.count(), 1);
    const std::int64_t needed = w->report().memoryBytesFor(QThread::idealThreadCount());
    QCOMPARE(failed.at(0).at(1).toString(),
             QStringLiteral("the feature maps need %1, more than the memory budget of 16.0 MiB: "
                            "use a smaller input, or raise the budget in Edit > Preferences")
                 .arg(formatBytes(needed)));
    // A fresh window starts with the stored budget.
    MainWindow again;
    QCOMPARE(again.compute()->memoryLimit(), std::int64_t{16} << 20);
}

void TestHostileGui::nonFiniteValuesDrawnAndCounted() {
    QTemporaryDir dir;
    const QString pipelinePath = dir.filePath(QStringLiteral("tensor.json"));
    {
        QFile f(pipelinePath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({ "format": "stridelab.pipeline", "version": 1, "input": { "shape": [1, 2, 4] },
                     "layers": [ { "type": "upsampling2d", "size": 2 } ] })");
    }
    auto w = test::openWindow(pipelinePath);
    QVERIFY(w);
    // (1, 2, 4) = {0, 1, NaN, 2 / inf, 3, -inf, NaN}.
    w->files()->useImage(hostileFile(QStringLiteral("nonfinite.npy")));
    QVERIFY(test::settle(*w));
    QVERIFY(w->compute()->input() != nullptr);
    auto* histogram = w->findChild<HistogramPlot*>();
    QVERIFY(histogram != nullptr);
    w->layerStack()->selectLayer(-1);
    QCOMPARE(histogram->countsText(),
             QStringLiteral("4 values \u00B7 2 NaN \u00B7 1 +inf \u00B7 1 \u2212inf"));
    const QImage input = w->mapView()->grab().toImage();
    QVERIFY(hasColor(input, kNanColor));
    QVERIFY(hasColor(input, kPositiveInfinityColor));
    QVERIFY(hasColor(input, kNegativeInfinityColor));
    w->layerStack()->selectLayer(0);
    QCOMPARE(histogram->countsText(),
             QStringLiteral("16 values \u00B7 8 NaN \u00B7 4 +inf \u00B7 4 \u2212inf"));
    const QImage upsampled = w->mapView()->grab().toImage();
    QVERIFY(hasColor(upsampled, kNanColor));
    QVERIFY(hasColor(upsampled, kPositiveInfinityColor));
    QVERIFY(hasColor(upsampled, kNegativeInfinityColor));
}

void TestHostileGui::weightsOfTheWrongShape() {
    // A valid file whose inline kernel is for 1 input channel, on an input of 2: it opens,
    // and the layer carries the error instead of a shape.
    auto w = test::openWindow(hostileFile(QStringLiteral("wrong_weights.json")));
    QVERIFY(w);
    const LayerReport& conv = w->report().layers.at(0);
    QVERIFY(!conv.shape.has_value());
    QCOMPARE(conv.error->message,
             QStringLiteral(
                 "weights.kernel has shape (1, 1, 2, 2), but 2 input channels need (1, 2, 2, 2)"));
}

QTEST_MAIN(TestHostileGui)
#include "tst_hostile_gui.moc"
