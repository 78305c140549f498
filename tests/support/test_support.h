#pragma once

#include "pipeline/pipeline.h"
#include "tensor/tensor.h"

#include <QString>

namespace stridelab::test {

[[nodiscard]] QString dataDir();
[[nodiscard]] QString sourceDir();

// Parses a pipeline from JSON text (relative paths against the test data folder); fails the
// test on error.
[[nodiscard]] Pipeline pipelineFromJson(const QByteArray& json);

// The text of a shape-only pipeline on an input of `input` with `layers` (JSON objects
// separated by commas).
[[nodiscard]] QByteArray shapePipelineJson(const Shape& input, const QByteArray& layers);

// Compares element-wise with |a - b| <= atol + rtol*|b|; on failure the message names the
// first differing element as (c, h, w) and both values.
[[nodiscard]] bool tensorsClose(const Tensor& actual, const Tensor& expected, double rtol,
                                double atol, QString* why);

// A tensor of the shape filled with deterministic pseudo-random values in [-1, 1).
[[nodiscard]] Tensor randomTensor(const Shape& shape, unsigned seed);

}  // namespace stridelab::test
