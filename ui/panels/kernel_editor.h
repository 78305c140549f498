#pragma once

// A grid of numbers for one (output, input) channel pair of a small kernel, so a student can
// type a Sobel or a box filter and watch the map change. The whole kernel is kept in
// PyTorch's layout; only the shown slice is edited.

#include "tensor/tensor.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QGridLayout;

namespace stridelab::ui {

class KernelEditor : public QWidget {
    Q_OBJECT
public:
    explicit KernelEditor(QWidget* parent = nullptr);

    // `kernel` has 4 dimensions: (filters, C_in/groups, kh, kw) for conv2d, (C_in,
    // filters/groups, kh, kw) for conv2d_transpose; `firstName` and `secondName` label the
    // first two axes.
    void setKernel(NdArray kernel, const QString& firstName, const QString& secondName);
    [[nodiscard]] const NdArray& kernel() const { return kernel_; }
    // The spin box of tap (row, col) in the shown slice, for tests.
    [[nodiscard]] QDoubleSpinBox* tap(int row, int col) const;

    // The largest kernels the editor offers itself for.
    static constexpr int kMaxTaps = 49;  // 7x7
    static constexpr int kMaxChannelPairs = 1024;

signals:
    void edited();

private:
    void showSlice();
    [[nodiscard]] std::size_t offsetOf(int row, int col) const;

    NdArray kernel_;
    QComboBox* first_ = nullptr;
    QComboBox* second_ = nullptr;
    QGridLayout* grid_ = nullptr;
    std::vector<QDoubleSpinBox*> taps_;
};

}  // namespace stridelab::ui
