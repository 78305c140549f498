#pragma once

#include "pipeline/element_trace.h"
#include "tensor/tensor.h"
#include "view/display_options.h"

#include <QImage>
#include <QScrollArea>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QBoxLayout;

namespace stridelab::ui {

// One step of the pipeline as a card: the input first, then each layer's output.
struct LayerCard {
    QString title;                      // e.g. "conv1 · Conv2d"
    QString shapeText;                  // e.g. "(16, 208, 208)"
    std::shared_ptr<const Tensor> map;  // nullptr: not computed (yet)
    bool stale = false;                 // drawn dimmed: a fresh result is on its way
    QString error;                      // non-empty: the card is greyed and shows this text
};

class LayerCardWidget;

// A scrollable row (or column) of layer cards. Each card shows its title, its shape and a
// thumbnail of channel 0 (or the RGB picture when the display options say so), all
// thumbnails to one scale, so the strip shows how the map shrinks and grows.
class LayerCardStrip : public QScrollArea {
    Q_OBJECT
public:
    explicit LayerCardStrip(QWidget* parent = nullptr);
    ~LayerCardStrip() override;

    // Replaces all cards; the selection is kept if that index still exists.
    void setCards(std::vector<LayerCard> cards);
    [[nodiscard]] const std::vector<LayerCard>& cards() const { return cards_; }
    [[nodiscard]] int count() const { return static_cast<int>(cards_.size()); }

    // Highlights one card (-1: none) and scrolls it into view.
    void setSelected(int index);
    [[nodiscard]] int selected() const { return selected_; }

    void setOrientation(Qt::Orientation orientation);
    [[nodiscard]] Qt::Orientation orientation() const { return orientation_; }

    void setDisplayOptions(const DisplayOptions& options);
    [[nodiscard]] const DisplayOptions& displayOptions() const { return options_; }

    // The thumbnail size of the largest map's longer side, in pixels (default 96).
    void setThumbnailExtent(int pixels);
    [[nodiscard]] int thumbnailExtent() const { return thumbnailExtent_; }

    // The widget of one card (nullptr out of range), and where its thumbnail is drawn in it
    // (empty for a card with an error or without a map). For tests and tooltips.
    [[nodiscard]] QWidget* cardWidget(int index) const;
    [[nodiscard]] QRectF thumbnailRect(int index) const;

    // The receptive-field trace of each card's map (missing or nullopt: none); the card
    // `origin` holds the clicked element. Kept across setCards.
    void setTraces(std::vector<std::optional<MapTrace>> traces, int origin);
    [[nodiscard]] const std::optional<MapTrace>& trace(int index) const;

    [[nodiscard]] QSize sizeHint() const override;

signals:
    // A card was clicked (it is selected as well).
    void cardClicked(int index);

private:
    void rebuild();
    void updateThumbnails();
    void applyOrientation();

    void applyTraces();

    std::vector<LayerCard> cards_;
    // The rendered thumbnail of each card and what it was rendered from.
    struct Thumbnail {
        std::shared_ptr<const Tensor> map;
        double scale = 0.0;
        QImage image;
        QSizeF size;
    };
    std::vector<Thumbnail> thumbnails_;
    std::vector<std::optional<MapTrace>> traces_;
    int traceOrigin_ = -1;
    std::vector<LayerCardWidget*> widgets_;
    DisplayOptions options_;
    Qt::Orientation orientation_ = Qt::Horizontal;
    int selected_ = -1;
    int thumbnailExtent_ = 96;
    QWidget* container_ = nullptr;
    QBoxLayout* layout_ = nullptr;
};

}  // namespace stridelab::ui
