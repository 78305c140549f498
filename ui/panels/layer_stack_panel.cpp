#include "panels/layer_stack_panel.h"

#include "document/pipeline_document.h"
#include "i18n/language.h"
#include "layers/layer_registry.h"
#include "panels/default_layers.h"

#include <QAction>
#include <QApplication>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace stridelab::ui {

namespace {

using State = LayerStackModel::State;

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                            static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                            static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

// Each row as two lines, "name  type" and "key parameters  ->  shape", plus the error of an
// invalid layer in red. The shape is monospace and right-aligned, so shapes line up.
class LayerRowDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const override;

private:
    static constexpr int kHPad = 10;
    static constexpr int kVPad = 6;
    static constexpr int kGap = 3;
    static constexpr int kStripe = 5;
    static constexpr int kMaxErrorLines = 3;

    [[nodiscard]] static QFont boldFont(const QFont& base) {
        QFont f = base;
        f.setBold(true);
        return f;
    }
    [[nodiscard]] static QFont monoFont(const QFont& base) {
        QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        if (base.pointSizeF() > 0) {
            f.setPointSizeF(base.pointSizeF());
        } else {
            f.setPixelSize(base.pixelSize());
        }
        return f;
    }
    [[nodiscard]] static int textWidth(const QStyleOptionViewItem& option) {
        int width = option.rect.width();
        if (const auto* view = qobject_cast<const QAbstractItemView*>(option.widget)) {
            width = view->viewport()->width();
        }
        return std::max(width - 2 * kHPad - kStripe, 40);
    }
    [[nodiscard]] static QRect errorRect(const QFontMetrics& fm, const QString& error, int left,
                                         int top, int width) {
        const QRect bounds = fm.boundingRect(QRect(left, top, width, fm.lineSpacing() * 100),
                                             Qt::TextWordWrap, error);
        return {left, top, width, std::min(bounds.height(), fm.lineSpacing() * kMaxErrorLines)};
    }
};

QSize LayerRowDelegate::sizeHint(const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    const QFontMetrics bold(boldFont(option.font));
    const QFontMetrics normal(option.font);
    const QFontMetrics mono(monoFont(option.font));
    int height = kVPad + bold.height() + kGap + std::max(normal.height(), mono.height()) + kVPad;
    if (index.data(LayerStackModel::StateRole).value<State>() == State::Invalid) {
        const QString error = index.data(LayerStackModel::ErrorRole).toString();
        height += kGap + errorRect(normal, error, 0, 0, textWidth(option)).height();
    }
    // The width follows the view; a small hint keeps a horizontal scroll bar away.
    return {160, height + 1};
}

void LayerRowDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget* widget = opt.widget;
    QStyle* style = widget != nullptr ? widget->style() : QApplication::style();
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const auto state = index.data(LayerStackModel::StateRole).value<State>();
    const bool selected = (opt.state & QStyle::State_Selected) != 0;
    const QPalette::ColorGroup group =
        (opt.state & QStyle::State_Active) != 0 ? QPalette::Active : QPalette::Inactive;
    const QColor background =
        opt.palette.color(group, selected ? QPalette::Highlight : QPalette::Base);
    // The model's foreground (red, grey) is already the palette's Text here.
    const QColor text =
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor secondary = state == State::Valid ? mix(text, background, 0.3) : text;
    // The model's red, unless the selection's colours must win.
    const QColor invalidColor = index.data(Qt::ForegroundRole).value<QBrush>().color();
    const QColor error = selected ? text : invalidColor;

    painter->save();
    painter->setClipRect(opt.rect);
    if (state == State::Invalid) {
        painter->fillRect(QRect(opt.rect.left(), opt.rect.top(), kStripe, opt.rect.height()),
                          invalidColor);
    }
    const QRect r = opt.rect.adjusted(kHPad + kStripe, kVPad, -kHPad, -kVPad);

    // Line 1: the name in bold, then the type.
    const QFont bold = boldFont(opt.font);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics normalMetrics(opt.font);
    const QString name =
        boldMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, r.width());
    painter->setFont(bold);
    painter->setPen(text);
    const QRect line1(r.left(), r.top(), r.width(), boldMetrics.height());
    painter->drawText(line1, Qt::AlignLeft | Qt::AlignVCenter, name);
    const int typeLeft = r.left() + boldMetrics.horizontalAdvance(name) +
                         normalMetrics.horizontalAdvance(QStringLiteral("   "));
    const QString type = index.data(LayerStackModel::TypeRole).toString();
    if (typeLeft < r.right() && type != index.data(Qt::DisplayRole).toString()) {
        painter->setFont(opt.font);
        painter->setPen(secondary);
        painter->drawText(QRect(typeLeft, line1.top(), r.right() - typeLeft, line1.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          normalMetrics.elidedText(type, Qt::ElideRight, r.right() - typeLeft));
    }

    // Line 2: key parameters, and "-> shape" at the right.
    const QFont mono = monoFont(opt.font);
    const QFontMetrics monoMetrics(mono);
    const int line2Height = std::max(normalMetrics.height(), monoMetrics.height());
    const QRect line2(r.left(), line1.bottom() + 1 + kGap, r.width(), line2Height);
    const QString arrow = QStringLiteral("\u2192 ");
    QString shape = index.data(LayerStackModel::ShapeTextRole).toString();
    const int arrowWidth = monoMetrics.horizontalAdvance(arrow);
    if (monoMetrics.horizontalAdvance(shape) > r.width() - arrowWidth) {
        shape = monoMetrics.elidedText(shape, Qt::ElideLeft, r.width() - arrowWidth);
    }
    const int shapeWidth = monoMetrics.horizontalAdvance(shape);
    painter->setFont(mono);
    painter->setPen(state == State::Invalid ? error : text);
    painter->drawText(line2, Qt::AlignRight | Qt::AlignVCenter, shape);
    painter->setPen(secondary);
    painter->drawText(QRect(line2.left(), line2.top(), line2.width() - shapeWidth, line2.height()),
                      Qt::AlignRight | Qt::AlignVCenter, arrow);
    const int descriptionWidth =
        r.width() - shapeWidth - arrowWidth - normalMetrics.horizontalAdvance(QStringLiteral("  "));
    if (descriptionWidth > 0) {
        painter->setFont(opt.font);
        painter->setPen(secondary);
        painter->drawText(
            QRect(line2.left(), line2.top(), descriptionWidth, line2.height()),
            Qt::AlignLeft | Qt::AlignVCenter,
            normalMetrics.elidedText(index.data(LayerStackModel::DescriptionRole).toString(),
                                     Qt::ElideRight, descriptionWidth));
    }

    // Line 3 of an invalid layer: its error, wrapped.
    if (state == State::Invalid) {
        const QString message = index.data(LayerStackModel::ErrorRole).toString();
        const QRect line3 =
            errorRect(normalMetrics, message, r.left(), line2.bottom() + 1 + kGap, r.width());
        painter->setFont(opt.font);
        painter->setPen(error);
        painter->drawText(line3, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, message);
    }

    const QPalette& viewPalette = widget != nullptr ? widget->palette() : opt.palette;
    painter->setPen(mix(viewPalette.color(group, QPalette::Text),
                        viewPalette.color(group, QPalette::Base), 0.85));
    painter->drawLine(opt.rect.bottomLeft(), opt.rect.bottomRight());
    painter->restore();
}

}  // namespace

