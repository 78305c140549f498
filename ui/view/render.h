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

// All channels of `map` on one sheet, tiled in a near-square grid, each element `scale`
// pixels square, tiles `gap` pixels apart on a white background (or one RGB picture when the
// options say so): what `stridelab export --maps` writes per layer.
[[nodiscard]] QImage renderChannelSheet(const Tensor& map, const DisplayOptions& options, int scale,
                                        int gap = 2);

// Every `step`-th element of each row and column (nearest: the top-left of each block): what
// a view shows of a map drawn at less than one screen pixel per element, at a fraction of the
// cost of rendering it whole. Of `channelCount` channels from `firstChannel` (-1: all the
// rest), so a view drawing one channel does not copy the other hundred.
[[nodiscard]] Tensor subsampled(const Tensor& map, int step, int firstChannel = 0,
                                int channelCount = -1);

}  // namespace stridelab::ui
