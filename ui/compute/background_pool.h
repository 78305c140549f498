#pragma once

class QThreadPool;

namespace stridelab::ui {

// The pool the window's background tasks run on: colouring maps, binning histograms, building
// step-throughs. Not Qt's global pool: Qt 6.4 converts and scales images for painting on that
// one and waits for it, so a paint waited up to 14 ms behind a histogram of millions of values.
[[nodiscard]] QThreadPool* backgroundPool();

}  // namespace stridelab::ui
