#include "widgets/feature_map_view.h"

#include "view/render.h"
#include "view/trace_overlay.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <array>
#include <cmath>

namespace stridelab::ui {

namespace {

constexpr double kMargin = 8.0;   // around the grid, in screen pixels
constexpr double kSpacing = 4.0;  // between tiles at the fitted scale
constexpr double kMaxScale = 128.0;
constexpr double kKeepVisible = 32.0;    // pixels of the map that panning cannot push out
constexpr int kWheelStep = 120;          // one notch of a mouse wheel
constexpr double kHighlightScale = 6.0;  // outline the hovered pixel from this scale up

const QColor kBackground(0x3c, 0x3c, 0x3c);
const QColor kText(0xdd, 0xdd, 0xdd);
const QColor kHighlight(0xff, 0xc4, 0x00);

// Draws `image` over the whole of `tile`, only the part inside `clip`, source pixels whole, so
// a huge zoom costs what is visible. Each axis has its own scale: an image rendered at a tile's
// drawn size is rounded to whole pixels each way.
void drawTile(QPainter& painter, const QRectF& tile, const QImage& image, const QRectF& clip) {
    const QRectF visible = tile.intersected(clip);
    if (visible.isEmpty() || image.isNull()) {
        return;
    }
    const double scaleX = tile.width() / image.width();
    const double scaleY = tile.height() / image.height();
    const auto first = [](double from, double origin, double scale) {
        return static_cast<int>(std::floor((from - origin) / scale));
    };
    const auto last = [](double to, double origin, double scale) {
        return static_cast<int>(std::ceil((to - origin) / scale));
    };
    const int x0 = std::max(0, first(visible.left(), tile.left(), scaleX));
    const int y0 = std::max(0, first(visible.top(), tile.top(), scaleY));
    const int x1 = std::min(image.width(), last(visible.right(), tile.left(), scaleX));
    const int y1 = std::min(image.height(), last(visible.bottom(), tile.top(), scaleY));
    if (x1 <= x0 || y1 <= y0) {
        return;
    }
    const QRectF target(tile.left() + x0 * scaleX, tile.top() + y0 * scaleY, (x1 - x0) * scaleX,
                        (y1 - y0) * scaleY);
    painter.drawImage(target, image, QRectF(x0, y0, x1 - x0, y1 - y0));
}

}  // namespace

FeatureMapView::FeatureMapView(QWidget* parent)
    : QWidget(parent), placeholder_(tr("No feature map")), renderer_(new MapImageRenderer(this)) {
    connect(renderer_, &MapImageRenderer::ready, this, [this](const MapImages& images) {
        shown_ = images;
        if (!painting_) {
            update();
        }
    });
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void FeatureMapView::setFeatureMap(std::shared_ptr<const Tensor> map) {
    if (map == map_) {
        return;  // the same map again (a held map is never reused in place): nothing to redo
    }
    map_ = std::move(map);
    invalidateImages();
    relayout(false);
    const bool wasHovering = hover_.has_value();
    hover_.reset();
    if (map_ && mousePos_) {
        updateHover(*mousePos_);  // the value under the cursor has changed
    }
    if (wasHovering && !hover_) {
        emit hoverLeft();
    }
}

void FeatureMapView::setDisplayOptions(const DisplayOptions& options) {
    if (options == options_) {
        return;
    }
    options_ = options;
    invalidateImages();
    relayout(false);
}

void FeatureMapView::setStale(bool stale) {
    if (stale != stale_) {
        stale_ = stale;
        update();
    }
}

void FeatureMapView::setSingleChannel(int channel) {
    singleChannel_ = channel;
    relayout(false);
}

void FeatureMapView::showAllChannels() {
    singleChannel_.reset();
    relayout(false);
}

void FeatureMapView::setPlaceholderText(const QString& text) {
    placeholder_ = text;
    update();
}

void FeatureMapView::fitToView() {
    relayout(true);
}

void FeatureMapView::zoomAt(int steps, QPointF anchor) {
    if (layout_.isEmpty() || steps == 0) {
        return;
    }
    const ChannelGridLayout fitted = ChannelGridLayout::fit(currentSpec(), viewArea(), kSpacing);
    const double minScale = std::min(fitted.scale(), 1.0) / 4.0;
    const double maxScale = std::max(kMaxScale, fitted.scale());
    const double scale = zoomStep(layout_.scale(), steps, minScale, maxScale);
    if (scale == layout_.scale()) {
        return;
    }
    ChannelGridLayout zoomed = layout_.zoomedAt(scale, anchor);
    if (scale >= 1.0) {
        // Whole-pixel origins keep every map pixel exactly `scale` screen pixels wide; pick
        // the rounding that leaves the same map pixel under the anchor.
        const auto wanted = zoomed.hitTest(anchor);
        const QPointF o = zoomed.origin();
        const std::array<double, 3> xs = {std::round(o.x()), std::floor(o.x()), std::ceil(o.x())};
        const std::array<double, 3> ys = {std::round(o.y()), std::floor(o.y()), std::ceil(o.y())};
        bool snapped = false;
        for (const double x : xs) {
            for (const double y : ys) {
                const ChannelGridLayout candidate = zoomed.withOrigin(QPointF(x, y));
                if (!snapped && candidate.hitTest(anchor) == wanted) {
                    zoomed = candidate;
                    snapped = true;
                }
            }
        }
    }
    fitted_ = false;
    applyLayout(zoomed);
}

std::optional<MapPosition> FeatureMapView::positionAt(QPointF point) const {
    if (!map_) {
        return std::nullopt;
    }
    std::optional<MapPosition> position = layout_.hitTest(point);
    if (position) {
        position->channel = tensorChannel(position->channel);
    }
    return position;
}

void FeatureMapView::setTrace(std::optional<MapTrace> trace, bool isOrigin) {
    trace_ = std::move(trace);
    traceIsOrigin_ = isOrigin;
    update();
}

QRectF FeatureMapView::elementRect(const MapPosition& position) const {
    if (!map_) {
        return {};
    }
    const GridSpec spec = currentSpec();
    for (int tile = 0; tile < spec.channels; ++tile) {
        if (tensorChannel(tile) == position.channel) {
            return layout_.pixelRect({tile, position.row, position.col});
        }
    }
    return {};
}

QSize FeatureMapView::sizeHint() const {
    return {480, 360};
}

QSize FeatureMapView::minimumSizeHint() const {
    return {120, 90};
}

void FeatureMapView::paintEvent(QPaintEvent* event) {
    QPainter painter(this);
    painter.fillRect(event->rect(), kBackground);
    if (!map_ || layout_.isEmpty()) {
        painter.setPen(kText);
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, placeholder_);
        return;
    }
    // No SmoothPixmapTransform: enlarged, map pixels stay sharp squares; shrunk, the tiles
    // come already averaged to the size they are drawn at (MapImagesKey).
    painter.setOpacity(stale_ ? 0.35 : 1.0);
    const GridSpec spec = currentSpec();
    const QRectF clip(event->rect());
    painting_ = true;
    const MapImages* images = imagesToDraw();
    painting_ = false;
    for (int tile = 0; images != nullptr && tile < spec.channels; ++tile) {
        const auto index = static_cast<std::size_t>(showsRgb() ? 0 : tensorChannel(tile));
        const QRectF rect = layout_.tileRect(tile);
        if (index < images->images.size() && rect.intersects(clip)) {
            drawTile(painter, rect, images->images[index], clip);
        }
    }
    painter.setOpacity(1.0);
    if (trace_ && trace_->shape.h == map_->shape().h && trace_->shape.w == map_->shape().w) {
        for (int tile = 0; tile < spec.channels; ++tile) {
            paintTrace(painter, *trace_, layout_.tileRect(tile), traceIsOrigin_);
        }
    }
    if (hover_ && layout_.scale() >= kHighlightScale) {
        painter.setPen(QPen(kHighlight, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(elementRect(*hover_).adjusted(1, 1, -1, -1));
    }
    if (stale_) {
        painter.setPen(kText);
        painter.drawText(rect().adjusted(6, 4, -6, -4), Qt::AlignTop | Qt::AlignLeft,
                         tr("Updating…"));
    }
}

void FeatureMapView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (fitted_) {
        relayout(true);
    } else {
        applyLayout(layout_);
    }
}

void FeatureMapView::wheelEvent(QWheelEvent* event) {
    wheelRemainder_ += event->angleDelta().y();
    const int steps = wheelRemainder_ / kWheelStep;
    wheelRemainder_ -= steps * kWheelStep;
    if (steps != 0) {
        zoomAt(steps, event->position());
    }
    event->accept();
}

void FeatureMapView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && map_) {
        dragFrom_ = event->position();
        pressedAt_ = event->position();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void FeatureMapView::mouseMoveEvent(QMouseEvent* event) {
    const QPointF point = event->position();
    if (dragFrom_ && (event->buttons() & Qt::LeftButton)) {
        if (pressedAt_ &&
            (point - *pressedAt_).manhattanLength() >= QApplication::startDragDistance()) {
            pressedAt_.reset();
        }
        const QPointF delta = point - *dragFrom_;
        dragFrom_ = point;
        fitted_ = false;
        applyLayout(layout_.translated(delta));
    }
    mousePos_ = point;
    updateHover(point);
}

void FeatureMapView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && dragFrom_) {
        dragFrom_.reset();
        unsetCursor();
        if (pressedAt_) {
            pressedAt_.reset();
            if (const auto position = positionAt(event->position())) {
                emit elementClicked(*position);
            } else {
                emit backgroundClicked();
            }
        }
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void FeatureMapView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        fitToView();
        event->accept();
        return;
    }
    QWidget::mouseDoubleClickEvent(event);
}

