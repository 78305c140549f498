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

// The colour drawn for a NaN: magenta, which none of the maps contains.
inline constexpr QRgb kNanColor = 0xffff00ffU;

// The colour of t in [0, 1]; t outside is clamped (so +-inf give the end colours), NaN gives
// kNanColor. Alpha is always 255.
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
