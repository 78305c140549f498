#pragma once

#include "kernels/padding.h"
#include "tensor/shape.h"
#include "tensor/tensor.h"

#include <cstdint>
#include <vector>

namespace stridelab {

struct PoolGeometry {
    Shape input;
    Shape output;
    Pair kernel{2, 2};
    Pair stride{2, 2};
    Padding2d padding;  // before/after as applied (ceil_mode overhang excluded)
};

// Max over each window; padding never wins. argmax gets the flat h*W + w index of the
// winner in its channel, ties to the first in row-major order (PyTorch). Rows with a
// horizontal stride of 1 or 2 are vectorised for activeIsa() (kernels/isa.h).
void maxPool2d(const Tensor& input, const PoolGeometry& geometry, Tensor& output,
               std::vector<std::int32_t>& argmax, int threads);
// The same without the indices (no later max_unpool2d reads them): a quarter less to write.
void maxPool2d(const Tensor& input, const PoolGeometry& geometry, Tensor& output, int threads);

enum class AverageDivisor {
    RealElements,  // TensorFlow "same", PyTorch count_include_pad=False
    PaddedWindow,  // PyTorch count_include_pad=True: the window clipped to the padded input
};

void avgPool2d(const Tensor& input, const PoolGeometry& geometry, AverageDivisor divisor,
               Tensor& output, int threads);

// max_unpool2d: output zeroed, then each input element scattered to its recorded index, in
// row-major order so the later position wins where two recorded the same. Threads split the
// channels.
void maxUnpool2d(const Tensor& input, const std::vector<std::int32_t>& indices, Tensor& output,
                 int threads = 1);

}  // namespace stridelab
