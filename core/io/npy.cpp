#include "io/npy.h"

#include "io/atomic_file.h"

#include <QFile>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace stridelab {

namespace {

static_assert(std::endian::native == std::endian::little, "StrideLab assumes a little-endian host");

constexpr char kMagic[] = "\x93NUMPY";
constexpr qsizetype kMagicSize = 6;

Error npyError(const QString& source, const QString& what) {
    return Error::invalid(QStringLiteral("%1: %2").arg(source, what));
}

}  // namespace

std::int64_t NpyHeader::elements() const {
    std::int64_t count = 1;
    for (const auto d : dims) {
        count = saturatingMul(count, d);
    }
    return count;
}

Result<NpyHeader> parseNpyHeader(const QByteArray& bytes, const QString& source) {
    if (bytes.size() < kMagicSize || std::memcmp(bytes.constData(), kMagic, kMagicSize) != 0) {
        return npyError(source, QStringLiteral("not a NumPy .npy file (no \\x93NUMPY magic)"));
    }
    if (bytes.size() < 10) {
        return npyError(source, QStringLiteral("truncated .npy header"));
    }
    const auto major = static_cast<unsigned char>(bytes[6]);
    qsizetype headerLength = 0;
    qsizetype headerStart = 0;
    if (major == 1) {
        headerLength =
            static_cast<unsigned char>(bytes[8]) | (static_cast<unsigned char>(bytes[9]) << 8);
        headerStart = 10;
    } else if (major == 2 || major == 3) {
        if (bytes.size() < 12) {
            return npyError(source, QStringLiteral("truncated .npy header"));
        }
        std::uint32_t length = 0;
        std::memcpy(&length, bytes.constData() + 8, 4);
        headerLength = static_cast<qsizetype>(length);
        headerStart = 12;
    } else {
        return npyError(source, QStringLiteral("unsupported .npy format version %1").arg(major));
    }
    if (bytes.size() < headerStart + headerLength) {
        return npyError(source, QStringLiteral("truncated .npy header"));
    }
    const QString header = QString::fromLatin1(bytes.mid(headerStart, headerLength));

    static const QRegularExpression descrRe(QStringLiteral("'descr'\\s*:\\s*'([^']*)'"));
    static const QRegularExpression orderRe(QStringLiteral("'fortran_order'\\s*:\\s*(True|False)"));
    static const QRegularExpression shapeRe(QStringLiteral("'shape'\\s*:\\s*\\(([^)]*)\\)"));
    const auto descr = descrRe.match(header);
    const auto order = orderRe.match(header);
    const auto shape = shapeRe.match(header);
    if (!descr.hasMatch() || !order.hasMatch() || !shape.hasMatch()) {
        return npyError(source, QStringLiteral("malformed .npy header: %1").arg(header.trimmed()));
    }
    const QString dtype = descr.captured(1);
    qsizetype itemSize = 0;
    if (dtype == QStringLiteral("<f4") || dtype == QStringLiteral("=f4")) {
        itemSize = 4;
    } else if (dtype == QStringLiteral("<f8") || dtype == QStringLiteral("=f8")) {
        itemSize = 8;
    } else {
        return npyError(
            source,
            QStringLiteral(
                "unsupported dtype '%1'; expected little-endian float32 ('<f4') or float64 ('<f8')")
                .arg(dtype));
    }
    if (order.captured(1) == QStringLiteral("True")) {
        return npyError(source, QStringLiteral("Fortran-order arrays are not supported; save with "
                                               "C order (numpy.ascontiguousarray)"));
    }

    NpyHeader array;
    std::int64_t count = 1;
    const QStringList dims = shape.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& d : dims) {
        bool ok = false;
        const qlonglong n = d.trimmed().toLongLong(&ok);
        if (!ok || n < 0 || (n > 0 && count > (std::int64_t{1} << 40) / n)) {
            return npyError(
                source, QStringLiteral("malformed or too large shape (%1)").arg(shape.captured(1)));
        }
        array.dims.push_back(n);
        count *= n;
    }

    array.itemSize = itemSize;
    array.dataOffset = headerStart + headerLength;
    return array;
}

namespace {

// float64 to float32: out of float range (or non-finite) becomes +-inf or NaN, never
// undefined behaviour.
void narrowDoubles(const char* data, std::int64_t count, float* out) {
    for (std::int64_t i = 0; i < count; ++i) {
        double v = 0;
        std::memcpy(&v, data + i * 8, 8);
        const bool representable =
            !std::isfinite(v) || std::abs(v) <= std::numeric_limits<float>::max();
        out[i] = representable ? static_cast<float>(v)
                               : (v > 0 ? std::numeric_limits<float>::infinity()
                                        : -std::numeric_limits<float>::infinity());
    }
}

Error truncatedData(const QString& source, const NpyHeader& header, std::int64_t present) {
    const std::int64_t needed = saturatingMul(header.elements(), header.itemSize);
    return npyError(source,
                    QStringLiteral("truncated data: shape %1 needs %2 bytes, the file has %3")
                        .arg(header.shapeString())
                        .arg(needed)
                        .arg(present));
}

}  // namespace

