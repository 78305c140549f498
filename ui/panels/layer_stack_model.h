#pragma once

// The layer stack as a list: row 0 is the input, row i the pipeline's layer i - 1, each with
// its output shape from the latest analysis. The model is read-only: edits, drops included,
// go to the document, and the owner re-sets the model from the changed document.

#include "pipeline/pipeline_analysis.h"

#include <QAbstractListModel>

namespace stridelab::ui {

class LayerStackModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        TypeRole = Qt::UserRole + 1,  // "conv2d"; "input" for the input row
        DescriptionRole,              // key parameters: "8 3x3 /2 same relu"
        ShapeTextRole,                // output shape; "invalid"; "—" after a broken layer
        ErrorRole,                    // the layer's own error, else empty
        StateRole,                    // State
    };
    Q_ENUM(Role)

    enum class State {
        Valid,
        Invalid,      // the layer has an error of its own
        Unreachable,  // a layer before it is invalid, so it has no input
    };
    Q_ENUM(State)

    enum class ShapeNotation {
        ChannelsFirst,  // (C, H, W), PyTorch's
        Keras,          // (None, H, W, C)
    };
    Q_ENUM(ShapeNotation)

    // The private MIME type of a dragged layer row.
    static QString rowMimeType();

    explicit LayerStackModel(QObject* parent = nullptr);

    // Replaces everything (a model reset). `report` is analyzePipeline(pipeline, ...); a layer
    // the report does not describe (a report older than the pipeline) shows no shape yet.
    void setPipeline(const Pipeline& pipeline, const PipelineReport& report);
    void setShapeNotation(ShapeNotation notation);
    // After a language switch: the input row and every row's texts in the new language.
    void retranslate();
    [[nodiscard]] ShapeNotation shapeNotation() const { return notation_; }

    [[nodiscard]] int layerCount() const { return static_cast<int>(rows_.size()) - 1; }
    // Row <-> layer index; the input row is layer -1.
    [[nodiscard]] static int layerOfRow(int row) { return row - 1; }
    [[nodiscard]] static int rowOfLayer(int layer) { return layer + 1; }

    [[nodiscard]] int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] Qt::DropActions supportedDragActions() const override;
    [[nodiscard]] Qt::DropActions supportedDropActions() const override;
    [[nodiscard]] QStringList mimeTypes() const override;
    [[nodiscard]] QMimeData* mimeData(const QModelIndexList& indexes) const override;
    [[nodiscard]] bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row,
                                       int column, const QModelIndex& parent) const override;
    // A layer row dropped before `row` (or onto the item `parent`, or at the end for row -1)
    // emits moveRequested and returns true; the model itself does not change.
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

    // The layer index a drop of layer `fromLayer` before `row` moves it to (for
    // PipelineDocument::moveLayer), or -1 when the drop would not move it.
    [[nodiscard]] int dropTarget(int fromLayer, int row) const;

signals:
    // Layer indices, 0-based: take layer `fromLayer` out and insert it at `toLayer` of the
    // remaining list (PipelineDocument::moveLayer's meaning).
    void moveRequested(int fromLayer, int toLayer);

private:
    struct Row {
        QString name;
        QString type;
        QString description;
        std::optional<Shape> shape;  // the output; nothing when invalid or unknown
        QString error;               // own error, or why it was not computed
        State state = State::Valid;
        bool known = true;  // false: the report does not cover this layer yet
    };

    [[nodiscard]] QString rowShapeText(const Row& row) const;
    [[nodiscard]] QString toolTip(const Row& row) const;
    // The source layer of a drag of this model, or -1.
    [[nodiscard]] int draggedLayer(const QMimeData* data) const;

    std::vector<Row> rows_;
    InputSpec input_;  // for the input row's description
    ShapeNotation notation_ = ShapeNotation::ChannelsFirst;
};

// "(3, 224, 224)" or "(None, 224, 224, 3)".
[[nodiscard]] QString shapeText(const Shape& shape, LayerStackModel::ShapeNotation notation);
// The input as one line: "builtin:zone_plate grayscale 128x128", "x.npy", "shape only".
[[nodiscard]] QString describeInput(const InputSpec& input);

}  // namespace stridelab::ui
