#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <initializer_list>

namespace stridelab {

// Writes `bytes` to a temporary file beside `path` and renames it into place, so a reader
// never sees a half-written file; on failure nothing is left behind.
[[nodiscard]] Status writeFileAtomically(const QString& path, const QByteArray& bytes);
// The same for a file made of several parts, written one after the other without joining.
[[nodiscard]] Status writeFileAtomically(const QString& path,
                                         std::initializer_list<QByteArrayView> parts);

}  // namespace stridelab
