#pragma once

#include "pipeline/executor.h"
#include "pipeline/pipeline.h"

#include <QImage>

namespace stridelab {

// An image as a (C, H, W) tensor in [0, 1] (8-bit / 255, 16-bit / 65535), in the colour mode
// asked for (grayscale: ITU-R BT.601 luma of R, G, B).
[[nodiscard]] Tensor imageToTensor(const QImage& image, ColorMode mode);

// What an image file's header says, read without decoding a pixel.
struct ImageInfo {
    QSize size;
    int bytesPerPixel = 4;  // of the QImage Qt decodes it into

    // The most memory reading it takes: the decoded image plus a float tensor of `channels`
    // at full size (before any resize).
    [[nodiscard]] std::int64_t readingBytes(int channels) const;
};

// The header of an image file: an error (naming the file) for a missing file, a format Qt
// cannot read, or a damaged header or one that declares no pixels.
[[nodiscard]] Result<ImageInfo> readImageInfo(const QString& path);

// Raises Qt's image allocation limit (a process-wide setting, 128 MiB by default in Qt 6.4) to
// `bytes` if it is lower; never lowers it. Our own reading check, against the memory budget,
// comes first; this only stops Qt from refusing what the budget allows. The window raises it
// on its GUI thread whenever the budget is set, so its compute thread only reads it.
void raiseImageAllocationLimit(std::int64_t bytes);

// Decodes the file small (PNG and JPEG read every byte of their data that way, in little
// memory) to find damaged or missing data before the image is used: the errors of
// loadImageTensor, without its cost. Formats that cannot decode small pass unchecked.
[[nodiscard]] Status checkImageData(const QString& path);

// Reads an image file or "builtin:NAME" (relative paths against baseDir), then resizes.
// Refuses, before decoding, an image whose reading takes more than `memoryLimit` bytes, and
// a JPEG that ends before its image data (which Qt would otherwise fill with grey).
[[nodiscard]] Result<Tensor> loadImageTensor(const QString& source, ColorMode mode,
                                             std::optional<Pair> resize, const QDir& baseDir,
                                             std::int64_t memoryLimit = kDefaultMemoryLimit);

// The input tensor the pipeline's input stands for (an error for a shape-only input).
[[nodiscard]] Result<Tensor> loadInputTensor(const InputSpec& input, const QDir& baseDir,
                                             std::int64_t memoryLimit = kDefaultMemoryLimit);

// The shape the input will have, read from headers only (image size, .npy header), so it
// costs nothing to know it and nothing is allocated before the memory budget is checked.
[[nodiscard]] Result<Shape> inputShape(const InputSpec& input, const QDir& baseDir);

// An image that replaces `original` keeps what the pipeline asked of its input: the colour
// mode and resize of an image input, or the channels (1 grayscale, 3 rgb, 4 rgba) and size of
// a shape-only input.
void adaptImageInput(InputSpec& image, const InputSpec& original);

// An input spec for a file given on the command line: .npy is a tensor, anything else an image.
[[nodiscard]] InputSpec inputSpecForFile(const QString& path);

}  // namespace stridelab
