#pragma once

// Run-time choice of the instruction set the kernels use, so that one build runs correctly
// on any x86-64 (and the plain path on anything else).
//
// How it works:
// - Kernels that use AVX2+FMA or AVX-512 live in their own .cpp files, compiled with per-file
//   flags (core/CMakeLists.txt, only on x86-64 with GCC >= 12 or Clang, which then defines
//   STRIDELAB_X86_SIMD); everything else is compiled for the baseline x86-64.
// - detectedIsa() is the best level both the CPU (__builtin_cpu_supports, which also checks
//   that the OS saves the registers) and the build have. activeIsa() is what the kernels
//   use: the detected level, lowered by the environment variable STRIDELAB_ISA=plain|avx2|
//   avx512 (read once) or by forceIsa() (tests). A level above the detected one is clamped,
//   so no AVX instruction ever runs on a CPU without it.
//
// The pattern for a kernel file compiled per ISA (see kernels/pool_resize_simd.h):
// - it takes raw pointers and integers and includes no header that defines inline functions
//   or templates outside its own ISA namespace: such a function compiled with -mavx512f could
//   be the copy the linker keeps for the whole program and run on a CPU without AVX-512;
// - it exports a table of function pointers; the baseline file picks the table for
//   activeIsa() and keeps the threads (OpenMP), the edges and the rare cases.

#include <optional>
#include <string_view>
#include <vector>

namespace stridelab {

enum class Isa { Plain = 0, Avx2 = 1, Avx512 = 2 };

// The best level the CPU and this build support (Avx2 means AVX2 and FMA; Avx512 means
// AVX-512 F, BW, VL and DQ).
[[nodiscard]] Isa detectedIsa();

// The level the kernels use now (cheap: one atomic load).
[[nodiscard]] Isa activeIsa();

// Forces a level (clamped to detectedIsa()); std::nullopt returns to STRIDELAB_ISA or the
// detected level. Returns the level now active. For tests and benchmarks; not meant to be
// called while kernels run on other threads.
Isa forceIsa(std::optional<Isa> isa);

// Plain up to detectedIsa(), in that order: every path this machine can run.
[[nodiscard]] std::vector<Isa> supportedIsas();

// Of a family's per-ISA tables of kernels, the one for activeIsa(), or nullptr on the plain
// path.
template <typename Table>
[[nodiscard]] const Table* tableForActiveIsa(const Table* avx2, const Table* avx512) {
    switch (activeIsa()) {
        case Isa::Avx512:
            return avx512;
        case Isa::Avx2:
            return avx2;
        case Isa::Plain:
            break;
    }
    return nullptr;
}

[[nodiscard]] const char* isaName(Isa isa);
[[nodiscard]] std::optional<Isa> isaFromName(std::string_view name);

}  // namespace stridelab