Result<NdArray> parseNpy(const QByteArray& bytes, const QString& source) {
    auto header = parseNpyHeader(bytes, source);
    if (!header) {
        return header.error();
    }
    NdArray array;
    array.dims = header->dims;
    const std::int64_t count = header->elements();
    const qsizetype itemSize = header->itemSize;
    const qsizetype dataStart = header->dataOffset;
    const qsizetype needed = static_cast<qsizetype>(count) * itemSize;
    if (bytes.size() - dataStart < needed) {
        return truncatedData(source, *header, bytes.size() - dataStart);
    }
    array.values.resize(static_cast<std::size_t>(count));
    const char* data = bytes.constData() + dataStart;
    if (count == 0) {
        // Nothing to copy; an empty vector's data() may be null, which memcpy must not get.
    } else if (itemSize == 4) {
        std::memcpy(array.values.data(), data, static_cast<std::size_t>(needed));
    } else {
        narrowDoubles(data, count, array.values.data());
    }
    return array;
}

Result<NdArray> readNpy(const QString& path) {
    // Only the header and the data it declares are read, straight into the array: a file
    // much longer than its header says costs nothing, and no second copy is made.
    auto header = readNpyHeader(path);
    if (!header) {
        return header.error();
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(header->dataOffset)) {
        return Error::invalid(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    }
    NdArray array;
    array.dims = header->dims;
    const std::int64_t count = header->elements();
    array.values.resize(static_cast<std::size_t>(count));
    if (header->itemSize == 4) {
        const qint64 bytes = count * 4;
        if (file.read(reinterpret_cast<char*>(array.values.data()), bytes) != bytes) {
            return truncatedData(path, *header, file.size() - header->dataOffset);
        }
        return array;
    }
    constexpr std::int64_t kChunk = 1 << 16;  // doubles per read
    QByteArray chunk;
    for (std::int64_t done = 0; done < count; done += kChunk) {
        const std::int64_t n = std::min(kChunk, count - done);
        chunk = file.read(n * 8);
        if (chunk.size() != n * 8) {
            return truncatedData(path, *header, file.size() - header->dataOffset);
        }
        narrowDoubles(chunk.constData(), n, array.values.data() + done);
    }
    return array;
}

Result<NpyHeader> readNpyHeader(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::invalid(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    }
    constexpr qint64 kLargestHeader = 12 + 65536;
    auto header = parseNpyHeader(file.read(kLargestHeader), path);
    if (!header) {
        return header.error();
    }
    const std::int64_t needed = header->dataOffset + header->elements() * header->itemSize;
    if (file.size() < needed) {
        return npyError(path,
                        QStringLiteral("truncated data: shape %1 needs %2 bytes, the file has %3")
                            .arg(header->shapeString())
                            .arg(needed - header->dataOffset)
                            .arg(file.size() - header->dataOffset));
    }
    return header;
}

Result<Tensor> tensorFromArray(NdArray array, const QString& source) {
    Shape shape;
    if (array.dims.size() == 3) {
        shape = {array.dims[0], array.dims[1], array.dims[2]};
    } else if (array.dims.size() == 2) {
        shape = {1, array.dims[0], array.dims[1]};
    } else {
        return Error::invalid(QStringLiteral("%1: expected shape (C, H, W) or (H, W), got %2")
                                  .arg(source, array.shapeString()));
    }
    if (shape.elements() == 0) {
        return Error::invalid(
            QStringLiteral("%1: the array %2 is empty").arg(source, array.shapeString()));
    }
    return Tensor(shape, std::move(array.values));
}

QByteArray npyHeader(const Shape& s) {
    QByteArray header =
        QStringLiteral("{'descr': '<f4', 'fortran_order': False, 'shape': (%1, %2, %3), }")
            .arg(s.c)
            .arg(s.h)
            .arg(s.w)
            .toLatin1();
    // Pad with spaces so the data starts on a 64-byte boundary, newline last (NEP 1).
    const qsizetype total = kMagicSize + 4 + header.size() + 1;
    header.append(QByteArray((64 - total % 64) % 64, ' '));
    header.append('\n');
    QByteArray bytes(kMagic, kMagicSize);
    bytes.append('\x01');
    bytes.append('\x00');
    const auto length = static_cast<std::uint16_t>(header.size());
    bytes.append(static_cast<char>(length & 0xFF));
    bytes.append(static_cast<char>(length >> 8));
    bytes.append(header);
    return bytes;
}

QByteArray serializeNpy(const Tensor& tensor) {
    QByteArray bytes = npyHeader(tensor.shape());
    bytes.append(reinterpret_cast<const char*>(tensor.data()),
                 tensor.size() * static_cast<qsizetype>(sizeof(float)));
    return bytes;
}

Status writeNpy(const QString& path, const Tensor& tensor) {
    // Header and data written one after the other: no second copy of a large map.
    const QByteArray header = npyHeader(tensor.shape());
    const QByteArrayView data(reinterpret_cast<const char*>(tensor.data()),
                              tensor.size() * static_cast<qsizetype>(sizeof(float)));
    return writeFileAtomically(path, {QByteArrayView(header), data});
}

}  // namespace stridelab
