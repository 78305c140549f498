#include "widgets/layer_card_strip.h"

#include "view/render.h"
#include "view/thumbnail_scale.h"
#include "view/trace_overlay.h"

#include <QBoxLayout>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStyle>

#include <algorithm>
#include <cmath>
#include <functional>

namespace stridelab::ui {

namespace {

constexpr int kPadding = 8;
constexpr int kMinTextWidth = 150;
constexpr int kCardSpacing = 6;

const QColor kThumbBackground(0x3c, 0x3c, 0x3c);
const QColor kThumbOutline(0x9a, 0x9a, 0x9a);

// Title and shape lines above a square box for the thumbnail.
QSize cardSizeFor(const QFontMetrics& fm, int extent) {
    const int width = std::max(extent, kMinTextWidth) + 2 * kPadding;
    const int height = kPadding + 2 * fm.height() + kPadding / 2 + extent + kPadding;
    return {width, height};
}

}  // namespace

// One card. Painted by hand rather than built from labels: the thumbnail has to be drawn at
// an exact, fractional size with sharp pixels.
class LayerCardWidget : public QWidget {
public:
    explicit LayerCardWidget(QWidget* parent) : QWidget(parent) {
        setCursor(Qt::PointingHandCursor);
        setAttribute(Qt::WA_OpaquePaintEvent);
    }

    void setContent(const LayerCard& card, QImage thumbnail, QSizeF thumbSize, int extent) {
        card_ = card;
        thumbnail_ = std::move(thumbnail);
        thumbSize_ = thumbSize;
        extent_ = extent;
        setToolTip(card.error.isEmpty() ? card.title + QLatin1Char('\n') + card.shapeText
                                        : card.title + QLatin1Char('\n') + card.error);
        setFixedSize(cardSize());
        update();
    }

    void setSelected(bool selected) {
        if (selected != selected_) {
            selected_ = selected;
            update();
        }
    }

    void setTrace(const std::optional<MapTrace>& trace, bool isOrigin) {
        trace_ = trace;
        traceIsOrigin_ = isOrigin;
        update();
    }

    void setOnClick(std::function<void()> onClick) { onClick_ = std::move(onClick); }

    [[nodiscard]] QSize cardSize() const { return cardSizeFor(fontMetrics(), extent_); }

    // The square every thumbnail is centred in: the same for all cards, so sizes compare.
    [[nodiscard]] QRect thumbnailBox() const {
        const QFontMetrics fm = fontMetrics();
        const int top = kPadding + 2 * fm.height() + kPadding / 2;
        return {(width() - extent_) / 2, top, extent_, extent_};
    }

    [[nodiscard]] QRectF thumbnailRect() const {
        if (!card_.error.isEmpty() || thumbnail_.isNull()) {
            return {};
        }
        const QRect box = thumbnailBox();
        const double x = std::floor(box.left() + (box.width() - thumbSize_.width()) / 2.0);
        const double y = std::floor(box.top() + (box.height() - thumbSize_.height()) / 2.0);
        return {x, y, thumbSize_.width(), thumbSize_.height()};
    }

protected:
    void paintEvent(QPaintEvent* /*event*/) override {
        QPainter painter(this);
        const bool failed = !card_.error.isEmpty();
        const QPalette::ColorGroup group = failed ? QPalette::Disabled : QPalette::Active;
        painter.fillRect(rect(), palette().color(group, QPalette::Base));
        painter.setPen(selected_ ? QPen(palette().color(QPalette::Highlight), 3)
                                 : QPen(palette().color(group, QPalette::Mid), 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));

        const QFontMetrics fm = fontMetrics();
        const QRect textRect(kPadding, kPadding, width() - 2 * kPadding, fm.height());
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        painter.setPen(palette().color(group, QPalette::Text));
        painter.drawText(
            textRect, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(bold).elidedText(card_.title, Qt::ElideRight, textRect.width()));
        painter.setFont(font());
        painter.drawText(textRect.translated(0, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(card_.shapeText, Qt::ElideRight, textRect.width()));

        const QRect box = thumbnailBox();
        if (failed) {
            painter.setPen(palette().color(QPalette::Disabled, QPalette::Text));
            painter.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, card_.error);
            return;
        }
        painter.fillRect(box, kThumbBackground);
        const QRectF thumb = thumbnailRect();
        if (thumb.isEmpty()) {
            painter.setPen(kThumbOutline);
            painter.drawText(box, Qt::AlignCenter, QStringLiteral("—"));
            return;
        }
        // No smoothing: a shrunk map comes resampled to this size (to within rounding), and
        // enlarged, its pixels stay sharp.
        painter.setOpacity(card_.stale ? 0.35 : 1.0);
        painter.drawImage(thumb, thumbnail_);
        painter.setOpacity(1.0);
        if (trace_ && card_.map && trace_->shape.h == card_.map->shape().h &&
            trace_->shape.w == card_.map->shape().w) {
            paintTrace(painter, *trace_, thumb, traceIsOrigin_);
        }
        // An outline, so that a map of a few pixels is still found at a glance.
        painter.setPen(QPen(kThumbOutline, 0));
        painter.drawRect(thumb.adjusted(-1, -1, 0, 0));
    }

