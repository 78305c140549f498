#include "files/file_controller.h"

#include "files/input_admission.h"
#include "files/overwrite_prompt.h"
#include "i18n/language.h"
#include "io/atomic_file.h"
#include "io/builtin_images.h"
#include "io/image_input.h"
#include "pipeline/pipeline_reader.h"
#include "preferences/preferences_dialog.h"
#include "report/code_export.h"
#include "report/summary_format.h"
#include "teaching/step_export.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QUuid>

namespace stridelab::ui {

namespace {

constexpr int kRecentCount = 10;
const char* const kRecentKey = "files/recent";

QString imageFilter() {
    QStringList patterns;
    for (const QByteArray& format : QImageReader::supportedImageFormats()) {
        patterns << QStringLiteral("*.") + QString::fromLatin1(format);
    }
    return FileController::tr("Images (%1);;NumPy tensors (*.npy)")
        .arg(patterns.join(QLatin1Char(' ')));
}

// The name a pipeline file gives itself, for menus.
QString pipelineTitle(const QString& path) {
    auto p = loadPipeline(path);
    return p ? p->name : QFileInfo(path).completeBaseName();
}

// The file format has no switch: say that switched-off layers were saved switched on.
QString switchedOffNote(const Pipeline& pipeline) {
    const auto off = std::count_if(pipeline.layers.begin(), pipeline.layers.end(),
                                   [](const PipelineLayer& l) { return !l.enabled; });
    if (off == 0) {
        return {};
    }
    return off == 1
               ? FileController::tr(
                     " (1 switched-off layer saved switched on: the file format has no switch)")
               : FileController::tr(
                     " (%1 switched-off layers saved switched on: the file "
                     "format has no switch)")
                     .arg(off);
}

}  // namespace

FileController::FileController(PipelineDocument* document, QWidget* window)
    : QObject(window), document_(document), window_(window) {}

QStringList FileController::presetPaths() {
    QStringList paths;
    for (const QString& f : QDir(QStringLiteral(":/presets"))
                                .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        paths << QStringLiteral(":/presets/") + f;
    }
    return paths;
}

QStringList FileController::demoPaths() {
    QStringList paths;
    for (const QString& f : QDir(QStringLiteral(":/presets/demos"))
                                .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        paths << QStringLiteral(":/presets/demos/") + f;
    }
    return paths;
}

void FileController::populateFileMenu(QMenu* menu) {
    using i18n::retranslate;
    QAction* newPipeline =
        menu->addAction(QString(), QKeySequence::New, this, &FileController::newPipeline);
    retranslate(newPipeline, [a = newPipeline] {
        a->setText(tr("&New Pipeline"));
        a->setToolTip(tr("An empty pipeline on the current input"));
    });
    QAction* open = menu->addAction(QString(), QKeySequence::Open, this, [this] {
        if (!maybeSave()) {
            return;
        }
        const QString path = QFileDialog::getOpenFileName(
            window_, tr("Open pipeline"), {}, tr("StrideLab pipelines (*.stridelab.json *.json)"));
        if (!path.isEmpty()) {
            openPipeline(path);
        }
    });
    retranslate(open, &QAction::setText, [] { return tr("&Open Pipeline..."); });
    QAction* openImage =
        menu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this, [this] {
            const QString path =
                QFileDialog::getOpenFileName(window_, tr("Open image"), {}, imageFilter());
            if (!path.isEmpty()) {
                useImage(path);
            }
        });
    retranslate(openImage, &QAction::setText, [] { return tr("Open &Image..."); });
    QMenu* builtins = menu->addMenu(QString());
    retranslate(builtins, &QMenu::setTitle, [] { return tr("&Built-in Images"); });
    for (const BuiltinImage& image : builtinImages()) {
        QAction* a = builtins->addAction(image.name, this, [this, name = image.name] {
            useImage(QStringLiteral("builtin:") + name);
        });
        retranslate(a, [a, description = image.description.toUtf8()] {
            const QString text = QCoreApplication::translate("BuiltinImage", description.data());
            a->setToolTip(text);
            a->setStatusTip(text);
        });
    }
    QMenu* presets = menu->addMenu(QString());
    retranslate(presets, &QMenu::setTitle, [] { return tr("&Presets"); });
    for (const QString& path : presetPaths()) {
        presets->addAction(pipelineTitle(path), this, [this, path] {
            if (maybeSave()) {
                openPipeline(path);
            }
        });
    }
    const QStringList demos = demoPaths();
    if (!demos.isEmpty()) {
        QAction* section = presets->addSection(QString());
        retranslate(section, &QAction::setText, [] { return tr("Teaching demos"); });
        for (const QString& path : demos) {
            presets->addAction(pipelineTitle(path), this, [this, path] {
                if (maybeSave()) {
                    openPipeline(path);
                }
            });
        }
    }
    recentMenu_ = menu->addMenu(QString());
    retranslate(recentMenu_, &QMenu::setTitle, [] { return tr("Open &Recent"); });
    rebuildRecentMenu();
    menu->addSeparator();
    QAction* save = menu->addAction(QString(), QKeySequence::Save, this, &FileController::save);
    retranslate(save, &QAction::setText, [] { return tr("&Save"); });
    QAction* saveAs =
        menu->addAction(QString(), QKeySequence::SaveAs, this, &FileController::saveAs);
    retranslate(saveAs, &QAction::setText, [] { return tr("Save &As..."); });
    QMenu* exports = menu->addMenu(QString());
    retranslate(exports, &QMenu::setTitle, [] { return tr("&Export"); });
    QAction* table = exports->addAction(QString(), this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(window_, tr("Export the summary table"), {},
                                         tr("Markdown (*.md);;CSV (*.csv);;LaTeX (*.tex)"), nullptr,
                                         QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty()) {
            exportTable(path);
        }
    });
    retranslate(table, &QAction::setText, [] { return tr("Summary &Table..."); });
    for (const bool pytorch : {true, false}) {
        QAction* code = exports->addAction(QString(), this, [this, pytorch] {
            const QString path =
                QFileDialog::getSaveFileName(window_, tr("Export code"), {}, tr("Python (*.py)"),
                                             nullptr, QFileDialog::DontConfirmOverwrite);
            if (!path.isEmpty()) {
                exportCode(path, pytorch);
            }
        });
        retranslate(code, &QAction::setText,
                    [pytorch] { return pytorch ? tr("&PyTorch Code...") : tr("&Keras Code..."); });
    }
    QAction* diagram = exports->addAction(QString(), this, &FileController::diagramRequested);
    retranslate(diagram, &QAction::setText, [] { return tr("&Diagram..."); });
    exports->addSeparator();
    QAction* gif = exports->addAction(QString(), this, [this] {
        QString path = QFileDialog::getSaveFileName(
            window_, tr("Export the step-through of the selected layer"), {}, tr("GIF (*.gif)"),
            nullptr, QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty()) {
            exportSteps(isGifPath(path) ? path : path + QStringLiteral(".gif"));
        }
    });
    retranslate(gif, &QAction::setText, [] { return tr("Step-through as &GIF..."); });
    QAction* frames = exports->addAction(QString(), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(
            window_, tr("Folder for the step-through frames (frame_000.png, ...)"));
        if (!dir.isEmpty()) {
            exportSteps(dir);
        }
    });
    retranslate(frames, &QAction::setText, [] { return tr("Step-through as PNG &Frames..."); });
}

