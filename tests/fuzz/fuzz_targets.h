#pragma once

// The fuzz targets' bodies, shared by the libFuzzer executables (fuzz_main.cpp, built with
// STRIDELAB_FUZZ) and by tst_fuzz_corpus, which replays every corpus file in the normal test
// suite. Each target returns nothing when the input was handled (a clear error is a fine
// answer) and a description of the broken invariant otherwise; the sanitizers catch crashes.

#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace stridelab::fuzz {

using Violation = std::optional<QString>;

// JSON text -> parsePipeline; a loaded pipeline saves and loads back to the same text, and
// its analysis and summary never fail.
[[nodiscard]] Violation pipelineLoader(const std::uint8_t* data, std::size_t size);
// Bytes of a .npy file -> parseNpy -> tensorFromArray; what the header promises is what the
// array holds.
[[nodiscard]] Violation npyReader(const std::uint8_t* data, std::size_t size);
// A colour mode and an optional resize, then the bytes of an image file -> inputShape and
// loadInputTensor; both agree on the shape and every value lies in [0, 1].
[[nodiscard]] Violation imageInput(const std::uint8_t* data, std::size_t size);
// Bytes -> an input shape and a stack of layers with parameters -> analyzePipeline; every
// shape it reports is positive, and a small enough valid pipeline computes maps of exactly
// the inferred shapes.
[[nodiscard]] Violation layerStack(const std::uint8_t* data, std::size_t size);

// Process-wide set-up every target needs (a QCoreApplication for Qt's image plugins).
void initialize();

}  // namespace stridelab::fuzz
