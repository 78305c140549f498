#pragma once

// An export or a save never replaces an existing file without asking. The file dialogs are
// opened with QFileDialog::DontConfirmOverwrite and this asks instead, once the final name is
// known (a suffix may be added after the dialog).

#include <QString>

class QWidget;

namespace stridelab::ui {

// True when `path` does not exist, or the user agrees to replace it.
[[nodiscard]] bool confirmOverwrite(QWidget* parent, const QString& path);

// True when the folder `dir` holds no file matching `pattern` (e.g. "frame_*.png"), or the
// user agrees to replace them.
[[nodiscard]] bool confirmOverwriteFiles(QWidget* parent, const QString& dir,
                                         const QString& pattern);

// The title of the question both ask, for tests that answer it.
[[nodiscard]] QString overwriteQuestionTitle();

}  // namespace stridelab::ui
