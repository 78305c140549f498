// Edit-to-repaint latency of the real window (issue 5, "the GUI path"): opens a pipeline (the
// program's default example unless one is given), then changes the first layer's stride
// through the Properties panel's spin box, back and forth, as a lecturer does; for each edit
// it measures the time until every map is repainted (the last paint event after the
// computation finished), and throughout, the longest stretch the GUI thread did not get back
// to its event loop (a 1 ms timer that fires late).
//
//     build/bench/tests/bench/stridelab_gui_latency [PIPELINE] [--edits N] [--why] [--drag N]
//
// --drag N then changes the value once a frame (16 ms) for N steps without waiting, as a
// slider dragged across values does, and reports how many computations finished (the others
// superseded), the time from the last step to every map repainted and the longest stall.
// --why lists the slowest event deliveries (receiver class, object name, event type) and
// the window thread's CPU time per edit by receiver and event type.
// Runs offscreen (QT_QPA_PLATFORM=offscreen unless set); prints medians and maxima in ms.

#include "compute/compute_controller.h"
#include "compute/openmp_wait_policy.h"
#include "files/file_controller.h"
#include "main_window.h"
#include "panels/layer_stack_panel.h"
#include "panels/parameter_editors.h"
#include "panels/properties_panel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QSettings>
#include <QSpinBox>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <vector>

using namespace stridelab::ui;

namespace {

// Remembers when the last paint event was delivered.
class PaintWatch : public QObject {
public:
    explicit PaintWatch(const QElapsedTimer& clock) : clock_(clock) {}
    qint64 lastPaintNs = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint) {
            lastPaintNs = clock_.nsecsElapsed();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer& clock_;
};

// Times every outermost event delivery, so a stall can be traced to the receiver and event
// type that caused it (printed with --why).
class TimedApplication : public QApplication {
public:
    using QApplication::QApplication;
    struct Slow {
        double ms = 0.0;
        QString what;
    };
    std::vector<Slow> slowest;  // the longest deliveries, longest first
    // The window thread's CPU time per receiver and event type: many short deliveries add up
    // to more than the longest one.
    struct Total {
        double cpuMs = 0.0;
        int count = 0;
    };
    QHash<QString, Total> totals;
    // Paint events by widget class, at any depth (a window's repaint paints its children
    // inside one outermost delivery).
    QHash<QString, Total> paints;
    bool recording = false;

    bool notify(QObject* receiver, QEvent* event) override {
        if (recording && depth_ > 0 && event->type() == QEvent::Paint &&
            QThread::currentThread() == thread()) {
            const QString paintedClass = QString::fromLatin1(receiver->metaObject()->className());
            const double cpuStart = threadCpuMs();
            const bool handled = QApplication::notify(receiver, event);
            Total& total = paints[paintedClass];
            total.cpuMs += threadCpuMs() - cpuStart;
            ++total.count;
            return handled;
        }
        if (!recording || depth_ > 0 || QThread::currentThread() != thread()) {
            return QApplication::notify(receiver, event);
        }
        // Named before delivery: a DeferredDelete event deletes its receiver.
        const QString receiverName =
            QStringLiteral("%1 \"%2\"%3")
                .arg(QString::fromLatin1(receiver->metaObject()->className()),
                     receiver->objectName(), ownerText(receiver));
        const int type = static_cast<int>(event->type());
        ++depth_;
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuMs();
        const bool handled = QApplication::notify(receiver, event);
        --depth_;
        record(static_cast<double>(timer.nsecsElapsed()) / 1e6, threadCpuMs() - cpuStart,
               receiverName, type, static_cast<double>(timer.msecsSinceReference()) / 1e3);
        return handled;
    }

