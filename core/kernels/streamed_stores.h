#pragma once

namespace stridelab {

// Streamed (non-temporal) stores are weakly ordered: this thread's are made visible before
// any store it makes after this call, and so before another thread that synchronises with
// it reads the rows (SFENCE; nothing where the build has no streamed stores). Defined out of
// line so that no ISA-specific kernel file picks up an inline copy.
void fenceStreamedStores();

}  // namespace stridelab
