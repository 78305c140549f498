#pragma once

// Values whose histogram is worked out by hand, shared by tst_histogram_math (the bins) and
// tst_plots (the histogram plot drawing them).

#include <vector>

namespace stridelab::test {

// 0, 1, ..., 998 and one outlier: n = 1000, numpy-linear quartiles at positions 249.75 and
// 749.25 are 249.75 and 749.25, IQR 499.5, Freedman-Diaconis width 2 * 499.5 / 10 = 99.9.
inline std::vector<float> rampWithOutlier(float outlier) {
    std::vector<float> values;
    for (int i = 0; i < 999; ++i) {
        values.push_back(static_cast<float>(i));
    }
    values.push_back(outlier);
    return values;
}

}  // namespace stridelab::test
