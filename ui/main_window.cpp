#include "main_window.h"

#include "compare/comparison_panel.h"
#include "diagram/diagram_export_dialog.h"
#include "document/undo_actions.h"
#include "explorer/trace_controller.h"
#include "files/file_controller.h"
#include "files/recovery_store.h"
#include "frameworks/framework_docks.h"
#include "i18n/language_menu.h"
#include "io/image_input.h"
#include "panels/layer_stack_panel.h"
#include "panels/properties_panel.h"
#include "pipeline/pipeline_reader.h"
#include "plots/histogram_plot.h"
#include "plots/profile_plot.h"
#include "preferences/preferences_dialog.h"
#include "teaching/step_through_widget.h"
#include "view/colormap.h"
#include "view/normalisation.h"
#include "widgets/action_choices.h"
#include "widgets/feature_map_view.h"
#include "widgets/layer_card_strip.h"
#include "widgets/progress_value.h"

#include <QAction>
#include <QActionGroup>
#include <QShortcut>

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScrollArea>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>
#include <span>
#include <utility>

namespace stridelab::ui {

namespace {

QString notationPyTorch() {
    return MainWindow::tr("(C, H, W)  PyTorch");
}

QString notationKeras() {
    return MainWindow::tr("(None, H, W, C)  Keras");
}

SharedTensor valuesOf(const SharedResult& result) {
    return result ? SharedTensor(result, &result->values) : nullptr;
}

QString shapeText(const LayerReport& r) {
    return r.shape ? r.shape->output.toString() : QString();
}

}  // namespace

QString defaultPresetPath() {
    return QStringLiteral(":/presets/encoder_decoder_416.stridelab.json");
}

MainWindow::MainWindow(const QString& file, QWidget* parent)
    : QMainWindow(parent),
      document_(new PipelineDocument(this)),
      compute_(new ComputeController(this)),
      files_(new FileController(document_, this)),
      trace_(new TraceController(this)),
      recovery_(new RecoveryStore(document_, this)) {
    compute_->setMemoryLimit(memoryBudgetSetting());
    setAcceptDrops(true);
    setWindowIcon(QIcon(QStringLiteral(":/icons/stridelab.svg")));
    cards_ = new LayerCardStrip(this);
    cards_->setOrientation(Qt::Horizontal);
    cards_->setMinimumHeight(170);
    mapView_ = new FeatureMapView(this);
    traceLabel_ = new QLabel(this);
    traceLabel_->setWordWrap(true);
    traceLabel_->hide();
    auto* mapArea = new QWidget(this);
    auto* mapLayout = new QVBoxLayout(mapArea);
    mapLayout->setContentsMargins(0, 0, 0, 0);
    mapLayout->addWidget(mapView_, 1);
    mapLayout->addWidget(traceLabel_);
    auto* centre = new QSplitter(Qt::Vertical, this);
    centre->addWidget(cards_);
    centre->addWidget(mapArea);
    centre->setStretchFactor(0, 1);
    centre->setStretchFactor(1, 3);
    setCentralWidget(centre);
    buildDocks();
    buildMenus();

    hoverLabel_ = new QLabel(this);
    computeLabel_ = new QLabel(this);
    progress_ = new QProgressBar(this);
    progress_->setMaximumWidth(180);
    progress_->hide();
    statusBar()->addWidget(hoverLabel_, 1);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(computeLabel_);

    connect(document_, &PipelineDocument::changed, this, &MainWindow::onDocumentChanged);
    connect(document_, &PipelineDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(document_->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(stack_, &LayerStackPanel::selectionChanged, this, &MainWindow::onSelectionChanged);
    connect(cards_, &LayerCardStrip::cardClicked, this,
            [this](int card) { stack_->selectLayer(card - 1); });
    connect(compute_, &ComputeController::started, this, &MainWindow::onComputeStarted);
    connect(compute_, &ComputeController::layerReady, this, &MainWindow::onLayerReady);
    connect(compute_, &ComputeController::inputReady, this, [this] {
        refreshCards();
        refreshSelectedMap();
    });
    connect(compute_, &ComputeController::finished, this, &MainWindow::onComputeFinished);
    connect(compute_, &ComputeController::failed, this, &MainWindow::onComputeFailed);
    connect(files_, &FileController::diagramRequested, this, &MainWindow::exportDiagram);
    connect(files_, &FileController::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 5000); });
    connect(mapView_, &FeatureMapView::hovered, this,
            [this](int channel, int row, int col, float value) {
                hoverLabel_->setText(tr("channel %1, row %2, column %3: %4")
                                         .arg(channel)
                                         .arg(row)
                                         .arg(col)
                                         .arg(static_cast<double>(value), 0, 'g', 6));
            });
    connect(mapView_, &FeatureMapView::hoverLeft, hoverLabel_, &QLabel::clear);
    connect(mapView_, &FeatureMapView::elementClicked, this,
            [this](const MapPosition& p) { trace_->traceFrom(selected_ + 1, p.row, p.col); });
    connect(mapView_, &FeatureMapView::backgroundClicked, trace_, &TraceController::clear);
    connect(trace_, &TraceController::tracesChanged, this, &MainWindow::showTrace);

    restoreSettings();
    i18n::onLanguageChange(this, [this] { retranslateDynamicTexts(); });
    // A pipeline opens as it is; an image (or nothing) opens the built-in example on it.
    const bool isPipeline = file.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive);
    if (!(isPipeline && files_->openPipeline(file))) {
        files_->openPipeline(defaultPresetPath());
        if (!file.isEmpty() && !isPipeline) {
            files_->useImage(file);
        }
    }
}

