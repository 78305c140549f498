#include "teaching/step_through_widget.h"

#include "compute/background_pool.h"
#include "compute/background_priority.h"
#include "i18n/language.h"
#include "teaching/step_frame_renderer.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPointer>
#include <QSlider>
#include <QStyle>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>

namespace stridelab::ui {

namespace {

// The speed slider counts half frames per second: 1..20 is 0.5..10 frames per second.
constexpr int kSpeedSteps = 20;
constexpr int kDefaultSpeed = 4;

}  // namespace

// Paints the current frame, or the message when there is none.
class StepCanvas : public QWidget {
public:
    explicit StepCanvas(StepThroughWidget* owner) : QWidget(owner), owner_(owner) {
        setMinimumSize(320, 200);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }

protected:
    void paintEvent(QPaintEvent* /*event*/) override {
        QPainter p(this);
        if (const StepSequence* seq = owner_->sequence()) {
            StepFrameRenderer(*seq).paint(p, QRectF(rect()), owner_->frame());
            return;
        }
        p.fillRect(rect(), palette().window());
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                   owner_->message());
    }

private:
    StepThroughWidget* owner_;
};

StepThroughWidget::StepThroughWidget(QWidget* parent) : QWidget(parent) {
    canvas_ = new StepCanvas(this);
    auto makeButton = [this](QStyle::StandardPixmap icon, const QString& name) {
        auto* b = new QToolButton(this);
        b->setIcon(style()->standardIcon(icon));
        b->setObjectName(name);
        b->setAutoRaise(true);
        return b;
    };
    back_ = makeButton(QStyle::SP_MediaSkipBackward, QStringLiteral("stepBack"));
    play_ = makeButton(QStyle::SP_MediaPlay, QStringLiteral("playPause"));
    forward_ = makeButton(QStyle::SP_MediaSkipForward, QStringLiteral("stepForward"));
    speed_ = new QSlider(Qt::Horizontal, this);
    speed_->setObjectName(QStringLiteral("speed"));
    speed_->setRange(1, kSpeedSteps);
    speed_->setValue(kDefaultSpeed);
    speed_->setMaximumWidth(160);
    speedLabel_ = new QLabel(this);
    counter_ = new QLabel(this);
    counter_->setObjectName(QStringLiteral("frameCounter"));

    auto* controls = new QHBoxLayout;
    controls->addWidget(back_);
    controls->addWidget(play_);
    controls->addWidget(forward_);
    controls->addSpacing(8);
    controls->addWidget(counter_);
    controls->addStretch(1);
    auto* speedTitle = new QLabel(this);
    controls->addWidget(speedTitle);
    controls->addWidget(speed_);
    controls->addWidget(speedLabel_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(canvas_, 1);
    layout->addLayout(controls);

    connect(back_, &QToolButton::clicked, this, &StepThroughWidget::stepBack);
    connect(forward_, &QToolButton::clicked, this, &StepThroughWidget::stepForward);
    connect(play_, &QToolButton::clicked, this, &StepThroughWidget::togglePlay);
    connect(speed_, &QSlider::valueChanged, this, [this] {
        timer_.setInterval(static_cast<int>(1000.0 / framesPerSecond()));
        updateControls();
    });
    timer_.setInterval(static_cast<int>(1000.0 / framesPerSecond()));
    // Playing loops, as the convolution-arithmetic animations do.
    connect(&timer_, &QTimer::timeout, this, [this] {
        const int count = frameCount();
        if (count > 0) {
            setFrame((frame_ + 1) % count);
        }
    });
    setFocusPolicy(Qt::StrongFocus);
    message_ = tr("Select a layer to step through it");
    i18n::retranslate(this, [this, speedTitle] {
        back_->setToolTip(tr("Step back (Left)"));
        play_->setToolTip(tr("Play or pause (Space)"));
        forward_->setToolTip(tr("Step forward (Right)"));
        speed_->setToolTip(tr("Frames per second"));
        speedTitle->setText(tr("Speed"));
        if (!sequence_) {
            message_ = tr("Select a layer to step through it");
        }
        updateControls();
        canvas_->update();  // the captions are made when drawn
    });
}

int StepThroughWidget::frameCount() const {
    return sequence_ ? static_cast<int>(sequence_->frames.size()) : 0;
}

double StepThroughWidget::framesPerSecond() const {
    return speed_->value() / 2.0;
}

void StepThroughWidget::showLayer(const Pipeline& pipeline, const PipelineReport& report,
                                  int layer) {
    if (layer < 0) {
        ++generation_;  // a build still running is stale
        pending_.reset();
        setSequence(nullptr, tr("Select a layer to step through it"));
        return;
    }
    pending_ = stepSubject(pipeline, report, layer);
    if (isVisible()) {
        build();
    }
}

void StepThroughWidget::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (pending_) {
        build();
    }
}

