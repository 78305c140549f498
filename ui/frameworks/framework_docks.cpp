#include "frameworks/framework_docks.h"

#include "frameworks/framework_panel.h"
#include "frameworks/inverse_panel.h"

#include <QDockWidget>
#include <QMainWindow>

namespace stridelab::ui {

namespace {

// Puts `dock` behind the dock named `beside`, or alone in `area` when there is none.
void placeBehind(QMainWindow* window, QDockWidget* dock, const char* beside,
                 Qt::DockWidgetArea area) {
    auto* other = window->findChild<QDockWidget*>(QString::fromLatin1(beside));
    window->addDockWidget(area, dock);
    if (other != nullptr) {
        window->tabifyDockWidget(other, dock);
        other->raise();
    }
}

}  // namespace

FrameworkDocks::FrameworkDocks(QMainWindow* window, PipelineDocument* document)
    : QObject(window), document_(document) {
    frameworks_ = new FrameworkPanel(window);
    frameworksDock_ = new QDockWidget(tr("Frameworks"), window);
    frameworksDock_->setObjectName(QStringLiteral("frameworksDock"));
    frameworksDock_->setWidget(frameworks_);
    frameworksDock_->toggleViewAction()->setText(tr("&Frameworks (Keras and PyTorch)"));
    placeBehind(window, frameworksDock_, "plotsDock", Qt::BottomDockWidgetArea);

    inverse_ = new InversePanel(document, window);
    inverseDock_ = new QDockWidget(tr("Solve for Size"), window);
    inverseDock_->setObjectName(QStringLiteral("inverseDock"));
    inverseDock_->setWidget(inverse_);
    inverseDock_->toggleViewAction()->setText(tr("&Solve for Size"));
    placeBehind(window, inverseDock_, "propertiesDock", Qt::RightDockWidgetArea);

    connect(frameworks_, &FrameworkPanel::layerActivated, this, &FrameworkDocks::layerActivated);
}

void FrameworkDocks::showLayer(int index, const PipelineReport& report) {
    frameworks_->showLayer(document_->pipeline(), index, report);
    inverse_->showLayer(index, report);
}

}  // namespace stridelab::ui
