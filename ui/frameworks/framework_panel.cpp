#include "frameworks/framework_panel.h"

#include "frameworks/wrapping_rows.h"
#include "i18n/language.h"

#include <QApplication>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextDocument>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace stridelab::ui {

namespace {

enum Column { KindColumn, FrameworkColumn, CodeColumn, KerasColumn, TorchColumn, WhyColumn };

QIcon kindIcon(DifferenceKind kind) {
    QStyle* style = QApplication::style();
    switch (kind) {
        case DifferenceKind::Identical:
            return style->standardIcon(QStyle::SP_DialogApplyButton);
        case DifferenceKind::Values:
            return style->standardIcon(QStyle::SP_MessageBoxWarning);
        case DifferenceKind::Shape:
            return style->standardIcon(QStyle::SP_MessageBoxCritical);
        case DifferenceKind::NotExpressible:
            break;
    }
    return style->standardIcon(QStyle::SP_DialogCancelButton);
}

QString shapeText(const std::optional<Shape>& s) {
    return s ? s->toString() : QCoreApplication::translate("FrameworkPanel", "(none)");
}

QString frameworkName(Framework f) {
    return f == Framework::Keras ? QCoreApplication::translate("FrameworkPanel", "Keras")
                                 : QCoreApplication::translate("FrameworkPanel", "PyTorch");
}

QPlainTextEdit* codeView(QWidget* parent) {
    auto* view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

// Both code views as tall as the longer spelling (two to five lines), so the look-alikes
// below keep the room.
void fitCodeViews(QPlainTextEdit* a, QPlainTextEdit* b) {
    const int lines =
        std::clamp<int>(std::max(a->document()->blockCount(), b->document()->blockCount()), 2, 5);
    const int height = lines * QFontMetrics(a->font()).lineSpacing() + 2 * a->frameWidth() +
                       2 * static_cast<int>(a->document()->documentMargin()) +
                       a->horizontalScrollBar()->sizeHint().height() + 6;
    a->setFixedHeight(height);
    b->setFixedHeight(height);
}

}  // namespace

QString FrameworkPanel::kindText(DifferenceKind kind) {
    switch (kind) {
        case DifferenceKind::Identical:
            return tr("same result");
        case DifferenceKind::Values:
            return tr("other values");
        case DifferenceKind::Shape:
            return tr("other shape");
        case DifferenceKind::NotExpressible:
            break;
    }
    return tr("cannot be written");
}

QColor FrameworkPanel::kindColor(DifferenceKind kind) {
    // Translucent tints, readable on light and dark palettes alike.
    switch (kind) {
        case DifferenceKind::Identical:
            return {46, 160, 67, 60};
        case DifferenceKind::Values:
            return {230, 160, 0, 90};
        case DifferenceKind::Shape:
            return {220, 50, 47, 90};
        case DifferenceKind::NotExpressible:
            break;
    }
    return {128, 128, 128, 80};
}

FrameworkPanel::FrameworkPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    tabs_ = new QTabWidget(this);
    layout->addWidget(tabs_);

    auto* selected = new QWidget(tabs_);
    auto* grid = new QGridLayout(selected);
    // The title shares the row of the tabs, to leave the look-alikes the room.
    title_ = new QLabel(tabs_);
    title_->setTextFormat(Qt::RichText);
    tabs_->setCornerWidget(title_, Qt::TopRightCorner);
    kerasTitle_ = new QLabel(selected);
    torchTitle_ = new QLabel(selected);
    keras_ = codeView(selected);
    torch_ = codeView(selected);
    grid->addWidget(kerasTitle_, 0, 0);
    grid->addWidget(torchTitle_, 0, 1);
    grid->addWidget(keras_, 1, 0);
    grid->addWidget(torch_, 1, 1);
    lookAlikes_ = new QTreeWidget(selected);
    lookAlikes_->setRootIsDecorated(false);
    lookAlikes_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    lookAlikes_->header()->setStretchLastSection(true);
    wrapRows(lookAlikes_);
    lookAlikes_->setMinimumHeight(60);
    grid->addWidget(lookAlikes_, 2, 0, 1, 2);
    grid->setRowStretch(2, 1);
    tabs_->addTab(selected, QString());

