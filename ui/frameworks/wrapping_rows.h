#pragma once

// Rows of a tree as tall as their word-wrapped text in each column's present width: QTreeView
// alone measures text unwrapped, so a long explanation or formula would be cut.

class QTreeWidget;

namespace stridelab::ui {

// Gives `tree` a delegate that wraps its text, and lays the rows out again whenever a column
// changes width.
void wrapRows(QTreeWidget* tree);

}  // namespace stridelab::ui
