#pragma once

#include "pipeline/element_trace.h"
#include "tensor/tensor.h"
#include "view/channel_grid_layout.h"
#include "view/display_options.h"
#include "view/map_images.h"

#include <QImage>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

namespace stridelab::ui {

// One feature map on screen: all its channels as a grid of tiles, one channel alone, or (for
// a 3-channel map with DisplayOptions::rgb) one RGB picture. Map pixels are drawn as sharp
// squares (nearest neighbour). Wheel zooms around the cursor, Ctrl++ / Ctrl+- around the
// centre, dragging pans, a double-click or the 0 key fits the map to the widget again.
// Geometry comes from ChannelGridLayout and pixels from render(); this class is glue.
class FeatureMapView : public QWidget {
    Q_OBJECT
public:
    explicit FeatureMapView(QWidget* parent = nullptr);

    // nullptr clears the view and shows the placeholder text. A map of the same shape as the
    // previous one keeps the zoom and pan; another shape fits the view again.
    void setFeatureMap(std::shared_ptr<const Tensor> map);
    [[nodiscard]] const std::shared_ptr<const Tensor>& featureMap() const { return map_; }

    void setDisplayOptions(const DisplayOptions& options);
    [[nodiscard]] const DisplayOptions& displayOptions() const { return options_; }

    // Draws the map dimmed while a fresh result is being computed.
    void setStale(bool stale);
    [[nodiscard]] bool isStale() const { return stale_; }

    // Shows one channel alone (ignored if out of range when drawn) / all channels again.
    void setSingleChannel(int channel);
    void showAllChannels();
    // The channel shown alone, or nullopt when all channels are shown.
    [[nodiscard]] std::optional<int> singleChannel() const { return singleChannel_; }

    void setPlaceholderText(const QString& text);
    [[nodiscard]] QString placeholderText() const { return placeholder_; }

    // Fits the map into the widget (the 0 key and double-click).
    void fitToView();
    // Zooms by `steps` (see zoomStep) keeping the map point under `anchor` in place.
    void zoomAt(int steps, QPointF anchor);

    // The map element under a widget position, if any; channel is the tensor's channel index
    // (0 for the RGB picture).
    [[nodiscard]] std::optional<MapPosition> positionAt(QPointF point) const;
    // Where things are on screen now (for tests and overlays).
    [[nodiscard]] const ChannelGridLayout& layout() const { return layout_; }
    // The screen rectangle of a map element, empty when that channel is not shown.
    [[nodiscard]] QRectF elementRect(const MapPosition& position) const;

    // The receptive-field trace drawn over every tile (nullopt: none). `isOrigin`: this map
    // holds the clicked element.
    void setTrace(std::optional<MapTrace> trace, bool isOrigin);
    [[nodiscard]] const std::optional<MapTrace>& trace() const { return trace_; }

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

signals:
    // The mouse is over element (row, col) of `channel`, whose value is `value`.
    void hovered(int channel, int row, int col, float value);
    // The mouse left the map (onto a gap, the background or out of the widget).
    void hoverLeft();
    // A click (press and release without dragging) on an element / on no element.
    void elementClicked(const stridelab::ui::MapPosition& position);
    void backgroundClicked();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    [[nodiscard]] bool singleChannelValid() const;
    [[nodiscard]] bool showsRgb() const;
    [[nodiscard]] GridSpec currentSpec() const;
    [[nodiscard]] int tensorChannel(int tile) const;
    [[nodiscard]] QRectF viewArea() const;
    void relayout(bool forceFit);
    void applyLayout(const ChannelGridLayout& layout);
    // The images to draw now: those of the current map, or while they render off the GUI
    // thread, the previous map's when it had the same shape (drawn as they were); null if none.
    [[nodiscard]] const MapImages* imagesToDraw();
    void invalidateImages();
    void updateHover(QPointF point);
    void clearHover();

    std::shared_ptr<const Tensor> map_;
    DisplayOptions options_;
    bool stale_ = false;
    std::optional<int> singleChannel_;
    QString placeholder_;

    ChannelGridLayout layout_;
    bool fitted_ = true;  // follows the widget's size until the user zooms or pans
    int wheelRemainder_ = 0;
    std::optional<QPointF> dragFrom_;
    std::optional<QPointF> pressedAt_;  // where a click began, until the mouse moves away
    std::optional<QPointF> mousePos_;   // last position over the widget, for re-hovering
    std::optional<MapPosition> hover_;
    std::optional<MapTrace> trace_;
    bool traceIsOrigin_ = false;

    // Rendered tiles, one per tensor channel (or one RGB picture): at one image pixel per map
    // element, or, shrunk, at the size they are drawn (`shown_.key`); re-rendered (on the
    // thread pool for large maps) when the map, the display options or that size change.
    MapImageRenderer* renderer_;
    MapImages shown_;
    bool painting_ = false;
};

}  // namespace stridelab::ui
