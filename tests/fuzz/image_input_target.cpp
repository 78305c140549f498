// The image-to-tensor path: a colour mode, an optional resize and a file name extension (Qt
// picks the decoder by extension first, then by content), then the file's bytes. Decoding
// goes through QImageReader as the program does, under Qt's allocation limit; the header-only
// shape (inputShape, which the memory estimate and the analysis use before anything is
// decoded) must equal the decoded tensor's shape, and every value must lie in [0, 1].

#include "fuzz_support.h"
#include "fuzz_targets.h"
#include "io/image_input.h"

#include <QImageReader>

#include <array>
#include <cmath>

namespace stridelab::fuzz {

namespace {

// Qt refuses to decode images needing more than this; lower than Qt's default (256 MiB) so a
// few kilobytes that declare a huge image cannot make one input take seconds under ASan. The
// same budget goes to loadInputTensor, which raises Qt's limit to the budget it is given: with
// the default 2 GiB a 460-byte JPEG declaring 28263 x 4464 pixels was decoded in 16-25 s to
// 2.5 GB of memory, at the fuzzer's memory limit (kept in the corpus as
// crash-jpeg-declares-126-megapixels).
constexpr int kAllocationLimitMiB = 32;
constexpr std::int64_t kMemoryBudget = std::int64_t{kAllocationLimitMiB} << 20;

}  // namespace

Violation imageInput(const std::uint8_t* data, std::size_t size) {
    static const bool limited = [] {
        QImageReader::setAllocationLimit(kAllocationLimitMiB);
        return true;
    }();
    Q_UNUSED(limited);
    static const std::array<QString, 11> kSuffixes = {QString(),
                                                      QStringLiteral(".png"),
                                                      QStringLiteral(".jpg"),
                                                      QStringLiteral(".gif"),
                                                      QStringLiteral(".bmp"),
                                                      QStringLiteral(".svg"),
                                                      QStringLiteral(".ico"),
                                                      QStringLiteral(".ppm"),
                                                      QStringLiteral(".pgm"),
                                                      QStringLiteral(".xpm"),
                                                      QStringLiteral(".xbm")};
    ByteReader in(data, size);
    InputSpec spec;
    spec.kind = InputKind::Image;
    spec.colorMode = static_cast<ColorMode>(in.pick(3));
    if (in.flag()) {
        spec.resize = Pair{in.range(1, 48), in.range(1, 48)};
    }
    const QString suffix = kSuffixes[in.pick(kSuffixes.size())];
    spec.source = writeScratchFile(QStringLiteral("image"), in.rest(), suffix);

    const QDir here;
    const auto shape = inputShape(spec, here);
    const auto tensor = loadInputTensor(spec, here, kMemoryBudget);
    if (!tensor) {
        return {};
    }
    const Shape s = tensor->shape();
    const std::int64_t channels = spec.colorMode == ColorMode::Grayscale ? 1
                                  : spec.colorMode == ColorMode::Rgba    ? 4
                                                                         : 3;
    if (s.c != channels || s.h < 1 || s.w < 1 ||
        (spec.resize && (s.h != spec.resize->h || s.w != spec.resize->w))) {
        return QStringLiteral("decoded a tensor of shape %1").arg(s.toString());
    }
    if (shape && *shape != s) {
        return QStringLiteral("the header says %1, the decoded image is %2")
            .arg(shape->toString(), s.toString());
    }
    for (const float v : tensor->values()) {
        if (!(v >= 0.0F && v <= 1.0F + 1e-5F)) {
            return QStringLiteral("a pixel became %1, outside [0, 1]").arg(static_cast<double>(v));
        }
    }
    return {};
}

}  // namespace stridelab::fuzz
