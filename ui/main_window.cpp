#include "main_window.h"

#include "io/image_input.h"
#include "pipeline/pipeline_reader.h"
#include "report/summary_format.h"

#include <QAction>
#include <QFileDialog>
#include <QFontDatabase>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QStatusBar>

namespace stridelab::ui {

QString defaultPresetPath() {
    return QStringLiteral(":/presets/encoder_decoder_416.stridelab.json");
}

MainWindow::MainWindow(const QString& pipelineFile, QWidget* parent) : QMainWindow(parent) {
    summary_ = new QPlainTextEdit(this);
    summary_->setReadOnly(true);
    summary_->setLineWrapMode(QPlainTextEdit::NoWrap);
    summary_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setCentralWidget(summary_);
    resize(1200, 720);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open pipeline..."), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open pipeline"), {}, tr("Pipelines (*.stridelab.json *.json)"));
        if (!path.isEmpty()) {
            openPipeline(path);
        }
    });
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    openPipeline(pipelineFile.isEmpty() ? defaultPresetPath() : pipelineFile);
}

void MainWindow::openPipeline(const QString& path) {
    // An image opens the built-in example with that image as its input.
    const bool isImage = !path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive);
    auto pipeline = loadPipeline(isImage ? defaultPresetPath() : path);
    if (pipeline && isImage) {
        InputSpec image = inputSpecForFile(path);
        adaptImageInput(image, pipeline->input);
        pipeline->input = image;
    }
    if (!pipeline) {
        summary_->setPlainText(pipeline.error().message);
        statusBar()->showMessage(tr("Could not open %1").arg(path));
        return;
    }
    Shape shape = pipeline->input.shape;
    if (pipeline->input.kind != InputKind::Shape) {
        auto input = loadInputTensor(pipeline->input, pipeline->baseDir);
        if (!input) {
            summary_->setPlainText(input.error().message);
            return;
        }
        shape = input->shape();
    }
    const PipelineReport report = analyzePipeline(*pipeline, shape);
    summary_->setPlainText(formatSummary(pipeline->name, report, SummaryFormat::Text));
    setWindowTitle(tr("StrideLab - %1").arg(pipeline->name));
    statusBar()->showMessage(report.ok()
                                 ? tr("%1 layers, feature maps %2")
                                       .arg(report.layers.size())
                                       .arg(formatBytes(report.memoryBytes))
                                 : tr("Invalid: %1").arg(report.firstBroken()->error->message));
}

}  // namespace stridelab::ui
