#include "shape/padding.h"

#include <QStringList>

namespace stridelab {

namespace {

// The explicit amount on one side of an axis, from the form written: p, [ph, pw] or
// [top, bottom, left, right].
std::int64_t explicitAmount(const PaddingSpec& spec, Axis axis, bool after) {
    if (spec.kind != PaddingKind::Explicit || spec.values.empty()) {
        return 0;
    }
    const std::size_t axisIndex = axis == Axis::Height ? 0 : 1;
    switch (spec.values.size()) {
        case 1:
            return spec.values[0];
        case 2:
            return spec.values[axisIndex];
        default:
            return spec.values[2 * axisIndex + (after ? 1 : 0)];
    }
}

}  // namespace

std::int64_t PaddingSpec::before(Axis axis) const {
    return explicitAmount(*this, axis, false);
}

std::int64_t PaddingSpec::after(Axis axis) const {
    return explicitAmount(*this, axis, true);
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
