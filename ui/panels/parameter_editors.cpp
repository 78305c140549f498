#include "panels/parameter_editors.h"

#include "io/json_reader.h"
#include "io/json_values.h"
#include "layers/layer_registry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>

namespace stridelab::ui {

namespace {

QHBoxLayout* row(QWidget* owner) {
    auto* layout = new QHBoxLayout(owner);
    layout->setContentsMargins(0, 0, 0, 0);
    return layout;
}

QSpinBox* spinBox(int minimum, QWidget* parent) {
    auto* s = new QSpinBox(parent);
    s->setRange(minimum, static_cast<int>(kMaxParameter));
    s->setKeyboardTracking(false);  // typing "12" is one edit, not "1" then "12"
    s->setAccelerated(true);
    return s;
}

Pair pairOf(const QJsonValue& v, Pair fallback) {
    if (const auto n = jsonInteger(v)) {
        return {*n, *n};
    }
    const QJsonArray a = v.toArray();
    if (a.size() == 2) {
        return {a[0].toInteger(), a[1].toInteger()};
    }
    return fallback;
}

class IntegerEditor : public ParameterEditor {
public:
    IntegerEditor(const ParameterSpec& spec, QWidget* parent)
        : ParameterEditor(parent), spin_(spinBox(spec.minimum, this)) {
        if (spec.key == QStringLiteral("seed")) {
            spin_->setRange(0, 2147483647);
        }
        row(this)->addWidget(spin_);
        connect(spin_, &QSpinBox::valueChanged, this, &ParameterEditor::edited);
    }
    void setValue(const QJsonValue& value) override {
        const QSignalBlocker block(spin_);
        spin_->setValue(static_cast<int>(value.toInteger(spin_->minimum())));
    }
    [[nodiscard]] QJsonValue value() const override { return spin_->value(); }

private:
    QSpinBox* spin_;
};

// Height and width, linked until the user unlinks them; optionally not set at all.
class PairEditor : public ParameterEditor {
public:
    PairEditor(const ParameterSpec& spec, bool optional, QWidget* parent)
        : ParameterEditor(parent),
          height_(spinBox(spec.minimum, this)),
          width_(spinBox(spec.minimum, this)) {
        auto* layout = row(this);
        if (optional) {
            set_ = new QCheckBox(this);
            set_->setToolTip(
                ParameterEditor::tr("Set this parameter (otherwise its default applies)"));
            layout->addWidget(set_);
            connect(set_, &QCheckBox::toggled, this, [this] {
                updateEnabled();
                emit edited();
            });
        }
        link_ = new QToolButton(this);
        link_->setCheckable(true);
        link_->setText(QStringLiteral("="));
        link_->setToolTip(ParameterEditor::tr("Height and width linked"));
        height_->setToolTip(ParameterEditor::tr("Height"));
        width_->setToolTip(ParameterEditor::tr("Width"));
        layout->addWidget(height_);
        layout->addWidget(link_);
        layout->addWidget(width_);
        connect(height_, &QSpinBox::valueChanged, this, [this](int v) {
            if (link_->isChecked()) {
                const QSignalBlocker block(width_);
                width_->setValue(v);
            }
            emit edited();
        });
        connect(width_, &QSpinBox::valueChanged, this, [this](int v) {
            if (link_->isChecked()) {
                const QSignalBlocker block(height_);
                height_->setValue(v);
            }
            emit edited();
        });
        connect(link_, &QToolButton::toggled, this, [this](bool linked) {
            if (linked && height_->value() != width_->value()) {
                width_->setValue(height_->value());
            }
        });
        fallback_ = pairOf(spec.defaultValue, Pair{spec.minimum > 0 ? spec.minimum : 1,
                                                   spec.minimum > 0 ? spec.minimum : 1});
    }
    void setValue(const QJsonValue& value) override {
        const QSignalBlocker b1(height_);
        const QSignalBlocker b2(width_);
        const Pair p = pairOf(value, fallback_);
        height_->setValue(static_cast<int>(p.h));
        width_->setValue(static_cast<int>(p.w));
        {
            const QSignalBlocker b3(link_);
            link_->setChecked(p.h == p.w);
        }
        if (set_ != nullptr) {
            const QSignalBlocker b4(set_);
            set_->setChecked(!value.isUndefined() && !value.isNull());
        }
        updateEnabled();
    }
    [[nodiscard]] QJsonValue value() const override {
        if (set_ != nullptr && !set_->isChecked()) {
            return QJsonValue(QJsonValue::Undefined);
        }
        return pairToJson(Pair{height_->value(), width_->value()});
    }

private:
    void updateEnabled() {
        const bool on = set_ == nullptr || set_->isChecked();
        height_->setEnabled(on);
        width_->setEnabled(on);
        link_->setEnabled(on);
    }

