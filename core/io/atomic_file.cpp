#include "io/atomic_file.h"

#include <QSaveFile>

namespace stridelab {

Status writeFileAtomically(const QString& path, const QByteArray& bytes) {
    return writeFileAtomically(path, {QByteArrayView(bytes)});
}

Status writeFileAtomically(const QString& path, std::initializer_list<QByteArrayView> parts) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error::runtime(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    }
    for (const QByteArrayView part : parts) {
        if (file.write(part.data(), part.size()) != part.size()) {
            const QString reason = file.errorString();
            file.cancelWriting();
            return Error::runtime(QStringLiteral("%1: cannot write: %2").arg(path, reason));
        }
    }
    if (!file.commit()) {
        return Error::runtime(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    }
    return success();
}

}  // namespace stridelab
