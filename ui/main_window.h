#pragma once

#include <QMainWindow>

class QPlainTextEdit;

namespace stridelab::ui {

// The first window: a pipeline (a file or the built-in example) and its summary table. The
// full editor arrives with the GUI issue.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const QString& pipelineFile, QWidget* parent = nullptr);

    void openPipeline(const QString& path);

private:
    QPlainTextEdit* summary_ = nullptr;
};

// The pipeline shown when the program starts without a file.
[[nodiscard]] QString defaultPresetPath();

}  // namespace stridelab::ui
