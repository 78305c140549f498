#include "weights/kernel_cache.h"

#include <list>
#include <mutex>
#include <tuple>

namespace stridelab {

namespace {

struct Entry {
    InitializerSpec spec;
    std::uint64_t seed = 0;
    KernelGeometry geometry;
    std::shared_ptr<const NdArray> kernel;

    [[nodiscard]] bool matches(const InitializerSpec& s, std::uint64_t sd,
                               const KernelGeometry& g) const {
        const auto key = [](const KernelGeometry& k) {
            return std::tie(k.inputChannels, k.filters, k.groups, k.kh, k.kw, k.transposed);
        };
        return spec == s && seed == sd && key(geometry) == key(g);
    }
    [[nodiscard]] std::int64_t bytes() const {
        return static_cast<std::int64_t>(kernel->values.size() * sizeof(float));
    }
};

class KernelCache {
public:
    std::shared_ptr<const NdArray> get(const InitializerSpec& spec, std::uint64_t seed,
                                       const KernelGeometry& geometry) {
        {
            const std::scoped_lock lock(mutex_);
            for (auto it = entries_.begin(); it != entries_.end(); ++it) {
                if (it->matches(spec, seed, geometry)) {
                    entries_.splice(entries_.begin(), entries_, it);  // most recent first
                    return entries_.front().kernel;
                }
            }
        }
        // Generated outside the lock: two threads may both make the same kernel (identical
        // values), which is cheaper than serialising every generation.
        auto kernel = std::make_shared<const NdArray>(makeKernel(spec, seed, geometry));
        Entry entry{spec, seed, geometry, kernel};
        if (entry.bytes() > kKernelCacheBytes) {
            return kernel;
        }
        const std::scoped_lock lock(mutex_);
        bytes_ += entry.bytes();
        entries_.push_front(std::move(entry));
        while (bytes_ > kKernelCacheBytes) {
            bytes_ -= entries_.back().bytes();
            entries_.pop_back();
        }
        return kernel;
    }

private:
    std::mutex mutex_;
    std::list<Entry> entries_;
    std::int64_t bytes_ = 0;
};

}  // namespace

std::shared_ptr<const NdArray> cachedKernel(const InitializerSpec& spec, std::uint64_t seed,
                                            const KernelGeometry& geometry) {
    static KernelCache cache;
    return cache.get(spec, seed, geometry);
}

}  // namespace stridelab