void StepThroughWidget::build() {
    Result<StepSubject> subject = std::move(*pending_);
    pending_.reset();
    const int generation = ++generation_;
    if (!subject) {
        setSequence(nullptr, tr("No step-through: %1").arg(subject.error().message));
        return;
    }
    QPointer<StepThroughWidget> self(this);
    backgroundPool()->start([self, generation, s = std::move(subject).value()] {
        yieldToTheWindow();
        auto built = buildStepSequence(s);
        std::shared_ptr<const StepSequence> seq =
            built ? std::make_shared<const StepSequence>(std::move(built).value()) : nullptr;
        const QString error = built ? QString() : built.error().message;
        // Delivered on the GUI thread, where the QPointer may be read.
        QMetaObject::invokeMethod(
            qApp,
            [self, generation, seq, error] {
                if (self && self->generation_ == generation) {
                    self->setSequence(seq, tr("No step-through: %1").arg(error));
                }
            },
            Qt::QueuedConnection);
    });
}

void StepThroughWidget::setSequence(std::shared_ptr<const StepSequence> sequence,
                                    const QString& message) {
    // A rebuild of the same layer with the same frames (another layer was edited) keeps
    // the frame on screen.
    const bool same = sequence_ && sequence && sequence_->layerName == sequence->layerName &&
                      sequence_->frames.size() == sequence->frames.size();
    sequence_ = std::move(sequence);
    message_ = message;
    frame_ = same ? frame_ : 0;
    if (!sequence_) {
        timer_.stop();
    }
    updateControls();
    canvas_->update();
    emit sequenceChanged();
    emit frameChanged(frame_);
}

void StepThroughWidget::play() {
    if (frameCount() > 1) {
        timer_.start();
        updateControls();
    }
}

void StepThroughWidget::pause() {
    timer_.stop();
    updateControls();
}

void StepThroughWidget::togglePlay() {
    isPlaying() ? pause() : play();
}

void StepThroughWidget::stepForward() {
    pause();
    setFrame(std::min(frame_ + 1, frameCount() - 1));
}

void StepThroughWidget::stepBack() {
    pause();
    setFrame(std::max(frame_ - 1, 0));
}

void StepThroughWidget::setFrame(int frame) {
    frame = std::clamp(frame, 0, std::max(0, frameCount() - 1));
    if (frame == frame_) {
        return;
    }
    frame_ = frame;
    updateControls();
    canvas_->update();
    emit frameChanged(frame_);
}

void StepThroughWidget::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_Space:
            togglePlay();
            return;
        case Qt::Key_Right:
            stepForward();
            return;
        case Qt::Key_Left:
            stepBack();
            return;
        default:
            QWidget::keyPressEvent(event);
    }
}

void StepThroughWidget::updateControls() {
    const int count = frameCount();
    back_->setEnabled(count > 0 && frame_ > 0);
    forward_->setEnabled(count > 0 && frame_ + 1 < count);
    play_->setEnabled(count > 1);
    play_->setIcon(
        style()->standardIcon(isPlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    play_->setText(isPlaying() ? tr("Pause") : tr("Play"));
    counter_->setText(count > 0 ? tr("Frame %1 of %2").arg(frame_ + 1).arg(count) : QString());
    speedLabel_->setText(tr("%1 frames/s").arg(framesPerSecond()));
}

}  // namespace stridelab::ui
