// Nothing a user made is lost: unsaved work is autosaved to a recovery file (after edits and at
// intervals), removed on a clean save or exit, and offered back after a crash (Restore /
// Discard); every way of leaving the current pipeline asks about unsaved changes; no export
// or save replaces an existing file without asking.

#include "diagram/diagram_export_dialog.h"
#include "files/overwrite_prompt.h"
#include "files/recovery_store.h"
#include "io/image_input.h"
#include "panels/layer_stack_panel.h"
#include "pipeline/pipeline_reader.h"
#include "support/dialog_support.h"
#include "support/test_support.h"
#include "support/window_support.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace stridelab;
using namespace stridelab::ui;

namespace {

QString presetPath(const char* name) {
    return test::sourceDir() + QStringLiteral("/resources/presets/") + QLatin1String(name);
}

QByteArray contentOf(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QStringList layerNames(const Pipeline& p) {
    QStringList names;
    for (const PipelineLayer& l : p.layers) {
        names << l.name;
    }
    return names;
}

}  // namespace

class TestNothingLost : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void autosavedAfterAnEdit();
    void autosavedDuringLongEdits();
    void removedOnSaveAndOnUndoToSaved();
    void removedOnCleanExit();
    void restoredAfterACrash();
    void discardedAfterACrash();
    void aRunningSessionIsNoOrphan();
    void staleLocksAreSweptLiveOnesKept();
    void unreadableRecoveryFile();
    void leavingAsksAboutUnsavedChanges_data();
    void leavingAsksAboutUnsavedChanges();
    void quitAsks();
    void newPipelineAfterDiscard();
    void exportsAskBeforeReplacing_data();
    void exportsAskBeforeReplacing();
    void framesAskAndReplaceTheOldSet();
    void saveAsAsksForTheSuffixedName();
    void diagramAsksBeforeReplacing();
    void saveLeavesNoTemporaryFile();

private:
    // A copy of the MNIST trunk in its own folder, opened in a window.
    std::unique_ptr<MainWindow> openCopy();
    [[nodiscard]] QString recoveryDir() const { return dir_.filePath(QStringLiteral("recovery")); }

    QTemporaryDir dir_;
    QString copy_;
};

void TestNothingLost::initTestCase() {
    QVERIFY(dir_.isValid());
    qputenv("STRIDELAB_RECOVERY_DIR", recoveryDir().toUtf8());
    copy_ = dir_.filePath(QStringLiteral("mnist.stridelab.json"));
}

void TestNothingLost::init() {
    test::useFreshSettings(QStringLiteral("tst_nothing_lost"));
    QDir(recoveryDir()).removeRecursively();
    QFile::remove(copy_);
    QVERIFY(QFile::copy(presetPath("mnist_trunk.stridelab.json"), copy_));
}

void TestNothingLost::cleanup() {
    QDir(recoveryDir()).removeRecursively();
}

std::unique_ptr<MainWindow> TestNothingLost::openCopy() {
    auto w = test::openWindow(copy_);
    if (w) {
        w->recovery()->setDelays(0, 60 * 60 * 1000);  // write at once after an edit
    }
    return w;
}

void TestNothingLost::autosavedAfterAnEdit() {
    auto w = openCopy();
    QVERIFY(w);
    RecoveryStore* store = w->recovery();
    QCOMPARE(store->directory(), recoveryDir());
    QVERIFY(!QFile::exists(store->filePath()));  // nothing unsaved yet
    QSignalSpy written(store, &RecoveryStore::written);
    const int layers = static_cast<int>(w->document()->pipeline().layers.size());
    w->document()->removeLayer(0);
    QTRY_VERIFY(written.count() >= 1);
    QVERIFY(QFile::exists(store->filePath()));
    auto recovered = RecoveryStore::read(store->filePath());
    QVERIFY(recovered.ok());
    QCOMPARE(recovered->originalFile, copy_);
    QCOMPARE(static_cast<int>(recovered->pipeline.layers.size()), layers - 1);
    QCOMPARE(layerNames(recovered->pipeline), layerNames(w->document()->pipeline()));
    // The image reference comes back resolved to the same file.
    QCOMPARE(recovered->pipeline.input.source, w->document()->pipeline().input.source);
    QVERIFY(recovered->saved.isValid());
}

