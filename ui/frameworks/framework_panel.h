#pragma once

// The "Frameworks" view: the selected layer as Keras and PyTorch write it, side by side, and
// the settings that look alike in the two frameworks with a mark (colour, icon and words)
// where they give another shape or other values, and the shape each framework gives. A
// second tab lists every layer of the pipeline with its worst difference.

#include "pipeline/pipeline_analysis.h"
#include "report/framework_comparison.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTableWidget;
class QTabWidget;
class QTreeWidget;

namespace stridelab::ui {

class FrameworkPanel : public QWidget {
    Q_OBJECT
public:
    explicit FrameworkPanel(QWidget* parent = nullptr);
    [[nodiscard]] QSize sizeHint() const override;

    // Shows layer `index` (-1: the input) of `pipeline` analysed as `report`.
    void showLayer(const Pipeline& pipeline, int index, const PipelineReport& report);

    [[nodiscard]] QPlainTextEdit* kerasCode() const { return keras_; }
    [[nodiscard]] QPlainTextEdit* torchCode() const { return torch_; }
    [[nodiscard]] QTreeWidget* lookAlikes() const { return lookAlikes_; }
    [[nodiscard]] QTableWidget* allLayers() const { return table_; }
    [[nodiscard]] QString message() const;

    // The words and the colour of a kind of difference, as the panel shows them.
    [[nodiscard]] static QString kindText(DifferenceKind kind);
    [[nodiscard]] static QColor kindColor(DifferenceKind kind);

signals:
    // A row of the all-layers table was activated.
    void layerActivated(int index);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    // The title line: the layer, then what the look-alikes say (in a warning colour).
    void setHeadline(const QString& header, const QString& message, bool warn);
    void showComparison(const FrameworkComparison& c);
    void fillTable(const Pipeline& pipeline, const PipelineReport& report);

    Pipeline pipeline_;
    PipelineReport report_;
    int index_ = -1;
    bool stale_ = true;

    QTabWidget* tabs_ = nullptr;
    QLabel* title_ = nullptr;
    QLabel* kerasTitle_ = nullptr;
    QLabel* torchTitle_ = nullptr;
    QPlainTextEdit* keras_ = nullptr;
    QPlainTextEdit* torch_ = nullptr;
    QString message_;
    QTreeWidget* lookAlikes_ = nullptr;
    QTableWidget* table_ = nullptr;
};

}  // namespace stridelab::ui
