#pragma once

// Files in and out of the window: pipelines (open, save, recent, presets and demos) and input
// images (open, built-in, pasted, dropped). Errors are reported, never lose the open pipeline.

#include "document/pipeline_document.h"

#include <QObject>

class QMenu;
class QWidget;

namespace stridelab::ui {

class FileController : public QObject {
    Q_OBJECT
public:
    FileController(PipelineDocument* document, QWidget* window);

    // Adds Open, Open Image, Built-in Images, Presets, Recent, Save, Save As to `menu`.
    void populateFileMenu(QMenu* menu);

    // A pipeline (.json) or an image: the image becomes the input of the current pipeline.
    bool openPath(const QString& path);
    bool openPipeline(const QString& path);
    void useImage(const QString& pathOrBuiltin);
    // The clipboard's image, saved to a file in the cache folder, becomes the input.
    bool pasteImage();
    // An empty pipeline on the current input (after asking about unsaved changes).
    bool newPipeline();
    bool save();
    bool saveAs();
    // Save As with the name chosen: adds .stridelab.json when the name has no .json, and asks
    // before replacing an existing file.
    bool saveTo(QString path);
    // Asks to save unsaved changes; false when the user cancels.
    bool maybeSave();
    // The summary table (.md, .csv, .tex by suffix) or Keras/PyTorch code of the current
    // pipeline. The exports ask before replacing an existing file (or, for frames, existing
    // frame_*.png files of the folder).
    bool exportTable(const QString& path);
    bool exportCode(const QString& path, bool pytorch);
    // The step-through of the selected layer: FILE.gif, or a directory of numbered PNG frames.
    bool exportSteps(const QString& path);
    // The layer the step-through export shows (0-based; -1: the input, none).
    void setSelectedLayer(int layer) { selectedLayer_ = layer; }

    [[nodiscard]] static QStringList presetPaths();
    [[nodiscard]] static QStringList demoPaths();

signals:
    void message(const QString& text);
    // File > Export > Diagram: the window, which holds the computed maps, opens the dialog.
    void diagramRequested();

private:
    void addRecent(const QString& path);
    void rebuildRecentMenu();

    PipelineDocument* document_;
    QWidget* window_;
    QMenu* recentMenu_ = nullptr;
    int selectedLayer_ = -1;
};

}  // namespace stridelab::ui
