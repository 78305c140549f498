#include "panels/kernel_editor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace stridelab::ui {

KernelEditor::KernelEditor(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* pick = new QHBoxLayout;
    first_ = new QComboBox(this);
    second_ = new QComboBox(this);
    pick->addWidget(first_);
    pick->addWidget(second_);
    layout->addLayout(pick);
    grid_ = new QGridLayout;
    grid_->setSpacing(2);
    layout->addLayout(grid_);
    connect(first_, &QComboBox::currentIndexChanged, this, &KernelEditor::showSlice);
    connect(second_, &QComboBox::currentIndexChanged, this, &KernelEditor::showSlice);
}

void KernelEditor::setKernel(NdArray kernel, const QString& firstName, const QString& secondName) {
    const bool sameLayout = kernel.dims == kernel_.dims;
    kernel_ = std::move(kernel);
    if (!sameLayout) {
        const QSignalBlocker b1(first_);
        const QSignalBlocker b2(second_);
        first_->clear();
        second_->clear();
        for (std::int64_t i = 0; i < kernel_.dims[0]; ++i) {
            first_->addItem(QStringLiteral("%1 %2").arg(firstName).arg(i));
        }
        for (std::int64_t i = 0; i < kernel_.dims[1]; ++i) {
            second_->addItem(QStringLiteral("%1 %2").arg(secondName).arg(i));
        }
        for (QDoubleSpinBox* s : taps_) {
            delete s;
        }
        taps_.clear();
        const int kh = static_cast<int>(kernel_.dims[2]);
        const int kw = static_cast<int>(kernel_.dims[3]);
        for (int r = 0; r < kh; ++r) {
            for (int c = 0; c < kw; ++c) {
                auto* s = new QDoubleSpinBox(this);
                s->setRange(-1000.0, 1000.0);
                s->setDecimals(3);
                s->setSingleStep(0.1);
                s->setKeyboardTracking(false);
                s->setButtonSymbols(QAbstractSpinBox::NoButtons);
                s->setAlignment(Qt::AlignRight);
                s->setToolTip(tr("kernel[row %1][column %2]").arg(r).arg(c));
                grid_->addWidget(s, r, c);
                taps_.push_back(s);
                connect(s, &QDoubleSpinBox::valueChanged, this, [this, r, c](double v) {
                    kernel_.values[offsetOf(r, c)] = static_cast<float>(v);
                    emit edited();
                });
            }
        }
    }
    showSlice();
}

std::size_t KernelEditor::offsetOf(int row, int col) const {
    const std::int64_t pair = first_->currentIndex() * kernel_.dims[1] + second_->currentIndex();
    return static_cast<std::size_t>((pair * kernel_.dims[2] + row) * kernel_.dims[3] + col);
}

void KernelEditor::showSlice() {
    if (kernel_.dims.size() != 4 || first_->currentIndex() < 0 || second_->currentIndex() < 0) {
        return;
    }
    const int kw = static_cast<int>(kernel_.dims[3]);
    for (std::size_t i = 0; i < taps_.size(); ++i) {
        const QSignalBlocker block(taps_[i]);
        taps_[i]->setValue(static_cast<double>(
            kernel_.values[offsetOf(static_cast<int>(i) / kw, static_cast<int>(i) % kw)]));
    }
}

QDoubleSpinBox* KernelEditor::tap(int row, int col) const {
    return taps_.at(static_cast<std::size_t>(row * kernel_.dims[3] + col));
}

}  // namespace stridelab::ui
