#pragma once

// The main window: the layer stack (left), the properties of the selected layer (right), every
// feature map as a strip of cards with the selected layer's channels below (centre), and the
// histogram and line profile (bottom). It wires the document, the analysis and the background
// computation together; the panels do the work.

#include "compute/compute_controller.h"
#include "document/pipeline_document.h"
#include "i18n/language.h"
#include "view/display_options.h"

#include <QMainWindow>

#include <functional>

class QActionGroup;
class QDockWidget;
class QShortcut;
class QLabel;
class QMenu;
class QProgressBar;

namespace stridelab::ui {

class ComparisonPanel;
class FeatureMapView;
class FileController;
class FrameworkDocks;
class HistogramPlot;
class LayerCardStrip;
class LayerStackPanel;
class ProfilePlot;
class PropertiesPanel;
class RecoveryStore;
class TraceController;
class StepThroughWidget;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // Opens `file` (a pipeline or an image), or the built-in example when it is empty.
    explicit MainWindow(const QString& file = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] PipelineDocument* document() const { return document_; }
    [[nodiscard]] ComputeController* compute() const { return compute_; }
    [[nodiscard]] LayerStackPanel* layerStack() const { return stack_; }
    [[nodiscard]] PropertiesPanel* properties() const { return properties_; }
    [[nodiscard]] LayerCardStrip* cards() const { return cards_; }
    [[nodiscard]] FeatureMapView* mapView() const { return mapView_; }
    [[nodiscard]] FileController* files() const { return files_; }
    [[nodiscard]] const PipelineReport& report() const { return report_; }
    [[nodiscard]] QAction* presentationAction() const { return presentation_; }
    [[nodiscard]] TraceController* trace() const { return trace_; }
    [[nodiscard]] ComparisonPanel* comparison() const { return compare_; }
    [[nodiscard]] FrameworkDocks* frameworkDocks() const { return frameworkDocks_; }
    // The autosave of unsaved work; main() asks it to offer what a crash left behind.
    [[nodiscard]] RecoveryStore* recovery() const { return recovery_; }
    // View > Language's entry for `language`.
    [[nodiscard]] QAction* languageAction(i18n::Language language) const;

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildDocks();
    void buildMenus();
    // Presentation mode: editing panels hidden, large fonts, high contrast, full screen,
    // arrow keys step through the layers.
    void setPresenting(bool on);
    void restoreSettings();
    void setDisplayOptions(const DisplayOptions& options);
    // File > Export > Diagram: the switched-on layers, with their maps when they are computed.
    void exportDiagram();

    void onDocumentChanged();
    void onSelectionChanged(int layer);
    void onComputeStarted(int generation, int firstComputed);
    void onLayerReady(int generation, int index, const SharedResult& result, double milliseconds);
    void onComputeFinished(int generation, double milliseconds);
    void onComputeFailed(int generation, const QString& message);
    void refreshCards();
    // refreshCards() and the progress bar at the next frame: layers that arrive within one
    // (small ones finish a millisecond apart) are drawn in one pass.
    void queueCardsRefresh();
    void refreshSelectedMap();
    // The receptive-field trace on the cards, the map view and in words under the map.
    void showTrace();
    void updateTitle();
    // The compute label's text, kept as a function so that it follows a language switch.
    void setComputeStatus(std::function<QString()> text);
    // After a language switch: the texts made from the document and the computation.
    void retranslateDynamicTexts();
    void updateSwitchAction();
    // The index among the computed (switched-on) layers of pipeline layer `layer`, or -1.
    [[nodiscard]] int computedIndex(int layer) const;
    [[nodiscard]] SharedResult resultOf(int layer) const;
    [[nodiscard]] bool isStale(int layer) const;

    PipelineDocument* document_;
    ComputeController* compute_;
    FileController* files_;
    TraceController* trace_;
    RecoveryStore* recovery_;
    PipelineReport report_;
    PipelineReport enabledReport_;  // of the switched-on layers only, as computed
    QString analysisError_;         // the input could not be sized (unreadable image)
    int staleFrom_ = 0;             // layers from here on show stale maps
    int computeFirst_ = 0;          // the first layer the running request computes
    int selected_ = -1;             // -1: the input
    bool cardsRefreshQueued_ = false;
    std::vector<int> computedPositions_;  // pipeline positions of the switched-on layers
    DisplayOptions displayOptions_;

    LayerStackPanel* stack_ = nullptr;
    PropertiesPanel* properties_ = nullptr;
    LayerCardStrip* cards_ = nullptr;
    FeatureMapView* mapView_ = nullptr;
    HistogramPlot* histogram_ = nullptr;
    ProfilePlot* profile_ = nullptr;
    ComparisonPanel* compare_ = nullptr;
    StepThroughWidget* steps_ = nullptr;
    QDockWidget* stepsDock_ = nullptr;
    FrameworkDocks* frameworkDocks_ = nullptr;  // Frameworks and Solve for Size
    QLabel* hoverLabel_ = nullptr;
    QLabel* traceLabel_ = nullptr;
    QLabel* computeLabel_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QAction* switchOff_ = nullptr;
    QActionGroup* colormapGroup_ = nullptr;
    QActionGroup* normalisationGroup_ = nullptr;
    QAction* rgbAction_ = nullptr;
    QAction* presentation_ = nullptr;
    QActionGroup* languageGroup_ = nullptr;
    std::function<QString()> computeStatus_;
    std::vector<QShortcut*> presentationKeys_;
    std::vector<QDockWidget*> editingDocks_;
    QByteArray stateBeforePresenting_;
};

// The pipeline shown when the program starts without a file.
[[nodiscard]] QString defaultPresetPath();

}  // namespace stridelab::ui
