#pragma once

#include <QProgressBar>

namespace stridelab::ui {

// Sets a progress bar's value and lets the next paint show it. QProgressBar::setValue repaints
// on the spot whenever a pixel of the bar changes: 5-14 ms of the window's thread for each
// layer a computation delivered (a repaint flushes the whole window's backing store), which
// alone broke the 16 ms a frame may take. With updates off the repaint does nothing; turning
// them on again schedules an ordinary update.
inline void setProgressValue(QProgressBar* bar, int value) {
    if (bar->value() == value) {
        return;
    }
    bar->setUpdatesEnabled(false);
    bar->setValue(value);
    bar->setUpdatesEnabled(true);
    bar->update();
}

}  // namespace stridelab::ui