// The document is a child, destroyed by ~QWidget when this class is already gone; its undo
// stack signals cleanChanged as it is cleared, which must not reach updateTitle then.
MainWindow::~MainWindow() {
    document_->undoStack()->disconnect(this);
}

void MainWindow::buildDocks() {
    stack_ = new LayerStackPanel(document_, this);
    auto* stackDock = new QDockWidget(this);
    i18n::retranslate(stackDock, &QWidget::setWindowTitle, [] { return tr("Layers"); });
    editingDocks_.push_back(stackDock);
    stackDock->setObjectName(QStringLiteral("layersDock"));
    stackDock->setWidget(stack_);
    addDockWidget(Qt::LeftDockWidgetArea, stackDock);

    properties_ = new PropertiesPanel(document_, this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(properties_);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(340);
    auto* propertiesDock = new QDockWidget(this);
    i18n::retranslate(propertiesDock, &QWidget::setWindowTitle, [] { return tr("Properties"); });
    editingDocks_.push_back(propertiesDock);
    propertiesDock->setObjectName(QStringLiteral("propertiesDock"));
    propertiesDock->setWidget(scroll);
    addDockWidget(Qt::RightDockWidgetArea, propertiesDock);

    histogram_ = new HistogramPlot(this);
    profile_ = new ProfilePlot(this);
    auto* plots = new QSplitter(Qt::Horizontal, this);
    plots->addWidget(histogram_);
    plots->addWidget(profile_);
    auto* plotsDock = new QDockWidget(this);
    i18n::retranslate(plotsDock, &QWidget::setWindowTitle, [] { return tr("Plots"); });
    plotsDock->setObjectName(QStringLiteral("plotsDock"));
    plotsDock->setWidget(plots);
    addDockWidget(Qt::BottomDockWidgetArea, plotsDock);
    compare_ = new ComparisonPanel(this);
    auto* compareDock = new QDockWidget(this);
    i18n::retranslate(compareDock, &QWidget::setWindowTitle, [] { return tr("Compare"); });
    compareDock->setObjectName(QStringLiteral("compareDock"));
    compareDock->setWidget(compare_);
    addDockWidget(Qt::BottomDockWidgetArea, compareDock);
    tabifyDockWidget(plotsDock, compareDock);
    connect(compareDock, &QDockWidget::visibilityChanged, compare_, [this](bool visible) {
        if (visible) {
            compare_->catchUp();
        }
    });
    steps_ = new StepThroughWidget(this);
    stepsDock_ = new QDockWidget(this);
    i18n::retranslate(stepsDock_, &QWidget::setWindowTitle, [] { return tr("Step through"); });
    stepsDock_->setObjectName(QStringLiteral("stepsDock"));
    stepsDock_->setWidget(steps_);
    tabifyDockWidget(plotsDock, stepsDock_);
    plotsDock->raise();
    connect(profile_, &ProfilePlot::markerMoved, this, [this](double x) {
        hoverLabel_->setText(tr("profile marker at input column %1").arg(x, 0, 'f', 1));
    });

    frameworkDocks_ = new FrameworkDocks(this, document_);
    editingDocks_.push_back(frameworkDocks_->inverseDock());
    connect(frameworkDocks_, &FrameworkDocks::layerActivated, stack_,
            &LayerStackPanel::selectLayer);
}

void MainWindow::buildMenus() {
    using i18n::retranslate;
    QMenu* file = menuBar()->addMenu(QString());
    retranslate(file, &QMenu::setTitle, [] { return tr("&File"); });
    files_->populateFileMenu(file);
    file->addSeparator();
    QAction* quit = file->addAction(QString(), QKeySequence::Quit, this, &QWidget::close);
    retranslate(quit, &QAction::setText, [] { return tr("&Quit"); });

    QMenu* edit = menuBar()->addMenu(QString());
    retranslate(edit, &QMenu::setTitle, [] { return tr("&Edit"); });
    edit->addActions(createUndoRedoActions(document_->undoStack(), this));
    edit->addSeparator();
    edit->addActions(stack_->editActions());
    switchOff_ =
        edit->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_E), this, [this](bool off) {
            if (selected_ >= 0) {
                document_->setLayerEnabled(selected_, !off);
            }
        });
    retranslate(switchOff_, [a = switchOff_] {
        a->setText(tr("Switch Layer &Off"));
        a->setToolTip(tr("Skip the selected layer in the computation (the file still holds it)"));
    });
    switchOff_->setCheckable(true);
    edit->addSeparator();
    QAction* paste =
        edit->addAction(QString(), QKeySequence::Paste, files_, &FileController::pasteImage);
    retranslate(paste, &QAction::setText, [] { return tr("&Paste Image"); });
    edit->addSeparator();
    addPreferencesAction(edit, this, [this] {
        compute_->setMemoryLimit(memoryBudgetSetting());
        onDocumentChanged();  // computes again under the new budget
    });

    QMenu* view = menuBar()->addMenu(QString());
    retranslate(view, &QMenu::setTitle, [] { return tr("&View"); });
    QMenu* notation = view->addMenu(QString());
    retranslate(notation, &QMenu::setTitle, [] { return tr("Shape &notation"); });
    auto* notations = new QActionGroup(this);
    for (const auto& [label, value] :
         {std::pair{&notationPyTorch, LayerStackModel::ShapeNotation::ChannelsFirst},
          std::pair{&notationKeras, LayerStackModel::ShapeNotation::Keras}}) {
        QAction* a = notation->addAction(QString(), this, [this, value = value] {
            stack_->setShapeNotation(value);
            QSettings().setValue(QStringLiteral("view/kerasNotation"),
                                 value == LayerStackModel::ShapeNotation::Keras);
        });
        retranslate(a, &QAction::setText, label);
        a->setCheckable(true);
        a->setChecked(value == LayerStackModel::ShapeNotation::ChannelsFirst);
        notations->addAction(a);
    }
    QMenu* colormaps = view->addMenu(QString());
    retranslate(colormaps, &QMenu::setTitle, [] { return tr("&Colour map"); });
    colormapGroup_ =
        addChoices(colormaps, allColormaps(), &colormapDisplayName, [this](ColormapName value) {
            DisplayOptions o = displayOptions_;
            o.colormap = value;
            setDisplayOptions(o);
        });
    QMenu* normalisations = view->addMenu(QString());
    retranslate(normalisations, &QMenu::setTitle, [] { return tr("&Normalisation"); });
    normalisationGroup_ = addChoices(normalisations, allNormalisations(), &normalisationDisplayName,
                                     [this](Normalisation value) {
                                         DisplayOptions o = displayOptions_;
                                         o.normalisation = value;
                                         setDisplayOptions(o);
                                     });
    rgbAction_ = view->addAction(QString(), this, [this](bool on) {
        DisplayOptions o = displayOptions_;
        o.rgb = on;
        setDisplayOptions(o);
    });
    retranslate(rgbAction_, &QAction::setText, [] { return tr("Show 3-channel maps as &RGB"); });
    rgbAction_->setCheckable(true);
    languageGroup_ = i18n::addLanguageMenu(view);
    presentation_ =
        view->addAction(QString(), QKeySequence(Qt::Key_F5), this, &MainWindow::setPresenting);
    retranslate(presentation_, [a = presentation_] {
        a->setText(tr("&Presentation Mode"));
        a->setToolTip(
            tr("Large fonts, high contrast, no editing panels; arrow keys step through the "
               "layers, Esc leaves"));
    });
    presentation_->setCheckable(true);
    // Active only while presenting, so the arrow keys keep their usual meaning otherwise.
    for (const auto& [key, step] : {std::pair{Qt::Key_Right, 1}, std::pair{Qt::Key_Down, 1},
                                    std::pair{Qt::Key_Left, -1}, std::pair{Qt::Key_Up, -1}}) {
        auto* shortcut = new QShortcut(QKeySequence(key), this);
        shortcut->setEnabled(false);
        connect(shortcut, &QShortcut::activated, this, [this, step = step] {
            const int last = static_cast<int>(document_->pipeline().layers.size()) - 1;
            stack_->selectLayer(std::clamp(selected_ + step, -1, last));
        });
        presentationKeys_.push_back(shortcut);
    }
    auto* leave = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    leave->setEnabled(false);
    connect(leave, &QShortcut::activated, presentation_, &QAction::trigger);
    presentationKeys_.push_back(leave);
    QAction* fit =
        view->addAction(QString(), QKeySequence(Qt::Key_0), mapView_, &FeatureMapView::fitToView);
    retranslate(fit, &QAction::setText, [] { return tr("&Fit Maps to the View"); });
    QMenu* panels = view->addMenu(QString());
    retranslate(panels, &QMenu::setTitle, [] { return tr("P&anels"); });
    for (QDockWidget* dock : findChildren<QDockWidget*>()) {
        panels->addAction(dock->toggleViewAction());
    }

    QMenu* help = menuBar()->addMenu(QString());
    retranslate(help, &QMenu::setTitle, [] { return tr("&Help"); });
    QAction* about = help->addAction(QString(), this, [this] {
        QMessageBox::about(
            this, tr("About StrideLab"),
            tr("<h3>StrideLab %1</h3><p>See, and teach, how convolutional networks shrink and grow "
               "images: "
               "every feature map and output shape computed exactly as PyTorch and "
               "Keras/TensorFlow do.</p>"
               "<p>GPL-3.0-or-later. Built with Qt %2, Eigen and QCustomPlot.</p>")
                .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    });
    retranslate(about, &QAction::setText, [] { return tr("&About StrideLab"); });
    QAction* aboutQt = help->addAction(QString(), qApp, &QApplication::aboutQt);
    retranslate(aboutQt, &QAction::setText, [] { return tr("About &Qt"); });
}