    QSpinBox* height_;
    QSpinBox* width_;
    QToolButton* link_ = nullptr;
    QCheckBox* set_ = nullptr;
    Pair fallback_{1, 1};
};

// "valid", "same", or explicit numbers ([t, b, l, r], or [ph, pw] for transposed layers).
class PaddingEditor : public ParameterEditor {
public:
    PaddingEditor(const ParameterSpec& spec, QWidget* parent)
        : ParameterEditor(parent), four_(spec.fourSidedPadding) {
        auto* layout = row(this);
        mode_ = new QComboBox(this);
        mode_->addItems(
            {QStringLiteral("valid"), QStringLiteral("same"), ParameterEditor::tr("explicit")});
        layout->addWidget(mode_);
        const QStringList names =
            four_ ? QStringList{ParameterEditor::tr("top"), ParameterEditor::tr("bottom"),
                                ParameterEditor::tr("left"), ParameterEditor::tr("right")}
                  : QStringList{ParameterEditor::tr("height"), ParameterEditor::tr("width")};
        for (const QString& n : names) {
            auto* s = spinBox(0, this);
            s->setToolTip(n);
            layout->addWidget(s);
            amounts_.push_back(s);
            connect(s, &QSpinBox::valueChanged, this, &ParameterEditor::edited);
        }
        connect(mode_, &QComboBox::currentIndexChanged, this, [this] {
            updateEnabled();
            emit edited();
        });
    }
    void setValue(const QJsonValue& v) override {
        const QSignalBlocker block(mode_);
        std::vector<std::int64_t> values;
        if (v.isString() || v.isUndefined()) {
            mode_->setCurrentIndex(v.toString() == QStringLiteral("same") ? 1 : 0);
        } else {
            mode_->setCurrentIndex(2);
            if (const auto n = jsonInteger(v)) {
                values.assign(amounts_.size(), *n);
            } else {
                for (const QJsonValue& item : v.toArray()) {
                    values.push_back(item.toInteger());
                }
                if (values.size() == 2 && four_) {
                    values = {values[0], values[0], values[1], values[1]};
                }
            }
        }
        for (std::size_t i = 0; i < amounts_.size(); ++i) {
            const QSignalBlocker b(amounts_[i]);
            amounts_[i]->setValue(i < values.size() ? static_cast<int>(values[i]) : 0);
        }
        updateEnabled();
    }
    [[nodiscard]] QJsonValue value() const override {
        if (mode_->currentIndex() < 2) {
            return mode_->currentText();
        }
        std::vector<int> v;
        for (const QSpinBox* s : amounts_) {
            v.push_back(s->value());
        }
        // The shortest form that says the same: p, [ph, pw], or [t, b, l, r].
        if (std::all_of(v.begin(), v.end(), [&](int x) { return x == v.front(); })) {
            return v.front();
        }
        if (!four_) {
            return QJsonArray{v[0], v[1]};
        }
        if (v[0] == v[1] && v[2] == v[3]) {
            return QJsonArray{v[0], v[2]};
        }
        return QJsonArray{v[0], v[1], v[2], v[3]};
    }

private:
    void updateEnabled() {
        for (QSpinBox* s : amounts_) {
            s->setVisible(mode_->currentIndex() == 2);
        }
    }

