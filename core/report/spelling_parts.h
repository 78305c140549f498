#pragma once

// The pieces the Keras and PyTorch spellings of layers are built from (layer_spelling.h): an
// argument list that knows the two styles, and the padding texts both frameworks need.

#include "kernels/resize.h"
#include "report/layer_spelling.h"

namespace stridelab::spelling {

using Kind = CodeLine::Kind;

inline QString tuple(std::int64_t h, std::int64_t w) {
    return QStringLiteral("(%1, %2)").arg(h).arg(w);
}
inline QString tuple(Pair p) {
    return tuple(p.h, p.w);
}
inline QString pyBool(bool b) {
    return b ? QStringLiteral("True") : QStringLiteral("False");
}
inline QString quoted(const QString& s, QChar quote) {
    return quote + s + quote;
}

// An argument list. A script writes every keyword it is given; the compact style leaves out
// a keyword whose value is the framework's default and writes an equal pair as one number.
class Args {
public:
    explicit Args(SpellingStyle style) : compact_(style == SpellingStyle::Compact) {}

    [[nodiscard]] bool compact() const { return compact_; }
    [[nodiscard]] QString pair(Pair p) const {
        return compact_ && p.h == p.w ? QString::number(p.h) : tuple(p);
    }
    Args& pos(const QString& value) {
        parts_ << value;
        return *this;
    }
    Args& pos(std::int64_t value) { return pos(QString::number(value)); }
    Args& kw(const QString& name, const QString& value, const QString& fallback = {}) {
        if (!compact_ || value != fallback) {
            parts_ << name + QLatin1Char('=') + value;
        }
        return *this;
    }
    [[nodiscard]] QString call(const QString& function) const {
        return function + QLatin1Char('(') + parts_.join(QStringLiteral(", ")) + QLatin1Char(')');
    }

private:
    bool compact_;
    QStringList parts_;
};

inline CodeLine layerLine(QString code, QString trailing = {}) {
    CodeLine l;
    l.kind = Kind::Layer;
    l.code = std::move(code);
    l.trailingComment = std::move(trailing);
    return l;
}
inline CodeLine statement(QString code, QString trailing = {}) {
    CodeLine l = layerLine(std::move(code), std::move(trailing));
    l.kind = Kind::Statement;
    return l;
}
inline CodeLine comment(QString text) {
    CodeLine l = layerLine(std::move(text));
    l.kind = Kind::Comment;
    return l;
}

inline bool symmetricPadding(const LayerShape& s) {
    return s.padding[0] == s.padding[1] && s.padding[2] == s.padding[3];
}
inline bool noPadding(const LayerShape& s) {
    return s.padding == std::array<std::int64_t, 4>{};
}

// The four padding amounts of a layer's analysis, in F.pad's order (left, right, top, bottom).
inline QString padArgs(const LayerShape& s) {
    return QStringLiteral("(%1, %2, %3, %4)")
        .arg(s.padding[2])
        .arg(s.padding[3])
        .arg(s.padding[0])
        .arg(s.padding[1]);
}

inline QString samePaddingNote() {
    return QStringLiteral("TensorFlow \"same\": the odd pixel bottom/right");
}
inline const char* torchModeName(Interpolation i) {
    static const char* modes[] = {"nearest", "nearest-exact", "bilinear", "bicubic"};
    return modes[static_cast<int>(i)];
}

inline bool interpolates(Interpolation i) {
    return i == Interpolation::Bilinear || i == Interpolation::Bicubic;
}

[[nodiscard]] LayerCode torchCode(const SpellingInput& in, SpellingStyle style);
[[nodiscard]] LayerCode kerasCode(const SpellingInput& in, SpellingStyle style);

}  // namespace stridelab::spelling