QAction* MainWindow::languageAction(i18n::Language language) const {
    return i18n::languageMenuAction(languageGroup_, language);
}

void MainWindow::setPresenting(bool on) {
    const QSignalBlocker block(presentation_);
    presentation_->setChecked(on);
    for (QShortcut* s : presentationKeys_) {
        s->setEnabled(on);
    }
    if (on) {
        stateBeforePresenting_ = saveState();
        for (QDockWidget* dock : editingDocks_) {
            dock->hide();
        }
        // High contrast for a projector: white on black, a strong yellow selection.
        QPalette contrast;
        contrast.setColor(QPalette::Window, Qt::black);
        contrast.setColor(QPalette::WindowText, Qt::white);
        contrast.setColor(QPalette::Base, Qt::black);
        contrast.setColor(QPalette::Text, Qt::white);
        contrast.setColor(QPalette::Button, QColor(0x20, 0x20, 0x20));
        contrast.setColor(QPalette::ButtonText, Qt::white);
        contrast.setColor(QPalette::Highlight, QColor(0xff, 0xd0, 0x00));
        contrast.setColor(QPalette::HighlightedText, Qt::black);
        setPalette(contrast);
        QFont large = font();
        large.setPointSizeF(large.pointSizeF() * 1.6);
        setFont(large);
        showFullScreen();
        mapView_->fitToView();
        mapView_->setFocus();
        return;
    }
    setPalette(QPalette());
    setFont(QFont());
    showNormal();
    restoreState(stateBeforePresenting_);
    mapView_->fitToView();
}

