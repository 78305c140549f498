// The libFuzzer entry points of one target, chosen by STRIDELAB_FUZZ_TARGET (fuzz_targets.h).
// A broken invariant aborts, so libFuzzer keeps the input as a crash.

#include "fuzz_targets.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    stridelab::fuzz::initialize();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (const auto violation = stridelab::fuzz::STRIDELAB_FUZZ_TARGET(data, size)) {
        std::fprintf(stderr, "invariant broken: %s\n", qPrintable(*violation));
        std::abort();
    }
    return 0;
}
