#pragma once

#include "tensor/tensor.h"

namespace stridelab {

enum class Activation { Linear, Relu, LeakyRelu, Sigmoid, Tanh };

void applyActivation(Tensor& tensor, Activation activation, float negativeSlope, int threads);

}  // namespace stridelab
