#pragma once

namespace stridelab::ui {

// Makes this process's idle OpenMP threads sleep instead of spinning: where the user has set
// no OMP_WAIT_POLICY, sets PASSIVE and starts the program again with the same arguments
// (libgomp reads the policy once, when it is loaded, before main runs). Call it first thing in
// main, before any thread exists; if starting again fails, the program simply goes on.
//
// Why: the window shares two cores between its own thread, the pool that colours maps and bins
// histograms, and the computation. After each parallel region a spinning worker kept a core
// busy doing nothing while the others waited for it (the default example, edit to every map
// repainted: 200 ms spinning, 44 ms sleeping). The command line keeps the default: alone on
// the machine, spinning is what makes back-to-back regions cheap.
void preferSleepingOpenMpThreads(char* argv[]);

}  // namespace stridelab::ui