    bool four_;
    QComboBox* mode_ = nullptr;
    std::vector<QSpinBox*> amounts_;
};

class ChoiceEditor : public ParameterEditor {
public:
    ChoiceEditor(const ParameterSpec& spec, QWidget* parent)
        : ParameterEditor(parent), combo_(new QComboBox(this)) {
        combo_->addItems(spec.choices);
        fallback_ = spec.defaultValue.toString();
        row(this)->addWidget(combo_);
        connect(combo_, &QComboBox::currentIndexChanged, this, &ParameterEditor::edited);
    }
    void setValue(const QJsonValue& value) override {
        const QSignalBlocker block(combo_);
        combo_->setCurrentText(value.isString() ? value.toString() : fallback_);
    }
    [[nodiscard]] QJsonValue value() const override { return combo_->currentText(); }

protected:
    QComboBox* combo_;
    QString fallback_;
};

class BooleanEditor : public ParameterEditor {
public:
    BooleanEditor(const ParameterSpec& spec, QWidget* parent)
        : ParameterEditor(parent),
          check_(new QCheckBox(this)),
          fallback_(spec.defaultValue.toBool()) {
        row(this)->addWidget(check_);
        connect(check_, &QCheckBox::toggled, this, &ParameterEditor::edited);
    }
    void setValue(const QJsonValue& value) override {
        const QSignalBlocker block(check_);
        check_->setChecked(value.isBool() ? value.toBool() : fallback_);
    }
    [[nodiscard]] QJsonValue value() const override { return check_->isChecked(); }

private:
    QCheckBox* check_;
    bool fallback_;
};

class NumberEditor : public ParameterEditor {
public:
    NumberEditor(const ParameterSpec& spec, QWidget* parent)
        : ParameterEditor(parent),
          spin_(new QDoubleSpinBox(this)),
          fallback_(spec.defaultValue.toDouble()) {
        spin_->setDecimals(4);
        spin_->setRange(-1000.0, 1000.0);
        spin_->setSingleStep(0.01);
        spin_->setKeyboardTracking(false);
        row(this)->addWidget(spin_);
        connect(spin_, &QDoubleSpinBox::valueChanged, this, &ParameterEditor::edited);
    }
    void setValue(const QJsonValue& value) override {
        const QSignalBlocker block(spin_);
        spin_->setValue(value.isDouble() ? value.toDouble() : fallback_);
    }
    [[nodiscard]] QJsonValue value() const override { return spin_->value(); }

private:
    QDoubleSpinBox* spin_;
    double fallback_;
};

// A name, plus sigma for the Gaussian ("auto": OpenCV's formula from the kernel size).
class InitializerEditor : public ChoiceEditor {
public:
    InitializerEditor(const ParameterSpec& spec, QWidget* parent)
        : ChoiceEditor(spec, parent), sigma_(new QDoubleSpinBox(this)) {
        sigma_->setRange(0.0, 1000.0);
        sigma_->setDecimals(3);
        sigma_->setSingleStep(0.1);
        sigma_->setSpecialValueText(ParameterEditor::tr("sigma auto"));
        sigma_->setPrefix(ParameterEditor::tr("sigma "));
        sigma_->setKeyboardTracking(false);
        layout()->addWidget(sigma_);
        connect(sigma_, &QDoubleSpinBox::valueChanged, this, &ParameterEditor::edited);
        connect(combo_, &QComboBox::currentIndexChanged, this, [this] { updateSigma(); });
    }
    void setValue(const QJsonValue& value) override {
        const QJsonObject object = value.toObject();
        ChoiceEditor::setValue(value.isObject() ? object.value(QStringLiteral("name")) : value);
        const QSignalBlocker block(sigma_);
        sigma_->setValue(object.value(QStringLiteral("sigma")).toDouble(0.0));
        updateSigma();
    }
    [[nodiscard]] QJsonValue value() const override {
        if (combo_->currentText() == QStringLiteral("gaussian") && sigma_->value() > 0.0) {
            return QJsonObject{{QStringLiteral("name"), combo_->currentText()},
                               {QStringLiteral("sigma"), sigma_->value()}};
        }
        return combo_->currentText();
    }

private:
    void updateSigma() { sigma_->setVisible(combo_->currentText() == QStringLiteral("gaussian")); }

