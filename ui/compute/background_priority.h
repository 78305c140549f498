#pragma once

namespace stridelab::ui {

// Lowers the calling thread's scheduling priority (Linux: nice 10), so that it never keeps the
// window's thread from a core: on two cores a repaint otherwise waits for a time slice. Every
// thread that works for the window in the background calls it: the compute thread as it starts
// (the kernels' OpenMP threads inherit it) and each pool task that colours maps, bins
// histograms or builds step-throughs (a pool thread at the window's priority kept it waiting
// 10-15 ms at a time while the maps of an edit arrived). Idempotent.
void yieldToTheWindow();

}  // namespace stridelab::ui
