#include "panels/layer_stack_model.h"

#include <QBrush>
#include <QDataStream>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIODevice>
#include <QMimeData>
#include <QPalette>

namespace stridelab::ui {

namespace {

// Dark enough to read on white and on a washed-out projector image.
const QColor kInvalidColor(0xc6, 0x28, 0x28);

// Halfway between text and background: clearly greyed, still legible on a projector (the
// palette's disabled text is too faint there).
QColor unreachableColor() {
    const QPalette palette = QGuiApplication::palette();
    const QColor a = palette.color(QPalette::Active, QPalette::Text);
    const QColor b = palette.color(QPalette::Active, QPalette::Base);
    return QColor::fromRgbF((a.redF() + b.redF()) / 2.0F, (a.greenF() + b.greenF()) / 2.0F,
                            (a.blueF() + b.blueF()) / 2.0F);
}

}  // namespace

QString shapeText(const Shape& shape, LayerStackModel::ShapeNotation notation) {
    return notation == LayerStackModel::ShapeNotation::Keras ? shape.toKerasString()
                                                             : shape.toString();
}

QString describeInput(const InputSpec& input) {
    switch (input.kind) {
        case InputKind::Shape:
            return LayerStackModel::tr("shape only");
        case InputKind::Tensor:
            return QFileInfo(input.source).fileName();
        case InputKind::Image:
            break;
    }
    QString text = input.source.startsWith(QStringLiteral("builtin:"))
                       ? input.source
                       : QFileInfo(input.source).fileName();
    text +=
        QLatin1Char(' ') + colorModeNames().at(static_cast<qsizetype>(input.effectiveColorMode()));
    if (input.resize) {
        text += QStringLiteral(" %1x%2").arg(input.resize->h).arg(input.resize->w);
    }
    return text;
}

QString LayerStackModel::rowMimeType() {
    return QStringLiteral("application/x-stridelab-layer-row");
}

LayerStackModel::LayerStackModel(QObject* parent) : QAbstractListModel(parent) {
    rows_.push_back(Row{tr("input"), QStringLiteral("input"), {}, {}, {}, {}, false});
}

void LayerStackModel::setPipeline(const Pipeline& pipeline, const PipelineReport& report) {
    beginResetModel();
    rows_.clear();
    rows_.reserve(pipeline.layers.size() + 1);
    input_ = pipeline.input;
    // The name shown is a translation; the type stays the reserved name "input".
    rows_.push_back(Row{tr("input"),
                        QStringLiteral("input"),
                        describeInput(pipeline.input),
                        report.input,
                        {},
                        State::Valid,
                        true});
    // A report describes this pipeline only if it has the same layers by name and type.
    bool reportMatches = report.layers.size() == pipeline.layers.size();
    for (std::size_t i = 0; reportMatches && i < pipeline.layers.size(); ++i) {
        reportMatches = report.layers[i].name == pipeline.layers[i].name &&
                        report.layers[i].type == pipeline.layers[i].layer->type();
    }
    for (std::size_t i = 0; i < pipeline.layers.size(); ++i) {
        const PipelineLayer& layer = pipeline.layers[i];
        Row row{layer.name,   layer.layer->type(), layer.layer->describe(), {}, {},
                State::Valid, reportMatches};
        if (reportMatches) {
            const LayerReport& r = report.layers[i];
            if (r.shape) {
                row.shape = r.shape->output;
            }
            if (r.error) {
                row.error = r.error->message;
                row.state = r.ownError ? State::Invalid : State::Unreachable;
            }
        }
        rows_.push_back(std::move(row));
    }
    endResetModel();
}

void LayerStackModel::setShapeNotation(ShapeNotation notation) {
    if (notation == notation_) {
        return;
    }
    notation_ = notation;
    if (!rows_.empty()) {
        emit dataChanged(index(0), index(rowCount() - 1), {ShapeTextRole, Qt::ToolTipRole});
    }
}

void LayerStackModel::retranslate() {
    rows_.front().name = tr("input");
    if (rows_.front().known) {
        rows_.front().description = describeInput(input_);
    }
    emit dataChanged(index(0), index(rowCount() - 1));
}

int LayerStackModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QString LayerStackModel::rowShapeText(const Row& row) const {
    if (!row.known) {
        return QStringLiteral("\u2026");
    }
    switch (row.state) {
        case State::Invalid:
            return tr("invalid");
        case State::Unreachable:
            return QStringLiteral("\u2014");
        case State::Valid:
            break;
    }
    return row.shape ? shapeText(*row.shape, notation_) : QString();
}

QString LayerStackModel::toolTip(const Row& row) const {
    if (row.state != State::Valid) {
        return row.error;
    }
    QString text = row.type;
    if (!row.description.isEmpty()) {
        text += QStringLiteral(": ") + row.description;
    }
    if (row.known && row.shape) {
        text += QLatin1Char('\n') + tr("output %1").arg(shapeText(*row.shape, notation_));
    }
    return text;
}

QVariant LayerStackModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole:
            return row.name;
        case Qt::ToolTipRole:
            return toolTip(row);
        case Qt::ForegroundRole:
            if (row.state == State::Invalid) {
                return QBrush(kInvalidColor);
            }
            if (row.state == State::Unreachable) {
                return QBrush(unreachableColor());
            }
            return {};
        case TypeRole:
            return row.type;
        case DescriptionRole:
            return row.description;
        case ShapeTextRole:
            return rowShapeText(row);
        case ErrorRole:
            return row.state == State::Invalid ? row.error : QString();
        case StateRole:
            return QVariant::fromValue(row.state);
        default:
            return {};
    }
}

