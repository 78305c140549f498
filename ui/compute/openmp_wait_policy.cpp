#include "compute/openmp_wait_policy.h"

#include <array>
#include <cstddef>
#include <cstdlib>

#ifdef __linux__
#include <unistd.h>
#endif

namespace stridelab::ui {

void preferSleepingOpenMpThreads(char* argv[]) {
#ifdef __linux__
    if (std::getenv("OMP_WAIT_POLICY") != nullptr) {
        return;  // the user's choice, or this is the program started again
    }
    if (::setenv("OMP_WAIT_POLICY", "PASSIVE", 1) != 0) {
        return;
    }
    // The program's own path, not /proc/self/exe: the process keeps its name (ps, top).
    std::array<char, 4096> path{};
    const ssize_t length = ::readlink("/proc/self/exe", path.data(), path.size() - 1);
    if (length <= 0 || static_cast<std::size_t>(length) >= path.size() - 1) {
        return;
    }
    ::execv(path.data(), argv);
    // Only reached if starting again failed: go on with spinning threads.
#else
    (void)argv;
#endif
}

}  // namespace stridelab::ui
