#include "panels/shape_readout.h"

#include "report/summary_format.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace stridelab::ui {

namespace {

QString fieldText(const std::optional<std::int64_t>& v) {
    return v ? QString::number(*v) : QStringLiteral("?");
}

QString axisPair(const QString& h, const QString& w) {
    return h == w ? h : QStringLiteral("%1 x %2").arg(h, w);
}

// Only a changed text relayouts the label and the dock around it.
void setTextIfChanged(QLabel* label, const QString& text) {
    if (label->text() != text) {
        label->setText(text);
    }
}

}  // namespace

ShapeReadout::ShapeReadout(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    table_ = new QWidget(this);
    auto* grid = new QGridLayout(table_);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(1, 1);
    QFont bold = font();
    bold.setBold(true);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (int row = 0; row < kRows; ++row) {
        auto* name = new QLabel(table_);
        name->setFont(bold);
        name->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        auto* value = new QLabel(table_);
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        // Long formulas wrap rather than widening the dock past its editors.
        value->setWordWrap(true);
        if (row == Height || row == Width) {
            value->setFont(fixed);  // the formulas, as code
        }
        grid->addWidget(name, row, 0);
        grid->addWidget(value, row, 1);
        names_.at(static_cast<std::size_t>(row)) = name;
        values_.at(static_cast<std::size_t>(row)) = value;
    }
    layout->addWidget(table_);
    message_ = new QLabel(this);
    message_->setTextFormat(Qt::PlainText);
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(message_);
    showNothing();
}

void ShapeReadout::setRow(Row row, const QString& name, const QString& value) {
    setTextIfChanged(names_.at(static_cast<std::size_t>(row)), name);
    setTextIfChanged(values_.at(static_cast<std::size_t>(row)), value);
}

void ShapeReadout::showMessage(const QString& text, bool isError) {
    table_->hide();
    message_->setStyleSheet(isError ? QStringLiteral("color: #c0392b; font-weight: bold;")
                                    : QString());
    setTextIfChanged(message_, text);
    message_->setVisible(!text.isEmpty());
}

void ShapeReadout::showNothing() {
    showMessage(QString(), false);
}

void ShapeReadout::showInput(const Shape& input) {
    showMessage(tr("Shape %1   Keras %2").arg(input.toString(), input.toKerasString()), false);
}

void ShapeReadout::showLayer(const LayerReport& r) {
    if (!r.shape) {
        showMessage(r.error ? r.error->message : QString(), true);
        return;
    }
    const LayerShape& s = *r.shape;
    setRow(Input, tr("Input"), r.input.toString());
    setRow(Output, tr("Output"),
           tr("%1   Keras %2").arg(s.output.toString(), s.output.toKerasString()));
    setRow(Height, tr("Height"), QStringLiteral("out = %1").arg(s.height.formula));
    setRow(Width, tr("Width"), QStringLiteral("out = %1").arg(s.width.formula));
    setRow(Padding, tr("Padding"),
           tr("top %1, bottom %2, left %3, right %4")
               .arg(s.padding[0])
               .arg(s.padding[1])
               .arg(s.padding[2])
               .arg(s.padding[3]));
    setRow(Params, tr("Params"), QLocale().toString(static_cast<qlonglong>(s.params)));
    setRow(Macs, tr("MACs"), QLocale().toString(static_cast<qlonglong>(s.macs)));
    setRow(ReceptiveField, tr("Receptive field"),
           axisPair(fieldText(r.receptiveField[0]), fieldText(r.receptiveField[1])));
    setRow(Jump, tr("Jump"), axisPair(formatJump(r.jump[0]), formatJump(r.jump[1])));
    message_->hide();
    table_->show();
}

}  // namespace stridelab::ui
