#pragma once

// NumPy .npy files: read float32/float64 little-endian C-order arrays, write float32 (C, H, W).

#include "tensor/tensor.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace stridelab {

// What a .npy header says: the shape, the size of one element and where the data starts.
struct NpyHeader {
    std::vector<std::int64_t> dims;
    qsizetype itemSize = 4;
    qsizetype dataOffset = 0;

    [[nodiscard]] std::int64_t elements() const;
    [[nodiscard]] QString shapeString() const { return NdArray{dims, {}}.shapeString(); }
};

[[nodiscard]] Result<NpyHeader> parseNpyHeader(const QByteArray& bytes, const QString& source);
// Reads only the header (and checks the file is long enough for its data).
[[nodiscard]] Result<NpyHeader> readNpyHeader(const QString& path);

// Parses the bytes of a .npy file; `source` names it in errors.
[[nodiscard]] Result<NdArray> parseNpy(const QByteArray& bytes, const QString& source);
[[nodiscard]] Result<NdArray> readNpy(const QString& path);

// A (C, H, W) tensor from an array of shape (C, H, W) or (H, W) (taken as C = 1).
[[nodiscard]] Result<Tensor> tensorFromArray(NdArray array, const QString& source);

// The header of a version 1.0 .npy file for a little-endian float32 (C, H, W) array.
[[nodiscard]] QByteArray npyHeader(const Shape& shape);
// The bytes of a version 1.0 .npy file holding `tensor` as little-endian float32 (C, H, W).
[[nodiscard]] QByteArray serializeNpy(const Tensor& tensor);
// Writes atomically: a temporary file renamed into place, never a half-written file.
[[nodiscard]] Status writeNpy(const QString& path, const Tensor& tensor);

}  // namespace stridelab
