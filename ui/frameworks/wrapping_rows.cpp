#include "frameworks/wrapping_rows.h"

#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QTreeWidget>

#include <algorithm>

namespace stridelab::ui {

namespace {

class WrappingDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        const auto* view = qobject_cast<const QTreeView*>(option.widget);
        if (view == nullptr) {
            return size;
        }
        QStyleOptionViewItem o = option;
        initStyleOption(&o, index);
        // The text's room: the column less the icon and the delegate's margins.
        const int width = view->columnWidth(index.column()) - o.decorationSize.width() - 12;
        const QRect text = o.fontMetrics.boundingRect(QRect(0, 0, std::max(width, 40), 100000),
                                                      Qt::TextWordWrap, o.text);
        size.setHeight(std::max(size.height(), text.height() + 10));
        return size;
    }
};

}  // namespace

void wrapRows(QTreeWidget* tree) {
    tree->setUniformRowHeights(false);
    tree->setWordWrap(true);
    tree->setItemDelegate(new WrappingDelegate(tree));
    QObject::connect(tree->header(), &QHeaderView::sectionResized, tree,
                     &QTreeWidget::doItemsLayout);
}

}  // namespace stridelab::ui