Qt::ItemFlags LayerStackModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) {
        // Drops land between rows, never on one.
        return Qt::ItemIsDropEnabled;
    }
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.row() > 0) {
        f |= Qt::ItemIsDragEnabled;
    }
    return f;
}

QHash<int, QByteArray> LayerStackModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TypeRole, "type");
    names.insert(DescriptionRole, "description");
    names.insert(ShapeTextRole, "shapeText");
    names.insert(ErrorRole, "error");
    names.insert(StateRole, "state");
    return names;
}

Qt::DropActions LayerStackModel::supportedDragActions() const {
    return Qt::MoveAction;
}

Qt::DropActions LayerStackModel::supportedDropActions() const {
    return Qt::MoveAction;
}

QStringList LayerStackModel::mimeTypes() const {
    return {rowMimeType()};
}

QMimeData* LayerStackModel::mimeData(const QModelIndexList& indexes) const {
    // One layer at a time: the view selects single rows.
    if (indexes.size() != 1 || !checkIndex(indexes.front(), CheckIndexOption::IndexIsValid) ||
        indexes.front().row() == 0) {
        return nullptr;
    }
    QByteArray encoded;
    QDataStream stream(&encoded, QIODevice::WriteOnly);
    // The model's address keeps a row dragged from another window from landing here.
    stream << quint64(reinterpret_cast<quintptr>(this)) << qint32(indexes.front().row());
    auto* data = new QMimeData;
    data->setData(rowMimeType(), encoded);
    return data;
}

int LayerStackModel::draggedLayer(const QMimeData* data) const {
    if (data == nullptr || !data->hasFormat(rowMimeType())) {
        return -1;
    }
    QByteArray encoded = data->data(rowMimeType());
    QDataStream stream(&encoded, QIODevice::ReadOnly);
    quint64 model = 0;
    qint32 row = -1;
    stream >> model >> row;
    if (stream.status() != QDataStream::Ok || model != quint64(reinterpret_cast<quintptr>(this)) ||
        row < 1 || row >= rowCount()) {
        return -1;
    }
    return layerOfRow(row);
}

int LayerStackModel::dropTarget(int fromLayer, int row) const {
    const int count = layerCount();
    if (fromLayer < 0 || fromLayer >= count) {
        return -1;
    }
    // Before the input means first; -1 or past the end means last.
    const int beforeLayer = row < 0 || row > count ? count : std::max(layerOfRow(row), 0);
    // Inserting before a later layer: taking this one out first shifts that one up by one.
    const int to = beforeLayer > fromLayer ? beforeLayer - 1 : beforeLayer;
    return to == fromLayer ? -1 : to;
}

bool LayerStackModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int row,
                                      int /*column*/, const QModelIndex& parent) const {
    if (action != Qt::MoveAction) {
        return false;
    }
    // Between rows (row >= 0, no parent), at the end (-1), or onto a row (-1, the row).
    return draggedLayer(data) >= 0 && !(parent.isValid() && row >= 0);
}

bool LayerStackModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row,
                                   int column, const QModelIndex& parent) {
    if (!canDropMimeData(data, action, row, column, parent)) {
        return false;
    }
    const int from = draggedLayer(data);
    // Dropped onto an item: before it, as QAbstractListModel does.
    const int before = row < 0 && parent.isValid() ? parent.row() : row;
    const int to = dropTarget(from, before);
    if (to < 0) {
        return false;
    }
    emit moveRequested(from, to);
    return true;
}

}  // namespace stridelab::ui
