#include "compute/background_priority.h"

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace stridelab::ui {

void yieldToTheWindow() {
#ifdef __linux__
    // On Linux the nice value is per thread; threads created later inherit it.
    constexpr int kNice = 10;
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), kNice);
#endif
}

}  // namespace stridelab::ui