    // A click is a press and a release on the card, as for a button.
    void mousePressEvent(QMouseEvent* event) override {
        pressed_ = event->button() == Qt::LeftButton;
        event->setAccepted(pressed_);
    }

    void mouseReleaseEvent(QMouseEvent* event) override {
        const bool click = pressed_ && event->button() == Qt::LeftButton &&
                           rect().contains(event->position().toPoint());
        pressed_ = false;
        event->setAccepted(click);
        if (click && onClick_) {
            onClick_();
        }
    }

private:
    LayerCard card_;
    QImage thumbnail_;
    QSizeF thumbSize_;
    int extent_ = 96;
    bool selected_ = false;
    bool pressed_ = false;
    std::optional<MapTrace> trace_;
    bool traceIsOrigin_ = false;
    std::function<void()> onClick_;
};

LayerCardStrip::LayerCardStrip(QWidget* parent)
    : QScrollArea(parent),
      container_(new QWidget),
      layout_(new QBoxLayout(QBoxLayout::LeftToRight)) {
    layout_->setContentsMargins(kCardSpacing, kCardSpacing, kCardSpacing, kCardSpacing);
    layout_->setSpacing(kCardSpacing);
    container_->setLayout(layout_);
    setWidget(container_);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    applyOrientation();
}

LayerCardStrip::~LayerCardStrip() = default;

void LayerCardStrip::setCards(std::vector<LayerCard> cards) {
    cards_ = std::move(cards);
    if (selected_ >= count()) {
        selected_ = -1;
    }
    rebuild();
}

void LayerCardStrip::setSelected(int index) {
    selected_ = index >= 0 && index < count() ? index : -1;
    for (std::size_t i = 0; i < widgets_.size(); ++i) {
        widgets_[i]->setSelected(static_cast<int>(i) == selected_);
    }
    if (selected_ >= 0) {
        ensureWidgetVisible(widgets_[static_cast<std::size_t>(selected_)], kCardSpacing,
                            kCardSpacing);
    }
}

void LayerCardStrip::setOrientation(Qt::Orientation orientation) {
    if (orientation != orientation_) {
        orientation_ = orientation;
        applyOrientation();
    }
}

void LayerCardStrip::setDisplayOptions(const DisplayOptions& options) {
    if (options != options_) {
        options_ = options;
        thumbnails_.clear();
        updateThumbnails();
    }
}

void LayerCardStrip::setThumbnailExtent(int pixels) {
    pixels = std::max(pixels, 8);
    if (pixels != thumbnailExtent_) {
        thumbnailExtent_ = pixels;
        thumbnails_.clear();
        updateThumbnails();
    }
}

QWidget* LayerCardStrip::cardWidget(int index) const {
    return index >= 0 && index < count() ? widgets_[static_cast<std::size_t>(index)] : nullptr;
}

QRectF LayerCardStrip::thumbnailRect(int index) const {
    return index >= 0 && index < count()
               ? widgets_[static_cast<std::size_t>(index)]->thumbnailRect()
               : QRectF();
}

QSize LayerCardStrip::sizeHint() const {
    const QSize card = cardSizeFor(fontMetrics(), thumbnailExtent_);
    const int extra = 2 * kCardSpacing + style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    if (orientation_ == Qt::Horizontal) {
        return {4 * (card.width() + kCardSpacing), card.height() + extra};
    }
    return {card.width() + extra, 4 * (card.height() + kCardSpacing)};
}

void LayerCardStrip::rebuild() {
    while (widgets_.size() > cards_.size()) {
        delete widgets_.back();
        widgets_.pop_back();
    }
    while (widgets_.size() < cards_.size()) {
        auto* card = new LayerCardWidget(container_);
        const int index = static_cast<int>(widgets_.size());
        card->setOnClick([this, index] {
            setSelected(index);
            emit cardClicked(index);
        });
        layout_->insertWidget(index, card);
        widgets_.push_back(card);
    }
    updateThumbnails();
    applyTraces();
    setSelected(selected_);
}

void LayerCardStrip::setTraces(std::vector<std::optional<MapTrace>> traces, int origin) {
    traces_ = std::move(traces);
    traceOrigin_ = origin;
    applyTraces();
}

const std::optional<MapTrace>& LayerCardStrip::trace(int index) const {
    static const std::optional<MapTrace> none;
    return index >= 0 && index < static_cast<int>(traces_.size())
               ? traces_[static_cast<std::size_t>(index)]
               : none;
}

void LayerCardStrip::applyTraces() {
    for (std::size_t i = 0; i < widgets_.size(); ++i) {
        widgets_[i]->setTrace(trace(static_cast<int>(i)), static_cast<int>(i) == traceOrigin_);
    }
}

void LayerCardStrip::updateThumbnails() {
    std::vector<stridelab::Shape> shapes;
    for (const LayerCard& card : cards_) {
        if (card.map && card.error.isEmpty()) {
            shapes.push_back(card.map->shape());
        }
    }
    const double scale = thumbnailScale(shapes, thumbnailExtent_);
    thumbnails_.resize(cards_.size());
    for (std::size_t i = 0; i < cards_.size(); ++i) {
        const LayerCard& card = cards_[i];
        Thumbnail& cached = thumbnails_[i];
        // Cards are replaced as each layer arrives; only a new map (or scale) is drawn again.
        if (cached.map == card.map && cached.scale == scale && card.error.isEmpty() &&
            !cached.image.isNull()) {
            widgets_[i]->setContent(card, cached.image, cached.size, thumbnailExtent_);
            continue;
        }
        QImage image;
        QSizeF size;
        if (card.map && card.error.isEmpty() && card.map->shape().elements() > 0) {
            // A thumbnail shows a few hundred pixels of a map of millions: the map resampled
            // by area to the thumbnail's size (render.h: no aliasing), drawn 1:1.
            size = thumbnailSize(card.map->shape(), scale);
            // In device pixels: on a high-density screen a map shrinks only below its ratio.
            const double ratio = devicePixelRatioF();
            const auto width = std::max<std::int64_t>(1, std::llround(size.width() * ratio));
            const auto height = std::max<std::int64_t>(1, std::llround(size.height() * ratio));
            const stridelab::Shape& shape = card.map->shape();
            const bool shrunk = width < shape.w || height < shape.h;
            // The card shows channel 0, or the RGB picture of channels 0-2.
            const bool rgb = showsAsRgb(shape, options_);
            const Tensor small =
                shrunk ? areaResampled(*card.map, 0, rgb ? 3 : 1, width, height) : Tensor();
            const Tensor& map = shrunk ? small : *card.map;
            image = rgb ? renderRgb(map, rgbRange(*card.map, options_))
                        : renderChannel(map, 0, options_, displayRange(*card.map, 0, options_));
        }
        cached = {card.map, scale, image, size};
        widgets_[i]->setContent(card, std::move(image), size, thumbnailExtent_);
    }
}

void LayerCardStrip::applyOrientation() {
    const bool horizontal = orientation_ == Qt::Horizontal;
    // Cards keep their size; the stretch at the end keeps them packed at the start.
    if (layout_->count() > static_cast<int>(widgets_.size())) {
        delete layout_->takeAt(layout_->count() - 1);
    }
    layout_->setDirection(horizontal ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    layout_->addStretch(1);
    updateGeometry();
}

}  // namespace stridelab::ui
