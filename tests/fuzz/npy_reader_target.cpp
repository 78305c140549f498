// The .npy reader: whatever the bytes, a clear error or an array that holds exactly what its
// header promises; the header-only path (used for the memory estimate before loading) agrees
// with the full read; and an accepted array survives a write and read back unchanged.

#include "fuzz_support.h"
#include "fuzz_targets.h"
#include "io/npy.h"

#include <cstring>

namespace stridelab::fuzz {

namespace {

bool sameBits(const std::vector<float>& a, const float* b, std::size_t count) {
    return a.size() == count &&
           (count == 0 || std::memcmp(a.data(), b, count * sizeof(float)) == 0);
}

}  // namespace

Violation npyReader(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QString source = QStringLiteral("fuzz.npy");
    auto array = parseNpy(bytes, source);
    const auto header = parseNpyHeader(bytes, source);
    if (!array) {
        if (!array.error().message.startsWith(source + QStringLiteral(": "))) {
            return QStringLiteral("an error does not name the file: %1").arg(array.error().message);
        }
        return {};
    }
    if (!header) {
        return QStringLiteral("parseNpy accepted what parseNpyHeader refused: %1")
            .arg(header.error().message);
    }
    if (header->dims != array->dims ||
        static_cast<std::int64_t>(array->values.size()) != header->elements()) {
        return QStringLiteral("the array %1 holds %2 values, its header says %3")
            .arg(array->shapeString())
            .arg(array->values.size())
            .arg(header->shapeString());
    }
    if (header->itemSize == 4 &&
        !sameBits(array->values,
                  reinterpret_cast<const float*>(bytes.constData() + header->dataOffset),
                  array->values.size())) {
        return QStringLiteral("float32 data was not copied bit for bit");
    }

    // The header-only read of the same file (what inputShape uses) sees the same array.
    const auto fromFile = readNpyHeader(writeScratchFile(QStringLiteral("npy"), bytes));
    if (fromFile && (fromFile->dims != header->dims || fromFile->itemSize != header->itemSize ||
                     fromFile->dataOffset != header->dataOffset)) {
        return QStringLiteral("readNpyHeader says %1, parseNpy %2")
            .arg(fromFile->shapeString(), header->shapeString());
    }

    auto tensor = tensorFromArray(std::move(array).value(), source);
    if (!tensor) {
        return {};
    }
    const QByteArray written = serializeNpy(*tensor);
    auto back = parseNpy(written, source);
    if (!back) {
        return QStringLiteral("a written tensor does not read back: %1").arg(back.error().message);
    }
    if (!sameBits(back->values, tensor->data(), static_cast<std::size_t>(tensor->size()))) {
        return QStringLiteral("a written tensor reads back with other values");
    }
    const Shape s = tensor->shape();
    if (back->dims != std::vector<std::int64_t>{s.c, s.h, s.w}) {
        return QStringLiteral("a written %1 tensor reads back as %2")
            .arg(s.toString(), back->shapeString());
    }
    return {};
}

}  // namespace stridelab::fuzz