void TestNothingLost::autosavedDuringLongEdits() {
    // Edits that never pause long enough for the debounce still get written at intervals.
    auto w = openCopy();
    QVERIFY(w);
    w->recovery()->setDelays(60 * 60 * 1000, 20);
    QSignalSpy written(w->recovery(), &RecoveryStore::written);
    w->document()->removeLayer(0);
    QTRY_VERIFY(written.count() >= 1);
    QVERIFY(QFile::exists(w->recovery()->filePath()));
}

void TestNothingLost::removedOnSaveAndOnUndoToSaved() {
    auto w = openCopy();
    QVERIFY(w);
    const QString file = w->recovery()->filePath();
    QSignalSpy written(w->recovery(), &RecoveryStore::written);
    w->document()->removeLayer(0);
    QTRY_VERIFY(QFile::exists(file));
    QVERIFY(w->files()->save());
    QVERIFY(!QFile::exists(file));
    w->document()->removeLayer(0);
    QTRY_VERIFY(QFile::exists(file));
    w->document()->undoStack()->undo();  // back to what is on disk
    QVERIFY(!w->document()->isModified());
    QVERIFY(!QFile::exists(file));
}

void TestNothingLost::removedOnCleanExit() {
    auto w = openCopy();
    QVERIFY(w);
    const QString file = w->recovery()->filePath();
    w->document()->removeLayer(0);
    QTRY_VERIFY(QFile::exists(file));
    auto answer = test::answerNextMessageBox(QStringLiteral("Discard"));
    QVERIFY(w->close());
    QVERIFY(answer->answered);
    w.reset();
    QVERIFY(!QFile::exists(file));
    QVERIFY(QDir(recoveryDir()).entryList(QDir::Files).isEmpty());  // the lock file too
}

void TestNothingLost::restoredAfterACrash() {
    QString orphan =
        QDir(recoveryDir()).filePath(QStringLiteral("session-crashed.stridelab-recovery.json"));
    QStringList editedNames;
    {
        auto w = openCopy();
        QVERIFY(w);
        w->document()->removeLayer(0);
        w->document()->removeLayer(0);
        w->recovery()->writeNow();
        editedNames = layerNames(w->document()->pipeline());
        // A crash leaves the file and no living lock: the same as a copy without a lock.
        QVERIFY(QFile::copy(w->recovery()->filePath(), orphan));
    }
    const QJsonObject saved = QJsonDocument::fromJson(contentOf(orphan)).object();
    const QDateTime when =
        QDateTime::fromString(saved.value(QStringLiteral("saved")).toString(), Qt::ISODateWithMs);

    MainWindow w;  // the default pipeline, as at start
    auto answer = test::answerNextMessageBox(QStringLiteral("Restore"));
    QVERIFY(w.recovery()->offerRestore(&w));
    QVERIFY(answer->answered);
    QCOMPARE(answer->title, QStringLiteral("Restore unsaved work?"));
    QCOMPARE(answer->buttons, (QStringList{QStringLiteral("Restore"), QStringLiteral("Discard")}));
    QCOMPARE(answer->text,
             QStringLiteral(
                 "StrideLab did not close normally last time. The pipeline \"MNIST "
                 "convnet trunk (Keras tutorial)\" had unsaved changes, kept at %1.\n\nRestore "
                 "them?")
                 .arg(QLocale().toString(when.toLocalTime(), QLocale::ShortFormat)));
    QCOMPARE(layerNames(w.document()->pipeline()), editedNames);
    QCOMPARE(w.document()->filePath(), copy_);
    QVERIFY(w.document()->isModified());  // still to be saved
    QVERIFY(!QFile::exists(orphan));
    // One undo step on top of the file as it is on disk.
    w.document()->undoStack()->undo();
    QCOMPARE(layerNames(w.document()->pipeline()), layerNames(*loadPipeline(copy_)));
    QVERIFY(!w.document()->isModified());
    QVERIFY(!w.recovery()->offerRestore(&w));  // offered once
}

