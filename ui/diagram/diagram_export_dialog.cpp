#include "diagram/diagram_export_dialog.h"

#include "diagram/diagram_layout.h"
#include "diagram/diagram_writer.h"
#include "files/overwrite_prompt.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

namespace stridelab::ui {

namespace {

constexpr QSize kPreviewSize(560, 220);

QString settingsKey(const QString& name) {
    return QStringLiteral("diagram/") + name;
}

QIcon swatchIcon(const QColor& color) {
    QPixmap pixmap(28, 16);
    pixmap.fill(color);
    QPainter painter(&pixmap);
    painter.setPen(QColor(0x60, 0x60, 0x60));
    painter.drawRect(pixmap.rect().adjusted(0, 0, -1, -1));
    return QIcon(pixmap);
}

}  // namespace

DiagramExportDialog::DiagramExportDialog(DiagramContent content, QWidget* parent)
    : QDialog(parent), content_(std::move(content)) {
    setWindowTitle(tr("Export Diagram"));
    mapsAvailable_ =
        !content_.maps.empty() && std::all_of(content_.maps.begin(), content_.maps.end(),
                                              [](const DiagramMap& m) { return !m.cards.empty(); });

    auto* form = new QFormLayout;
    style_ = new QComboBox(this);
    style_->addItem(tr("Blocks drawn to scale"), static_cast<int>(DiagramStyle::Blocks));
    style_->addItem(tr("Rendered feature maps"), static_cast<int>(DiagramStyle::Maps));
    if (!mapsAvailable_) {
        // Only the computed maps can be drawn.
        if (auto* model = qobject_cast<QStandardItemModel*>(style_->model())) {
            model->item(1)->setEnabled(false);
        }
        style_->setItemData(1, tr("The feature maps are not computed (yet)"), Qt::ToolTipRole);
    }
    form->addRow(tr("&Style:"), style_);
    scale_ = new QComboBox(this);
    scale_->addItem(tr("Automatic"), static_cast<int>(DiagramScale::Auto));
    scale_->addItem(tr("To scale (linear)"), static_cast<int>(DiagramScale::Linear));
    scale_->addItem(tr("Square root"), static_cast<int>(DiagramScale::Sqrt));
    scale_->addItem(tr("Logarithmic"), static_cast<int>(DiagramScale::Log));
    scale_->setToolTip(tr("How a map's height and width become lengths in the figure"));
    form->addRow(tr("Si&ze scale:"), scale_);
    addColorButton(QStringLiteral("downsampling"), tr("&Downsampling layers:"), form);
    addColorButton(QStringLiteral("upsampling"), tr("&Upsampling layers:"), form);
    addColorButton(QStringLiteral("input"), tr("&Input:"), form);
    addColorButton(QStringLiteral("background"), tr("&Background:"), form);
    addColorButton(QStringLiteral("text"), tr("&Text and arrows:"), form);
    auto* reset = new QPushButton(tr("Reset C&olours"), this);
    connect(reset, &QPushButton::clicked, this, [this] {
        palette_ = DiagramPalette{};
        updateColorButtons();
        updatePreview();
    });
    form->addRow(QString(), reset);
    fontScale_ = new QDoubleSpinBox(this);
    fontScale_->setRange(0.5, 3.0);
    fontScale_->setSingleStep(0.1);
    fontScale_->setDecimals(1);
    fontScale_->setValue(1.0);
    fontScale_->setSuffix(QStringLiteral(" ×"));
    form->addRow(tr("&Font size:"), fontScale_);
    dpi_ = new QSpinBox(this);
    dpi_->setRange(24, 2400);
    dpi_->setValue(kDefaultDiagramDpi);
    dpi_->setSuffix(tr(" dpi"));
    dpi_->setToolTip(tr("PNG only: pixels per inch; the size in inches stays the same"));
    form->addRow(tr("Reso&lution (PNG):"), dpi_);
    path_ = new QLineEdit(this);
    path_->setPlaceholderText(tr("diagram.svg, .pdf or .png"));
    auto* browse = new QPushButton(tr("&Browse..."), this);
    connect(browse, &QPushButton::clicked, this, &DiagramExportDialog::browse);
    auto* file = new QHBoxLayout;
    file->addWidget(path_, 1);
    file->addWidget(browse);
    auto* fileLabel = new QLabel(tr("F&ile:"), this);
    fileLabel->setBuddy(path_);
    form->addRow(fileLabel, file);

    preview_ = new QLabel(this);
    preview_->setMinimumSize(kPreviewSize);
    preview_->setAlignment(Qt::AlignCenter);
    preview_->setFrameShape(QFrame::StyledPanel);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("&Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &DiagramExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DiagramExportDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(preview_, 1);
    layout->addWidget(buttons);

    // The last export's choices.
    const QSettings settings;
    DiagramOptions remembered;
    remembered.style =
        diagramStyleFromKey(settings.value(settingsKey(QStringLiteral("style"))).toString())
            .value_or(DiagramStyle::Blocks);
    remembered.scale =
        diagramScaleFromKey(settings.value(settingsKey(QStringLiteral("scale"))).toString())
            .value_or(DiagramScale::Auto);
    remembered.fontScale = settings.value(settingsKey(QStringLiteral("fontScale")), 1.0).toDouble();
    for (const QString& name : paletteColorNames()) {
        const QColor c(settings.value(settingsKey(QStringLiteral("color/") + name)).toString());
        if (c.isValid()) {
            *paletteColor(remembered.palette, name) = c;
        }
    }
    setOptions(remembered);
    setDpi(settings.value(settingsKey(QStringLiteral("dpi")), kDefaultDiagramDpi).toInt());
    setPath(settings.value(settingsKey(QStringLiteral("path"))).toString());

    connect(style_, &QComboBox::currentIndexChanged, this, &DiagramExportDialog::updatePreview);
    connect(scale_, &QComboBox::currentIndexChanged, this, &DiagramExportDialog::updatePreview);
    connect(fontScale_, &QDoubleSpinBox::valueChanged, this, &DiagramExportDialog::updatePreview);
    connect(path_, &QLineEdit::textChanged, this, &DiagramExportDialog::updateDpiEnabled);
    updateDpiEnabled();
    updatePreview();
}

void DiagramExportDialog::addColorButton(const QString& name, const QString& label,
                                         QFormLayout* form) {
    auto* button = new QPushButton(this);
    button->setObjectName(name + QStringLiteral("Color"));
    connect(button, &QPushButton::clicked, this, [this, name] { chooseColor(name); });
    colorButtons_[name] = button;
    form->addRow(label, button);
}

QPushButton* DiagramExportDialog::colorButton(const QString& name) const {
    const auto it = colorButtons_.find(name);
    return it == colorButtons_.end() ? nullptr : it->second;
}

void DiagramExportDialog::chooseColor(const QString& name) {
    QColor* entry = paletteColor(palette_, name);
    if (entry == nullptr) {
        return;
    }
    const QColor chosen = QColorDialog::getColor(*entry, this, tr("Choose a colour"));
    if (chosen.isValid()) {
        *entry = chosen;
        updateColorButtons();
        updatePreview();
    }
}

void DiagramExportDialog::updateColorButtons() {
    for (const auto& [name, button] : colorButtons_) {
        const QColor color = *paletteColor(palette_, name);
        button->setIcon(swatchIcon(color));
        button->setText(color.name());
    }
}

DiagramOptions DiagramExportDialog::options() const {
    DiagramOptions o;
    o.style = static_cast<DiagramStyle>(style_->currentData().toInt());
    o.scale = static_cast<DiagramScale>(scale_->currentData().toInt());
    o.palette = palette_;
    o.fontScale = fontScale_->value();
    return o;
}

void DiagramExportDialog::setOptions(const DiagramOptions& options) {
    const bool maps = options.style == DiagramStyle::Maps && mapsAvailable_;
    style_->setCurrentIndex(
        style_->findData(static_cast<int>(maps ? DiagramStyle::Maps : DiagramStyle::Blocks)));
    scale_->setCurrentIndex(scale_->findData(static_cast<int>(options.scale)));
    fontScale_->setValue(options.fontScale);
    palette_ = options.palette;
    updateColorButtons();
    updatePreview();
}

QString DiagramExportDialog::path() const {
    return path_->text().trimmed();
}

void DiagramExportDialog::setPath(const QString& path) {
    path_->setText(path);
}

int DiagramExportDialog::dpi() const {
    return dpi_->value();
}

void DiagramExportDialog::setDpi(int dpi) {
    dpi_->setValue(dpi);
}

void DiagramExportDialog::updateDpiEnabled() {
    dpi_->setEnabled(diagramFormatFor(path()).value_or(DiagramFormat::Png) == DiagramFormat::Png);
}

void DiagramExportDialog::updatePreview() {
    if (preview_ == nullptr || style_ == nullptr) {
        return;
    }
    const DiagramOptions o = options();
    // A low resolution: just enough to judge layout and colours.
    auto image = diagramImage(content_, o, 48);
    if (!image) {
        preview_->setText(image.error().message);
        return;
    }
    const QSize room = preview_->contentsRect().size().expandedTo(kPreviewSize);
    preview_->setPixmap(
        QPixmap::fromImage(image->width() > room.width() || image->height() > room.height()
                               ? image->scaled(room, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                               : *image));
}

void DiagramExportDialog::browse() {
    // Export asks before replacing a file (the name can also be typed or remembered).
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Export the diagram"), path(), tr("SVG (*.svg);;PDF (*.pdf);;PNG image (*.png)"),
        nullptr, QFileDialog::DontConfirmOverwrite);
    if (!chosen.isEmpty()) {
        setPath(chosen);
    }
}

Status DiagramExportDialog::exportDiagram() {
    if (path().isEmpty()) {
        return Error::invalid(tr("Choose a file to export to"));
    }
    if (auto s = writeDiagram(path(), content_, options(), dpi()); !s) {
        return s;
    }
    QSettings settings;
    const DiagramOptions o = options();
    settings.setValue(settingsKey(QStringLiteral("style")), diagramStyleKey(o.style));
    settings.setValue(settingsKey(QStringLiteral("scale")), diagramScaleKey(o.scale));
    settings.setValue(settingsKey(QStringLiteral("fontScale")), o.fontScale);
    settings.setValue(settingsKey(QStringLiteral("dpi")), dpi());
    settings.setValue(settingsKey(QStringLiteral("path")), path());
    for (const QString& name : paletteColorNames()) {
        settings.setValue(settingsKey(QStringLiteral("color/") + name),
                          paletteColor(palette_, name)->name());
    }
    return success();
}

void DiagramExportDialog::accept() {
    if (!path().isEmpty() && !confirmOverwrite(this, path())) {
        return;  // the dialog stays open for another name
    }
    if (auto s = exportDiagram(); !s) {
        QMessageBox::warning(this, tr("Cannot export the diagram"), s.error().message);
        return;
    }
    QDialog::accept();
}

}  // namespace stridelab::ui
