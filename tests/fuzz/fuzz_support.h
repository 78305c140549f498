#pragma once

// What the fuzz targets share: a reader that turns the fuzzer's bytes into choices, and a
// scratch file for the code paths that read from disk.

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace stridelab::fuzz {

// Consumes the input from the front, one decision at a time; once the bytes run out every
// decision takes its smallest value, so each input is a complete, deterministic recipe.
class ByteReader {
public:
    ByteReader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

    [[nodiscard]] std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
    [[nodiscard]] bool flag() { return (byte() & 1U) != 0; }
    // A value in [lo, hi] (inclusive), from as many bytes as the range needs.
    [[nodiscard]] std::int64_t range(std::int64_t lo, std::int64_t hi);
    // One of n choices (n >= 1).
    [[nodiscard]] std::size_t pick(std::size_t n) {
        return static_cast<std::size_t>(range(0, static_cast<std::int64_t>(n) - 1));
    }
    // Mostly small numbers, sometimes zero, negative or huge: the values that break things.
    [[nodiscard]] std::int64_t interestingInteger();
    [[nodiscard]] QByteArray rest();
    [[nodiscard]] bool empty() const { return pos_ >= size_; }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

// A file of this process for one target, rewritten with `bytes` on every call (readers that
// take a path are exercised through it). `suffix` chooses the file name's extension.
[[nodiscard]] QString writeScratchFile(const QString& target, const QByteArray& bytes,
                                       const QString& suffix = {});

}  // namespace stridelab::fuzz
