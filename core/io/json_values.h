#pragma once

// The JSON forms the pipeline file writes: a pair as one integer when both are equal.

#include "shape/padding.h"
#include "tensor/shape.h"

#include <QJsonArray>
#include <QJsonValue>

namespace stridelab {

[[nodiscard]] inline QJsonValue pairToJson(Pair p) {
    if (p.h == p.w) {
        return static_cast<double>(p.h);
    }
    return QJsonArray{static_cast<double>(p.h), static_cast<double>(p.w)};
}

[[nodiscard]] inline QJsonValue paddingToJson(const PaddingSpec& padding) {
    switch (padding.kind) {
        case PaddingKind::Valid:
            return QStringLiteral("valid");
        case PaddingKind::Same:
            return QStringLiteral("same");
        case PaddingKind::Explicit:
            break;
    }
    if (padding.values.size() == 1) {
        return static_cast<double>(padding.values.front());
    }
    QJsonArray values;
    for (const auto v : padding.values) {
        values.append(static_cast<double>(v));
    }
    return values;
}

}  // namespace stridelab
