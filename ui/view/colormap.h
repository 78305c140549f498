#pragma once

#include <QRgb>
#include <QString>
#include <QStringView>

#include <optional>
#include <span>

namespace stridelab::ui {

// The colour maps a feature map can be drawn with.
//  - Grey: black (low) to white (high).
//  - Viridis: matplotlib's perceptually uniform map, looked up like matplotlib does.
//  - Diverging: blue (negative) through white (zero) to red (positive), for signed values
//    normalised to a range symmetric around 0, so white always means 0.
enum class ColormapName { Grey, Viridis, Diverging };

// The colours drawn for a NaN (magenta), +inf (orange) and -inf (cyan): none of the maps
// contains them, so a non-finite value never passes for a large or small finite one.
inline constexpr QRgb kNanColor = 0xffff00ffU;
inline constexpr QRgb kPositiveInfinityColor = 0xffff8000U;
inline constexpr QRgb kNegativeInfinityColor = 0xff00ffffU;

// The colour of t in [0, 1]; a finite t outside is clamped, NaN gives kNanColor, +inf and
// -inf their own colours. Alpha is always 255.
[[nodiscard]] QRgb colormapColor(ColormapName name, double t);

// Every colour map, in menu order.
[[nodiscard]] std::span<const ColormapName> allColormaps();
// The translated name for menus, e.g. "Viridis".
[[nodiscard]] QString colormapDisplayName(ColormapName name);
// A stable key for settings files: "grey", "viridis", "diverging".
[[nodiscard]] QString colormapKey(ColormapName name);
[[nodiscard]] std::optional<ColormapName> colormapFromKey(QStringView key);
// Whether the map is meant for values centred on 0 (its range is made symmetric).
[[nodiscard]] bool isDiverging(ColormapName name);

}  // namespace stridelab::ui
