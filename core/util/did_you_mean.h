#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace stridelab {

// The candidate closest to `word` by edit distance, if it is close enough to be the word the
// user meant ("stride" -> "strides"); nothing if no candidate is plausible.
[[nodiscard]] std::optional<QString> closestMatch(const QString& word,
                                                  const QStringList& candidates);

// "; did you mean "strides"?" or an empty string.
[[nodiscard]] QString didYouMeanSuffix(const QString& word, const QStringList& candidates);

}  // namespace stridelab
