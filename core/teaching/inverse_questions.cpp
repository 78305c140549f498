#include "teaching/inverse_questions.h"

#include "io/json_values.h"
#include "layers/layer_patch.h"
#include "layers/layer_registry.h"
#include "teaching/axis_search.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <map>
#include <tuple>

namespace stridelab {

namespace {

using namespace teaching;

QJsonValue pairValue(std::int64_t h, std::int64_t w) {
    return pairToJson(Pair{h, w});
}

// TensorFlow's "same" padding of a window layer on one axis, as explicit numbers.
std::pair<std::int64_t, std::int64_t> sameAmounts(std::int64_t n, std::int64_t k,
                                                  const AxisSetting& s) {
    const std::int64_t ke = effectiveKernelExtent(k, s.dilation);
    const std::int64_t total =
        std::max<std::int64_t>((ceilDiv(n, s.stride) - 1) * s.stride + ke - n, 0);
    return {total / 2, total - total / 2};
}

// The keys that give settings h and w, or nothing when one layer cannot have both. Only
// keys whose meaning changes are set, so an unchanged default stays unwritten.
std::optional<QJsonObject> keysFor(const LayerFacts& f, const AxisSetting& h, const AxisSetting& w,
                                   Pair input, Pair wanted) {
    const AxisSetting& nh = f.current[0];
    const AxisSetting& nw = f.current[1];
    QJsonObject keys;
    if (f.family == Family::Resize) {
        if (h.factor > 0 && w.factor > 0) {
            if (h.factor != nh.factor || w.factor != nw.factor) {
                keys.insert(QStringLiteral("size"), pairValue(h.factor, w.factor));
                keys.insert(QStringLiteral("output_size"), QJsonValue::Null);
            }
        } else {
            keys.insert(QStringLiteral("output_size"),
                        QJsonArray{static_cast<double>(wanted.h), static_cast<double>(wanted.w)});
            keys.insert(QStringLiteral("size"), QJsonValue::Null);
        }
        return keys;
    }
    if (h.ceil != w.ceil) {
        return std::nullopt;
    }
    if (h.stride != nh.stride || w.stride != nw.stride) {
        keys.insert(QStringLiteral("strides"), pairValue(h.stride, w.stride));
    }
    if (h.dilation != nh.dilation || w.dilation != nw.dilation) {
        keys.insert(QStringLiteral("dilation_rate"), pairValue(h.dilation, w.dilation));
    }
    if (h.ceil != nh.ceil) {
        keys.insert(QStringLiteral("ceil_mode"), h.ceil);
    }
    // Padding: one string for both axes, or numbers.
    QJsonValue padding;
    if (h.pad == w.pad && h.pad != Pad::Explicit) {
        padding = h.pad == Pad::Same ? QStringLiteral("same") : QStringLiteral("valid");
    } else if (f.family == Family::Transposed) {
        if (h.pad != Pad::Explicit || w.pad != Pad::Explicit) {
            return std::nullopt;
        }
        padding = pairValue(h.before, w.before);
    } else {
        auto amounts = [&](const AxisSetting& s, int axis) {
            return s.pad == Pad::Same ? sameAmounts(input[axis], f.kernel[axis], s)
                                      : std::pair{s.before, s.after};
        };
        const auto [top, bottom] = amounts(h, 0);
        const auto [left, right] = amounts(w, 1);
        if (top == bottom && left == right) {
            padding = pairValue(top, left);
        } else if (f.fourSided) {
            padding = QJsonArray{static_cast<double>(top), static_cast<double>(bottom),
                                 static_cast<double>(left), static_cast<double>(right)};
        } else {
            return std::nullopt;
        }
    }
    const bool samePadding = h.pad == nh.pad && w.pad == nw.pad && h.before == nh.before &&
                             h.after == nh.after && w.before == nw.before && w.after == nw.after;
    if (!samePadding) {
        keys.insert(QStringLiteral("padding"), padding);
    }
    // With PyTorch's explicit padding, no output_padding is 0; with Keras's strings it is not.
    auto op = [](const AxisSetting& s) {
        return s.pad == Pad::Explicit ? std::optional(s.outputPadding.value_or(0))
                                      : s.outputPadding;
    };
    if (f.family == Family::Transposed && (op(h) != op(nh) || op(w) != op(nw))) {
        if (op(h).has_value() != op(w).has_value()) {
            return std::nullopt;
        }
        const bool none = !op(h) || (h.pad == Pad::Explicit && *op(h) == 0 && *op(w) == 0);
        keys.insert(QStringLiteral("output_padding"),
                    none ? QJsonValue(QJsonValue::Null) : pairValue(*op(h), *op(w)));
    }
    return keys;
}

QString jsonText(const QJsonValue& v) {
    if (v.isUndefined() || v.isNull()) {
        return QStringLiteral("(not set)");
    }
    if (v.isString()) {
        return QStringLiteral("\"%1\"").arg(v.toString());
    }
    if (v.isBool()) {
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    }
    if (v.isDouble()) {
        return QString::number(v.toDouble());
    }
    QString text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return text.replace(QLatin1Char(','), QStringLiteral(", "));
}

// A key's value in a layer's JSON, or its default when the layer does not write it.
QJsonValue valueOrDefault(const QJsonObject& json, const QString& key, const LayerType& type) {
    if (json.contains(key)) {
        return json.value(key);
    }
    for (const ParameterSpec& spec : type.parameters()) {
        if (spec.key == key) {
            return spec.defaultValue;
        }
    }
    return {};
}

// A layer with one dilation on both axes keeps one: a different dilation per axis is
// never what a size question is about, and there would be many.
bool mixesDilations(const LayerFacts& f, const AxisSetting& h, const AxisSetting& w) {
    return h.dilation != w.dilation && f.current[0].dilation == f.current[1].dilation;
}

// How unusual a candidate is, among those changing as many keys: small changes, the same
// setting on both axes, padding as one word or one number come first.
std::int64_t combinedCost(const LayerFacts& f, const AxisSetting& h, const AxisSetting& w) {
    std::int64_t cost = 0;
    for (const auto& [s, now] : {std::pair{&h, &f.current[0]}, std::pair{&w, &f.current[1]}}) {
        cost += std::abs(s->stride - now->stride) + 20 * std::abs(s->dilation - now->dilation) +
                s->outputPadding.value_or(0) + (s->ceil != now->ceil ? 3 : 0);
        if (s->pad == Pad::Explicit) {
            cost += s->before + s->after + (s->before != s->after ? 5 : 0);
        }
    }
    cost += (h.stride != w.stride ? 10 : 0) + (h.pad != w.pad ? 20 : 0) +
            (h.before != w.before || h.after != w.after ? 10 : 0);
    return cost;
}

struct Ranked {
    SizeCandidate candidate;
    std::int64_t cost = 0;
};

// The settings as the layer will write them: when one axis needs numbers, "same" and "valid"
// on the other become the numbers they stand for.
std::pair<AxisSetting, AxisSetting> asWritten(const LayerFacts& f, AxisSetting h, AxisSetting w,
                                              Pair input) {
    if (f.family != Family::Conv && f.family != Family::Pool) {
        return {h, w};
    }
    if (h.pad == w.pad && h.pad != Pad::Explicit) {
        return {h, w};
    }
    for (const auto& [s, axis] : {std::pair{&h, 0}, std::pair{&w, 1}}) {
        if (s->pad == Pad::Same) {
            std::tie(s->before, s->after) = sameAmounts(input[axis], f.kernel[axis], *s);
        }
        s->pad = Pad::Explicit;
    }
    return {h, w};
}

// The candidate of settings h and w, when one layer can have them and its own shape
// inference gives the wanted size; the first refusal is kept for the reason.
std::optional<Ranked> candidateFor(const SizeQuestion& q, const LayerFacts& facts,
                                   const AxisSetting& h, const AxisSetting& w, QString& error) {
    const Pair in{q.query.input.h, q.query.input.w};
    auto keys = keysFor(facts, h, w, in, q.wanted);
    if (!keys || keys->isEmpty()) {
        return std::nullopt;
    }
    // Keys that stop applying (count_include_pad without explicit padding) go too.
    const LayerType* type = findLayerType(q.layer->type());
    const QJsonObject json = patchedJson(*q.layer, *keys);
    for (const ParameterSpec& spec : type->parameters()) {
        if (json.contains(spec.key) && !spec.appliesTo(json)) {
            keys->insert(spec.key, QJsonValue::Null);
        }
    }
    auto layer = patchedLayer(*q.layer, *keys, q.context);
    auto shape = layer ? (*layer)->inferShape(q.query) : Result<LayerShape>(layer.error());
    if (!shape) {
        error = error.isEmpty() ? shape.error().message : error;
        return std::nullopt;
    }
    if (shape->height.out != q.wanted.h || shape->width.out != q.wanted.w) {
        return std::nullopt;
    }
    // The patch is what really changed between the two layers' files.
    const QJsonObject before = q.layer->toJson();
    const QJsonObject after = (*layer)->toJson();
    Ranked r;
    SizeCandidate& c = r.candidate;
    QStringList names = before.keys() + after.keys();
    names.removeDuplicates();
    names.sort();
    for (const QString& key : names) {
        if (before.value(key) == after.value(key)) {
            continue;
        }
        c.patch.insert(key, after.contains(key) ? after.value(key) : QJsonValue::Null);
        c.changes << QStringLiteral("%1 %2 -> %3")
                         .arg(key, jsonText(valueOrDefault(before, key, *type)),
                              jsonText(valueOrDefault(after, key, *type)));
    }
    if (c.patch.isEmpty()) {
        return std::nullopt;
    }
    const QString formula = shape->height.formula == shape->width.formula
                                ? QStringLiteral("out = %1").arg(shape->height.formula)
                                : QStringLiteral("height %1, width %2")
                                      .arg(shape->height.formula, shape->width.formula);
    c.formula = formula;
    c.sentence = c.changes.join(QStringLiteral("; ")) + QStringLiteral(": ") + formula;
    c.layer = *layer;
    c.shape = *shape;
    r.cost = combinedCost(facts, h, w);
    return r;
}

QString axisName(Axis a) {
    return a == Axis::Height ? QStringLiteral("height") : QStringLiteral("width");
}

QString searchedText(Family family) {
    switch (family) {
        case Family::Conv:
            return QStringLiteral("strides, padding (up to kernel - 1 a side) or dilation");
        case Family::Pool:
            return QStringLiteral("strides, padding (up to half the pool) or ceil_mode");
        case Family::Transposed:
            return QStringLiteral("strides, padding, output_padding or dilation");
        case Family::Resize:
        case Family::Unpool:
            break;
    }
    return QStringLiteral("size or output_size");
}

}  // namespace

Pair wantedSize(SizeGoal goal, Pair input, Pair custom) {
    switch (goal) {
        case SizeGoal::SameSize:
            return input;
        case SizeGoal::Half:
            return {ceilDiv(input.h, 2), ceilDiv(input.w, 2)};
        case SizeGoal::Double:
            return {2 * input.h, 2 * input.w};
        case SizeGoal::Custom:
            break;
    }
    return custom;
}

Result<SizeAnswer> solveForSize(const SizeQuestion& q) {
    const Pair wanted = q.wanted;
    for (const std::int64_t v : {wanted.h, wanted.w}) {
        if (v < 1 || v > kMaxExtent) {
            return Error::invalid(
                QStringLiteral("the wanted size must be from 1 to 65536, got %1 x %2")
                    .arg(wanted.h)
                    .arg(wanted.w));
        }
    }
    const Shape input = q.query.input;
    if (input.h < 1 || input.w < 1 || q.layer == nullptr) {
        return Error::invalid(QStringLiteral("the layer has no input shape"));
    }
    SizeAnswer answer;
    const LayerFacts facts = factsOf(*q.layer);
    if (facts.family == Family::Unpool) {
        answer.reason = QStringLiteral(
                            "max_unpool2d always gives the input size of its pool \"%1\"; "
                            "change that pool or the layers before this one")
                            .arg(*q.layer->indicesFrom());
        return answer;
    }
    const Pair in{input.h, input.w};
    std::array<std::vector<AxisSetting>, 2> options;
    for (const Axis axis : {Axis::Height, Axis::Width}) {
        const int i = static_cast<int>(axis);
        Reach reach;
        options[static_cast<std::size_t>(i)] = axisOptions(facts, axis, in[i], wanted[i], reach);
        if (options[static_cast<std::size_t>(i)].empty()) {
            QString reachText;
            if (wanted[i] > reach.high) {
                reachText = QStringLiteral("at most %1").arg(reach.high);
                if (facts.family != Family::Transposed) {
                    reachText +=
                        QStringLiteral(" here (to enlarge, use conv2d_transpose or upsampling2d)");
                }
            } else if (wanted[i] < reach.low) {
                reachText = QStringLiteral("at least %1").arg(reach.low);
                if (facts.family == Family::Transposed) {
                    reachText += QStringLiteral(" here (to shrink, use conv2d or a pool)");
                }
            } else {
                reachText = QStringLiteral("%1 to %2 here, but not %3")
                                .arg(reach.low)
                                .arg(reach.high)
                                .arg(wanted[i]);
            }
            if (!reachText.contains(QStringLiteral(" here"))) {
                reachText += QStringLiteral(" here");
            }
            answer.reason = QStringLiteral("no change of %1 gives %2 %3 from %4: a %5 gives %6")
                                .arg(searchedText(facts.family), axisName(axis))
                                .arg(wanted[i])
                                .arg(in[i])
                                .arg(q.layer->type(), reachText);
            return answer;
        }
    }
    std::vector<Ranked> found;
    std::map<QByteArray, std::size_t> seen;  // patch -> its place in found
    QString firstError;
    for (const AxisSetting& h : options[0]) {
        for (const AxisSetting& w : options[1]) {
            if (mixesDilations(facts, h, w)) {
                continue;
            }
            const auto [hw, ww] = asWritten(facts, h, w, in);
            auto ranked = candidateFor(q, facts, hw, ww, firstError);
            if (!ranked) {
                continue;
            }
            const QByteArray id = QJsonDocument(ranked->candidate.patch).toJson();
            const auto it = seen.find(id);
            if (it == seen.end()) {
                seen.emplace(id, found.size());
                found.push_back(std::move(*ranked));
            } else if (ranked->cost < found[it->second].cost) {
                found[it->second].cost = ranked->cost;
            }
        }
    }
    std::stable_sort(found.begin(), found.end(), [](const Ranked& a, const Ranked& b) {
        const auto ka = a.candidate.patch.size();
        const auto kb = b.candidate.patch.size();
        return ka != kb ? ka < kb : a.cost < b.cost;
    });
    for (Ranked& r : found) {
        if (static_cast<int>(answer.candidates.size()) >= q.maxCandidates) {
            break;
        }
        answer.candidates.push_back(std::move(r.candidate));
    }
    if (answer.candidates.empty()) {
        answer.reason =
            QStringLiteral("no setting gives %1 x %2 on both axes at once%3")
                .arg(wanted.h)
                .arg(wanted.w)
                .arg(firstError.isEmpty() ? QString() : QStringLiteral(": ") + firstError);
    }
    return answer;
}

}  // namespace stridelab
