#include "view/thumbnail_scale.h"

#include <algorithm>

namespace stridelab::ui {

double thumbnailScale(std::span<const Shape> shapes, double longestSide) {
    std::int64_t longest = 0;
    for (const Shape& shape : shapes) {
        if (shape.elements() > 0) {
            longest = std::max({longest, shape.h, shape.w});
        }
    }
    return longest > 0 ? longestSide / static_cast<double>(longest) : 1.0;
}

QSizeF thumbnailSize(const Shape& shape, double scale) {
    if (shape.elements() <= 0) {
        return {0.0, 0.0};
    }
    return {std::max(1.0, static_cast<double>(shape.w) * scale),
            std::max(1.0, static_cast<double>(shape.h) * scale)};
}

}  // namespace stridelab::ui
