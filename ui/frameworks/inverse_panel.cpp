#include "frameworks/inverse_panel.h"

#include "frameworks/wrapping_rows.h"
#include "i18n/language.h"
#include "layers/layer_registry.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace stridelab::ui {

namespace {

enum Column { ChangeColumn, ApplyColumn };

QSpinBox* sizeBox(QWidget* parent) {
    auto* box = new QSpinBox(parent);
    box->setRange(1, 65536);
    return box;
}

}  // namespace

InversePanel::InversePanel(PipelineDocument* document, QWidget* parent)
    : QWidget(parent), document_(document) {
    auto* layout = new QVBoxLayout(this);
    title_ = new QLabel(this);
    title_->setTextFormat(Qt::RichText);
    title_->setWordWrap(true);
    layout->addWidget(title_);

    auto* goalsRow = new QHBoxLayout;
    auto* wanted = new QLabel(this);
    goalsRow->addWidget(wanted);
    goals_ = new QButtonGroup(this);
    for (const SizeGoal goal :
         {SizeGoal::SameSize, SizeGoal::Half, SizeGoal::Double, SizeGoal::Custom}) {
        auto* button = new QRadioButton(this);
        goals_->addButton(button, static_cast<int>(goal));
        goalsRow->addWidget(button);
    }
    goalsRow->addStretch();
    layout->addLayout(goalsRow);

    auto* sizeRow = new QHBoxLayout;
    height_ = sizeBox(this);
    width_ = sizeBox(this);
    auto* heightLabel = new QLabel(this);
    auto* widthLabel = new QLabel(this);
    sizeRow->addWidget(heightLabel);
    sizeRow->addWidget(height_);
    sizeRow->addWidget(widthLabel);
    sizeRow->addWidget(width_);
    sizeRow->addStretch();
    layout->addLayout(sizeRow);

    list_ = new QTreeWidget(this);
    list_->setRootIsDecorated(false);
    list_->header()->setSectionResizeMode(ChangeColumn, QHeaderView::Stretch);
    list_->header()->setSectionResizeMode(ApplyColumn, QHeaderView::ResizeToContents);
    list_->header()->setStretchLastSection(false);
    wrapRows(list_);
    layout->addWidget(list_, 1);
    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(message_);
    i18n::retranslate(this, [=, this] {
        wanted->setText(tr("Wanted:"));
        goals_->button(static_cast<int>(SizeGoal::SameSize))->setText(tr("Same size"));
        goals_->button(static_cast<int>(SizeGoal::Half))->setText(tr("Half"));
        goals_->button(static_cast<int>(SizeGoal::Double))->setText(tr("Double"));
        goals_->button(static_cast<int>(SizeGoal::Custom))->setText(tr("Custom"));
        goals_->button(static_cast<int>(SizeGoal::Half))
            ->setToolTip(
                tr("Half rounds up: ceil(n / 2), what stride 2 with \"same\" padding gives"));
        height_->setToolTip(tr("Wanted output height"));
        width_->setToolTip(tr("Wanted output width"));
        heightLabel->setText(tr("Height"));
        widthLabel->setText(tr("Width"));
        list_->setHeaderLabels({tr("Change, and what it gives"), QString()});
        list_->setToolTip(
            tr("Double-click a row, or press its Apply button, to change the layer "
               "(Ctrl+Z undoes it)"));
    });

    goals_->button(static_cast<int>(goal_))->setChecked(true);
    connect(goals_, &QButtonGroup::idClicked, this,
            [this](int id) { setGoal(static_cast<SizeGoal>(id)); });
    for (QSpinBox* box : {height_, width_}) {
        connect(box, &QSpinBox::valueChanged, this, [this] {
            // Typing a size asks for exactly that size.
            goal_ = SizeGoal::Custom;
            goalChosen_ = true;
            goals_->button(static_cast<int>(goal_))->setChecked(true);
            solve();
        });
    }
    connect(list_, &QTreeWidget::itemDoubleClicked, this,
            [this](QTreeWidgetItem* item) { apply(list_->indexOfTopLevelItem(item)); });
}

Pair InversePanel::wanted() const {
    return {height_->value(), width_->value()};
}

QPushButton* InversePanel::applyButton(int row) const {
    QTreeWidgetItem* item = list_->topLevelItem(row);
    QWidget* cell = item != nullptr ? list_->itemWidget(item, ApplyColumn) : nullptr;
    return cell != nullptr ? cell->findChild<QPushButton*>() : nullptr;
}

QString InversePanel::message() const {
    return message_->text();
}

void InversePanel::setGoal(SizeGoal goal) {
    goal_ = goal;
    goalChosen_ = true;
    goals_->button(static_cast<int>(goal))->setChecked(true);
    refresh();
}

void InversePanel::showLayer(int index, const PipelineReport& report) {
    index_ = index;
    report_ = report;
    refresh();
}

void InversePanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (stale_) {
        refresh();
    }
}