void TestNothingLost::discardedAfterACrash() {
    QVERIFY(QDir().mkpath(recoveryDir()));
    const QString orphan =
        QDir(recoveryDir()).filePath(QStringLiteral("session-old.stridelab-recovery.json"));
    {
        auto w = openCopy();
        QVERIFY(w);
        w->document()->removeLayer(0);
        w->recovery()->writeNow();
        QVERIFY(QFile::copy(w->recovery()->filePath(), orphan));
    }
    MainWindow w;
    const QStringList before = layerNames(w.document()->pipeline());
    auto answer = test::answerNextMessageBox(QStringLiteral("Discard"));
    QVERIFY(!w.recovery()->offerRestore(&w));
    QVERIFY(answer->answered);
    QCOMPARE(layerNames(w.document()->pipeline()), before);
    QVERIFY(!w.document()->isModified());
    QVERIFY(!QFile::exists(orphan));
}

void TestNothingLost::aRunningSessionIsNoOrphan() {
    // Two windows at once: the second does not offer the first one's unsaved work.
    auto first = openCopy();
    QVERIFY(first);
    first->document()->removeLayer(0);
    first->recovery()->writeNow();
    QVERIFY(QFile::exists(first->recovery()->filePath()));
    MainWindow second;
    QVERIFY(second.recovery()->orphans().isEmpty());
    QVERIFY(!second.recovery()->offerRestore(&second));
    QVERIFY(QFile::exists(first->recovery()->filePath()));
}

void TestNothingLost::staleLocksAreSweptLiveOnesKept() {
    // A session killed with nothing unsaved leaves only its lock; a running one holds its own.
    QVERIFY(QDir().mkpath(recoveryDir()));
    const QString stale = QDir(recoveryDir()).filePath(QStringLiteral("session-1-dead.lock"));
    // QLockFile's format: pid, application name, host name; no process has pid 0x7ffffffe.
    QVERIFY(writeFile(stale, QByteArray::number(0x7ffffffe) + "\nstridelab\n" +
                                 QSysInfo::machineHostName().toUtf8() + "\n"));
    auto first = openCopy();
    QVERIFY(first);
    MainWindow second;
    QVERIFY(!QFile::exists(stale));
    const QStringList locks =
        QDir(recoveryDir()).entryList({QStringLiteral("session-*.lock")}, QDir::Files);
    QCOMPARE(locks.size(), 2);  // the two windows' own
}

void TestNothingLost::unreadableRecoveryFile() {
    QVERIFY(QDir().mkpath(recoveryDir()));
    const QString orphan =
        QDir(recoveryDir()).filePath(QStringLiteral("session-bad.stridelab-recovery.json"));
    QVERIFY(writeFile(orphan, "{ half a file"));
    MainWindow w;
    auto answer = test::answerNextMessageBox(QStringLiteral("OK"));
    QVERIFY(!w.recovery()->offerRestore(&w));
    QVERIFY(answer->answered);
    QCOMPARE(answer->text,
             QStringLiteral("StrideLab did not close normally last time, and its recovery file "
                            "cannot be read:\n%1: not a StrideLab recovery file")
                 .arg(orphan));
    // Kept for a rescue by hand, and not offered again.
    QVERIFY(!QFile::exists(orphan));
    QVERIFY(QFile::exists(orphan + QStringLiteral(".unreadable")));
    QVERIFY(w.recovery()->orphans().isEmpty());
}

void TestNothingLost::leavingAsksAboutUnsavedChanges_data() {
    QTest::addColumn<QStringList>("menuPath");  // empty: openPath (Recent files, drag and drop)
    QTest::addRow("File > New") << QStringList{QStringLiteral("&File"),
                                               QStringLiteral("&New Pipeline")};
    QTest::addRow("File > Open") << QStringList{QStringLiteral("&File"),
                                                QStringLiteral("&Open Pipeline...")};
    QTest::addRow("a preset") << QStringList{QStringLiteral("&File"), QStringLiteral("&Presets"),
                                             QStringLiteral("Encoder-decoder 416 -> 13 -> 416")};
    QTest::addRow("a demo") << QStringList{
        QStringLiteral("&File"), QStringLiteral("&Presets"),
        QStringLiteral("Down then up: halve with a 2x2 average, double "
                       "again; compare with the input (Compare panel), "
                       "pin, switch the interpolation, compare again")};
    QTest::addRow("recent file or a dropped file") << QStringList{};
}