    // Where one of Qt's own widgets sits (a scroll area's viewport): " in QScrollArea in
    // stridelab::ui::PropertiesPanel", up to the first of our classes or a named object.
    static QString ownerText(const QObject* receiver) {
        if (!receiver->objectName().startsWith(QLatin1String("qt_"))) {
            return {};
        }
        QString text;
        for (const QObject* o = receiver->parent(); o != nullptr; o = o->parent()) {
            const QString cls = QString::fromLatin1(o->metaObject()->className());
            text += QStringLiteral(" in %1").arg(cls);
            if (cls.startsWith(QLatin1String("stridelab::")) ||
                (!o->objectName().isEmpty() && !o->objectName().startsWith(QLatin1String("qt_")))) {
                if (!o->objectName().isEmpty()) {
                    text += QStringLiteral(" \"%1\"").arg(o->objectName());
                }
                break;
            }
        }
        return text;
    }

    // CPU time of the calling thread: on a busy machine the wall time of an event includes
    // the time the thread waited for a core; the CPU time is what the event itself cost.
    static double threadCpuMs() {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
    }

    // `startedS`: CLOCK_MONOTONIC seconds (QElapsedTimer's reference on Linux), to find the
    // delivery in `perf record -k CLOCK_MONOTONIC` samples.
    void record(double ms, double cpuMs, const QString& receiverName, int type, double startedS) {
        Total& total = totals[QStringLiteral("%1 event %2").arg(receiverName).arg(type)];
        total.cpuMs += cpuMs;
        ++total.count;
        constexpr std::size_t kKept = 8;
        if (slowest.size() == kKept && ms <= slowest.back().ms) {
            return;
        }
        const QString what = QStringLiteral("(%1 ms CPU) %2 event %3, from %4 s")
                                 .arg(cpuMs, 0, 'f', 1)
                                 .arg(receiverName)
                                 .arg(type)
                                 .arg(startedS, 0, 'f', 4);
        slowest.push_back({ms, what});
        std::sort(slowest.begin(), slowest.end(),
                  [](const Slow& a, const Slow& b) { return a.ms > b.ms; });
        slowest.resize(std::min(slowest.size(), kKept));
    }

private:
    int depth_ = 0;
};

double medianOf(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

// The eight largest CPU totals, per edit, with how often each happened.
void printLargest(const QHash<QString, TimedApplication::Total>& totals, int edits,
                  const char* what) {
    std::vector<std::pair<QString, TimedApplication::Total>> largest;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
        largest.emplace_back(it.key(), it.value());
    }
    std::sort(largest.begin(), largest.end(),
              [](const auto& a, const auto& b) { return a.second.cpuMs > b.second.cpuMs; });
    largest.resize(std::min<std::size_t>(largest.size(), 8));
    for (const auto& [name, total] : largest) {
        std::printf("  %7.2f ms  %5.1f %s  %s\n", total.cpuMs / edits,
                    static_cast<double>(total.count) / edits, what, qPrintable(name));
    }
}

}  // namespace

