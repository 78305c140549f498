#include "files/recovery_store.h"

#include "io/atomic_file.h"
#include "pipeline/pipeline_reader.h"
#include "pipeline/pipeline_writer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QUuid>

namespace stridelab::ui {

namespace {

const QString kSuffix = QStringLiteral(".stridelab-recovery.json");
const QString kFormat = QStringLiteral("stridelab.recovery");
constexpr int kAfterEditMs = 2000;
constexpr int kIntervalMs = 30000;

QString lockPathOf(const QString& recoveryFile) {
    return recoveryFile.chopped(kSuffix.size()) + QStringLiteral(".lock");
}

}  // namespace

RecoveryStore::RecoveryStore(PipelineDocument* document, QObject* parent, const QString& directory)
    : QObject(parent),
      document_(document),
      directory_(directory.isEmpty() ? defaultDirectory() : directory) {
    QDir().mkpath(directory_);
    const QString base = QStringLiteral("session-%1-%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    filePath_ = QDir(directory_).filePath(base + kSuffix);
    lock_ = std::make_unique<QLockFile>(lockPathOf(filePath_));
    lock_->setStaleLockTime(0);  // alive as long as this process is
    lock_->tryLock(0);           // a fresh name: nobody else holds it
    // Locks of sessions that crashed with nothing unsaved: taking a stale lock and letting it
    // go removes it.
    for (const QString& name :
         QDir(directory_).entryList({QStringLiteral("session-*.lock")}, QDir::Files)) {
        const QString path = QDir(directory_).filePath(name);
        if (!QFileInfo::exists(path.chopped(5) + kSuffix)) {
            QLockFile stale(path);
            stale.setStaleLockTime(0);
            if (stale.tryLock(0)) {
                stale.unlock();
            }
        }
    }
    afterEdit_.setSingleShot(true);
    afterEdit_.setInterval(kAfterEditMs);
    interval_.setInterval(kIntervalMs);
    connect(&afterEdit_, &QTimer::timeout, this, &RecoveryStore::writeNow);
    // During a long uninterrupted edit (a spin box held down) the debounce never fires.
    connect(&interval_, &QTimer::timeout, this, [this] {
        if (dirty_) {
            writeNow();
        }
    });
    interval_.start();
    connect(document_, &PipelineDocument::changed, this, &RecoveryStore::onChanged);
    connect(document_->undoStack(), &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (clean) {  // saved, reopened, or undone back to the saved state
            afterEdit_.stop();
            dirty_ = false;
            remove();
        }
    });
}

RecoveryStore::~RecoveryStore() {
    remove();
}

QString RecoveryStore::defaultDirectory() {
    const QString overridden = qEnvironmentVariable("STRIDELAB_RECOVERY_DIR");
    if (!overridden.isEmpty()) {
        return overridden;
    }
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("recovery"));
}

QString RecoveryStore::restoreTitle() {
    return tr("Restore unsaved work?");
}

void RecoveryStore::setDelays(int afterEditMs, int intervalMs) {
    afterEdit_.setInterval(afterEditMs);
    interval_.start(intervalMs);
}

void RecoveryStore::onChanged() {
    // Not asking isModified() here: during an undo stack push the change arrives before the
    // stack counts it. writeNow() asks, when it is time to write.
    dirty_ = true;
    afterEdit_.start();
}

void RecoveryStore::writeNow() {
    afterEdit_.stop();
    dirty_ = false;
    if (!document_->isModified()) {
        remove();
        return;
    }
    const QJsonObject content{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("version"), 1},
        {QStringLiteral("file"), document_->filePath()},
        {QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("pipeline"), pipelineToJson(document_->pipeline(), QDir(directory_))}};
    if (writeFileAtomically(filePath_, QJsonDocument(content).toJson())) {
        emit written(filePath_);
    }
}

void RecoveryStore::remove() {
    QFile::remove(filePath_);
}

QStringList RecoveryStore::orphans() const {
    QStringList found;
    const QFileInfoList files = QDir(directory_)
                                    .entryInfoList({QStringLiteral("*") + kSuffix}, QDir::Files,
                                                   QDir::Time);  // newest first
    for (const QFileInfo& file : files) {
        const QString path = file.absoluteFilePath();
        if (path == QFileInfo(filePath_).absoluteFilePath()) {
            continue;
        }
        // A session that is still running holds its lock; a crashed one left it stale.
        QLockFile lock(lockPathOf(path));
        lock.setStaleLockTime(0);
        if (lock.tryLock(0)) {
            lock.unlock();
            found << path;
        }
    }
    return found;
}

Result<RecoveryStore::Recovered> RecoveryStore::read(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::runtime(QStringLiteral("%1: %2").arg(path, file.errorString()));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject top = doc.object();
    if (parseError.error != QJsonParseError::NoError ||
        top.value(QStringLiteral("format")).toString() != kFormat ||
        !top.value(QStringLiteral("pipeline")).isObject()) {
        return Error::invalid(QStringLiteral("%1: not a StrideLab recovery file").arg(path));
    }
    auto pipeline =
        parsePipeline(QJsonDocument(top.value(QStringLiteral("pipeline")).toObject()).toJson(),
                      path, QFileInfo(path).absoluteDir());
    if (!pipeline) {
        return pipeline.error();
    }
    return Recovered{
        path, top.value(QStringLiteral("file")).toString(),
        QDateTime::fromString(top.value(QStringLiteral("saved")).toString(), Qt::ISODateWithMs),
        std::move(pipeline).value()};
}

bool RecoveryStore::offerRestore(QWidget* window) {
    const QStringList found = orphans();
    if (found.isEmpty()) {
        return false;
    }
    const QString path = found.first();
    auto recovered = read(path);
    if (!recovered) {
        // Kept under another name for a rescue by hand, and not offered again.
        QFile::rename(path, path + QStringLiteral(".unreadable"));
        QMessageBox::warning(window, restoreTitle(),
                             tr("StrideLab did not close normally last time, and its recovery "
                                "file cannot be read:\n%1")
                                 .arg(recovered.error().message));
        return false;
    }
    QMessageBox box(
        QMessageBox::Question, restoreTitle(),
        tr("StrideLab did not close normally last time. The pipeline \"%1\" had "
           "unsaved changes, kept at %2.\n\nRestore them?")
            .arg(recovered->pipeline.name,
                 QLocale().toString(recovered->saved.toLocalTime(), QLocale::ShortFormat)),
        QMessageBox::NoButton, window);
    QPushButton* restore = box.addButton(tr("&Restore"), QMessageBox::AcceptRole);
    box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    box.setDefaultButton(restore);
    box.exec();
    const bool restoring = box.clickedButton() == restore;
    if (restoring) {
        Pipeline base = document_->pipeline();
        QString basePath;
        if (!recovered->originalFile.isEmpty()) {
            if (auto original = loadPipeline(recovered->originalFile); original) {
                base = std::move(original).value();
                basePath = recovered->originalFile;
            }
        }
        // On top of what is on disk, so the restored work counts as unsaved and undo shows
        // what it changed.
        document_->reset(std::move(base), basePath);
        document_->apply(std::move(recovered->pipeline), [] { return tr("Restore unsaved work"); });
    }
    QFile::remove(path);
    return restoring;
}

}  // namespace stridelab::ui
