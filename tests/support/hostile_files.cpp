#include "support/hostile_files.h"

#include "support/test_support.h"

#include <QtEndian>

#include <array>

namespace stridelab::test {

namespace {

// CRC-32 of PNG chunks (ISO 3309, as zlib's crc32), bit by bit: a few dozen bytes only.
quint32 crc32(const QByteArray& bytes) {
    quint32 crc = 0xFFFFFFFFU;
    for (const char c : bytes) {
        crc ^= static_cast<unsigned char>(c);
        for (int k = 0; k < 8; ++k) {
            crc = (crc & 1U) != 0 ? (crc >> 1) ^ 0xEDB88320U : crc >> 1;
        }
    }
    return crc ^ 0xFFFFFFFFU;
}

QByteArray bigEndian32(quint32 v) {
    std::array<char, 4> b{};
    qToBigEndian(v, b.data());
    return {b.data(), 4};
}

QByteArray chunk(const QByteArray& kind, const QByteArray& payload) {
    return bigEndian32(static_cast<quint32>(payload.size())) + kind + payload +
           bigEndian32(crc32(kind + payload));
}

}  // namespace

QString hostileFile(const QString& name) {
    return dataDir() + QStringLiteral("/hostile/") + name;
}

QByteArray pngHeaderOnly(int width, int height) {
    QByteArray ihdr =
        bigEndian32(static_cast<quint32>(width)) + bigEndian32(static_cast<quint32>(height));
    ihdr.append(QByteArray("\x08\x02\x00\x00\x00", 5));  // 8-bit RGB, no interlace
    // libpng reads the header chunks up to the first IDAT: one with a zlib header only.
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) +
           chunk("IDAT", QByteArray("\x78\x9c", 2)) + chunk("IEND", {});
}

QByteArray deeplyNestedPrefix() {
    return R"({ "format": "stridelab.pipeline", "version": 1, "input": { "shape": [1, 8, 8] }, "layers": )";
}

QByteArray deeplyNestedPipeline(int depth) {
    return deeplyNestedPrefix() + QByteArray(depth, '[') + QByteArray(depth, ']') + " }";
}

}  // namespace stridelab::test