int main(int argc, char* argv[]) {
    preferSleepingOpenMpThreads(argv);  // as the program's window does
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    // The offscreen platform's notes (propagateSizeHints, XDG_RUNTIME_DIR) are not results.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& text) {
        if (type != QtDebugMsg && type != QtInfoMsg && type != QtWarningMsg) {
            std::fprintf(stderr, "%s\n", qPrintable(text));
        }
    });
    TimedApplication app(argc, argv);
    // The window as a first start shows it (docks, tabs), not as someone last left it.
    QCoreApplication::setOrganizationName(QStringLiteral("StrideLabBench"));
    QSettings().clear();
    QString pipeline = defaultPresetPath();
    int edits = 20;
    bool why = false;
    int dragSteps = 0;
    const QStringList args = QApplication::arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QStringLiteral("--edits") && i + 1 < args.size()) {
            edits = std::max(1, args[++i].toInt());
        } else if (args[i] == QStringLiteral("--why")) {
            why = true;
        } else if (args[i] == QStringLiteral("--drag") && i + 1 < args.size()) {
            dragSteps = std::max(1, args[++i].toInt());
        } else {
            pipeline = args[i];
        }
    }

    MainWindow window;
    window.resize(1366, 768);
    window.show();
    if (!window.files()->openPipeline(pipeline)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(pipeline));
        return 1;
    }
    // Waiting runs an event loop that sleeps between events, as the application's does:
    // processEvents() with a time limit drops WaitForMoreEvents and spins, and the spinning
    // window thread competed for the two cores with the computation and the background tasks
    // it was timing.
    auto runEventsFor = [](int milliseconds) {
        QEventLoop loop;
        QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
        loop.exec();
    };
    auto settle = [&] {
        while (window.compute()->busy()) {
            QEventLoop loop;
            const auto done = QObject::connect(window.compute(), &ComputeController::finished,
                                               &loop, &QEventLoop::quit);
            const auto failed = QObject::connect(window.compute(), &ComputeController::failed,
                                                 &loop, &QEventLoop::quit);
            QTimer::singleShot(50, &loop, &QEventLoop::quit);
            loop.exec();
            QObject::disconnect(done);
            QObject::disconnect(failed);
        }
    };
    settle();
    window.layerStack()->selectLayer(0);
    QApplication::processEvents();
    auto* strides = window.properties()->editor(QStringLiteral("strides"));
    QSpinBox* spin = strides ? strides->findChildren<QSpinBox*>().value(0) : nullptr;
    if (spin == nullptr) {
        std::fprintf(stderr, "the first layer of %s has no strides to change\n",
                     qPrintable(pipeline));
        return 1;
    }

    QElapsedTimer clock;
    clock.start();
    PaintWatch paints(clock);
    app.installEventFilter(&paints);
    qint64 lastTick = clock.nsecsElapsed();
    double longestStallMs = 0.0;
    int stallsOver16Ms = 0;
    QTimer ticker;
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        const double stallMs = static_cast<double>(now - lastTick) / 1e6 - 1.0;
        longestStallMs = std::max(longestStallMs, stallMs);
        stallsOver16Ms += stallMs > 16.0 ? 1 : 0;
        lastTick = now;
    });
    ticker.start();

    std::vector<double> latencies;
    std::vector<double> computed;
    std::vector<double> workerMs;  // the worker's own time from job to last map
    QObject::connect(window.compute(), &ComputeController::finished,
                     [&](int /*generation*/, double ms) { workerMs.push_back(ms); });
    // The worker's milliseconds per layer, for each of the two strides the edits alternate.
    std::map<std::pair<int, int>, std::vector<double>> layerMs;  // (stride, layer) -> ms
    int strideNow = 0;
    QObject::connect(window.compute(), &ComputeController::layerReady,
                     [&](int /*generation*/, int index, const SharedResult& /*result*/, double ms) {
                         layerMs[{strideNow, index}].push_back(ms);
                     });
    std::vector<double> editHandling;
    std::vector<double> editHandlingCpu;
    app.recording = true;
    for (int e = 0; e < edits; ++e) {
        const qint64 start = clock.nsecsElapsed();
        const double cpuStart = TimedApplication::threadCpuMs();
        strideNow = spin->value() == 1 ? 2 : 1;
        spin->setValue(strideNow);  // as a drag or an arrow key does
        editHandling.push_back(static_cast<double>(clock.nsecsElapsed() - start) / 1e6);
        editHandlingCpu.push_back(TimedApplication::threadCpuMs() - cpuStart);
        settle();
        // Let the repaints that the finished computation scheduled happen.
        const qint64 finished = clock.nsecsElapsed();
        computed.push_back(static_cast<double>(finished - start) / 1e6);
        runEventsFor(30);
        latencies.push_back(static_cast<double>(std::max(paints.lastPaintNs, finished) - start) /
                            1e6);
    }
    const double editsLongestStallMs = longestStallMs;
    const int editsStallsOver16Ms = stallsOver16Ms;

    // A drag: the value changes every frame (16 ms) without waiting for the computation, each
    // change superseding the computation under way, then the maps of the last value.
    int dragStarted = 0;
    int dragFinished = 0;
    double dragToRepaintMs = 0.0;
    if (dragSteps > 0) {
        app.recording = false;
        longestStallMs = 0.0;
        stallsOver16Ms = 0;
        const auto startedCount =
            QObject::connect(window.compute(), &ComputeController::started, [&] { ++dragStarted; });
        const auto finishedCount = QObject::connect(window.compute(), &ComputeController::finished,
                                                    [&] { ++dragFinished; });
        QEventLoop dragging;
        QTimer frame;
        frame.setInterval(16);
        int steps = 0;
        QObject::connect(&frame, &QTimer::timeout, [&] {
            strideNow = spin->value() == 1 ? 2 : 1;
            spin->setValue(strideNow);
            if (++steps == dragSteps) {
                frame.stop();
                dragging.quit();
            }
        });
        frame.start();
        dragging.exec();
        const qint64 lastStep = clock.nsecsElapsed();
        settle();
        const qint64 finished = clock.nsecsElapsed();
        runEventsFor(30);
        dragToRepaintMs =
            static_cast<double>(std::max(paints.lastPaintNs, finished) - lastStep) / 1e6;
        QObject::disconnect(startedCount);
        QObject::disconnect(finishedCount);
    }
    ticker.stop();
    std::printf("%s: %d edits of the first layer's stride\n", qPrintable(pipeline), edits);
    std::printf("edit to every map repainted: median %.1f ms, max %.1f ms\n", medianOf(latencies),
                *std::max_element(latencies.begin(), latencies.end()));
    std::printf("  of which until the computation had delivered every map: median %.1f ms\n",
                medianOf(computed));
    std::printf("  the computation itself (worker thread): median %.1f ms\n", medianOf(workerMs));
    std::printf("longest GUI-thread stall: %.1f ms (%d over 16 ms)\n", editsLongestStallMs,
                editsStallsOver16Ms);
    std::printf(
        "handling the edit itself (GUI thread): median %.1f ms, max %.1f ms; CPU median "
        "%.1f ms\n",
        medianOf(editHandling), *std::max_element(editHandling.begin(), editHandling.end()),
        medianOf(editHandlingCpu));
    if (dragSteps > 0) {
        std::printf(
            "drag of %d steps, one a frame (16 ms): %d computations started, %d finished (the "
            "rest superseded); last step to every map repainted %.1f ms; longest GUI-thread "
            "stall %.1f ms (%d over 16 ms)\n",
            dragSteps, dragStarted, dragFinished, dragToRepaintMs, longestStallMs, stallsOver16Ms);
    }
    if (why) {
        std::printf("slowest event deliveries:\n");
        for (const auto& slow : app.slowest) {
            std::printf("  %7.1f ms  %s\n", slow.ms, qPrintable(slow.what));
        }
        std::printf("window-thread CPU per edit by receiver and event (all %d edits):\n", edits);
        printLargest(app.totals, edits, "deliveries");
        std::printf("paint events per edit by widget class (CPU, nested ones counted twice):\n");
        printLargest(app.paints, edits, "paints");
        // Side by side with `stridelab bench` of the same pipeline and stride: what the
        // window's computation loses to sharing the cores.
        std::printf("worker per layer, median ms (stride 1 | stride 2 of the first layer):\n");
        for (int layer = 0;; ++layer) {
            const auto one = layerMs.find({1, layer});
            const auto two = layerMs.find({2, layer});
            if (one == layerMs.end() && two == layerMs.end()) {
                break;
            }
            auto text = [&](auto it) { return it == layerMs.end() ? 0.0 : medianOf(it->second); };
            std::printf("  %2d  %7.3f | %7.3f\n", layer + 1, text(one), text(two));
        }
    }
    return 0;
}
