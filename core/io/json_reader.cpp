#include "io/json_reader.h"

#include "util/did_you_mean.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace stridelab {

QString describeJson(const QJsonValue& value) {
    switch (value.type()) {
        case QJsonValue::Null:
            return QStringLiteral("null");
        case QJsonValue::Bool:
            return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        case QJsonValue::Double:
            return QString::number(value.toDouble(), 'g', 17);
        case QJsonValue::String:
            return QStringLiteral("\"%1\"").arg(value.toString());
        case QJsonValue::Array: {
            const QByteArray text = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
            return QString::fromUtf8(text.size() > 60 ? text.left(57) + "..." : text);
        }
        case QJsonValue::Object:
            return QStringLiteral("an object");
        case QJsonValue::Undefined:
            break;
    }
    return QStringLiteral("nothing");
}

std::optional<std::int64_t> jsonInteger(const QJsonValue& value) {
    if (!value.isDouble()) {
        return std::nullopt;
    }
    const double d = value.toDouble();
    constexpr double kLargestExact = 9007199254740992.0;  // 2^53
    if (!std::isfinite(d) || std::floor(d) != d || std::abs(d) > kLargestExact) {
        return std::nullopt;
    }
    return static_cast<std::int64_t>(d);
}

JsonObjectReader::JsonObjectReader(QJsonObject object, QString path)
    : object_(std::move(object)), path_(std::move(path)) {}

QString JsonObjectReader::pathOf(const QString& key) const {
    return path_.isEmpty() ? key : path_ + QLatin1Char('.') + key;
}

Error JsonObjectReader::errorAt(const QString& key, const QString& message) const {
    return Error::invalid(pathOf(key) + QStringLiteral(": ") + message);
}

Status JsonObjectReader::allowOnly(const QStringList& allowed) const {
    for (const QString& key : object_.keys()) {
        if (!allowed.contains(key)) {
            return errorAt(key, QStringLiteral("unknown key") + didYouMeanSuffix(key, allowed));
        }
    }
    return success();
}

Result<QString> JsonObjectReader::requiredString(const QString& key) const {
    const QJsonValue v = object_.value(key);
    if (v.isUndefined()) {
        return errorAt(key, QStringLiteral("required key is missing"));
    }
    if (!v.isString()) {
        return errorAt(key, QStringLiteral("expected a string, got %1").arg(describeJson(v)));
    }
    return v.toString();
}

Result<std::optional<QString>> JsonObjectReader::optionalString(const QString& key) const {
    if (!has(key)) {
        return std::optional<QString>{};
    }
    auto s = requiredString(key);
    if (!s) {
        return s.error();
    }
    return std::optional<QString>{s.value()};
}

Result<QString> JsonObjectReader::choice(const QString& key, const QStringList& allowed,
                                         const QString& fallback) const {
    if (!has(key)) {
        return fallback;
    }
    const QJsonValue v = object_.value(key);
    const QString expected =
        QStringLiteral("one of \"%1\"").arg(allowed.join(QStringLiteral("\", \"")));
    if (!v.isString()) {
        return errorAt(key, QStringLiteral("expected %1, got %2").arg(expected, describeJson(v)));
    }
    if (!allowed.contains(v.toString())) {
        return errorAt(
            key, QStringLiteral("expected %1, got %2%3")
                     .arg(expected, describeJson(v), didYouMeanSuffix(v.toString(), allowed)));
    }
    return v.toString();
}

Result<bool> JsonObjectReader::boolean(const QString& key, bool fallback) const {
    if (!has(key)) {
        return fallback;
    }
    const QJsonValue v = object_.value(key);
    if (!v.isBool()) {
        return errorAt(key, QStringLiteral("expected true or false, got %1").arg(describeJson(v)));
    }
    return v.toBool();
}

Result<std::int64_t> JsonObjectReader::integer(const QString& key, std::int64_t minimum,
                                               std::optional<std::int64_t> fallback,
                                               std::int64_t maximum) const {
    if (!has(key)) {
        if (fallback) {
            return *fallback;
        }
        return errorAt(key, QStringLiteral("required key is missing"));
    }
    const QJsonValue v = object_.value(key);
    const auto n = jsonInteger(v);
    if (!n) {
        return errorAt(
            key,
            QStringLiteral("expected an integer >= %1, got %2").arg(minimum).arg(describeJson(v)));
    }
    if (*n < minimum || *n > maximum) {
        return errorAt(
            key, QStringLiteral("must be from %1 to %2, got %3").arg(minimum).arg(maximum).arg(*n));
    }
    return *n;
}

