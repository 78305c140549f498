#pragma once

#include <QThread>

#include <algorithm>

namespace stridelab {

// The number of threads a `threads` option stands for: itself, or every core for 0.
[[nodiscard]] inline int resolveThreads(int threads) {
    return threads > 0 ? threads : std::max(1, QThread::idealThreadCount());
}

}  // namespace stridelab
