#pragma once

// The selected layer's parameters, one fitting editor each (from the layer type's schema),
// and what they give: the output-size formulas with the user's numbers, params, MACs,
// padding, receptive field and jump. Edits go through the layer's own strict parser, so a
// value the file format would reject is shown as an error and not applied.

#include "document/pipeline_document.h"
#include "layers/parameter_spec.h"
#include "pipeline/pipeline_analysis.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace stridelab::ui {

class KernelEditor;
class ParameterEditor;
class ShapeReadout;

class PropertiesPanel : public QWidget {
    Q_OBJECT
public:
    explicit PropertiesPanel(PipelineDocument* document, QWidget* parent = nullptr);

    // Shows layer `index` (-1: the input) with the analysis `report` of the current pipeline.
    void showLayer(int index, const PipelineReport& report);
    [[nodiscard]] int layerIndex() const { return index_; }
    // The message of the last edit the parser refused, empty when the last edit applied.
    [[nodiscard]] QString editError() const;
    // The editor of parameter `key` (for tests and keyboard focus), or nullptr.
    [[nodiscard]] ParameterEditor* editor(const QString& key) const;
    // The kernel grid of a small kernel, or nullptr.
    [[nodiscard]] KernelEditor* kernelEditor() const { return kernelEditor_; }

private:
    // Labels, tooltips and the editors in the current language.
    void retranslateUi();
    void rebuild();
    void refreshReadouts();
    void applyEdit(const ParameterSpec& spec, ParameterEditor* editor);
    void applyName();
    void addKernelEditor();
    void applyKernel();
    // Parses `json` as the shown layer's type and applies it, or shows the parser's error.
    void applyJson(QJsonObject json, ParameterEditor* editedBy);

    PipelineDocument* document_;
    int index_ = -1;
    PipelineReport report_;
    LayerPtr shownLayer_;  // the layer object the editors show
    std::int64_t shownInputChannels_ = 0;
    KernelEditor* kernelEditor_ = nullptr;

    QLabel* title_ = nullptr;
    QLabel* nameLabel_ = nullptr;
    QLineEdit* name_ = nullptr;
    QWidget* editorsBox_ = nullptr;
    QFormLayout* editors_ = nullptr;
    QLabel* editError_ = nullptr;
    ShapeReadout* readout_ = nullptr;
    std::vector<std::pair<ParameterSpec, ParameterEditor*>> parameterEditors_;
};

}  // namespace stridelab::ui