void MainWindow::restoreSettings() {
    QSettings settings;
    resize(1366, 768);  // a projector's resolution: everything must fit there
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    DisplayOptions o;
    o.colormap =
        static_cast<ColormapName>(settings.value(QStringLiteral("view/colormap"), 0).toInt());
    o.normalisation =
        static_cast<Normalisation>(settings.value(QStringLiteral("view/normalisation"), 0).toInt());
    o.rgb = settings.value(QStringLiteral("view/rgb"), true).toBool();
    setDisplayOptions(o);
    if (settings.value(QStringLiteral("view/kerasNotation"), false).toBool()) {
        stack_->setShapeNotation(LayerStackModel::ShapeNotation::Keras);
    }
}

void MainWindow::setDisplayOptions(const DisplayOptions& options) {
    displayOptions_ = options;
    mapView_->setDisplayOptions(options);
    cards_->setDisplayOptions(options);
    compare_->setDisplayOptions(options);
    checkChoice(colormapGroup_, static_cast<int>(options.colormap));
    checkChoice(normalisationGroup_, static_cast<int>(options.normalisation));
    rgbAction_->setChecked(options.rgb);
    QSettings settings;
    settings.setValue(QStringLiteral("view/colormap"), static_cast<int>(options.colormap));
    settings.setValue(QStringLiteral("view/normalisation"),
                      static_cast<int>(options.normalisation));
    settings.setValue(QStringLiteral("view/rgb"), options.rgb);
}