void TestNothingLost::leavingAsksAboutUnsavedChanges() {
    QFETCH(QStringList, menuPath);
    auto w = openCopy();
    QVERIFY(w);
    w->document()->removeLayer(0);
    const QStringList edited = layerNames(w->document()->pipeline());
    auto answer = test::answerNextMessageBox(QStringLiteral("Cancel"));
    if (menuPath.isEmpty()) {
        QVERIFY(!w->files()->openPath(presetPath("conv_transpose_same.stridelab.json")));
    } else {
        QAction* action = test::menuAction(*w, menuPath);
        QVERIFY2(action != nullptr, qPrintable(menuPath.join(QStringLiteral(" > "))));
        action->trigger();
    }
    QVERIFY(answer->answered);
    QCOMPARE(answer->title, QStringLiteral("Unsaved changes"));
    QCOMPARE(answer->text,
             QStringLiteral("Save the changes to \"MNIST convnet trunk (Keras tutorial)\"?"));
    QCOMPARE(layerNames(w->document()->pipeline()), edited);
    QVERIFY(w->document()->isModified());
    QCOMPARE(w->document()->filePath(), copy_);
}

void TestNothingLost::quitAsks() {
    auto w = openCopy();
    QVERIFY(w);
    w->document()->removeLayer(0);
    auto answer = test::answerNextMessageBox(QStringLiteral("Cancel"));
    QAction* quit = test::menuAction(*w, {QStringLiteral("&File"), QStringLiteral("&Quit")});
    QVERIFY(quit != nullptr);
    quit->trigger();
    QVERIFY(answer->answered);
    QVERIFY(w->isVisible());
    QVERIFY(w->document()->isModified());
    QTRY_VERIFY(QFile::exists(w->recovery()->filePath()));  // the work is still kept
}

void TestNothingLost::newPipelineAfterDiscard() {
    auto w = openCopy();
    QVERIFY(w);
    w->document()->removeLayer(0);
    const InputSpec input = w->document()->pipeline().input;
    auto answer = test::answerNextMessageBox(QStringLiteral("Discard"));
    QVERIFY(w->files()->newPipeline());
    QVERIFY(answer->answered);
    QVERIFY(w->document()->pipeline().layers.empty());
    QCOMPARE(w->document()->pipeline().name, QStringLiteral("untitled"));
    QCOMPARE(w->document()->pipeline().input.source, input.source);
    QVERIFY(w->document()->filePath().isEmpty());
    QVERIFY(!w->document()->isModified());
}

void TestNothingLost::exportsAskBeforeReplacing_data() {
    QTest::addColumn<QString>("name");
    QTest::addRow("table") << QStringLiteral("table.md");
    QTest::addRow("PyTorch code") << QStringLiteral("model.py");
    QTest::addRow("step-through GIF") << QStringLiteral("steps.gif");
}

void TestNothingLost::exportsAskBeforeReplacing() {
    QFETCH(QString, name);
    auto w = openCopy();
    QVERIFY(w);
    w->layerStack()->selectLayer(0);
    const QString path = dir_.filePath(name);
    QVERIFY(writeFile(path, "precious"));
    auto exportTo = [&] {
        if (name.endsWith(QStringLiteral(".md"))) {
            return w->files()->exportTable(path);
        }
        if (name.endsWith(QStringLiteral(".py"))) {
            return w->files()->exportCode(path, true);
        }
        return w->files()->exportSteps(path);
    };
    auto answer = test::answerNextMessageBox(QStringLiteral("Cancel"));
    QVERIFY(!exportTo());
    QVERIFY(answer->answered);
    QCOMPARE(answer->title, QStringLiteral("Replace the existing file?"));
    QCOMPARE(answer->text, QStringLiteral("%1 already exists in %2.\n\nReplace it?")
                               .arg(name, QDir::toNativeSeparators(dir_.path())));
    QCOMPARE(contentOf(path), QByteArray("precious"));
    answer = test::answerNextMessageBox(QStringLiteral("Replace"));
    QVERIFY(exportTo());
    QVERIFY(answer->answered);
    QVERIFY(contentOf(path) != QByteArray("precious"));
    QFile::remove(path);
}