bool FileController::openPath(const QString& path) {
    if (path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)) {
        return maybeSave() && openPipeline(path);
    }
    useImage(path);
    return true;
}

bool FileController::openPipeline(const QString& path) {
    auto pipeline = loadPipeline(path);
    if (!pipeline) {
        QMessageBox::warning(window_, tr("Cannot open the pipeline"), pipeline.error().message);
        emit message(pipeline.error().message);
        return false;
    }
    // Built-in presets are templates: saving one asks for a file name.
    const bool builtin = path.startsWith(QLatin1Char(':'));
    document_->reset(std::move(pipeline).value(), builtin ? QString() : path);
    if (!builtin) {
        addRecent(path);
    }
    // A file's input too large for the memory budget is offered downscaled, as an undoable
    // edit; declined, the window shows why it computes nothing. (The built-in presets are
    // known, and not worth a question at start-up: over a small budget they just say so.)
    if (!builtin) {
        const Pipeline& opened = document_->pipeline();
        auto admitted =
            InputAdmission::admit(window_, opened, opened.input, opened.baseDir,
                                  memoryBudgetSetting(), InputAdmission::Check::BudgetOnly);
        if (admitted && admitted->resize != opened.input.resize) {
            document_->setInput(*admitted, opened.baseDir);
        }
    }
    emit message(tr("Opened %1").arg(document_->pipeline().name));
    return true;
}

