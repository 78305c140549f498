#pragma once

// Nothing a user made is lost to a crash: while the pipeline has unsaved changes it is written
// (with its input image reference) to a recovery file of this session, atomically, shortly
// after every edit and at intervals during long edits. A lock file marks the session as alive.
// A clean save, an undo back to the saved state or a clean exit removes the file; one left by
// a session that crashed is offered for restoring at the next start.

#include "document/pipeline_document.h"

#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QTimer>

#include <memory>

class QWidget;

namespace stridelab::ui {

class RecoveryStore : public QObject {
    Q_OBJECT
public:
    // `directory`: where recovery files live; empty: defaultDirectory().
    explicit RecoveryStore(PipelineDocument* document, QObject* parent = nullptr,
                           const QString& directory = {});
    // Reached only by a clean exit (after the window agreed to close): removes the file.
    ~RecoveryStore() override;
    RecoveryStore(const RecoveryStore&) = delete;
    RecoveryStore& operator=(const RecoveryStore&) = delete;

    // $STRIDELAB_RECOVERY_DIR when set (tests), else "recovery" in the application data folder.
    [[nodiscard]] static QString defaultDirectory();
    [[nodiscard]] const QString& directory() const { return directory_; }
    // This session's recovery file (it exists only while there are unsaved changes).
    [[nodiscard]] const QString& filePath() const { return filePath_; }

    // How long after an edit the file is written, and how often during uninterrupted editing.
    void setDelays(int afterEditMs, int intervalMs);
    // Writes the file now if there are unsaved changes, else removes it.
    void writeNow();

    struct Recovered {
        QString recoveryFile;
        QString originalFile;  // the file the pipeline was opened from ("" for none)
        QDateTime saved;
        Pipeline pipeline;
    };
    // The recovery files no running session holds (left by a crash), newest first.
    [[nodiscard]] QStringList orphans() const;
    [[nodiscard]] static Result<Recovered> read(const QString& path);

    // At start: asks whether to restore the newest orphan (Restore / Discard). Restoring puts
    // it in the document as one undoable step on top of its original file (or the current
    // pipeline), so it counts as unsaved; either answer removes the orphan. Returns whether a
    // pipeline was restored.
    bool offerRestore(QWidget* window);

    // The dialog's title, for tests that answer it.
    [[nodiscard]] static QString restoreTitle();

signals:
    // After the file was written (for tests and the status bar).
    void written(const QString& path);

private:
    void onChanged();
    void remove();

    PipelineDocument* document_;
    QString directory_;
    QString filePath_;
    std::unique_ptr<QLockFile> lock_;
    QTimer afterEdit_;
    QTimer interval_;
    bool dirty_ = false;
};

}  // namespace stridelab::ui
