#pragma once

// Undo and redo for the Edit menu, named after the step they undo or redo ("Undo Edit
// conv2d_1"), in the current language. Not QUndoStack::createUndoAction: its "Undo" prefix is
// fixed when the action is made, and these must follow a language switch.

#include <QList>

class QAction;
class QObject;
class QUndoStack;

namespace stridelab::ui {

// Undo (Ctrl+Z) and redo (Ctrl+Shift+Z) of `stack`, owned by `parent`.
[[nodiscard]] QList<QAction*> createUndoRedoActions(QUndoStack* stack, QObject* parent);

}  // namespace stridelab::ui