bool FileController::newPipeline() {
    if (!maybeSave()) {
        return false;
    }
    Pipeline empty;
    empty.name = tr("untitled");
    empty.input = document_->pipeline().input;
    empty.baseDir = document_->pipeline().baseDir;
    document_->reset(std::move(empty), QString());
    emit message(tr("New pipeline on the current input"));
    return true;
}

void FileController::useImage(const QString& pathOrBuiltin) {
    InputSpec spec = inputSpecForFile(pathOrBuiltin);
    if (spec.kind == InputKind::Image) {
        adaptImageInput(spec, document_->pipeline().input);
    }
    // Unreadable, or too large for the memory budget (and not downscaled): nothing changes.
    auto admitted = InputAdmission::admit(window_, document_->pipeline(), spec, QDir::current(),
                                          memoryBudgetSetting());
    if (!admitted) {
        emit message(admitted.error().message);
        return;
    }
    spec = std::move(admitted).value();
    document_->setInput(spec, QDir::current());
    if (!isBuiltinImageSource(pathOrBuiltin)) {
        addRecent(spec.source);
    }
    emit message(tr("Input: %1").arg(pathOrBuiltin));
}

bool FileController::pasteImage() {
    const QImage image = QApplication::clipboard()->image();
    if (image.isNull()) {
        emit message(tr("The clipboard holds no image"));
        return false;
    }
    QDir cache(QStandardPaths::writableLocation(QStandardPaths::CacheLocation));
    cache.mkpath(QStringLiteral("pasted"));
    const QString path = cache.filePath(
        QStringLiteral("pasted/%1.png").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG") || !writeFileAtomically(path, png)) {
        emit message(tr("Cannot store the pasted image in %1").arg(path));
        return false;
    }
    useImage(path);
    return true;
}

bool FileController::save() {
    if (document_->filePath().isEmpty()) {
        return saveAs();
    }
    if (auto s = document_->saveAs(document_->filePath()); !s) {
        QMessageBox::warning(window_, tr("Cannot save"), s.error().message);
        return false;
    }
    emit message(tr("Saved %1").arg(document_->filePath()) +
                 switchedOffNote(document_->pipeline()));
    return true;
}