void InversePanel::refresh() {
    // Solving takes a moment on large inputs: only for a panel that is seen.
    if (!isVisible()) {
        stale_ = true;
        return;
    }
    stale_ = false;
    const bool isLayer = index_ >= 0 && index_ < static_cast<int>(report_.layers.size());
    const LayerReport* r = isLayer ? &report_.layers[static_cast<std::size_t>(index_)] : nullptr;
    if (r != nullptr && (r->shape || r->ownError)) {
        const Pair in{r->input.h, r->input.w};
        title_->setText(r->shape ? tr("<b>%1</b>: input %2 x %3, output %4 x %5")
                                       .arg(r->name.toHtmlEscaped())
                                       .arg(in.h)
                                       .arg(in.w)
                                       .arg(r->shape->output.h)
                                       .arg(r->shape->output.w)
                                 : tr("<b>%1</b>: input %2 x %3, no output: %4")
                                       .arg(r->name.toHtmlEscaped())
                                       .arg(in.h)
                                       .arg(in.w)
                                       .arg(r->error->message.toHtmlEscaped()));
        if (!goalChosen_) {
            // Until one is chosen: what the layer's kind is for.
            const LayerType* type = findLayerType(
                document_->pipeline().layers[static_cast<std::size_t>(index_)].layer->type());
            goal_ = type->category == LayerCategory::Upsampling ? SizeGoal::Double : SizeGoal::Half;
            goals_->button(static_cast<int>(goal_))->setChecked(true);
        }
        if (goal_ != SizeGoal::Custom) {
            const Pair w = wantedSize(goal_, in);
            const QSignalBlocker blockH(height_);
            const QSignalBlocker blockW(width_);
            height_->setValue(static_cast<int>(std::min<std::int64_t>(w.h, 65536)));
            width_->setValue(static_cast<int>(std::min<std::int64_t>(w.w, 65536)));
        }
    } else {
        title_->setText(r != nullptr ? tr("<b>%1</b>").arg(r->name.toHtmlEscaped())
                                     : tr("<b>Input</b>"));
    }
    solve();
}

void InversePanel::solve() {
    list_->clear();
    candidates_.clear();
    solvedFor_.reset();
    const bool isLayer = index_ >= 0 && index_ < static_cast<int>(report_.layers.size()) &&
                         index_ < static_cast<int>(document_->pipeline().layers.size());
    const LayerReport* r = isLayer ? &report_.layers[static_cast<std::size_t>(index_)] : nullptr;
    if (r == nullptr) {
        message_->setText(tr("Select a layer to ask which settings give a wanted size."));
        return;
    }
    if (!r->shape && !r->ownError) {
        message_->setText(r->error ? r->error->message : QString());
        return;
    }
    const Pipeline& pipeline = document_->pipeline();
    SizeQuestion q;
    q.layer = pipeline.layers[static_cast<std::size_t>(index_)].layer;
    q.query = ShapeQuery{r->input, nullptr};
    q.wanted = wanted();
    q.context = LayerLoadContext{pipeline.baseDir};
    auto answer = solveForSize(q);
    if (!answer) {
        message_->setText(answer.error().message);
        return;
    }
    candidates_ = std::move(answer->candidates);
    solvedFor_ = q.layer;
    for (int row = 0; row < static_cast<int>(candidates_.size()); ++row) {
        const SizeCandidate& c = candidates_[static_cast<std::size_t>(row)];
        auto* item = new QTreeWidgetItem(list_);
        item->setText(ChangeColumn, c.changes.join(QLatin1Char('\n')) + QLatin1Char('\n') +
                                        QStringLiteral("\u2192 ") + c.formula);
        item->setToolTip(ChangeColumn, c.sentence);
        // The button keeps its own height at the top of a tall row.
        auto* cell = new QWidget(list_);
        auto* cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(2, 2, 2, 2);
        auto* button = new QPushButton(tr("Apply"), cell);
        button->setObjectName(QStringLiteral("applyCandidate"));
        button->setToolTip(tr("Change the layer this way (Ctrl+Z undoes it)"));
        cellLayout->addWidget(button);
        cellLayout->addStretch();
        list_->setItemWidget(item, ApplyColumn, cell);
        connect(button, &QPushButton::clicked, this, [this, row] { apply(row); });
    }
    const Pair w = wanted();
    if (candidates_.empty()) {
        message_->setText(answer->reason);
    } else if (r->shape && r->shape->output.h == w.h && r->shape->output.w == w.w) {
        message_->setText(tr("The layer already gives %1 x %2; other ways to get it, fewest "
                             "changed keys first:")
                              .arg(w.h)
                              .arg(w.w));
    } else {
        message_->setText(tr("%n way(s) to get %1 x %2, fewest changed keys first.", nullptr,
                             static_cast<int>(candidates_.size()))
                              .arg(w.h)
                              .arg(w.w));
    }
}

void InversePanel::apply(int row) {
    const auto& layers = document_->pipeline().layers;
    // Only while the document still holds the layer the candidates were found for.
    if (row < 0 || row >= static_cast<int>(candidates_.size()) || index_ < 0 ||
        index_ >= static_cast<int>(layers.size()) ||
        layers[static_cast<std::size_t>(index_)].layer != solvedFor_) {
        return;
    }
    // Copies: applying changes the document, which asks this panel to solve afresh.
    const LayerPtr layer = candidates_[static_cast<std::size_t>(row)].layer;
    const Pair w = wanted();
    Pipeline next = document_->pipeline();
    PipelineLayer& target = next.layers[static_cast<std::size_t>(index_)];
    target.layer = layer;
    const QString text = tr("Solve %1 for %2 x %3").arg(target.name).arg(w.h).arg(w.w);
    document_->apply(std::move(next), text);
}

}  // namespace stridelab::ui
