#pragma once

#include "plots/histogram.h"

#include <QString>
#include <QWidget>

#include <memory>

class QCheckBox;
class QCustomPlot;
class QCPBars;
class QCPTextElement;

namespace stridelab {
class Tensor;
}

namespace stridelab::ui {

// The distribution of every value of a feature map: bars over the finite values (automatic
// bin count, see autoBinCount), the NaN and infinity counts under the title, and a log-scale
// toggle for the count axis.
class HistogramPlot : public QWidget {
    Q_OBJECT
public:
    explicit HistogramPlot(QWidget* parent = nullptr);
    ~HistogramPlot() override;

    // nullptr clears the plot.
    void setValues(std::shared_ptr<const stridelab::Tensor> values, const QString& title);

    void setLogScale(bool logarithmic);
    [[nodiscard]] bool logScale() const;

    [[nodiscard]] const Histogram& histogram() const { return histogram_; }
    // The bars drawn and the text under the title, for tests.
    [[nodiscard]] int barCount() const;
    // Maps with more values than this are binned on the thread pool, off the GUI thread.
    static constexpr std::int64_t kSynchronousLimit = std::int64_t{1} << 16;
    [[nodiscard]] QString countsText() const;
    [[nodiscard]] QCustomPlot* plot() const { return plot_; }

signals:
    void logScaleChanged(bool logarithmic);

protected:
    // A new palette (system theme, presentation mode) restyles the plot.
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    // The check box and the axis labels in the current language.
    void retranslateUi();
    void applyPalette();
    bool restyling_ = false;
    void applyRanges();

    QCustomPlot* plot_ = nullptr;
    QCPBars* bars_ = nullptr;
    QCPTextElement* title_ = nullptr;
    QCPTextElement* counts_ = nullptr;
    QCheckBox* logBox_ = nullptr;
    std::shared_ptr<const stridelab::Tensor> values_;
    Histogram histogram_;
    int generation_ = 0;  // the newest setValues; older background results are dropped
};

}  // namespace stridelab::ui
