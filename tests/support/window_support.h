#pragma once

// Helpers for the GUI suites that drive the whole window.

#include "compute/compute_controller.h"
#include "files/file_controller.h"
#include "main_window.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTest>

#include <memory>

namespace stridelab::test {

constexpr int kComputeTimeoutMs = 30000;

// Settings of the suite's own, empty at the start, so that no run depends on another.
inline void useFreshSettings(const QString& suite) {
    QCoreApplication::setOrganizationName(QStringLiteral("StrideLabTests"));
    QCoreApplication::setApplicationName(suite);
    QSettings().clear();
}

// Waits until the newest request has finished (or failed).
[[nodiscard]] inline bool settle(ui::MainWindow& w) {
    return QTest::qWaitFor([&] { return !w.compute()->busy(); }, kComputeTimeoutMs);
}

// A shown window large enough for every panel, with `pipeline` open; nullptr when it does
// not open or compute.
[[nodiscard]] inline std::unique_ptr<ui::MainWindow> openWindow(const QString& pipeline) {
    auto w = std::make_unique<ui::MainWindow>();
    w->resize(1400, 1000);
    w->show();
    if (!w->files()->openPipeline(pipeline) || !settle(*w)) {
        return nullptr;
    }
    return w;
}

}  // namespace stridelab::test