Result<double> JsonObjectReader::number(const QString& key, double fallback) const {
    if (!has(key)) {
        return fallback;
    }
    const QJsonValue v = object_.value(key);
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        return errorAt(key, QStringLiteral("expected a number, got %1").arg(describeJson(v)));
    }
    return v.toDouble();
}

Result<Pair> JsonObjectReader::pair(const QString& key, std::int64_t minimum,
                                    std::optional<Pair> fallback) const {
    if (!has(key)) {
        if (fallback) {
            return *fallback;
        }
        return errorAt(key, QStringLiteral("required key is missing"));
    }
    const QJsonValue v = object_.value(key);
    const QString expected =
        QStringLiteral("expected an integer >= %1 or a pair [height, width] of them, got %2")
            .arg(minimum)
            .arg(describeJson(v));
    if (const auto n = jsonInteger(v)) {
        if (*n < minimum || *n > kMaxParameter) {
            return errorAt(key, QStringLiteral("must be from %1 to %2, got %3")
                                    .arg(minimum)
                                    .arg(kMaxParameter)
                                    .arg(*n));
        }
        return Pair{*n, *n};
    }
    if (!v.isArray() || v.toArray().size() != 2) {
        return errorAt(key, expected);
    }
    const QJsonArray a = v.toArray();
    const auto h = jsonInteger(a[0]);
    const auto w = jsonInteger(a[1]);
    if (!h || !w) {
        return errorAt(key, expected);
    }
    if (*h < minimum || *w < minimum || *h > kMaxParameter || *w > kMaxParameter) {
        return errorAt(key, QStringLiteral("each value must be from %1 to %2, got [%3, %4]")
                                .arg(minimum)
                                .arg(kMaxParameter)
                                .arg(*h)
                                .arg(*w));
    }
    return Pair{*h, *w};
}

Result<std::optional<Pair>> JsonObjectReader::optionalPair(const QString& key,
                                                           std::int64_t minimum) const {
    if (!has(key)) {
        return std::optional<Pair>{};
    }
    auto p = pair(key, minimum, std::nullopt);
    if (!p) {
        return p.error();
    }
    return std::optional<Pair>{p.value()};
}

Result<PaddingSpec> JsonObjectReader::padding(const QString& key, bool fourAllowed) const {
    if (!has(key)) {
        return PaddingSpec::valid();
    }
    const QJsonValue v = object_.value(key);
    const QString forms =
        fourAllowed
            ? QStringLiteral("\"valid\", \"same\", p, [ph, pw] or [top, bottom, left, right]")
            : QStringLiteral("\"valid\", \"same\", p or [ph, pw]");
    const QString expected =
        QStringLiteral("expected %1 with integers >= 0, got %2").arg(forms, describeJson(v));
    if (v.isString()) {
        if (v.toString() == QStringLiteral("valid")) {
            return PaddingSpec::valid();
        }
        if (v.toString() == QStringLiteral("same")) {
            return PaddingSpec::same();
        }
        return errorAt(key, expected + didYouMeanSuffix(v.toString(), {QStringLiteral("valid"),
                                                                       QStringLiteral("same")}));
    }
    PaddingSpec spec{PaddingKind::Explicit, {}};
    if (const auto n = jsonInteger(v)) {
        spec.values = {*n};
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (a.size() != 2 && !(fourAllowed && a.size() == 4)) {
            return errorAt(key, expected);
        }
        for (const QJsonValue& item : a) {
            const auto amount = jsonInteger(item);
            if (!amount) {
                return errorAt(key, expected);
            }
            spec.values.push_back(*amount);
        }
    } else {
        return errorAt(key, expected);
    }
    for (const auto p : spec.values) {
        if (p < 0 || p > kMaxParameter) {
            return errorAt(key, QStringLiteral("padding must be from 0 to %1, got %2")
                                    .arg(kMaxParameter)
                                    .arg(describeJson(v)));
        }
    }
    return spec;
}

}  // namespace stridelab
