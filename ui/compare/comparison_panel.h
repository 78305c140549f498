#pragma once

// Two feature maps of one shape side by side (on one colour scale), their difference A - B
// on a diverging scale, and PSNR, MSE and the largest difference. A map can be pinned: a copy
// kept while the pipeline changes, so "nearest" can be compared with "bilinear" after the
// interpolation is switched.

#include "compute/compute_controller.h"
#include "report/map_comparison.h"
#include "view/display_options.h"

#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;

namespace stridelab::ui {

class FeatureMapView;

struct ComparableMap {
    QString label;  // "input (1, 28, 28)", "conv2d_1 (16, 32, 32)"
    QString key;    // what a choice is kept by while the label changes ("conv2d_1")
    SharedTensor map;
};

class ComparisonPanel : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonPanel(QWidget* parent = nullptr);

    // The window's maps, input first. The choices are kept by label where they still exist.
    // Behind another tab of its dock the panel only keeps them, until catchUp().
    void setMaps(std::vector<ComparableMap> maps);
    // Shows the maps last set, if they arrived while the panel was behind another tab.
    void catchUp();
    void setDisplayOptions(const DisplayOptions& options);
    // Chooses A and B by index in the list (the maps, then the pinned copies).
    void choose(int a, int b);
    // Keeps a copy of A's map, added to the list as "pinned: <label>".
    void pinA();

    [[nodiscard]] QComboBox* comboA() const { return comboA_; }
    [[nodiscard]] QComboBox* comboB() const { return comboB_; }
    [[nodiscard]] FeatureMapView* viewA() const { return viewA_; }
    [[nodiscard]] FeatureMapView* viewB() const { return viewB_; }
    [[nodiscard]] FeatureMapView* differenceView() const { return difference_; }
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] const std::optional<MapComparison>& comparison() const { return comparison_; }

    // Small, so that sharing the bottom dock with the plots does not make it tall.
    [[nodiscard]] QSize sizeHint() const override { return {720, 240}; }

private:
    [[nodiscard]] std::vector<ComparableMap> entries() const;
    void refillCombos();
    void refresh();
    [[nodiscard]] bool behindAnotherTab() const;

    std::vector<ComparableMap> maps_;
    std::vector<ComparableMap> pinned_;
    DisplayOptions options_;
    SharedTensor shownA_;
    SharedTensor shownB_;
    std::optional<MapComparison> comparison_;
    bool behind_ = false;  // maps set while behind another tab, not shown yet

    QComboBox* comboA_;
    QComboBox* comboB_;
    QPushButton* pin_;
    FeatureMapView* viewA_;
    FeatureMapView* viewB_;
    FeatureMapView* difference_;
    QLabel* summary_;
};

}  // namespace stridelab::ui
