#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace stridelab {

// Writes `bytes` to a temporary file beside `path` and renames it into place, so a reader
// never sees a half-written file; on failure nothing is left behind.
[[nodiscard]] Status writeFileAtomically(const QString& path, const QByteArray& bytes);

}  // namespace stridelab
