#include "teaching/step_caption.h"

#include <QCoreApplication>

#include <cmath>
#include <set>

namespace stridelab::ui {

namespace {

// The translation context of these texts (lupdate reads StepCaption::tr).
struct StepCaption {
    Q_DECLARE_TR_FUNCTIONS(StepCaption)
};

QString cell(std::int64_t row, std::int64_t col) {
    return QStringLiteral("(%1,%2)").arg(row).arg(col);
}

QString size(std::int64_t h, std::int64_t w) {
    return QStringLiteral("%1×%2").arg(h).arg(w);
}

QString windowCaption(const StepSequence& seq, const StepFrame& f) {
    const QString out = cell(f.row, f.col);
    const QString value = stepNumber(f.value);
    switch (seq.rule) {
        case WindowRule::WeightedSum: {
            QString text =
                f.padded > 0
                    ? StepCaption::tr("output %1 = sum of %2 products (%3 on padding) = %4")
                          .arg(out)
                          .arg(f.taps.size())
                          .arg(f.padded)
                          .arg(stepNumber(f.sum))
                    : StepCaption::tr("output %1 = sum of %2 products = %3")
                          .arg(out)
                          .arg(f.taps.size())
                          .arg(stepNumber(f.sum));
            if (std::abs(f.sum - static_cast<double>(f.value)) >
                1e-5 * std::max(1.0, std::abs(f.sum))) {
                text += StepCaption::tr("; with bias and activation %1").arg(value);
            }
            return text;
        }
        case WindowRule::Max: {
            const QString text =
                f.divisor == 1 ? StepCaption::tr("output %1 = max of 1 value = %2").arg(out, value)
                               : StepCaption::tr("output %1 = max of %2 values = %3")
                                     .arg(out)
                                     .arg(f.divisor)
                                     .arg(value);
            return f.ignored > 0
                       ? text +
                             StepCaption::tr(" (%1 cells beyond the input skipped)").arg(f.ignored)
                       : text;
        }
        case WindowRule::Average: {
            const QString sum = StepCaption::tr("output %1 = %2 / %3 = %4")
                                    .arg(out, stepNumber(f.sum))
                                    .arg(f.divisor)
                                    .arg(value);
            if (f.padded > 0) {
                return sum + StepCaption::tr(" (the %1 padding zeros count)").arg(f.padded);
            }
            if (f.ignored > 0) {
                return sum +
                       StepCaption::tr(" (%1 cells outside the input not counted)").arg(f.ignored);
            }
            return sum;
        }
    }
    return {};
}

QString scatterCaption(const StepSequence& seq, const StepFrame& f) {
    if (f.row < 0) {
        std::set<int> counts;
        for (std::int64_t r = 0; r < seq.output.height; ++r) {
            for (std::int64_t c = 0; c < seq.output.width; ++c) {
                counts.insert(f.counts[static_cast<std::size_t>(seq.output.shown.indexOf(r, c))]);
            }
        }
        QStringList list;
        for (const int n : counts) {
            list << QString::number(n);
        }
        if (counts.size() == 1) {
            return StepCaption::tr("every output cell received %1 contributions: an even overlap")
                .arg(list.front());
        }
        const QString last = list.takeLast();
        return StepCaption::tr(
                   "output cells received %1 or %2 contributions: the uneven overlap makes the "
                   "checkerboard")
            .arg(list.join(QStringLiteral(", ")), last);
    }
    int cropped = 0;
    for (const StepTap& t : f.taps) {
        cropped += seq.output.role(t.row, t.col) == CellRole::Inside ? 0 : 1;
    }
    const QString text = f.taps.size() == 1
                             ? StepCaption::tr("input %1 = %2 adds %2 × kernel to 1 output cell")
                                   .arg(cell(f.row, f.col), stepNumber(f.value))
                             : StepCaption::tr("input %1 = %2 adds %2 × kernel to %3 output cells")
                                   .arg(cell(f.row, f.col), stepNumber(f.value))
                                   .arg(f.taps.size());
    return cropped > 0 ? text + StepCaption::tr(" (%1 cropped away)").arg(cropped) : text;
}

QString unpoolCaption(const StepSequence& seq, const StepFrame& f) {
    const StepTap& t = f.taps.front();
    QString text = StepCaption::tr("input %1 = %2 goes to output %3, where the max pool found it")
                       .arg(cell(f.row, f.col), stepNumber(f.value), cell(t.row, t.col));
    if (f.counts[static_cast<std::size_t>(seq.output.shown.indexOf(t.row, t.col))] > 1) {
        text += StepCaption::tr(" (replacing an earlier value)");
    }
    return text;
}

QString resizeCaption(const StepSequence& /*seq*/, const StepFrame& f) {
    const QString source =
        QStringLiteral("(%1, %2)").arg(stepNumber(f.source[0], 3), stepNumber(f.source[1], 3));
    if (f.taps.size() == 1) {
        const StepTap& t = f.taps.front();
        return StepCaption::tr("output %1 samples %2: element %3 = %4")
            .arg(cell(f.row, f.col), source, cell(t.row, t.col), stepNumber(f.value));
    }
    return StepCaption::tr("output %1 samples %2: %3 taps, weighted sum = %4")
        .arg(cell(f.row, f.col), source)
        .arg(f.taps.size())
        .arg(stepNumber(f.value));
}

}  // namespace

QString stepNumber(double value, int significant) {
    if (std::isnan(value)) {
        return {};
    }
    if (std::isinf(value)) {
        return value < 0 ? QStringLiteral("-∞") : QStringLiteral("∞");
    }
    const double rounded = std::round(value);
    if (std::abs(value - rounded) <= 1e-9 * std::max(1.0, std::abs(value)) &&
        std::abs(value) < 1e7) {
        return QString::number(static_cast<qint64>(rounded));
    }
    return QString::number(value, 'g', significant);
}

QString stepTitle(const StepSequence& seq) {
    return seq.layerName == seq.layerType
               ? QStringLiteral("%1  %2").arg(seq.layerName, seq.description)
               : QStringLiteral("%1 · %2  %3").arg(seq.layerName, seq.layerType, seq.description);
}

QString stepSubtitle(const StepSequence& seq) {
    const Shape& d = seq.demoInput;
    const std::int64_t n = seq.kind == StepKind::Unpool ? seq.output.height * seq.output.width
                                                        : seq.input.height * seq.input.width;
    QString text = seq.demoIsReal()
                       ? StepCaption::tr("input %1").arg(size(d.h, d.w))
                       : StepCaption::tr("small input %1 (the layer's input is %2)")
                             .arg(size(d.h, d.w), size(seq.realInput.h, seq.realInput.w));
    if (seq.kind == StepKind::Unpool) {
        text += StepCaption::tr(", from a max pool of values 1..%1 shuffled").arg(n);
    } else {
        text += seq.shuffledValues ? StepCaption::tr(", values 1..%1 shuffled").arg(n)
                                   : StepCaption::tr(", values 1..%1").arg(n);
    }
    if (seq.demoInput.c > 1) {
        text += StepCaption::tr(" in channel 0 (the other %1 are zeros)").arg(seq.demoInput.c - 1);
    }
    if (seq.shape.output.c > 1) {
        text += StepCaption::tr("; output channel 0 of %1").arg(seq.shape.output.c);
    }
    if (!seq.paddingMode.isEmpty()) {
        text += StepCaption::tr("; %1 padding").arg(seq.paddingMode);
    }
    if (!seq.coordinateMode.isEmpty() && !seq.description.contains(seq.coordinateMode)) {
        text += StepCaption::tr("; %1 coordinates").arg(seq.coordinateMode);
    }
    return text;
}

QString stepCaption(const StepSequence& seq, int frame) {
    if (frame < 0 || frame >= static_cast<int>(seq.frames.size())) {
        return {};
    }
    const StepFrame& f = seq.frames[static_cast<std::size_t>(frame)];
    switch (seq.kind) {
        case StepKind::Window:
            return windowCaption(seq, f);
        case StepKind::Scatter:
            return scatterCaption(seq, f);
        case StepKind::Unpool:
            return unpoolCaption(seq, f);
        case StepKind::Resize:
            return resizeCaption(seq, f);
    }
    return {};
}

}  // namespace stridelab::ui
