#include "util/did_you_mean.h"

#include <algorithm>
#include <vector>

namespace stridelab {

namespace {

qsizetype editDistance(const QString& a, const QString& b) {
    std::vector<qsizetype> previous(static_cast<std::size_t>(b.size()) + 1);
    std::vector<qsizetype> current(previous.size());
    for (qsizetype j = 0; j <= b.size(); ++j) {
        previous[static_cast<std::size_t>(j)] = j;
    }
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const auto uj = static_cast<std::size_t>(j);
            const qsizetype substitution =
                previous[uj - 1] + (a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1);
            current[uj] = std::min({previous[uj] + 1, current[uj - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[static_cast<std::size_t>(b.size())];
}

}  // namespace

std::optional<QString> closestMatch(const QString& word, const QStringList& candidates) {
    std::optional<QString> best;
    qsizetype bestDistance = 0;
    for (const QString& candidate : candidates) {
        const qsizetype distance = editDistance(word, candidate);
        if (!best || distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    // A third of the longer word, at least 2 edits: catches "stride", "kernal_size", "pading"
    // but not unrelated words.
    const qsizetype limit =
        std::max<qsizetype>(2, std::max(word.size(), best ? best->size() : 0) / 3);
    if (best && bestDistance <= limit) {
        return best;
    }
    return std::nullopt;
}

QString didYouMeanSuffix(const QString& word, const QStringList& candidates) {
    if (const auto match = closestMatch(word, candidates)) {
        return QStringLiteral("; did you mean \"%1\"?").arg(*match);
    }
    return {};
}

}  // namespace stridelab