LayerStackPanel::LayerStackPanel(PipelineDocument* document, QWidget* parent)
    : QWidget(parent),
      document_(document),
      model_(new LayerStackModel(this)),
      view_(new QListView(this)),
      addMenu_(new QMenu(this)),
      addButton_(new QToolButton(this)),
      remove_(new QAction(this)),
      duplicate_(new QAction(this)),
      moveUp_(new QAction(this)),
      moveDown_(new QAction(this)) {
    view_->setModel(model_);
    view_->setItemDelegate(new LayerRowDelegate(view_));
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setResizeMode(QListView::Adjust);
    view_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view_->setDragEnabled(true);
    view_->setAcceptDrops(true);
    view_->setDropIndicatorShown(true);
    view_->setDragDropMode(QAbstractItemView::InternalMove);
    view_->setDefaultDropAction(Qt::MoveAction);
    view_->installEventFilter(this);
    // The stack is the readout a lecture points at: a little larger than the rest.
    QFont panelFont = font();
    if (panelFont.pointSizeF() > 0) {
        panelFont.setPointSizeF(panelFont.pointSizeF() * 1.15);
    }
    setFont(panelFont);

    remove_->setShortcut(QKeySequence(Qt::Key_Delete));
    duplicate_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    moveUp_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    moveDown_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    for (QAction* action : editActions()) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    connect(remove_, &QAction::triggered, this, &LayerStackPanel::removeSelected);
    connect(duplicate_, &QAction::triggered, this, &LayerStackPanel::duplicateSelected);
    connect(moveUp_, &QAction::triggered, this, [this] { moveSelected(-1); });
    connect(moveDown_, &QAction::triggered, this, [this] { moveSelected(+1); });

    buildAddMenu();
    // The arrow is in the text; the style's small corner arrow would overlap it.
    addButton_->setStyleSheet(QStringLiteral("QToolButton::menu-indicator { image: none; }"));
    addButton_->setMenu(addMenu_);
    addButton_->setPopupMode(QToolButton::InstantPopup);

    auto* toolbar = new QHBoxLayout;
    toolbar->setContentsMargins(0, 0, 0, 0);
    toolbar->setSpacing(4);
    toolbar->addWidget(addButton_);
    for (QAction* action : editActions()) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        toolbar->addWidget(button);
    }
    toolbar->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(toolbar);
    layout->addWidget(view_, 1);

    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LayerStackPanel::onCurrentRowChanged);
    // Queued: the document and then this model change only after the view's drop is over.
    connect(model_, &LayerStackModel::moveRequested, this, &LayerStackPanel::moveLayer,
            Qt::QueuedConnection);
    connect(document_, &PipelineDocument::changed, this, [this] { ++documentChanges_; });

    // Until the first analysis, the layers without shapes.
    setReport(PipelineReport{});
    i18n::retranslate(this, [this] { retranslateUi(); });
}

void LayerStackPanel::retranslateUi() {
    addMenu_->setTitle(tr("&Add Layer"));
    remove_->setText(tr("&Remove Layer"));
    duplicate_->setText(tr("&Duplicate Layer"));
    moveUp_->setText(tr("Move Layer &Up"));
    moveDown_->setText(tr("Move Layer Do&wn"));
    // Short button labels; the Edit menu shows the full texts.
    remove_->setIconText(tr("Remove"));
    remove_->setToolTip(tr("Remove the selected layer (Delete)"));
    duplicate_->setIconText(tr("Duplicate"));
    duplicate_->setToolTip(tr("Insert a copy after the selected layer (Ctrl+D)"));
    moveUp_->setIconText(tr("Up"));
    moveUp_->setToolTip(tr("Move the selected layer up (Alt+Up)"));
    moveDown_->setIconText(tr("Down"));
    moveDown_->setToolTip(tr("Move the selected layer down (Alt+Down)"));
    addButton_->setText(tr("Add \u25be"));
    addButton_->setToolTip(tr("Add a layer after the selected one"));
    downsamplingSection_->setText(tr("Downsampling"));
    upsamplingSection_->setText(tr("Upsampling"));
    for (QAction* action : std::as_const(addActions_)) {
        action->setText(findLayerType(action->data().toString())->translatedName());
    }
    updateActions();
    model_->retranslate();
}