    table_ = new QTableWidget(tabs_);
    table_->setColumnCount(5);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->setVisible(false);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setWordWrap(false);
    connect(table_, &QTableWidget::cellDoubleClicked, this,
            [this](int row, int /*column*/) { emit layerActivated(row); });
    tabs_->addTab(table_, QString());
    i18n::retranslate(this, [this] {
        keras_->setToolTip(
            tr("The layer in Keras (tensorflow.keras.layers), as a person writes it"));
        torch_->setToolTip(tr("The layer in PyTorch (torch.nn, torch.nn.functional as F)"));
        lookAlikes_->setHeaderLabels({tr("Result"), tr("Framework"), tr("Look-alike setting"),
                                      tr("Keras shape"), tr("PyTorch shape"), tr("Why")});
        table_->setHorizontalHeaderLabels(
            {tr("Layer"), tr("Output"), tr("Look-alikes"), tr("Keras"), tr("PyTorch")});
        tabs_->setTabText(0, tr("Selected layer"));
        tabs_->setTabText(1, tr("All layers"));
    });
}

QSize FrameworkPanel::sizeHint() const {
    // As tall as the plots it shares its dock area with, not as its tables would like.
    return {800, 240};
}

QString FrameworkPanel::message() const {
    return message_;
}

void FrameworkPanel::setHeadline(const QString& header, const QString& message, bool warn) {
    message_ = message;
    const QString words =
        warn ? QStringLiteral("<span style='color:#b35c00'>%1</span>").arg(message.toHtmlEscaped())
             : message.toHtmlEscaped();
    title_->setText(header.isEmpty() ? words
                                     : header + QStringLiteral(" &nbsp;&middot;&nbsp; ") + words);
}

void FrameworkPanel::showLayer(const Pipeline& pipeline, int index, const PipelineReport& report) {
    pipeline_ = pipeline;  // layers are shared: this copies pointers
    report_ = report;
    index_ = index;
    refresh();
}

void FrameworkPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (stale_) {
        refresh();
    }
}

void FrameworkPanel::refresh() {
    // Only for a panel that is seen; a hidden one catches up when shown.
    if (!isVisible()) {
        stale_ = true;
        return;
    }
    stale_ = false;
    const Pipeline& pipeline = pipeline_;
    const PipelineReport& report = report_;
    const int index = index_;
    fillTable(pipeline, report);
    lookAlikes_->clear();
    keras_->clear();
    torch_->clear();
    kerasTitle_->setText(frameworkName(Framework::Keras));
    torchTitle_->setText(frameworkName(Framework::PyTorch));
    if (index < 0) {
        setHeadline(tr("<b>Input</b> %1").arg(report.input.toString()),
                    tr("Select a layer to see how Keras and PyTorch write it."), false);
        return;
    }
    auto c = compareFrameworks(pipeline, report, static_cast<std::size_t>(index));
    if (!c) {
        setHeadline(QString(), c.error().message, true);
        return;
    }
    showComparison(*c);
}

