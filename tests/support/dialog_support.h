#pragma once

// Answering the modal dialogs a GUI test provokes, and finding menu actions by their text.

#include <QAbstractButton>
#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTimer>

#include <memory>

namespace stridelab::test {

// What the answered message box said. Watching stops when this is destroyed, so an answer
// that was not needed does not linger into the next test.
struct BoxAnswer {
    QString title;
    QString text;
    QStringList buttons;  // their texts without '&'
    bool answered = false;
    std::unique_ptr<QTimer> watcher;
};

// Watches for the next QMessageBox (checking every few milliseconds, so it is found however
// deep in the code its exec() is), records its title and text, and clicks the button whose
// text without '&' is `button`. A box without such a button is closed unanswered (answered
// stays false), so the test fails instead of hanging.
inline std::shared_ptr<BoxAnswer> answerNextMessageBox(const QString& button) {
    auto answer = std::make_shared<BoxAnswer>();
    answer->watcher = std::make_unique<QTimer>();
    QTimer* timer = answer->watcher.get();
    BoxAnswer* into = answer.get();  // lives as long as the timer
    timer->setInterval(5);
    QObject::connect(timer, &QTimer::timeout, [timer, into, button] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (box == nullptr) {
            return;
        }
        timer->stop();
        into->title = box->windowTitle();
        into->text = box->text();
        QAbstractButton* chosen = nullptr;
        for (QAbstractButton* b : box->buttons()) {
            const QString text = b->text().remove(QLatin1Char('&'));
            into->buttons << text;
            if (text == button) {
                chosen = b;
            }
        }
        if (chosen == nullptr) {
            box->done(-1);
            return;
        }
        into->answered = true;
        chosen->click();
    });
    timer->start();
    return answer;
}

// The action reached through menus of the menu bar by their texts (with '&'), e.g.
// {"&File", "&Presets", "MNIST trunk"}; nullptr when there is none.
inline QAction* menuAction(QMainWindow& window, const QStringList& path) {
    QList<QAction*> actions = window.menuBar()->actions();
    QAction* found = nullptr;
    for (const QString& text : path) {
        found = nullptr;
        for (QAction* a : actions) {
            if (a->text() == text) {
                found = a;
            }
        }
        if (found == nullptr) {
            return nullptr;
        }
        actions = found->menu() != nullptr ? found->menu()->actions() : QList<QAction*>{};
    }
    return found;
}

}  // namespace stridelab::test
