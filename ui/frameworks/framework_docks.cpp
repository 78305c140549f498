#include "frameworks/framework_docks.h"

#include "frameworks/framework_panel.h"
#include "frameworks/inverse_panel.h"
#include "i18n/language.h"

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
    frameworksDock_ = new QDockWidget(window);
    frameworksDock_->setObjectName(QStringLiteral("frameworksDock"));
    frameworksDock_->setWidget(frameworks_);
    placeBehind(window, frameworksDock_, "plotsDock", Qt::BottomDockWidgetArea);

    inverse_ = new InversePanel(document, window);
    inverseDock_ = new QDockWidget(window);
    inverseDock_->setObjectName(QStringLiteral("inverseDock"));
    inverseDock_->setWidget(inverse_);
    placeBehind(window, inverseDock_, "propertiesDock", Qt::RightDockWidgetArea);

    connect(frameworks_, &FrameworkPanel::layerActivated, this, &FrameworkDocks::layerActivated);
    for (QDockWidget* dock : {frameworksDock_, inverseDock_}) {
        connect(dock, &QDockWidget::visibilityChanged, this, [this, dock](bool visible) {
            bool& behind = dock == frameworksDock_ ? frameworksBehind_ : inverseBehind_;
            if (visible && behind) {
                feedNow(dock);
            }
        });
    }
    // A dock's title renames its toggle action, so the title goes first.
    i18n::retranslate(this, [this] {
        frameworksDock_->setWindowTitle(tr("Frameworks"));
        frameworksDock_->toggleViewAction()->setText(tr("&Frameworks (Keras and PyTorch)"));
        inverseDock_->setWindowTitle(tr("Solve for Size"));
        inverseDock_->toggleViewAction()->setText(tr("&Solve for Size"));
    });
    // The panels' texts are made from the layer shown: show it again in the new language.
    i18n::onLanguageChange(this, [this] { showLayer(shownIndex_, shownReport_); });
}

void FrameworkDocks::showLayer(int index, const PipelineReport& report) {
    shownIndex_ = index;
    shownReport_ = report;
    feed(frameworksDock_);
    feed(inverseDock_);
}

void FrameworkDocks::feed(QDockWidget* dock) {
    // Not yet on screen (the window opening) counts as seen: the panels then catch up on
    // their own when shown.
    const bool behindTab = dock->isVisible() && dock->window()->isVisible() &&
                           dock->visibleRegion().isEmpty() && !dock->isFloating();
    if (behindTab) {
        (dock == frameworksDock_ ? frameworksBehind_ : inverseBehind_) = true;
    } else {
        feedNow(dock);
    }
}

void FrameworkDocks::feedNow(QDockWidget* dock) {
    if (dock == frameworksDock_) {
        frameworksBehind_ = false;
        frameworks_->showLayer(document_->pipeline(), shownIndex_, shownReport_);
    } else {
        inverseBehind_ = false;
        inverse_->showLayer(shownIndex_, shownReport_);
    }
}

}  // namespace stridelab::ui
