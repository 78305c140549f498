#pragma once

// The receptive-field explorer's state: the clicked element and its trace through every map,
// kept up to date as the pipeline changes. Cards are numbered as in the card strip: 0 is the
// input, card i the output of pipeline layer i - 1.

#include "pipeline/element_trace.h"

#include <QObject>

#include <optional>
#include <vector>

namespace stridelab::ui {

class TraceController : public QObject {
    Q_OBJECT
public:
    struct Origin {
        int card = 0;
        std::int64_t row = 0;
        std::int64_t col = 0;
    };

    explicit TraceController(QObject* parent = nullptr);

    // A changed pipeline: the trace is worked out again from the same element, or cleared
    // when that element no longer exists.
    void setPipeline(const Pipeline& pipeline, const PipelineReport& report);
    // Traces element (row, col) of a card's map: upstream into every earlier map, downstream
    // into every later one.
    void traceFrom(int card, std::int64_t row, std::int64_t col);
    void clear();

    [[nodiscard]] const std::optional<Origin>& origin() const { return origin_; }
    // One entry per card; nullopt for cards the trace does not reach (switched off, broken).
    [[nodiscard]] const std::vector<std::optional<MapTrace>>& traces() const { return traces_; }
    [[nodiscard]] std::optional<MapTrace> traceOf(int card) const;
    // A sentence for the status bar, empty without a trace.
    [[nodiscard]] QString description() const;

signals:
    void tracesChanged();

private:
    void retrace();
    [[nodiscard]] QString cardName(int card) const;

    Pipeline pipeline_;  // keeps the traced layers alive
    PipelineReport report_;
    TraceChain chain_;
    std::optional<Origin> origin_;
    std::vector<std::optional<MapTrace>> traces_;
    QString error_;
};

}  // namespace stridelab::ui
