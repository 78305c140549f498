#include "kernels/cache_size.h"

#include <exception>
#include <fstream>
#include <string>

namespace stridelab {

namespace {

// Linux's size of one instance of the level-3 cache ("32768K"); 0 where there is none.
// (sysconf(_SC_LEVEL3_CACHE_SIZE) adds up every instance of a multi-die EPYC: 384 MiB here.)
std::int64_t sysfsLevel3Bytes() {
    std::ifstream file("/sys/devices/system/cpu/cpu0/cache/index3/size");
    std::string text;
    if (!(file >> text) || text.empty()) {
        return 0;
    }
    std::int64_t unit = 1;
    switch (text.back()) {
        case 'K':
            unit = std::int64_t{1} << 10;
            break;
        case 'M':
            unit = std::int64_t{1} << 20;
            break;
        default:
            break;
    }
    try {
        return std::stoll(text) * unit;
    } catch (const std::exception&) {
        return 0;
    }
}

}  // namespace

std::int64_t lastLevelCacheBytes() {
    static const std::int64_t bytes = [] {
        const std::int64_t sysfs = sysfsLevel3Bytes();
        return sysfs > 0 ? sysfs : std::int64_t{32} << 20;
    }();
    return bytes;
}

}  // namespace stridelab