void FrameworkPanel::showComparison(const FrameworkComparison& c) {
    const QString header =
        QStringLiteral("<b>%1</b> &nbsp; <code>%2</code> &nbsp; %3 &rarr; %4")
            .arg(c.name.toHtmlEscaped(), c.type, c.input.toString(), c.output.toString());
    keras_->setPlainText(c.keras.join(QLatin1Char('\n')));
    torch_->setPlainText(c.pytorch.join(QLatin1Char('\n')));
    fitCodeViews(keras_, torch_);
    auto exactness = [](bool exact) {
        return exact ? tr("computes exactly this layer")
                     : tr("does not compute exactly this layer: see below");
    };
    kerasTitle_->setText(QStringLiteral("<b>%1</b> &nbsp; <small>%2</small>")
                             .arg(frameworkName(Framework::Keras), exactness(c.kerasExact)));
    torchTitle_->setText(QStringLiteral("<b>%1</b> &nbsp; <small>%2</small>")
                             .arg(frameworkName(Framework::PyTorch), exactness(c.torchExact)));
    for (QLabel* label : {kerasTitle_, torchTitle_}) {
        const bool exact = label == kerasTitle_ ? c.kerasExact : c.torchExact;
        label->setStyleSheet(exact ? QString() : QStringLiteral("color: #b35c00;"));
    }
    if (c.lookAlikes.empty()) {
        setHeadline(header,
                    tr("Keras and PyTorch write this layer alike; no setting that looks the "
                       "same in the other framework gives another result."),
                    false);
    } else if (c.worst() == DifferenceKind::Identical) {
        setHeadline(header,
                    tr("Settings that look alike in the two frameworks give the same result "
                       "here."),
                    false);
    } else {
        setHeadline(header,
                    tr("Careful: settings that look alike in the two frameworks give another "
                       "shape or other values here."),
                    true);
    }
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const LookAlike& l : c.lookAlikes) {
        auto* item = new QTreeWidgetItem(lookAlikes_);
        item->setIcon(KindColumn, kindIcon(l.kind));
        item->setText(KindColumn, kindText(l.kind));
        item->setText(FrameworkColumn, frameworkName(l.framework));
        item->setText(CodeColumn, l.code);
        item->setFont(CodeColumn, fixed);
        item->setText(KerasColumn, shapeText(l.kerasShape));
        item->setText(TorchColumn, shapeText(l.torchShape));
        item->setText(WhyColumn, l.explanation);
        item->setToolTip(WhyColumn, l.explanation);
        item->setToolTip(CodeColumn, l.code);
        if (l.kerasShape != l.torchShape) {
            // The shape each framework gives, marked where they differ.
            QFont bold = item->font(KerasColumn);
            bold.setBold(true);
            item->setFont(KerasColumn, bold);
            item->setFont(TorchColumn, bold);
        }
        for (int column = 0; column <= WhyColumn; ++column) {
            item->setBackground(column, kindColor(l.kind));
        }
    }
}

void FrameworkPanel::fillTable(const Pipeline& pipeline, const PipelineReport& report) {
    const int rows = static_cast<int>(std::min(pipeline.layers.size(), report.layers.size()));
    table_->setRowCount(rows);
    for (int i = 0; i < rows; ++i) {
        auto c = compareFrameworks(pipeline, report, static_cast<std::size_t>(i));
        const LayerReport& r = report.layers[static_cast<std::size_t>(i)];
        auto set = [&](int column, const QString& text) {
            auto* item = new QTableWidgetItem(text);
            item->setToolTip(text);
            table_->setItem(i, column, item);
            return item;
        };
        set(0, r.name);
        if (!c) {
            set(1, r.error ? r.error->message : QString());
            for (int column = 2; column < 5; ++column) {
                set(column, QString());
            }
            continue;
        }
        set(1, c->output.toString());
        QStringList kinds;
        for (const LookAlike& l : c->lookAlikes) {
            if (l.kind != DifferenceKind::Identical) {
                kinds << QStringLiteral("%1: %2").arg(frameworkName(l.framework), kindText(l.kind));
            }
        }
        QTableWidgetItem* marks =
            set(2, kinds.isEmpty() ? tr("no difference") : kinds.join(QLatin1Char('\n')));
        marks->setIcon(kindIcon(c->worst()));
        marks->setBackground(kindColor(c->worst()));
        set(3, c->keras.join(QLatin1Char('\n')))
            ->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        set(4, c->pytorch.join(QLatin1Char('\n')))
            ->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    }
    table_->resizeRowsToContents();
}

}  // namespace stridelab::ui