bool FileController::saveAs() {
    const QString path = QFileDialog::getSaveFileName(
        window_, tr("Save pipeline"), document_->filePath(),
        tr("StrideLab pipelines (*.stridelab.json)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty()) {
        return false;
    }
    return saveTo(path);
}

bool FileController::saveTo(QString path) {
    // The suffix comes after the dialog, which could not ask about the name it did not see.
    if (!path.endsWith(QStringLiteral(".json"))) {
        path += QStringLiteral(".stridelab.json");
    }
    if (!confirmOverwrite(window_, path)) {
        return false;
    }
    if (auto s = document_->saveAs(path); !s) {
        QMessageBox::warning(window_, tr("Cannot save"), s.error().message);
        return false;
    }
    addRecent(path);
    emit message(tr("Saved %1").arg(path) + switchedOffNote(document_->pipeline()));
    return true;
}

bool FileController::maybeSave() {
    if (!document_->isModified()) {
        return true;
    }
    const auto answer =
        QMessageBox::question(window_, tr("Unsaved changes"),
                              tr("Save the changes to \"%1\"?").arg(document_->pipeline().name),
                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save) {
        return save();
    }
    return answer == QMessageBox::Discard;
}

namespace {

// The current pipeline's analysis for an export, or the reason there is none.
Result<PipelineReport> analysisFor(const Pipeline& pipeline) {
    auto shape = inputShape(pipeline.input, pipeline.baseDir);
    if (!shape) {
        return shape.error();
    }
    return analyzePipeline(enabledLayers(pipeline).pipeline, *shape);
}

}  // namespace

bool FileController::exportTable(const QString& path) {
    if (!confirmOverwrite(window_, path)) {
        return false;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    const SummaryFormat format = suffix == QStringLiteral("csv")   ? SummaryFormat::Csv
                                 : suffix == QStringLiteral("tex") ? SummaryFormat::Latex
                                                                   : SummaryFormat::Markdown;
    auto report = analysisFor(document_->pipeline());
    Status written =
        report ? writeFileAtomically(
                     path, formatSummary(document_->pipeline().name, *report, format).toUtf8())
               : Status(report.error());
    if (!written) {
        QMessageBox::warning(window_, tr("Cannot export"), written.error().message);
        return false;
    }
    emit message(tr("Exported %1").arg(path));
    return true;
}

bool FileController::exportCode(const QString& path, bool pytorch) {
    if (!confirmOverwrite(window_, path)) {
        return false;
    }
    const Pipeline on = enabledLayers(document_->pipeline()).pipeline;
    auto report = analysisFor(document_->pipeline());
    auto code =
        report ? stridelab::exportCode(on, *report, pytorch ? Framework::PyTorch : Framework::Keras)
               : Result<QString>(report.error());
    Status written = code ? writeFileAtomically(path, code->toUtf8()) : Status(code.error());
    if (!written) {
        QMessageBox::warning(window_, tr("Cannot export"), written.error().message);
        return false;
    }
    emit message(tr("Exported %1").arg(path));
    return true;
}

bool FileController::exportSteps(const QString& path) {
    const bool gif = isGifPath(path);
    if (gif ? !confirmOverwrite(window_, path)
            : !confirmOverwriteFiles(window_, path, QStringLiteral("frame_*.png"))) {
        return false;
    }
    const QStringList before =
        gif ? QStringList() : QDir(path).entryList({QStringLiteral("frame_*.png")}, QDir::Files);
    const Pipeline& pipeline = document_->pipeline();
    Result<int> written = Error::invalid(tr("Select a layer to export its step-through"));
    if (selectedLayer_ >= 0) {
        auto shape = inputShape(pipeline.input, pipeline.baseDir);
        const EnabledLayers on = enabledLayers(pipeline);
        auto subject = shape ? stepSubject(pipeline,
                                           spreadOverAllLayers(analyzePipeline(on.pipeline, *shape),
                                                               pipeline, on.positions),
                                           selectedLayer_)
                             : Result<StepSubject>(shape.error());
        auto sequence =
            subject ? buildStepSequence(*subject) : Result<StepSequence>(subject.error());
        written = sequence ? ui::exportSteps(*sequence, path) : Result<int>(sequence.error());
    }
    if (!written) {
        QMessageBox::warning(window_, tr("Cannot export"), written.error().message);
        return false;
    }
    // Frames of an earlier, longer export would otherwise follow the new ones.
    for (const QString& old : before) {
        bool ours = false;
        for (int i = 0; i < *written && !ours; ++i) {
            ours = old == stepFrameFileName(i, *written);
        }
        if (!ours) {
            QFile::remove(QDir(path).filePath(old));
        }
    }
    emit message(tr("Exported %n frame(s) to %1", nullptr, *written).arg(path));
    return true;
}

void FileController::addRecent(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentKey)).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    settings.setValue(QLatin1String(kRecentKey), recent.mid(0, kRecentCount));
    rebuildRecentMenu();
}

void FileController::rebuildRecentMenu() {
    if (recentMenu_ == nullptr) {
        return;
    }
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (const QString& path : recent) {
        QAction* a = recentMenu_->addAction(QFileInfo(path).fileName(), this,
                                            [this, path] { openPath(path); });
        a->setToolTip(path);
        a->setEnabled(QFileInfo::exists(path));
    }
    recentMenu_->setEnabled(!recent.isEmpty());
}

}  // namespace stridelab::ui
