#include "kernels/activation.h"

#include <cmath>

namespace stridelab {

namespace {

// One loop per activation (a switch inside the loop kept it from being vectorised).
template <typename F>
void eachValue(float* v, std::int64_t n, int threads, F f) {
#pragma omp parallel for num_threads(threads) schedule(static)
    for (std::int64_t i = 0; i < n; ++i) {
        v[i] = f(v[i]);
    }
}

}  // namespace

void applyActivation(Tensor& tensor, Activation activation, float negativeSlope, int threads) {
    float* v = tensor.data();
    const std::int64_t n = tensor.size();
    switch (activation) {
        case Activation::Linear:
            return;
        case Activation::Relu:
            // PyTorch's and TensorFlow's: a NaN stays NaN (it is not hidden as 0), -0 stays -0.
            eachValue(v, n, threads, [](float x) { return x < 0.0F ? 0.0F : x; });
            return;
        case Activation::LeakyRelu:
            eachValue(v, n, threads,
                      [negativeSlope](float x) { return x > 0.0F ? x : x * negativeSlope; });
            return;
        case Activation::Sigmoid:
            eachValue(v, n, threads, [](float x) { return 1.0F / (1.0F + std::exp(-x)); });
            return;
        case Activation::Tanh:
            eachValue(v, n, threads, [](float x) { return std::tanh(x); });
            return;
    }
}

}  // namespace stridelab
