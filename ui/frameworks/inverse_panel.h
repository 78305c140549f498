#pragma once

// "Solve for size": for the selected layer, a wanted output size (the same size, half,
// double, or any height x width) and the changes of its keys that give it, fewest first.
// Apply (or a double-click) changes the layer through the document, as one undo step.

#include "document/pipeline_document.h"
#include "pipeline/pipeline_analysis.h"
#include "teaching/inverse_questions.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace stridelab::ui {

class InversePanel : public QWidget {
    Q_OBJECT
public:
    explicit InversePanel(PipelineDocument* document, QWidget* parent = nullptr);

    // Shows layer `index` (-1: the input) of the document, analysed as `report`.
    void showLayer(int index, const PipelineReport& report);

    void setGoal(SizeGoal goal);
    [[nodiscard]] SizeGoal goal() const { return goal_; }
    [[nodiscard]] Pair wanted() const;
    [[nodiscard]] QSpinBox* heightBox() const { return height_; }
    [[nodiscard]] QSpinBox* widthBox() const { return width_; }
    [[nodiscard]] QTreeWidget* candidateList() const { return list_; }
    [[nodiscard]] const std::vector<SizeCandidate>& candidates() const { return candidates_; }
    // The Apply button of candidate `row`, or nullptr.
    [[nodiscard]] QPushButton* applyButton(int row) const;
    // Why there is no candidate (or what is shown instead of them).
    [[nodiscard]] QString message() const;

    // Applies candidate `row` to the document as one undo step.
    void apply(int row);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    void solve();

    PipelineDocument* document_;
    int index_ = -1;
    PipelineReport report_;
    SizeGoal goal_ = SizeGoal::Half;
    bool goalChosen_ = false;  // until then, half for downsampling layers, double for upsampling
    bool stale_ = true;
    std::vector<SizeCandidate> candidates_;
    LayerPtr solvedFor_;  // the layer the candidates change

    QLabel* title_ = nullptr;
    QButtonGroup* goals_ = nullptr;
    QSpinBox* height_ = nullptr;
    QSpinBox* width_ = nullptr;
    QTreeWidget* list_ = nullptr;
    QLabel* message_ = nullptr;
};

}  // namespace stridelab::ui
