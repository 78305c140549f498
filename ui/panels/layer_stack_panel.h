#pragma once

// The layer stack: the input and every layer with its output shape, a toolbar to add, remove,
// duplicate and reorder layers, and drag and drop. Edits go to the document; the owner
// analyses the changed pipeline and hands the report back with setReport.

#include "panels/layer_stack_model.h"

#include <QWidget>

class QAction;
class QListView;
class QMenu;
class QToolButton;

namespace stridelab::ui {

class PipelineDocument;

class LayerStackPanel : public QWidget {
    Q_OBJECT
public:
    explicit LayerStackPanel(PipelineDocument* document, QWidget* parent = nullptr);

    // Shows the document's pipeline with this analysis of it. The selection stays on the same
    // row, or moves to the layer the panel's last edit made (an added or moved layer).
    void setReport(const PipelineReport& report);
    void setShapeNotation(LayerStackModel::ShapeNotation notation);

    // The selected layer, -1 for the input row.
    [[nodiscard]] int selectedLayer() const;
    // Selects a layer (-1: the input); out-of-range indices select the nearest row.
    void selectLayer(int layerIndex);

    [[nodiscard]] LayerStackModel* model() const { return model_; }
    [[nodiscard]] QListView* view() const { return view_; }

    // For the main window's Edit menu. Their shortcuts (Delete, Ctrl+D, Alt+Up, Alt+Down)
    // work while the panel has the focus, so Delete in a text field never removes a layer.
    [[nodiscard]] QMenu* addMenu() const { return addMenu_; }
    [[nodiscard]] QAction* removeAction() const { return remove_; }
    [[nodiscard]] QAction* duplicateAction() const { return duplicate_; }
    [[nodiscard]] QAction* moveUpAction() const { return moveUp_; }
    [[nodiscard]] QAction* moveDownAction() const { return moveDown_; }
    // Remove, duplicate, move up, move down.
    [[nodiscard]] QList<QAction*> editActions() const;

signals:
    // The selected layer changed (-1: the input).
    void selectionChanged(int layerIndex);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildAddMenu();
    // The texts of the actions, the button and the rows, in the current language.
    void retranslateUi();
    void updateActions();
    void onCurrentRowChanged();
    void addLayer(const QString& type);
    void removeSelected();
    void duplicateSelected();
    void moveSelected(int delta);
    void moveLayer(int from, int to);
    // Runs a document edit and selects `row` once the changed pipeline arrives.
    template <class Edit>
    void edit(int selectRow, Edit&& edit);
    // The selected layer if it exists in the document, else -1.
    [[nodiscard]] int selectedDocumentLayer() const;

    PipelineDocument* document_;
    LayerStackModel* model_;
    QListView* view_;
    QMenu* addMenu_;
    QToolButton* addButton_;
    QAction* remove_;
    QAction* duplicate_;
    QAction* moveUp_;
    QAction* moveDown_;
    QList<QAction*> addActions_;
    QAction* downsamplingSection_ = nullptr;
    QAction* upsamplingSection_ = nullptr;

    int pendingRow_ = -1;      // the row to select at the next setReport
    int documentChanges_ = 0;  // counts the document's changed() signals
    int lastSelected_ = -1;    // the layer last announced by selectionChanged
    bool resetting_ = false;
};

}  // namespace stridelab::ui
