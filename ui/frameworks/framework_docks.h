#pragma once

// The main window's "Frameworks" and "Solve for Size" docks, built and fed in one place so
// the main window needs only a few lines for them.

#include "document/pipeline_document.h"
#include "pipeline/pipeline_analysis.h"

#include <QObject>

class QDockWidget;
class QMainWindow;

namespace stridelab::ui {

class FrameworkPanel;
class InversePanel;

class FrameworkDocks : public QObject {
    Q_OBJECT
public:
    // Adds both docks to `window`: the frameworks beside its "plotsDock", the solver beside
    // its "propertiesDock" (when those exist), each behind the one already there.
    FrameworkDocks(QMainWindow* window, PipelineDocument* document);

    // Shows layer `index` (-1: the input) of the document, analysed as `report`.
    void showLayer(int index, const PipelineReport& report);

    [[nodiscard]] QDockWidget* frameworksDock() const { return frameworksDock_; }
    [[nodiscard]] QDockWidget* inverseDock() const { return inverseDock_; }
    [[nodiscard]] FrameworkPanel* frameworks() const { return frameworks_; }
    [[nodiscard]] InversePanel* inverse() const { return inverse_; }

signals:
    // A layer was activated in the frameworks' all-layers table.
    void layerActivated(int index);

private:
    // Feeds the panel of `dock` the layer shown, now if the dock is seen, else once its tab
    // comes to the front: a dock behind another tab still counts as visible to Qt, and the
    // solver's search would otherwise run on every edit while a lecturer drags a slider.
    void feed(QDockWidget* dock);
    void feedNow(QDockWidget* dock);

    int shownIndex_ = -1;
    bool frameworksBehind_ = false;  // a layer is waiting for the dock to be seen
    bool inverseBehind_ = false;
    PipelineReport shownReport_;
    PipelineDocument* document_;
    FrameworkPanel* frameworks_ = nullptr;
    InversePanel* inverse_ = nullptr;
    QDockWidget* frameworksDock_ = nullptr;
    QDockWidget* inverseDock_ = nullptr;
};

}  // namespace stridelab::ui
