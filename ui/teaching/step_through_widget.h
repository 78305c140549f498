#pragma once

// The "Step through" panel: the selected layer's step-through (core/teaching) with play,
// pause, step back and forward, a speed slider and a frame counter. Frames are built on the
// thread pool (the newest request wins); the GUI thread only paints the small figure.

#include "teaching/step_frames.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QSlider;
class QToolButton;

namespace stridelab::ui {

class StepCanvas;

class StepThroughWidget : public QWidget {
    Q_OBJECT
public:
    explicit StepThroughWidget(QWidget* parent = nullptr);

    // Shows pipeline layer `layer` (0-based; -1 is the input: nothing to step through) with
    // its shapes from `report` (one row per pipeline layer). Built when the panel is visible.
    void showLayer(const Pipeline& pipeline, const PipelineReport& report, int layer);
    // Shows a sequence as it is (nullptr: `message` instead).
    void setSequence(std::shared_ptr<const StepSequence> sequence, const QString& message = {});

    [[nodiscard]] const StepSequence* sequence() const { return sequence_.get(); }
    [[nodiscard]] int frame() const { return frame_; }
    [[nodiscard]] int frameCount() const;
    [[nodiscard]] bool isPlaying() const { return timer_.isActive(); }
    [[nodiscard]] double framesPerSecond() const;
    [[nodiscard]] QString message() const { return message_; }

    void play();
    void pause();
    void togglePlay();
    void stepForward();
    void stepBack();
    void setFrame(int frame);

signals:
    void frameChanged(int frame);
    // A new sequence (or message) is shown.
    void sequenceChanged();

protected:
    void showEvent(QShowEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void build();
    void updateControls();

    std::shared_ptr<const StepSequence> sequence_;
    QString message_;
    int frame_ = 0;
    int generation_ = 0;
    // The request waiting for the panel to be shown.
    std::optional<Result<StepSubject>> pending_;

    StepCanvas* canvas_ = nullptr;
    QToolButton* back_ = nullptr;
    QToolButton* play_ = nullptr;
    QToolButton* forward_ = nullptr;
    QSlider* speed_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    QLabel* counter_ = nullptr;
    QTimer timer_;
};

}  // namespace stridelab::ui
