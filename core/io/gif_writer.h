#pragma once

// Animated GIFs with giflib, for the step-through export.

#include "util/result.h"

#include <QImage>
#include <QString>

#include <vector>

namespace stridelab {

struct GifFrame {
    QImage image;
    int delayMs = 500;  // GIF counts in hundredths of a second; at least 20 ms
};

// Writes the frames (all the size of the first) as a GIF89a that loops forever, atomically.
// One 256-colour palette serves every frame, so flat colours do not flicker: the colours
// that cover the most pixels are kept exactly, giflib's median cut picks the rest, and each
// pixel takes the nearest palette colour.
[[nodiscard]] Status writeAnimatedGif(const QString& path, const std::vector<GifFrame>& frames);

}  // namespace stridelab