void MainWindow::exportDiagram() {
    const Pipeline& pipeline = document_->pipeline();
    const EnabledLayers on = enabledLayers(pipeline);
    auto content = analysisError_.isEmpty()
                       ? diagramContent(pipeline.name, analyzePipeline(on.pipeline, report_.input))
                       : Result<DiagramContent>(Error::invalid(analysisError_));
    if (!content) {
        QMessageBox::warning(this, tr("Cannot export the diagram"), content.error().message);
        return;
    }
    content->display = displayOptions_;
    // The maps style draws the maps on screen, once all of them are fresh.
    if (!compute_->busy() && compute_->input() && pipeline.input.kind != InputKind::Shape) {
        std::vector<const Tensor*> maps;
        for (const SharedResult& r : compute_->results()) {
            maps.push_back(r ? &r->values : nullptr);
        }
        attachDiagramCards(*content, *compute_->input(), maps);
    }
    // The explorer's trace, if any, is drawn on the maps (map k is switched-on layer k).
    for (std::size_t m = 0; m < content->maps.size(); ++m) {
        const int card = m == 0 ? 0 : on.positions[m - 1] + 1;
        content->maps[m].trace = trace_->traceOf(card);
        content->maps[m].traceOrigin = trace_->origin() && trace_->origin()->card == card;
    }
    DiagramExportDialog dialog(std::move(content).value(), this);
    if (dialog.exec() == QDialog::Accepted) {
        statusBar()->showMessage(tr("Exported %1").arg(dialog.path()), 5000);
    }
}

void MainWindow::onDocumentChanged() {
    const Pipeline& pipeline = document_->pipeline();
    auto shape = inputShape(pipeline.input, pipeline.baseDir);
    analysisError_ = shape ? QString() : shape.error().message;
    // Switched-off layers are left out of analysis and computation, and shown as such.
    const EnabledLayers on = enabledLayers(pipeline);
    computedPositions_ = on.positions;
    enabledReport_ = analyzePipeline(on.pipeline, shape ? *shape : Shape{1, 1, 1});
    report_ = spreadOverAllLayers(enabledReport_, pipeline, computedPositions_);
    trace_->setPipeline(pipeline, report_);
    stack_->setReport(report_);
    updateSwitchAction();
    selected_ = std::min(selected_, static_cast<int>(pipeline.layers.size()) - 1);
    properties_->showLayer(selected_, report_);
    steps_->showLayer(pipeline, report_, selected_);
    files_->setSelectedLayer(selected_);
    frameworkDocks_->showLayer(selected_, report_);
    updateTitle();
    if (!analysisError_.isEmpty()) {
        setComputeStatus([error = analysisError_] { return error; });
        refreshCards();
        return;
    }
    if (pipeline.input.kind == InputKind::Shape) {
        setComputeStatus([] { return tr("Shapes only: open an image to see the feature maps"); });
        refreshCards();
        return;
    }
    compute_->request(on.pipeline, enabledReport_);
}

