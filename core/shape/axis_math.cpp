#include "shape/axis_math.h"

#include <algorithm>

namespace stridelab {

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) {
        --q;
    }
    return q;
}

std::int64_t ceilDiv(std::int64_t a, std::int64_t b) {
    return -floorDiv(-a, b);
}

std::int64_t effectiveKernelExtent(std::int64_t kernel, std::int64_t dilation) {
    return dilation * (kernel - 1) + 1;
}

namespace {

AxisShape windowAxis(std::int64_t n, std::int64_t kernel, std::int64_t stride,
                     std::int64_t dilation, const PaddingSpec& padding, bool ceilMode, Axis axis) {
    AxisShape a;
    a.in = n;
    a.kernel = kernel;
    a.stride = stride;
    a.dilation = dilation;
    a.effectiveKernel = effectiveKernelExtent(kernel, dilation);
    const std::int64_t ke = a.effectiveKernel;

    if (padding.kind == PaddingKind::Same) {
        // TensorFlow: out = ceil(n / s); the odd pixel of padding goes after.
        a.out = ceilDiv(n, stride);
        const std::int64_t total = std::max((a.out - 1) * stride + ke - n, std::int64_t{0});
        a.before = total / 2;
        a.after = total - a.before;
        a.paddedExtent = n + total;
        a.formula = QStringLiteral("ceil(%1 / %2) = %3").arg(n).arg(stride).arg(a.out);
        return a;
    }

    a.before = padding.before(axis);
    a.after = padding.after(axis);
    a.paddedExtent = n + a.before + a.after;
    const std::int64_t span = a.paddedExtent - ke;
    const QString body =
        QStringLiteral("((%1 + %2 - %3) / %4)").arg(n).arg(a.before + a.after).arg(ke).arg(stride);
    if (!ceilMode) {
        a.out = floorDiv(span, stride) + 1;
        a.formula = QStringLiteral("floor%1 + 1 = %2").arg(body).arg(a.out);
        return a;
    }
    a.out = ceilDiv(span, stride) + 1;
    // PyTorch drops a last window that would start in the bottom/right padding.
    if (a.out >= 1 && (a.out - 1) * stride >= n + a.before) {
        a.out -= 1;
        a.formula =
            QStringLiteral("ceil%1 + 1 - 1 = %2 (the last window would start in the padding)")
                .arg(body)
                .arg(a.out);
        return a;
    }
    a.formula = QStringLiteral("ceil%1 + 1 = %2").arg(body).arg(a.out);
    return a;
}

}  // namespace

AxisShape convAxis(std::int64_t n, std::int64_t kernel, std::int64_t stride, std::int64_t dilation,
                   const PaddingSpec& padding, Axis axis) {
    return windowAxis(n, kernel, stride, dilation, padding, false, axis);
}

AxisShape poolAxis(std::int64_t n, std::int64_t kernel, std::int64_t stride,
                   const PaddingSpec& padding, bool ceilMode, Axis axis) {
    return windowAxis(n, kernel, stride, 1, padding, ceilMode, axis);
}

AxisShape transposedConvAxis(std::int64_t n, std::int64_t kernel, std::int64_t stride,
                             std::int64_t dilation, const PaddingSpec& padding,
                             std::optional<std::int64_t> outputPadding, Axis axis) {
    AxisShape a;
    a.in = n;
    a.kernel = kernel;
    a.stride = stride;
    a.dilation = dilation;
    a.effectiveKernel = effectiveKernelExtent(kernel, dilation);
    const std::int64_t ke = a.effectiveKernel;
    const std::int64_t full = (n - 1) * stride + ke;
    a.paddedExtent = full;

    if (padding.kind == PaddingKind::Explicit) {
        const std::int64_t p = padding.before(axis);
        const std::int64_t op = outputPadding.value_or(0);
        a.out = (n - 1) * stride - 2 * p + ke + op;
        a.before = p;
        a.formula = QStringLiteral("(%1 - 1)*%2 - 2*%3 + %4 + %5 = %6")
                        .arg(n)
                        .arg(stride)
                        .arg(p)
                        .arg(ke)
                        .arg(op)
                        .arg(a.out);
    } else if (!outputPadding) {
        if (padding.kind == PaddingKind::Same) {
            a.out = n * stride;
            a.formula = QStringLiteral("%1*%2 = %3").arg(n).arg(stride).arg(a.out);
        } else {
            a.out = n * stride + std::max(ke - stride, std::int64_t{0});
            a.formula = QStringLiteral("%1*%2 + max(%3 - %2, 0) = %4")
                            .arg(n)
                            .arg(stride)
                            .arg(ke)
                            .arg(a.out);
        }
        a.before = std::max(full - a.out, std::int64_t{0}) / 2;
    } else {
        const std::int64_t pad = padding.kind == PaddingKind::Same ? ke / 2 : 0;
        a.out = (n - 1) * stride + ke - 2 * pad + *outputPadding;
        a.formula = QStringLiteral("(%1 - 1)*%2 + %3 - 2*%4 + %5 = %6")
                        .arg(n)
                        .arg(stride)
                        .arg(ke)
                        .arg(pad)
                        .arg(*outputPadding)
                        .arg(a.out);
        a.before = std::max(full - a.out, std::int64_t{0}) / 2;
    }
    a.after = full - a.before - a.out;
    return a;
}

std::int64_t transposedFullExtent(const AxisShape& axis) {
    return (axis.in - 1) * axis.stride + axis.effectiveKernel;
}

AxisShape resizeByFactor(std::int64_t n, std::int64_t factor) {
    AxisShape a;
    a.in = n;
    a.out = n * factor;
    a.paddedExtent = n;
    a.formula = QStringLiteral("%1*%2 = %3").arg(n).arg(factor).arg(a.out);
    return a;
}

AxisShape resizeToSize(std::int64_t n, std::int64_t size) {
    AxisShape a;
    a.in = n;
    a.out = size;
    a.paddedExtent = n;
    a.formula = QStringLiteral("output_size = %1").arg(size);
    return a;
}

}  // namespace stridelab
