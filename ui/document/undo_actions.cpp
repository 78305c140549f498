#include "document/undo_actions.h"

#include "i18n/language.h"

#include <QAction>
#include <QCoreApplication>
#include <QUndoStack>

namespace stridelab::ui {

QList<QAction*> createUndoRedoActions(QUndoStack* stack, QObject* parent) {
    auto* undo = new QAction(parent);
    undo->setShortcut(QKeySequence::Undo);
    auto* redo = new QAction(parent);
    redo->setShortcut(QKeySequence::Redo);
    auto undoText = [undo, stack] {
        const QString step = stack->undoText();
        undo->setText(step.isEmpty()
                          ? QCoreApplication::translate("UndoActions", "&Undo")
                          : QCoreApplication::translate("UndoActions", "&Undo %1").arg(step));
    };
    auto redoText = [redo, stack] {
        const QString step = stack->redoText();
        redo->setText(step.isEmpty()
                          ? QCoreApplication::translate("UndoActions", "&Redo")
                          : QCoreApplication::translate("UndoActions", "&Redo %1").arg(step));
    };
    // After a switch the document renames its steps first (it was made before these).
    i18n::retranslate(undo, undoText);
    i18n::retranslate(redo, redoText);
    QObject::connect(stack, &QUndoStack::undoTextChanged, undo, undoText);
    QObject::connect(stack, &QUndoStack::redoTextChanged, redo, redoText);
    undo->setEnabled(stack->canUndo());
    redo->setEnabled(stack->canRedo());
    QObject::connect(stack, &QUndoStack::canUndoChanged, undo, &QAction::setEnabled);
    QObject::connect(stack, &QUndoStack::canRedoChanged, redo, &QAction::setEnabled);
    QObject::connect(undo, &QAction::triggered, stack, &QUndoStack::undo);
    QObject::connect(redo, &QAction::triggered, stack, &QUndoStack::redo);
    return {undo, redo};
}

}  // namespace stridelab::ui