int MainWindow::computedIndex(int layer) const {
    const auto it = std::find(computedPositions_.begin(), computedPositions_.end(), layer);
    return it == computedPositions_.end() ? -1 : static_cast<int>(it - computedPositions_.begin());
}

SharedResult MainWindow::resultOf(int layer) const {
    const int c = computedIndex(layer);
    const auto& results = compute_->results();
    return c >= 0 && c < static_cast<int>(results.size()) ? results[static_cast<std::size_t>(c)]
                                                          : nullptr;
}

bool MainWindow::isStale(int layer) const {
    const int c = computedIndex(layer);
    return c >= 0 && c >= staleFrom_;
}

void MainWindow::updateSwitchAction() {
    const auto& layers = document_->pipeline().layers;
    const bool isLayer = selected_ >= 0 && selected_ < static_cast<int>(layers.size());
    switchOff_->setEnabled(isLayer);
    const QSignalBlocker block(switchOff_);
    switchOff_->setChecked(isLayer && !layers[static_cast<std::size_t>(selected_)].enabled);
}

void MainWindow::onSelectionChanged(int layer) {
    selected_ = layer;
    updateSwitchAction();
    properties_->showLayer(layer, report_);
    steps_->showLayer(document_->pipeline(), report_, layer);
    files_->setSelectedLayer(layer);
    frameworkDocks_->showLayer(layer, report_);
    cards_->setSelected(layer + 1);
    refreshSelectedMap();
}

void MainWindow::onComputeStarted(int /*generation*/, int firstComputed) {
    staleFrom_ = firstComputed;
    computeFirst_ = firstComputed;
    const int total = static_cast<int>(computedPositions_.size());
    progress_->setRange(0, std::max(1, total - firstComputed));
    setProgressValue(progress_, 0);
    progress_->setVisible(total > firstComputed);
    setComputeStatus([] { return tr("Computing..."); });
    refreshCards();
    refreshSelectedMap();
}

void MainWindow::onLayerReady(int /*generation*/, int index, const SharedResult& /*result*/,
                              double /*milliseconds*/) {
    staleFrom_ = std::max(staleFrom_, index + 1);
    queueCardsRefresh();
    if (selected_ < 0 || computedIndex(selected_) == index) {
        refreshSelectedMap();
    }
}

void MainWindow::onComputeFinished(int /*generation*/, double milliseconds) {
    staleFrom_ = static_cast<int>(computedPositions_.size());
    progress_->hide();
    setComputeStatus([milliseconds, bytes = report_.memoryBytes] {
        return tr("Computed in %1 ms · feature maps %2")
            .arg(milliseconds, 0, 'f', 1)
            .arg(formatBytes(bytes));
    });
    refreshCards();
    refreshSelectedMap();
}

void MainWindow::onComputeFailed(int /*generation*/, const QString& message) {
    progress_->hide();
    setComputeStatus([message] { return tr("Not computed: %1").arg(message); });
    statusBar()->showMessage(message, 10000);
    refreshCards();
}

void MainWindow::queueCardsRefresh() {
    // Layers arrive a millisecond or two apart: the cards and the progress bar follow them
    // once a frame (60 Hz), not once a layer; each time, the window repainted (0.5-0.8 ms of
    // its thread, 11-16 times per edit of the default example). The last layer is drawn when
    // the computation finishes, without waiting for the frame.
    if (!std::exchange(cardsRefreshQueued_, true)) {
        constexpr int kFrameMs = 16;
        QTimer::singleShot(kFrameMs, this, [this] {
            if (cardsRefreshQueued_) {
                setProgressValue(progress_, staleFrom_ - computeFirst_);
                refreshCards();
            }
        });
    }
}

