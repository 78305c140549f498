#include "panels/properties_panel.h"

#include "i18n/language.h"
#include "layers/conv_options.h"
#include "layers/layer_registry.h"
#include "panels/kernel_editor.h"
#include "panels/parameter_editors.h"
#include "panels/shape_readout.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QVBoxLayout>

namespace stridelab::ui {

PropertiesPanel::PropertiesPanel(PipelineDocument* document, QWidget* parent)
    : QWidget(parent), document_(document) {
    auto* layout = new QVBoxLayout(this);
    title_ = new QLabel(this);
    title_->setTextFormat(Qt::RichText);
    // "转置卷积 Conv2DTranspose conv2d_transpose keras... / torch...": wraps rather than
    // widening the dock past the screen.
    title_->setWordWrap(true);
    layout->addWidget(title_);

    auto* nameRow = new QFormLayout;
    name_ = new QLineEdit(this);
    nameLabel_ = new QLabel(this);
    nameRow->addRow(nameLabel_, name_);
    layout->addLayout(nameRow);
    connect(name_, &QLineEdit::editingFinished, this, &PropertiesPanel::applyName);

    editorsBox_ = new QWidget(this);
    editors_ = new QFormLayout(editorsBox_);
    editors_->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(editorsBox_);

    editError_ = new QLabel(this);
    editError_->setWordWrap(true);
    editError_->setStyleSheet(QStringLiteral("color: #c0392b;"));
    editError_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    editError_->hide();
    layout->addWidget(editError_);

    readout_ = new ShapeReadout(this);
    layout->addWidget(readout_);
    layout->addStretch();
    i18n::onLanguageChange(this, [this] { retranslateUi(); });
    retranslateUi();
}

void PropertiesPanel::retranslateUi() {
    nameLabel_->setText(tr("Name"));
    name_->setToolTip(
        tr("The layer's name: unique, used by indices_from and in file names of `stridelab run`"));
    // The editors carry labels, tooltips and choices: made again in the new language.
    rebuild();
    refreshReadouts();
}

QString PropertiesPanel::editError() const {
    return editError_->isVisible() ? editError_->text() : QString();
}

ParameterEditor* PropertiesPanel::editor(const QString& key) const {
    for (const auto& [spec, editor] : parameterEditors_) {
        if (spec.key == key) {
            return editor;
        }
    }
    return nullptr;
}

void PropertiesPanel::showLayer(int index, const PipelineReport& report) {
    report_ = report;
    const auto& layers = document_->pipeline().layers;
    const LayerPtr layer = index >= 0 && index < static_cast<int>(layers.size())
                               ? layers[static_cast<std::size_t>(index)].layer
                               : nullptr;
    // The editors stay when they already show this very layer (the user's own edit came back
    // through the document): rebuilding them would drop the spin box being dragged.
    const std::int64_t inputChannels = index >= 0 && index < static_cast<int>(report.layers.size())
                                           ? report.layers[static_cast<std::size_t>(index)].input.c
                                           : 0;
    if (index != index_ || layer != shownLayer_ || layer == nullptr ||
        inputChannels != shownInputChannels_) {
        shownInputChannels_ = inputChannels;
        index_ = layer ? index : -1;
        shownLayer_ = layer;
        rebuild();
    }
    refreshReadouts();
}

void PropertiesPanel::rebuild() {
    while (editors_->rowCount() > 0) {
        editors_->removeRow(0);
    }
    parameterEditors_.clear();
    editError_->hide();
    const Pipeline& pipeline = document_->pipeline();
    if (!shownLayer_) {
        title_->setText(tr("<b>Input</b>"));
        name_->setText(QStringLiteral("input"));
        name_->setEnabled(false);
        return;
    }
    const PipelineLayer& pl = pipeline.layers[static_cast<std::size_t>(index_)];
    const LayerType* type = findLayerType(pl.layer->type());
    title_->setText(QStringLiteral("<b>%1</b> &nbsp; <code>%2</code> &nbsp; <small>%3 / %4</small>")
                        .arg(type->translatedName(), type->type,
                             type->translatedKerasName().toHtmlEscaped(),
                             type->pytorchName.toHtmlEscaped()));
    name_->setEnabled(true);
    name_->setText(pl.name);
    const QJsonObject json = pl.layer->toJson();
    for (const ParameterSpec& spec : type->parameters()) {
        ParameterEditor* editor = createParameterEditor(spec, pipeline, index_, editorsBox_);
        editor->setValue(json.value(spec.key));
        editor->setToolTip(spec.tooltip());
        auto* label = new QLabel(spec.displayLabel(), editorsBox_);
        label->setToolTip(spec.tooltip());
        editors_->addRow(label, editor);
        parameterEditors_.emplace_back(spec, editor);
        connect(editor, &ParameterEditor::edited, this,
                [this, spec, editor] { applyEdit(spec, editor); });
    }
    addKernelEditor();
    refreshReadouts();
}

void PropertiesPanel::addKernelEditor() {
    kernelEditor_ = nullptr;
    const auto kernel =
        shownInputChannels_ > 0 ? shownLayer_->kernel(shownInputChannels_) : std::nullopt;
    if (!kernel || kernel->dims.size() != 4 ||
        kernel->dims[2] * kernel->dims[3] > KernelEditor::kMaxTaps ||
        kernel->dims[0] * kernel->dims[1] > KernelEditor::kMaxChannelPairs) {
        return;
    }
    const bool transposed = shownLayer_->type() == QStringLiteral("conv2d_transpose");
    kernelEditor_ = new KernelEditor(editorsBox_);
    kernelEditor_->setKernel(*kernel, transposed ? tr("in") : tr("out"),
                             transposed ? tr("out") : tr("in"));
    kernelEditor_->setToolTip(
        tr("The kernel the layer computes with (from its initializer or its weights). "
           "Typing a number stores the whole kernel as explicit weights."));
    auto* label = new QLabel(tr("Kernel"), editorsBox_);
    label->setToolTip(kernelEditor_->toolTip());
    editors_->addRow(label, kernelEditor_);
    connect(kernelEditor_, &KernelEditor::edited, this, &PropertiesPanel::applyKernel);
}

void PropertiesPanel::applyKernel() {
    QJsonObject json = shownLayer_->toJson();
    QJsonObject weights = json.value(QStringLiteral("weights")).toObject();
    weights.insert(QStringLiteral("kernel"), weightArrayToJson(kernelEditor_->kernel()));
    json.insert(QStringLiteral("weights"), weights);
    applyJson(json, nullptr);
}

void PropertiesPanel::refreshReadouts() {
    // Parameters that do not apply (negative_slope without leaky_relu) are disabled.
    if (shownLayer_) {
        QJsonObject json = shownLayer_->toJson();
        for (const auto& [spec, editor] : parameterEditors_) {
            editor->setEnabled(spec.appliesTo(json));
        }
    }
    if (index_ < 0) {
        readout_->showInput(report_.input);
    } else if (index_ < static_cast<int>(report_.layers.size())) {
        readout_->showLayer(report_.layers[static_cast<std::size_t>(index_)]);
    } else {
        readout_->showNothing();
    }
}

void PropertiesPanel::applyEdit(const ParameterSpec& spec, ParameterEditor* editor) {
    const PipelineLayer& pl = document_->pipeline().layers[static_cast<std::size_t>(index_)];
    QJsonObject json = pl.layer->toJson();
    const QJsonValue value = editor->value();
    if (value.isUndefined()) {
        json.remove(spec.key);
    } else {
        json.insert(spec.key, value);
    }
    for (const QString& excluded : spec.excludes) {
        if (!value.isUndefined()) {
            json.remove(excluded);
        }
    }
    // Keys that stop applying go with the change that made them inapplicable.
    const LayerType* type = findLayerType(pl.layer->type());
    for (const ParameterSpec& other : type->parameters()) {
        if (!other.appliesTo(json)) {
            json.remove(other.key);
        }
    }
    applyJson(json, editor);
}

void PropertiesPanel::applyJson(QJsonObject json, ParameterEditor* editedBy) {
    const LayerType* type = findLayerType(shownLayer_->type());
    json.insert(QStringLiteral("type"), type->type);
    auto parsed = type->parse(JsonObjectReader(json, QStringLiteral("layer")),
                              LayerLoadContext{document_->pipeline().baseDir});
    if (!parsed) {
        QString message = parsed.error().message;
        message.remove(QRegularExpression(QStringLiteral("^layer\\.")));
        editError_->setText(message);
        editError_->show();
        return;
    }
    editError_->hide();
    shownLayer_ = *parsed;
    // Other editors may show a value the parser normalised or removed (excluded keys).
    const QJsonObject applied = shownLayer_->toJson();
    for (const auto& [otherSpec, otherEditor] : parameterEditors_) {
        if (otherEditor != editedBy) {
            otherEditor->setValue(applied.value(otherSpec.key));
        }
    }
    document_->replaceLayer(index_, shownLayer_);
}

void PropertiesPanel::applyName() {
    if (index_ < 0) {
        return;
    }
    const QString name = name_->text().trimmed();
    const Pipeline& pipeline = document_->pipeline();
    const QString current = pipeline.layers[static_cast<std::size_t>(index_)].name;
    if (name == current) {
        return;
    }
    QString problem;
    if (name.isEmpty()) {
        problem = tr("A name must not be empty.");
    } else if (name == QStringLiteral("input")) {
        problem = tr("\"input\" is reserved for the pipeline's input.");
    } else if (pipeline.find(name) != nullptr) {
        problem = tr("\"%1\" is already the name of another layer.").arg(name);
    }
    if (!problem.isEmpty()) {
        editError_->setText(problem);
        editError_->show();
        name_->setText(current);
        return;
    }
    editError_->hide();
    document_->renameLayer(index_, name);
}

}  // namespace stridelab::ui
