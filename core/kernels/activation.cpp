#include "kernels/activation.h"

#include <cmath>

namespace stridelab {

void applyActivation(Tensor& tensor, Activation activation, float negativeSlope, int threads) {
    if (activation == Activation::Linear) {
        return;
    }
    float* v = tensor.data();
    const std::int64_t n = tensor.size();
#pragma omp parallel for num_threads(threads) schedule(static)
    for (std::int64_t i = 0; i < n; ++i) {
        const float x = v[i];
        switch (activation) {
            case Activation::Relu:
                v[i] = x > 0.0F ? x : 0.0F;
                break;
            case Activation::LeakyRelu:
                v[i] = x > 0.0F ? x : x * negativeSlope;
                break;
            case Activation::Sigmoid:
                v[i] = 1.0F / (1.0F + std::exp(-x));
                break;
            case Activation::Tanh:
                v[i] = std::tanh(x);
                break;
            case Activation::Linear:
                break;
        }
    }
}

}  // namespace stridelab
