#include "kernels/streamed_stores.h"

#if defined(__x86_64__) || defined(_M_X64)
#include <xmmintrin.h>
#endif

namespace stridelab {

void fenceStreamedStores() {
#if defined(__x86_64__) || defined(_M_X64)
    _mm_sfence();  // SSE: baseline x86-64, so valid whatever the active kernels' ISA
#endif
}

}  // namespace stridelab
