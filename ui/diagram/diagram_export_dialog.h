#pragma once

// File > Export > Diagram: style, scale, colours, font size, resolution (PNG) and the file,
// with a preview. The choices are remembered for the next export.

#include "diagram/diagram_model.h"

#include <QDialog>

#include <map>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace stridelab::ui {

class DiagramExportDialog : public QDialog {
    Q_OBJECT
public:
    // `content`'s maps carry their cards when the maps are computed; without them the maps
    // style cannot be chosen.
    DiagramExportDialog(DiagramContent content, QWidget* parent = nullptr);

    [[nodiscard]] DiagramOptions options() const;
    void setOptions(const DiagramOptions& options);
    [[nodiscard]] QString path() const;
    void setPath(const QString& path);
    [[nodiscard]] int dpi() const;
    void setDpi(int dpi);
    [[nodiscard]] bool mapsAvailable() const { return mapsAvailable_; }

    // Writes the file; on success the choices are remembered.
    [[nodiscard]] Status exportDiagram();

    // For tests: the button that picks the colour of one palette entry ("background", "text",
    // "input", "downsampling", "upsampling").
    [[nodiscard]] QPushButton* colorButton(const QString& name) const;
    [[nodiscard]] QLabel* preview() const { return preview_; }

    void accept() override;

private:
    void addColorButton(const QString& name, const QString& label, QFormLayout* form);
    void chooseColor(const QString& name);
    void updateColorButtons();
    void updatePreview();
    void updateDpiEnabled();
    void browse();

    DiagramContent content_;
    bool mapsAvailable_ = false;
    DiagramPalette palette_;
    QComboBox* style_ = nullptr;
    QComboBox* scale_ = nullptr;
    QDoubleSpinBox* fontScale_ = nullptr;
    QSpinBox* dpi_ = nullptr;
    QLineEdit* path_ = nullptr;
    QLabel* preview_ = nullptr;
    std::map<QString, QPushButton*> colorButtons_;
};

}  // namespace stridelab::ui
