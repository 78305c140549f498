#include "shape/padding.h"

#include <QStringList>

namespace stridelab {

std::int64_t PaddingSpec::before(Axis axis) const {
    if (kind != PaddingKind::Explicit || values.empty()) {
        return 0;
    }
    switch (values.size()) {
        case 1:
            return values[0];
        case 2:
            return axis == Axis::Height ? values[0] : values[1];
        default:
            return axis == Axis::Height ? values[0] : values[2];
    }
}

std::int64_t PaddingSpec::after(Axis axis) const {
    if (kind != PaddingKind::Explicit || values.empty()) {
        return 0;
    }
    switch (values.size()) {
        case 1:
            return values[0];
        case 2:
            return axis == Axis::Height ? values[0] : values[1];
        default:
            return axis == Axis::Height ? values[1] : values[3];
    }
}

bool PaddingSpec::isSymmetric() const {
    return before(Axis::Height) == after(Axis::Height) && before(Axis::Width) == after(Axis::Width);
}

QString PaddingSpec::toString() const {
    switch (kind) {
        case PaddingKind::Valid:
            return QStringLiteral("valid");
        case PaddingKind::Same:
            return QStringLiteral("same");
        case PaddingKind::Explicit:
            break;
    }
    QStringList parts;
    for (const auto v : values) {
        parts << QString::number(v);
    }
    return values.size() == 1 ? parts.front()
                              : QStringLiteral("[%1]").arg(parts.join(QStringLiteral(", ")));
}

}  // namespace stridelab
