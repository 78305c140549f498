#pragma once

#include "tensor/tensor.h"
#include "view/display_options.h"

#include <QImage>

#include <vector>

namespace stridelab::ui {

// The value range each channel is drawn with: its own (PerChannel), the map's (PerLayer) or
// options.fixedRange (Fixed). For a diverging colour map the computed ranges are made
// symmetric around 0; a fixed range is used as typed.
[[nodiscard]] std::vector<ValueRange> displayRanges(const Tensor& map,
                                                    const DisplayOptions& options);
// The same for one channel (the whole map is scanned only for PerLayer).
[[nodiscard]] ValueRange displayRange(const Tensor& map, int channel,
                                      const DisplayOptions& options);

// Whether the map is drawn as one RGB picture: options.rgb and exactly 3 channels.
[[nodiscard]] bool showsAsRgb(const Shape& shape, const DisplayOptions& options);

// The range an RGB picture is drawn with: options.fixedRange for Fixed; otherwise [0, 1]
// when every finite value already lies in it (an image: values shown as they are), else the
// whole map's range, one for all three channels so that colours keep their balance.
[[nodiscard]] ValueRange rgbRange(const Tensor& map, const DisplayOptions& options);

// One channel as a W x H Format_RGB32 image, one pixel per element, coloured with
// options.colormap after normalising to `range`. A null image for a channel out of range.
[[nodiscard]] QImage renderChannel(const Tensor& map, int channel, const DisplayOptions& options,
                                   ValueRange range);
// Channels 0, 1, 2 as red, green, blue, each normalised to rgbRange() and clamped; a pixel
// with a NaN in any channel is kNanColor, else one with an infinity the infinity colour. A null
// image unless the map has 3 channels.
[[nodiscard]] QImage renderRgb(const Tensor& map, const DisplayOptions& options);
// The same normalised to `range` (a map shrunk for display keeps its full map's range).
[[nodiscard]] QImage renderRgb(const Tensor& map, ValueRange range);

// All channels of `map` on one sheet, tiled in a near-square grid, each element `scale`
// pixels square, tiles `gap` pixels apart on a white background (or one RGB picture when the
// options say so): what `stridelab export --maps` writes per layer.
[[nodiscard]] QImage renderChannelSheet(const Tensor& map, const DisplayOptions& options, int scale,
                                        int gap = 2);

// `channelCount` channels of `map` from `firstChannel` (-1: all the rest) resampled by area
// to `width` x `height` (each at most the map's): every element is the mean of the map over
// the rectangle it covers, elements cut by its edges weighted by the part inside. This is
// what a view shows of a map drawn at less than one screen pixel per element. Averaging, not
// picking one element per pixel, keeps the display from aliasing: the built-in zone plate,
// picked at every 4th element, shows false rings at full contrast, the very artefact its
// aliasing lesson teaches. A rectangle with a non-finite value stays non-finite, so a NaN or
// an infinity is never hidden by shrinking: NaN before +infinity before -infinity (as
// kNanColor and the infinity colours rank them).
[[nodiscard]] Tensor areaResampled(const Tensor& map, int firstChannel, int channelCount,
                                   std::int64_t width, std::int64_t height);

}  // namespace stridelab::ui