bool LayerStackPanel::eventFilter(QObject* watched, QEvent* event) {
    // Alt+Up on the first layer (its action disabled) must not fall through to the view and
    // move the selection instead of the layer.
    if (watched == view_ && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() == Qt::AltModifier &&
            (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QList<QAction*> LayerStackPanel::editActions() const {
    return {remove_, duplicate_, moveUp_, moveDown_};
}

void LayerStackPanel::buildAddMenu() {
    addMenu_->setToolTipsVisible(true);
    for (const LayerCategory category : {LayerCategory::Downsampling, LayerCategory::Upsampling}) {
        QAction* section = addMenu_->addSection(QString());
        (category == LayerCategory::Downsampling ? downsamplingSection_ : upsamplingSection_) =
            section;
        for (const LayerType& type : layerTypes()) {
            if (type.category != category) {
                continue;
            }
            QAction* action = addMenu_->addAction(type.translatedName());
            action->setData(type.type);
            connect(action, &QAction::triggered, this,
                    [this, name = type.type] { addLayer(name); });
            addActions_ << action;
        }
    }
    connect(addMenu_, &QMenu::aboutToShow, this, &LayerStackPanel::updateActions);
}

void LayerStackPanel::setReport(const PipelineReport& report) {
    const int previousRow = std::max(view_->currentIndex().row(), 0);
    const int target = pendingRow_ >= 0 ? pendingRow_ : previousRow;
    pendingRow_ = -1;
    resetting_ = true;
    model_->setPipeline(document_->pipeline(), report);
    view_->setCurrentIndex(model_->index(std::clamp(target, 0, model_->rowCount() - 1)));
    resetting_ = false;
    onCurrentRowChanged();
}

void LayerStackPanel::setShapeNotation(LayerStackModel::ShapeNotation notation) {
    model_->setShapeNotation(notation);
}

int LayerStackPanel::selectedLayer() const {
    const QModelIndex current = view_->currentIndex();
    return current.isValid() ? LayerStackModel::layerOfRow(current.row()) : -1;
}

void LayerStackPanel::selectLayer(int layerIndex) {
    const int row = std::clamp(LayerStackModel::rowOfLayer(layerIndex), 0, model_->rowCount() - 1);
    view_->setCurrentIndex(model_->index(row));
}

void LayerStackPanel::onCurrentRowChanged() {
    if (resetting_) {
        return;
    }
    updateActions();
    const int layer = selectedLayer();
    if (layer != lastSelected_) {
        lastSelected_ = layer;
        emit selectionChanged(layer);
    }
}

int LayerStackPanel::selectedDocumentLayer() const {
    const int layer = selectedLayer();
    return layer < static_cast<int>(document_->pipeline().layers.size()) ? layer : -1;
}

void LayerStackPanel::updateActions() {
    const int layer = selectedDocumentLayer();
    const int count = static_cast<int>(document_->pipeline().layers.size());
    remove_->setEnabled(layer >= 0);
    duplicate_->setEnabled(layer >= 0);
    moveUp_->setEnabled(layer >= 1);
    moveDown_->setEnabled(layer >= 0 && layer + 1 < count);

    const int insertAt = layer + 1;
    for (QAction* action : std::as_const(addActions_)) {
        const LayerType* type = findLayerType(action->data().toString());
        const QString reason =
            defaultLayerUnavailableReason(type->type, document_->pipeline(), insertAt);
        action->setEnabled(reason.isEmpty());
        const QString names =
            tr("Keras: %1\nPyTorch: %2").arg(type->translatedKerasName(), type->pytorchName);
        action->setToolTip(
            reason.isEmpty() ? names : tr("%1 %2\n%3").arg(type->translatedName(), reason, names));
    }
}

template <class Edit>
void LayerStackPanel::edit(int selectRow, Edit&& edit) {
    pendingRow_ = selectRow;
    const int before = documentChanges_;
    std::forward<Edit>(edit)();
    // An edit that changed nothing (a move onto itself) must not move a later selection.
    if (documentChanges_ == before) {
        pendingRow_ = -1;
    }
}

void LayerStackPanel::addLayer(const QString& type) {
    const int insertAt = selectedDocumentLayer() + 1;
    LayerPtr layer = defaultLayer(type, document_->pipeline(), insertAt);
    if (!layer) {
        return;
    }
    edit(LayerStackModel::rowOfLayer(insertAt),
         [&] { document_->insertLayer(insertAt, std::move(layer)); });
}

void LayerStackPanel::removeSelected() {
    const int layer = selectedDocumentLayer();
    if (layer < 0) {
        return;
    }
    // The next layer takes the row; after the last layer, the one before it.
    edit(LayerStackModel::rowOfLayer(layer), [&] { document_->removeLayer(layer); });
}

void LayerStackPanel::duplicateSelected() {
    const int layer = selectedDocumentLayer();
    if (layer < 0) {
        return;
    }
    edit(LayerStackModel::rowOfLayer(layer + 1), [&] { document_->duplicateLayer(layer); });
}

void LayerStackPanel::moveSelected(int delta) {
    const int layer = selectedDocumentLayer();
    const int to = layer + delta;
    if (layer < 0 || to < 0 || to >= static_cast<int>(document_->pipeline().layers.size())) {
        return;
    }
    moveLayer(layer, to);
}

void LayerStackPanel::moveLayer(int from, int to) {
    const int count = static_cast<int>(document_->pipeline().layers.size());
    if (from < 0 || from >= count || to < 0 || to >= count || from == to) {
        return;
    }
    edit(LayerStackModel::rowOfLayer(to), [&] { document_->moveLayer(from, to); });
}

}  // namespace stridelab::ui