void MainWindow::refreshCards() {
    cardsRefreshQueued_ = false;
    const Pipeline& pipeline = document_->pipeline();
    std::vector<LayerCard> cards;
    cards.push_back(
        {tr("input"), report_.input.toString(), compute_->input(), false, analysisError_});
    for (std::size_t i = 0; i < pipeline.layers.size() && i < report_.layers.size(); ++i) {
        const LayerReport& r = report_.layers[i];
        const SharedResult result = resultOf(static_cast<int>(i));
        const bool stale = isStale(static_cast<int>(i)) ||
                           (result && r.shape && result->values.shape() != r.shape->output);
        // "conv2d_1" says its type already; "enc1" does not.
        const QString title =
            r.name.startsWith(r.type) ? r.name : QStringLiteral("%1 · %2").arg(r.name, r.type);
        cards.push_back({title, shapeText(r), r.shape ? valuesOf(result) : nullptr, stale,
                         r.error ? r.error->message : QString()});
    }
    std::vector<ComparableMap> comparable;
    for (const LayerCard& card : cards) {
        comparable.push_back({card.title + QLatin1Char(' ') + card.shapeText, card.title,
                              card.stale ? nullptr : card.map});
    }
    compare_->setMaps(std::move(comparable));
    cards_->setCards(std::move(cards));
    cards_->setSelected(selected_ + 1);
}

void MainWindow::showTrace() {
    const int origin = trace_->origin() ? trace_->origin()->card : -1;
    cards_->setTraces(trace_->traces(), origin);
    mapView_->setTrace(trace_->traceOf(selected_ + 1), origin == selected_ + 1);
    const QString text = trace_->description();
    traceLabel_->setText(text);
    traceLabel_->setVisible(!text.isEmpty());
}

void MainWindow::refreshSelectedMap() {
    SharedTensor map;
    QString name = tr("input");
    if (selected_ < 0) {
        map = compute_->input();
    } else if (selected_ < static_cast<int>(report_.layers.size()) &&
               report_.layers[static_cast<std::size_t>(selected_)].shape) {
        map = valuesOf(resultOf(selected_));
        name = report_.layers[static_cast<std::size_t>(selected_)].name;
    }
    const bool stale = isStale(selected_);
    mapView_->setFeatureMap(map);
    mapView_->setStale(stale && map != nullptr);
    showTrace();
    if (!map) {
        const bool invalid = selected_ >= 0 &&
                             selected_ < static_cast<int>(report_.layers.size()) &&
                             !report_.layers[static_cast<std::size_t>(selected_)].shape;
        mapView_->setPlaceholderText(
            invalid ? report_.layers[static_cast<std::size_t>(selected_)].error->message
                    : tr("No feature map yet"));
    }
    histogram_->setValues(map, tr("Values of %1").arg(name));
    const SharedTensor input = compute_->input();
    profile_->setProfiles(input, selected_ >= 0 ? map : nullptr, 0, name);
    if (input) {
        profile_->setRow(static_cast<double>(input->shape().h) / 2.0);
    }
}

void MainWindow::setComputeStatus(std::function<QString()> text) {
    computeStatus_ = std::move(text);
    computeLabel_->setText(computeStatus_());
}

void MainWindow::retranslateDynamicTexts() {
    // The note on switched-off layers is the analysis's one text in the interface language.
    report_ = spreadOverAllLayers(enabledReport_, document_->pipeline(), computedPositions_);
    stack_->setReport(report_);
    properties_->showLayer(selected_, report_);
    computeLabel_->setText(computeStatus_ ? computeStatus_() : QString());
    hoverLabel_->clear();
    updateTitle();
    refreshCards();
    refreshSelectedMap();
}

void MainWindow::updateTitle() {
    const QString file = document_->filePath().isEmpty()
                             ? tr("unsaved")
                             : QFileInfo(document_->filePath()).fileName();
    setWindowTitle(QStringLiteral("%1 (%2)%3 - StrideLab")
                       .arg(document_->pipeline().name, file,
                            document_->isModified() ? QStringLiteral(" *") : QString()));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!files_->maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() || event->mimeData()->hasImage()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile()) {
        files_->openPath(urls.front().toLocalFile());
        event->acceptProposedAction();
    }
}

}  // namespace stridelab::ui
