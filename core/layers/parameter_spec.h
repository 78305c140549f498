#pragma once

// What a layer type's parameters are, for editors, tooltips and docs: one table per layer
// type, kept in the layer's own file beside its parser.

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <vector>

namespace stridelab {

enum class ParameterKind {
    Integer,       // one integer >= minimum
    Pair,          // [h, w] (or one integer), each >= minimum
    OptionalPair,  // a pair that may be absent (then its default applies)
    Padding,       // "valid", "same" or explicit numbers
    Choice,        // one of `choices`
    Boolean,
    Number,
    Initializer,  // a name, or {"name": "gaussian", "sigma": ...}
    LayerName,    // the name of an earlier max_pool2d
    Weights,      // explicit weights: shown, not edited
};

struct ParameterSpec {
    QString key;
    ParameterKind kind = ParameterKind::Integer;
    QString label;            // English; see displayLabel()
    QJsonValue defaultValue;  // as the file writes it; undefined when required
    QString keras;            // the Keras spelling, e.g. "Conv2D(strides=...)"
    QString pytorch;          // the PyTorch spelling
    QString help;             // one sentence
    int minimum = 0;
    QStringList choices;
    bool fourSidedPadding = true;  // Padding: [top, bottom, left, right] allowed
    // Keys that must go when this one is set (output_size removes size).
    QStringList excludes;
    // Whether the parameter applies to a layer with these keys (negative_slope only for
    // leaky_relu); nullptr: always.
    bool (*applies)(const QJsonObject& layer) = nullptr;

    [[nodiscard]] bool appliesTo(const QJsonObject& layer) const {
        return applies == nullptr || applies(layer);
    }
    // The label and help in the interface language: the texts above are marked for the
    // translation (context "ParameterSpec") and translated here, for the GUI; core and the
    // command line keep them English.
    [[nodiscard]] QString displayLabel() const;
    [[nodiscard]] QString displayHelp() const;
    // Label, key, help and the Keras and PyTorch spellings, for a tooltip, in the interface
    // language (the spellings are code, except a few remarks such as "(none in Keras)").
    [[nodiscard]] QString tooltip() const;
};

}  // namespace stridelab
