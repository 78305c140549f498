#pragma once

// The pipeline being edited. Every edit is an undoable command; layers are immutable shared
// values, so a command keeps the whole pipeline before and after at almost no cost.

#include "pipeline/pipeline.h"

#include <QObject>
#include <QUndoStack>

#include <functional>

namespace stridelab::ui {

class PipelineDocument : public QObject {
    Q_OBJECT
public:
    explicit PipelineDocument(QObject* parent = nullptr);

    [[nodiscard]] const Pipeline& pipeline() const { return pipeline_; }
    [[nodiscard]] QUndoStack* undoStack() { return &undo_; }
    [[nodiscard]] const QString& filePath() const { return filePath_; }
    [[nodiscard]] bool isModified() const { return !undo_.isClean(); }

    // Replaces everything (open a file or a preset); the undo history starts afresh.
    void reset(Pipeline pipeline, const QString& filePath);
    [[nodiscard]] Status saveAs(const QString& path);

    // Undoable edits. Consecutive edits of the same layer merge into one undo step, so
    // dragging a spin box through ten values is undone at once.
    void replaceLayer(int index, LayerPtr layer);
    void renameLayer(int index, const QString& name);
    void insertLayer(int index, LayerPtr layer);
    void duplicateLayer(int index);
    void removeLayer(int index);
    void moveLayer(int from, int to);
    void setLayerEnabled(int index, bool enabled);
    void setInput(const InputSpec& input, const QDir& baseDir);

    // Applies `next` as one undo step named `text`; used by the edits above. A step named by
    // a function (calling tr()) is renamed in the new language after a language switch.
    void apply(Pipeline next, const QString& text, int mergeId = -1);
    void apply(Pipeline next, std::function<QString()> text, int mergeId = -1);

signals:
    // The pipeline changed (an edit, an undo or a redo, or a reset).
    void changed();
    void filePathChanged(const QString& path);

private:
    friend class PipelineSnapshotCommand;
    void set(const Pipeline& pipeline);
    // Renames the undo steps in the current language.
    void retranslateHistory();
    // A fresh name "type", "type_1", ... not used in the pipeline.
    [[nodiscard]] QString freeName(const QString& type) const;

    Pipeline pipeline_;
    QString filePath_;
    QUndoStack undo_;
};

}  // namespace stridelab::ui
