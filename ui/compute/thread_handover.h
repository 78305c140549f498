#pragma once

// Jobs and results cross between the GUI thread and the compute thread as events of their own
// (HandOverEvent), posted with QCoreApplication::postEvent. Qt's event queue orders a post
// before its delivery, but inside a Qt that is not built with ThreadSanitizer it does so where
// TSan cannot see. So the event marks the hand-over itself: handOver() once the payload is
// complete, just before posting; receive() first thing on delivery. Everything the sender
// wrote before posting is then ordered before everything the receiver does with it, exactly
// as Qt guarantees, and the tsan run (tst_compute_stress) reports real races in StrideLab's
// code instead of Qt's hand-over. Without -fsanitize=thread the marks compile to nothing.

#include <QCoreApplication>
#include <QEvent>

#include <utility>

#if defined(__SANITIZE_THREAD__)
#define STRIDELAB_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define STRIDELAB_THREAD_SANITIZER 1
#endif
#endif

#ifdef STRIDELAB_THREAD_SANITIZER
extern "C" void __tsan_acquire(void* addr);  // NOLINT(bugprone-reserved-identifier)
extern "C" void __tsan_release(void* addr);  // NOLINT(bugprone-reserved-identifier)
#endif

namespace stridelab::ui {

template <class Payload>
class HandOverEvent : public QEvent {
public:
    explicit HandOverEvent(Payload payload) : QEvent(eventType()), payload_(std::move(payload)) {}

    // The event type of this payload, registered once.
    static QEvent::Type eventType() {
        static const auto type = static_cast<QEvent::Type>(QEvent::registerEventType());
        return type;
    }

    // Called by the sender with the event complete, just before postEvent.
    void handOver() {
#ifdef STRIDELAB_THREAD_SANITIZER
        __tsan_release(this);
#endif
    }
    // On the receiving side, for any event: its payload if it is one of these, else nullptr.
    // The hand-over is marked before anything of the event (even its type) is read.
    static Payload* receive(QEvent* event) {
#ifdef STRIDELAB_THREAD_SANITIZER
        __tsan_acquire(event);
#endif
        return event->type() == eventType() ? &static_cast<HandOverEvent*>(event)->payload_
                                            : nullptr;
    }

private:
    Payload payload_;
};

// Posts `payload` to `receiver`'s thread, which gets it as a HandOverEvent<Payload>.
template <class Payload>
void postHandOver(QObject* receiver, Payload payload) {
    auto* event = new HandOverEvent<Payload>(std::move(payload));
    event->handOver();
    QCoreApplication::postEvent(receiver, event);
}

}  // namespace stridelab::ui
