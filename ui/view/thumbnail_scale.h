#pragma once

#include "tensor/shape.h"

#include <QSizeF>

#include <span>

namespace stridelab::ui {

// Layer-card thumbnails are drawn to one common scale, so that a map 32 times smaller than
// the input looks 32 times smaller. The scale makes the largest map's longer side
// `longestSide` screen pixels; 1.0 when there is no non-empty map.
[[nodiscard]] double thumbnailScale(std::span<const Shape> shapes, double longestSide);

// A map's thumbnail size at that scale, at least one screen pixel each way so that even a
// 1x1 map stays visible.
[[nodiscard]] QSizeF thumbnailSize(const Shape& shape, double scale);

}  // namespace stridelab::ui
