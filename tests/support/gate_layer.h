#pragma once

// A layer for tests of the background computation: the identity, except that while it is
// closed its forward waits (until opened, or until the run is cancelled). With it a test
// holds the compute thread at a known point instead of racing it.

#include "layers/layer.h"

#include <QSemaphore>
#include <QThread>

#include <atomic>

namespace stridelab::test {

class GateLayer : public Layer {
public:
    explicit GateLayer(bool closed = false) : closed_(closed) {}

    void close() { closed_ = true; }
    void open() { closed_ = false; }
    // Released each time a forward starts: acquire() waits until the compute thread is inside.
    [[nodiscard]] QSemaphore& entered() const { return entered_; }
    [[nodiscard]] int forwards() const { return forwards_; }
    // Whether the last forward stopped because its run was cancelled.
    [[nodiscard]] bool sawCancel() const { return sawCancel_; }

    QString type() const override { return QStringLiteral("gate"); }
    QJsonObject toJson() const override { return {}; }
    QString describe() const override { return QStringLiteral("gate"); }
    Result<LayerShape> inferShape(const ShapeQuery& query) const override {
        LayerShape s;
        s.output = query.input;
        s.height = AxisShape{query.input.h, query.input.h, 0, 0, query.input.h, 1, 1, 1, 1, {}};
        s.width = AxisShape{query.input.w, query.input.w, 0, 0, query.input.w, 1, 1, 1, 1, {}};
        return s;
    }
    void forward(const ForwardQuery& query, LayerResult& out) const override {
        ++forwards_;
        entered_.release();
        while (closed_ && !(query.cancel != nullptr && query.cancel->load())) {
            QThread::msleep(1);
        }
        sawCancel_ = query.cancel != nullptr && query.cancel->load();
        out.values = query.input;
    }
    PositionRange dependencies(Axis axis, std::int64_t position,
                               const LayerShape& shape) const override {
        return windowDependencies(position, shape.axis(axis));
    }
    double jumpFactor(Axis /*axis*/, const LayerShape& /*shape*/) const override { return 1.0; }

private:
    std::atomic<bool> closed_;
    mutable QSemaphore entered_;
    mutable std::atomic<int> forwards_{0};
    mutable std::atomic<bool> sawCancel_{false};
};

}  // namespace stridelab::test
