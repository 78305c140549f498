#pragma once

// Kernel initializers: Keras's seeded random ones and fixed image filters (pipeline spec,
// "Weights").

#include "tensor/tensor.h"
#include "util/result.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace stridelab {

struct InitializerSpec {
    QString name = QStringLiteral("glorot_uniform");
    std::optional<double> sigma;  // gaussian only

    friend bool operator==(const InitializerSpec&, const InitializerSpec&) = default;
    [[nodiscard]] bool isRandom() const;
    [[nodiscard]] QJsonValue toJson() const;
};

[[nodiscard]] const QStringList& initializerNames();
[[nodiscard]] bool initializerIs3x3Only(const QString& name);

// The geometry of a kernel tensor in PyTorch's layout: conv2d (filters, C_in/groups, kh, kw);
// conv2d_transpose (C_in, filters/groups, kh, kw).
struct KernelGeometry {
    std::int64_t inputChannels = 0;
    std::int64_t filters = 0;
    std::int64_t groups = 1;
    std::int64_t kh = 1;
    std::int64_t kw = 1;
    bool transposed = false;

    [[nodiscard]] std::vector<std::int64_t> dims() const;
};

// Fills a kernel. Random initializers use Keras's definitions (fan-in/fan-out of Keras's
// kernel layout, truncated normal at two standard deviations) with StrideLab's own seeded
// generator: the distribution is Keras's, the exact numbers are not TensorFlow's.
[[nodiscard]] NdArray makeKernel(const InitializerSpec& spec, std::uint64_t seed,
                                 const KernelGeometry& geometry);

}  // namespace stridelab
