#include "files/overwrite_prompt.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace stridelab::ui {

namespace {

bool askToReplace(QWidget* parent, const QString& question) {
    QMessageBox box(QMessageBox::Warning, overwriteQuestionTitle(), question, QMessageBox::NoButton,
                    parent);
    QPushButton* replace = box.addButton(QCoreApplication::translate("OverwritePrompt", "&Replace"),
                                         QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == replace;
}

}  // namespace

QString overwriteQuestionTitle() {
    return QCoreApplication::translate("OverwritePrompt", "Replace the existing file?");
}

bool confirmOverwrite(QWidget* parent, const QString& path) {
    const QFileInfo info(path);
    if (!info.exists()) {
        return true;
    }
    return askToReplace(parent,
                        QCoreApplication::translate("OverwritePrompt",
                                                    "%1 already exists in %2.\n\n"
                                                    "Replace it?")
                            .arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath())));
}

bool confirmOverwriteFiles(QWidget* parent, const QString& dir, const QString& pattern) {
    const QStringList existing = QDir(dir).entryList({pattern}, QDir::Files, QDir::Name);
    if (existing.isEmpty()) {
        return true;
    }
    return askToReplace(parent, QCoreApplication::translate(
                                    "OverwritePrompt",
                                    "%1 already holds files named like %2 (%3 and %4 more).\n\n"
                                    "Replace them?")
                                    .arg(QDir::toNativeSeparators(dir), pattern, existing.first())
                                    .arg(existing.size() - 1));
}

}  // namespace stridelab::ui
