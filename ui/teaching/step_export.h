#pragma once

// The step-through of a layer as files, for slides: an animated GIF, or numbered PNG frames.
// Used by File > Export and `stridelab export --steps`.

#include "teaching/step_frames.h"

namespace stridelab::ui {

// How long a GIF shows each frame, and the last one (before it loops).
constexpr int kStepGifDelayMs = 700;
constexpr int kStepGifLastDelayMs = 2500;

// FILE.gif (any case): an animated GIF; anything else: a directory (created if missing) with
// frame_000.png, frame_001.png, ... (more digits past 1000 frames). Every file is written
// atomically. Returns the number of frames.
[[nodiscard]] Result<int> exportSteps(const StepSequence& seq, const QString& path);

[[nodiscard]] bool isGifPath(const QString& path);
// "frame_007.png" for frame 7 of `count`.
[[nodiscard]] QString stepFrameFileName(int frame, int count);

}  // namespace stridelab::ui
