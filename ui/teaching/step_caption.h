#pragma once

// The words under and above a step-through frame, translatable ("StepCaption" context).

#include "teaching/step_frames.h"

#include <QString>

namespace stridelab::ui {

// "conv2d_1 · conv2d 3x3 /2 pad 1"
[[nodiscard]] QString stepTitle(const StepSequence& seq);
// What the figure runs on: "input 5×5, values 1..25" or "demonstration input 6×6 (the
// layer's input is 224×224), values 1..36", and the channels shown.
[[nodiscard]] QString stepSubtitle(const StepSequence& seq);
// The frame's computation: "output (0,0) = sum of 9 products (5 on padding) = 16".
[[nodiscard]] QString stepCaption(const StepSequence& seq, int frame);
// A number as short as it can be while exact enough to follow the sums: 16, 1.556, -0.0625
// (`significant` digits unless it is a whole number).
[[nodiscard]] QString stepNumber(double value, int significant = 4);

}  // namespace stridelab::ui
