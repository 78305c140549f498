#include "kernels/isa.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>

namespace stridelab {

namespace {

Isa detectOnce() {
#if defined(STRIDELAB_X86_SIMD)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq") &&
        __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        return Isa::Avx512;
    }
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        return Isa::Avx2;
    }
#endif
    return Isa::Plain;
}

// The level without a forceIsa(): STRIDELAB_ISA if set and known, clamped to the detected.
Isa defaultIsa() {
    const Isa detected = detectedIsa();
    const char* requested = std::getenv("STRIDELAB_ISA");
    if (requested == nullptr) {
        return detected;
    }
    const std::optional<Isa> isa = isaFromName(requested);
    return isa ? std::min(*isa, detected) : detected;
}

// -1 until first use.
std::atomic<int> active{-1};

}  // namespace

Isa detectedIsa() {
    static const Isa detected = detectOnce();
    return detected;
}

Isa activeIsa() {
    int level = active.load(std::memory_order_relaxed);
    if (level < 0) {
        level = static_cast<int>(defaultIsa());
        active.store(level, std::memory_order_relaxed);
    }
    return static_cast<Isa>(level);
}

Isa forceIsa(std::optional<Isa> isa) {
    const Isa level = isa ? std::min(*isa, detectedIsa()) : defaultIsa();
    active.store(static_cast<int>(level), std::memory_order_relaxed);
    return level;
}

std::vector<Isa> supportedIsas() {
    std::vector<Isa> all;
    for (int level = 0; level <= static_cast<int>(detectedIsa()); ++level) {
        all.push_back(static_cast<Isa>(level));
    }
    return all;
}

const char* isaName(Isa isa) {
    switch (isa) {
        case Isa::Plain:
            return "plain";
        case Isa::Avx2:
            return "avx2";
        case Isa::Avx512:
            return "avx512";
    }
    return "?";
}

std::optional<Isa> isaFromName(std::string_view name) {
    for (const Isa isa : {Isa::Plain, Isa::Avx2, Isa::Avx512}) {
        if (name == isaName(isa)) {
            return isa;
        }
    }
    return std::nullopt;
}

}  // namespace stridelab
