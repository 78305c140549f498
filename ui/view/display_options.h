#pragma once

#include "view/colormap.h"
#include "view/normalisation.h"

namespace stridelab::ui {

// How feature maps are drawn; shared by the feature-map view and the layer cards.
struct DisplayOptions {
    ColormapName colormap = ColormapName::Grey;
    Normalisation normalisation = Normalisation::PerChannel;
    // Used when normalisation is Fixed, as given (not made symmetric for diverging maps).
    ValueRange fixedRange{0.0F, 1.0F};
    // Show 3-channel maps (images) as one RGB picture instead of three grey channels.
    bool rgb = false;

    friend bool operator==(const DisplayOptions&, const DisplayOptions&) = default;
};

}  // namespace stridelab::ui
