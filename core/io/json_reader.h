#pragma once

// Strict, typed reading of one JSON object of a pipeline file: every accessor names the JSON
// path in its errors ("layers[2].kernel_size: ..."), and keys the caller does not allow are
// errors with a "did you mean".

#include "shape/padding.h"
#include "tensor/shape.h"
#include "util/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <limits>
#include <optional>

namespace stridelab {

// The largest value of any size, count or amount in a pipeline file (extents, kernels,
// strides, dilations, paddings, filters, groups, factors): far beyond any image StrideLab can
// hold in memory, and small enough that no shape arithmetic can overflow.
constexpr std::int64_t kMaxParameter = 65536;

// A JSON value rendered for an error message: strings quoted, arrays compact.
[[nodiscard]] QString describeJson(const QJsonValue& value);

class JsonObjectReader {
public:
    JsonObjectReader(QJsonObject object, QString path);

    [[nodiscard]] const QString& path() const { return path_; }
    [[nodiscard]] QString pathOf(const QString& key) const;
    [[nodiscard]] bool has(const QString& key) const { return object_.contains(key); }
    [[nodiscard]] QJsonValue value(const QString& key) const { return object_.value(key); }
    [[nodiscard]] Error errorAt(const QString& key, const QString& message) const;

    // An error for the first key (alphabetically: QJsonObject sorts its keys) not in `allowed`.
    [[nodiscard]] Status allowOnly(const QStringList& allowed) const;

    [[nodiscard]] Result<QString> requiredString(const QString& key) const;
    [[nodiscard]] Result<std::optional<QString>> optionalString(const QString& key) const;
    [[nodiscard]] Result<QString> choice(const QString& key, const QStringList& allowed,
                                         const QString& fallback) const;
    [[nodiscard]] Result<bool> boolean(const QString& key, bool fallback) const;
    [[nodiscard]] Result<std::int64_t> integer(const QString& key, std::int64_t minimum,
                                               std::optional<std::int64_t> fallback,
                                               std::int64_t maximum = kMaxParameter) const;
    [[nodiscard]] Result<double> number(const QString& key, double fallback) const;
    // An integer n (meaning [n, n]) or a pair [h, w], each >= minimum.
    [[nodiscard]] Result<Pair> pair(const QString& key, std::int64_t minimum,
                                    std::optional<Pair> fallback) const;
    [[nodiscard]] Result<std::optional<Pair>> optionalPair(const QString& key,
                                                           std::int64_t minimum) const;
    // "valid", "same", p, [ph, pw] or (if fourAllowed) [top, bottom, left, right].
    [[nodiscard]] Result<PaddingSpec> padding(const QString& key, bool fourAllowed) const;

private:
    QJsonObject object_;
    QString path_;
};

// An integer from a JSON number that must be whole; nothing if it is not.
[[nodiscard]] std::optional<std::int64_t> jsonInteger(const QJsonValue& value);

}  // namespace stridelab
