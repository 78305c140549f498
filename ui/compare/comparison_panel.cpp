#include "compare/comparison_panel.h"

#include "i18n/language.h"
#include "widgets/feature_map_view.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>

#include <algorithm>
#include <cmath>

namespace stridelab::ui {

namespace {

// One scale for A and B, so that equal values look equal.
ValueRange jointRange(const Tensor& a, const Tensor& b) {
    const auto [aLow, aHigh] = std::minmax_element(a.values().begin(), a.values().end());
    const auto [bLow, bHigh] = std::minmax_element(b.values().begin(), b.values().end());
    if (a.values().empty() || b.values().empty()) {
        return {};
    }
    return {std::min(*aLow, *bLow), std::max(*aHigh, *bHigh)};
}

}  // namespace

ComparisonPanel::ComparisonPanel(QWidget* parent)
    : QWidget(parent),
      comboA_(new QComboBox(this)),
      comboB_(new QComboBox(this)),
      pin_(new QPushButton(this)),
      viewA_(new FeatureMapView(this)),
      viewB_(new FeatureMapView(this)),
      difference_(new FeatureMapView(this)),
      summary_(new QLabel(this)) {
    summary_->setWordWrap(true);
    auto* grid = new QGridLayout(this);
    auto* labelA = new QLabel(this);
    auto* labelB = new QLabel(this);
    auto* labelDifference = new QLabel(this);
    grid->addWidget(labelA, 0, 0);
    grid->addWidget(comboA_, 0, 1);
    grid->addWidget(pin_, 0, 2);
    grid->addWidget(labelB, 0, 3);
    grid->addWidget(comboB_, 0, 4);
    grid->addWidget(labelDifference, 0, 5);
    grid->addWidget(viewA_, 1, 0, 1, 3);
    grid->addWidget(viewB_, 1, 3, 1, 2);
    grid->addWidget(difference_, 1, 5, 1, 2);
    grid->addWidget(summary_, 2, 0, 1, 7);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(4, 1);
    grid->setColumnStretch(6, 1);
    grid->setRowStretch(1, 1);
    for (FeatureMapView* v : {viewA_, viewB_, difference_}) {
        v->setMinimumSize(120, 120);
    }
    connect(comboA_, &QComboBox::currentIndexChanged, this, &ComparisonPanel::refresh);
    connect(comboB_, &QComboBox::currentIndexChanged, this, &ComparisonPanel::refresh);
    connect(pin_, &QPushButton::clicked, this, &ComparisonPanel::pinA);
    i18n::retranslate(this, [=, this] {
        pin_->setText(tr("Pin A"));
        pin_->setToolTip(tr("Keep a copy of map A to compare with after changing the pipeline"));
        labelA->setText(tr("A"));
        labelB->setText(tr("B (reference)"));
        labelDifference->setText(tr("A − B"));
        for (FeatureMapView* v : {viewA_, viewB_, difference_}) {
            v->setPlaceholderText(tr("No map"));
        }
        shownA_.reset();  // the summary again, in the new language
        refresh();
    });
}

std::vector<ComparableMap> ComparisonPanel::entries() const {
    std::vector<ComparableMap> all = maps_;
    all.insert(all.end(), pinned_.begin(), pinned_.end());
    return all;
}

void ComparisonPanel::setMaps(std::vector<ComparableMap> maps) {
    maps_ = std::move(maps);
    // The window sets the maps as each layer arrives: refilling both lists and comparing
    // each time took the window's thread a few ms per layer while nobody could see it.
    if (behindAnotherTab()) {
        behind_ = true;
        return;
    }
    refillCombos();
}

void ComparisonPanel::catchUp() {
    if (behind_) {
        behind_ = false;
        refillCombos();
    }
}

bool ComparisonPanel::behindAnotherTab() const {
    // Qt calls a dock behind another tab visible; it just has nothing on screen. Not yet on
    // screen at all (the window opening) counts as seen.
    return isVisible() && window()->isVisible() && visibleRegion().isEmpty();
}

void ComparisonPanel::setDisplayOptions(const DisplayOptions& options) {
    options_ = options;
    shownA_.reset();  // redraw with the new options
    refresh();
}

void ComparisonPanel::choose(int a, int b) {
    const QSignalBlocker blockA(comboA_);
    const QSignalBlocker blockB(comboB_);
    comboA_->setCurrentIndex(a);
    comboB_->setCurrentIndex(b);
    refresh();
}

void ComparisonPanel::pinA() {
    const auto all = entries();
    const int a = comboA_->currentIndex();
    if (a < 0 || a >= static_cast<int>(all.size()) || !all[static_cast<std::size_t>(a)].map) {
        return;
    }
    const ComparableMap& source = all[static_cast<std::size_t>(a)];
    pinned_.push_back({tr("pinned: %1").arg(source.label),
                       QStringLiteral("pinned %1").arg(pinned_.size()),
                       std::make_shared<const Tensor>(*source.map)});
    refillCombos();
    // The pinned copy becomes B, the reference; A stays on the live map.
    choose(a, static_cast<int>(entries().size()) - 1);
}

void ComparisonPanel::refillCombos() {
    const QVariant a = comboA_->currentData();
    const QVariant b = comboB_->currentData();
    const bool firstFill = comboA_->count() == 0;
    {
        const QSignalBlocker blockA(comboA_);
        const QSignalBlocker blockB(comboB_);
        comboA_->clear();
        comboB_->clear();
        for (const ComparableMap& m : entries()) {
            comboA_->addItem(m.label, m.key);
            comboB_->addItem(m.label, m.key);
        }
        // Choices are kept by key; a new pipeline starts with its last map against its input,
        // which shows how much of the image survives the stack.
        const int foundA = firstFill ? -1 : comboA_->findData(a);
        const int foundB = firstFill ? -1 : comboB_->findData(b);
        comboA_->setCurrentIndex(foundA >= 0 ? foundA
                                             : std::max(0, static_cast<int>(maps_.size()) - 1));
        comboB_->setCurrentIndex(std::max(0, foundB));
    }
    refresh();
}

void ComparisonPanel::refresh() {
    const auto all = entries();
    auto mapAt = [&all](int i) {
        return i >= 0 && i < static_cast<int>(all.size()) ? all[static_cast<std::size_t>(i)].map
                                                          : nullptr;
    };
    const SharedTensor a = mapAt(comboA_->currentIndex());
    const SharedTensor b = mapAt(comboB_->currentIndex());
    pin_->setEnabled(a != nullptr);
    if (a == shownA_ && b == shownB_ && (comparison_ || !a || !b)) {
        return;
    }
    shownA_ = a;
    shownB_ = b;
    comparison_.reset();
    summary_->clear();
    if (!a || !b) {
        viewA_->setFeatureMap(a);
        viewB_->setFeatureMap(b);
        difference_->setFeatureMap(nullptr);
        summary_->setText(tr("Choose two computed maps."));
        return;
    }
    auto compared = compareMaps(*a, *b);
    DisplayOptions shared = options_;
    shared.normalisation = Normalisation::Fixed;
    shared.fixedRange = jointRange(*a, *b);
    viewA_->setDisplayOptions(shared);
    viewB_->setDisplayOptions(shared);
    viewA_->setFeatureMap(a);
    viewB_->setFeatureMap(b);
    if (!compared) {
        difference_->setFeatureMap(nullptr);
        summary_->setText(tr("Not comparable: %1.").arg(compared.error().message));
        return;
    }
    comparison_ = std::move(*compared);
    DisplayOptions diverging;
    diverging.colormap = ColormapName::Diverging;
    diverging.normalisation = Normalisation::PerLayer;
    difference_->setDisplayOptions(diverging);
    difference_->setFeatureMap(std::make_shared<const Tensor>(comparison_->difference));
    summary_->setText(summaryText());
}

QString ComparisonPanel::summaryText() const {
    if (!comparison_) {
        return summary_->text();
    }
    const MapComparison& c = *comparison_;
    QString psnr;
    if (!c.psnr) {
        psnr = tr("PSNR undefined (B is constant)");
    } else if (std::isinf(*c.psnr)) {
        psnr = tr("identical (PSNR ∞)");
    } else {
        psnr = tr("PSNR %1 dB").arg(*c.psnr, 0, 'f', 2);
    }
    return tr("%1 · MSE %2 · max |A − B| %3 · peak (range of B) %4")
        .arg(psnr)
        .arg(c.mse, 0, 'g', 4)
        .arg(c.maxAbsDifference, 0, 'g', 4)
        .arg(c.peak, 0, 'g', 4);
}

}  // namespace stridelab::ui