void FeatureMapView::keyPressEvent(QKeyEvent* event) {
    const QPointF centre = viewArea().center();
    const bool ctrl = (event->modifiers() & Qt::ControlModifier) != 0;
    if (event->matches(QKeySequence::ZoomIn) ||
        (ctrl && (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal))) {
        zoomAt(1, centre);
    } else if (event->matches(QKeySequence::ZoomOut) || (ctrl && event->key() == Qt::Key_Minus)) {
        zoomAt(-1, centre);
    } else if (event->key() == Qt::Key_0) {
        fitToView();
    } else {
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void FeatureMapView::leaveEvent(QEvent* event) {
    QWidget::leaveEvent(event);
    mousePos_.reset();
    clearHover();
}

bool FeatureMapView::singleChannelValid() const {
    return map_ && singleChannel_ && *singleChannel_ >= 0 && *singleChannel_ < map_->shape().c;
}

bool FeatureMapView::showsRgb() const {
    return map_ && !singleChannelValid() && showsAsRgb(map_->shape(), options_);
}

GridSpec FeatureMapView::currentSpec() const {
    if (!map_ || map_->empty()) {
        return {};
    }
    const Shape& s = map_->shape();
    const int tiles = showsRgb() || singleChannelValid() ? 1 : static_cast<int>(s.c);
    return {tiles, static_cast<int>(s.h), static_cast<int>(s.w)};
}

int FeatureMapView::tensorChannel(int tile) const {
    if (showsRgb()) {
        return 0;
    }
    return singleChannelValid() ? *singleChannel_ : tile;
}

QRectF FeatureMapView::viewArea() const {
    return QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
}

void FeatureMapView::relayout(bool forceFit) {
    const GridSpec spec = currentSpec();
    if (forceFit || fitted_ || spec != layout_.spec()) {
        fitted_ = true;
        applyLayout(ChannelGridLayout::fit(spec, viewArea(), kSpacing));
    } else {
        update();
    }
}

void FeatureMapView::applyLayout(const ChannelGridLayout& layout) {
    layout_ = fitted_ ? layout : layout.keptInView(QRectF(rect()), kKeepVisible);
    if (mousePos_ && !dragFrom_) {
        updateHover(*mousePos_);
    }
    update();
}

const MapImages* FeatureMapView::imagesToDraw() {
    MapImagesKey wanted{map_, options_, showsRgb()};
    if (!layout_.isEmpty() && map_) {
        // In device pixels: on a high-density screen a map shrinks only below its ratio.
        const QSizeF drawn = layout_.tileRect(0).size() * devicePixelRatioF();
        const QSize size(std::max(1, qRound(drawn.width())), std::max(1, qRound(drawn.height())));
        if (size.width() < map_->shape().w || size.height() < map_->shape().h) {
            wanted.drawnSize = size;
        }
    }
    if (!(shown_.key == wanted)) {
        renderer_->request(wanted);  // may set shown_ at once
    }
    if (shown_.key == wanted) {
        return &shown_;
    }
    // Another map of the same shape drawn the same way: its tiles stand in until the new ones
    // arrive, so the view never flashes empty between two runs.
    const bool sameLayout = shown_.key.map && map_ && shown_.key.map->shape() == map_->shape() &&
                            shown_.key.rgb == wanted.rgb;
    return sameLayout ? &shown_ : nullptr;
}

void FeatureMapView::invalidateImages() {
    update();
}

void FeatureMapView::updateHover(QPointF point) {
    const std::optional<MapPosition> position = positionAt(point);
    if (position == hover_) {
        return;
    }
    if (!position) {
        clearHover();
        return;
    }
    hover_ = position;
    update();
    emit hovered(position->channel, position->row, position->col,
                 map_->at(position->channel, position->row, position->col));
}

void FeatureMapView::clearHover() {
    if (hover_) {
        hover_.reset();
        update();
        emit hoverLeft();
    }
}

}  // namespace stridelab::ui
