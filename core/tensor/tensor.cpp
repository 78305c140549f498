#include "tensor/tensor.h"

#include <QStringList>

#include <algorithm>
#include <cassert>

namespace stridelab {

Tensor::Tensor(Shape shape, const std::vector<float>& values)
    : shape_(shape), values_(values.begin(), values.end()) {
    assert(static_cast<std::int64_t>(values_.size()) == shape.elements());
}

void Tensor::resize(Shape shape, float fill) {
    shape_ = shape;
    values_.assign(static_cast<std::size_t>(shape.elements()), fill);
}

void Tensor::reshapeKeepingValues(Shape shape) {
    shape_ = shape;
    values_.resize(static_cast<std::size_t>(shape.elements()));
}

void Tensor::fill(float value) {
    std::fill(values_.begin(), values_.end(), value);
}

QString NdArray::shapeString() const {
    QStringList parts;
    for (const auto d : dims) {
        parts << QString::number(d);
    }
    if (dims.size() == 1) {
        return QStringLiteral("(%1,)").arg(parts.front());
    }
    return QStringLiteral("(") + parts.join(QStringLiteral(", ")) + QStringLiteral(")");
}

}  // namespace stridelab