void TestNothingLost::framesAskAndReplaceTheOldSet() {
    auto w = openCopy();
    QVERIFY(w);
    w->layerStack()->selectLayer(0);
    const QString frames = dir_.filePath(QStringLiteral("frames"));
    QVERIFY(QDir().mkpath(frames));
    QVERIFY(writeFile(frames + QStringLiteral("/frame_000.png"), "old"));
    QVERIFY(writeFile(frames + QStringLiteral("/frame_999.png"), "old"));  // a longer, older set
    QVERIFY(writeFile(frames + QStringLiteral("/notes.txt"), "mine"));
    auto answer = test::answerNextMessageBox(QStringLiteral("Cancel"));
    QVERIFY(!w->files()->exportSteps(frames));
    QCOMPARE(answer->text, QStringLiteral("%1 already holds files named like frame_*.png "
                                          "(frame_000.png and 1 more).\n\nReplace them?")
                               .arg(QDir::toNativeSeparators(frames)));
    QCOMPARE(contentOf(frames + QStringLiteral("/frame_000.png")), QByteArray("old"));
    answer = test::answerNextMessageBox(QStringLiteral("Replace"));
    QVERIFY(w->files()->exportSteps(frames));
    QVERIFY(answer->answered);
    QVERIFY(!QImage(frames + QStringLiteral("/frame_000.png")).isNull());
    QVERIFY(!QFile::exists(frames + QStringLiteral("/frame_999.png")));
    QCOMPARE(contentOf(frames + QStringLiteral("/notes.txt")), QByteArray("mine"));
}

void TestNothingLost::saveAsAsksForTheSuffixedName() {
    // "lesson" becomes lesson.stridelab.json after the file dialog: that name is asked about.
    auto w = openCopy();
    QVERIFY(w);
    const QString taken = dir_.filePath(QStringLiteral("lesson.stridelab.json"));
    QVERIFY(writeFile(taken, "a lecturer's other pipeline"));
    auto answer = test::answerNextMessageBox(QStringLiteral("Cancel"));
    QVERIFY(!w->files()->saveTo(dir_.filePath(QStringLiteral("lesson"))));
    QVERIFY(answer->answered);
    QCOMPARE(answer->text,
             QStringLiteral("lesson.stridelab.json already exists in %1.\n\nReplace it?")
                 .arg(QDir::toNativeSeparators(dir_.path())));
    QCOMPARE(contentOf(taken), QByteArray("a lecturer's other pipeline"));
    QCOMPARE(w->document()->filePath(), copy_);
    answer = test::answerNextMessageBox(QStringLiteral("Replace"));
    QVERIFY(w->files()->saveTo(dir_.filePath(QStringLiteral("lesson"))));
    QVERIFY(loadPipeline(taken).ok());
    QCOMPARE(w->document()->filePath(), taken);
    QFile::remove(taken);
}

void TestNothingLost::diagramAsksBeforeReplacing() {
    auto w = openCopy();
    QVERIFY(w);
    const QString path = dir_.filePath(QStringLiteral("figure.svg"));
    QVERIFY(writeFile(path, "precious"));
    QAction* action = test::menuAction(
        *w, {QStringLiteral("&File"), QStringLiteral("&Export"), QStringLiteral("&Diagram...")});
    QVERIFY(action != nullptr);
    std::shared_ptr<test::BoxAnswer> first;
    std::shared_ptr<test::BoxAnswer> second;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<DiagramExportDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog != nullptr);
        dialog->setPath(path);
        first = test::answerNextMessageBox(QStringLiteral("Cancel"));
        dialog->accept();  // asks, is told no: stays open
        QVERIFY(dialog->isVisible());
        second = test::answerNextMessageBox(QStringLiteral("Replace"));
        dialog->accept();
    });
    action->trigger();
    QVERIFY(first && first->answered);
    QCOMPARE(first->title, QStringLiteral("Replace the existing file?"));
    QVERIFY(second && second->answered);
    QVERIFY(contentOf(path).startsWith("<?xml"));
}

void TestNothingLost::saveLeavesNoTemporaryFile() {
    auto w = openCopy();
    QVERIFY(w);
    w->document()->removeLayer(0);
    QVERIFY(w->files()->save());
    const QStringList files = QDir(dir_.path()).entryList({QStringLiteral("mnist*")}, QDir::Files);
    QCOMPARE(files, QStringList{QStringLiteral("mnist.stridelab.json")});
    auto saved = loadPipeline(copy_);
    QVERIFY(saved.ok());
    QCOMPARE(layerNames(*saved), layerNames(w->document()->pipeline()));
}

QTEST_MAIN(TestNothingLost)
#include "tst_nothing_lost.moc"
