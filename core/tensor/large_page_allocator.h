#pragma once

// Storage for feature maps (Tensor). Blocks of 4 MiB or more are mapped on 2 MiB
// boundaries and advised as transparent huge pages (Linux, where THP is "madvise" by default
// on Debian). The pools, resizes and unpooling stream tens of MiB per call: on 4 KiB pages the
// same nearest x2 loop over 20 MiB ran 0.49 ms, on huge pages 0.30 ms (docs/performance.md).
// Smaller blocks, other systems and sanitizer builds (so ASan keeps checking every buffer)
// use the ordinary heap.

#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>

// GCC says a sanitizer is on with __SANITIZE_*__, Clang with __has_feature.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define STRIDELAB_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define STRIDELAB_SANITIZED 1
#endif
#endif

#if defined(__linux__) && !defined(STRIDELAB_SANITIZED)
#define STRIDELAB_HUGE_PAGES 1
#include <sys/mman.h>

#include <cstdint>
#endif

namespace stridelab {

namespace large_pages {

constexpr std::size_t kHugePage = std::size_t{2} << 20;
// From here the rounding up to whole huge pages costs at most a third of the block.
constexpr std::size_t kThreshold = std::size_t{4} << 20;

constexpr std::size_t roundedUp(std::size_t bytes) {
    return (bytes + kHugePage - 1) / kHugePage * kHugePage;
}

#if defined(STRIDELAB_HUGE_PAGES)
// A block of roundedUp(bytes) on a huge-page boundary: map one huge page more than needed,
// unmap the unaligned head and the rest of the tail.
inline void* map(std::size_t bytes) {
    const std::size_t length = roundedUp(bytes);
    void* raw = mmap(nullptr, length + kHugePage, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) {
        throw std::bad_alloc();
    }
    const auto start = reinterpret_cast<std::uintptr_t>(raw);
    const std::uintptr_t aligned = (start + kHugePage - 1) / kHugePage * kHugePage;
    if (aligned > start) {
        munmap(raw, aligned - start);
    }
    const std::uintptr_t end = start + length + kHugePage;
    if (end > aligned + length) {
        munmap(reinterpret_cast<void*>(aligned + length), end - (aligned + length));
    }
    auto* block = reinterpret_cast<void*>(aligned);
    madvise(block, length, MADV_HUGEPAGE);  // advice only: without THP these stay 4 KiB pages
    return block;
}

inline void unmap(void* block, std::size_t bytes) {
    munmap(block, roundedUp(bytes));
}
#endif

}  // namespace large_pages

template <typename T>
struct LargePageAllocator {
    using value_type = T;
    // Smaller blocks start on a 64-byte boundary too (malloc gives 16): the vector kernels'
    // streamed stores need their rows on whole vectors (kernels/conv2d_direct.h).
    static constexpr std::align_val_t kVectorAlignment{64};
    using is_always_equal = std::true_type;

    LargePageAllocator() = default;
    template <typename U>
    // NOLINTNEXTLINE(google-explicit-constructor): allocators convert implicitly when rebound
    LargePageAllocator(const LargePageAllocator<U>& /*other*/) {}

    T* allocate(std::size_t n) {
#if defined(STRIDELAB_HUGE_PAGES)
        if (n * sizeof(T) >= large_pages::kThreshold) {
            return static_cast<T*>(large_pages::map(n * sizeof(T)));
        }
#endif
        return static_cast<T*>(::operator new(n * sizeof(T), kVectorAlignment));
    }

    void deallocate(T* p, [[maybe_unused]] std::size_t n) {  // unused without huge pages
#if defined(STRIDELAB_HUGE_PAGES)
        if (n * sizeof(T) >= large_pages::kThreshold) {
            large_pages::unmap(p, n * sizeof(T));
            return;
        }
#endif
        ::operator delete(p, kVectorAlignment);
    }

    template <typename U>
    friend bool operator==(const LargePageAllocator& /*a*/, const LargePageAllocator<U>& /*b*/) {
        return true;
    }
};

}  // namespace stridelab