    QDoubleSpinBox* sigma_;
};

// The name of an earlier max_pool2d.
class LayerNameEditor : public ParameterEditor {
public:
    LayerNameEditor(const Pipeline& pipeline, int layerIndex, QWidget* parent)
        : ParameterEditor(parent), combo_(new QComboBox(this)) {
        for (int i = 0; i < layerIndex && i < static_cast<int>(pipeline.layers.size()); ++i) {
            if (pipeline.layers[static_cast<std::size_t>(i)].layer->recordsIndices()) {
                combo_->addItem(pipeline.layers[static_cast<std::size_t>(i)].name);
            }
        }
        row(this)->addWidget(combo_);
        connect(combo_, &QComboBox::currentIndexChanged, this, &ParameterEditor::edited);
    }
    void setValue(const QJsonValue& value) override {
        const QSignalBlocker block(combo_);
        if (combo_->findText(value.toString()) < 0) {
            combo_->addItem(value.toString());
        }
        combo_->setCurrentText(value.toString());
    }
    [[nodiscard]] QJsonValue value() const override { return combo_->currentText(); }

private:
    QComboBox* combo_;
};

// Explicit weights are shown (where they come from, their shape), not edited here.
class WeightsView : public ParameterEditor {
public:
    explicit WeightsView(QWidget* parent) : ParameterEditor(parent), label_(new QLabel(this)) {
        label_->setWordWrap(true);
        row(this)->addWidget(label_);
    }
    void setValue(const QJsonValue& value) override {
        if (value.isUndefined()) {
            label_->setText(ParameterEditor::tr("from the initializer"));
            return;
        }
        QStringList parts;
        const QJsonObject w = value.toObject();
        for (const QString& key : w.keys()) {
            parts << QStringLiteral("%1: %2").arg(key, w.value(key).isString()
                                                           ? w.value(key).toString()
                                                           : ParameterEditor::tr("inline numbers"));
        }
        label_->setText(parts.join(QStringLiteral("; ")));
        value_ = value;
    }
    [[nodiscard]] QJsonValue value() const override { return value_; }

private:
    QLabel* label_;
    QJsonValue value_{QJsonValue::Undefined};
};

}  // namespace

ParameterEditor* createParameterEditor(const ParameterSpec& spec, const Pipeline& pipeline,
                                       int layerIndex, QWidget* parent) {
    switch (spec.kind) {
        case ParameterKind::Integer:
            return new IntegerEditor(spec, parent);
        case ParameterKind::Pair:
            return new PairEditor(spec, false, parent);
        case ParameterKind::OptionalPair:
            return new PairEditor(spec, true, parent);
        case ParameterKind::Padding:
            return new PaddingEditor(spec, parent);
        case ParameterKind::Choice:
            return new ChoiceEditor(spec, parent);
        case ParameterKind::Boolean:
            return new BooleanEditor(spec, parent);
        case ParameterKind::Number:
            return new NumberEditor(spec, parent);
        case ParameterKind::Initializer:
            return new InitializerEditor(spec, parent);
        case ParameterKind::LayerName:
            return new LayerNameEditor(pipeline, layerIndex, parent);
        case ParameterKind::Weights:
            return new WeightsView(parent);
    }
    return nullptr;
}

}  // namespace stridelab::ui
