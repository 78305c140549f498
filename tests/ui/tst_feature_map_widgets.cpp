// The feature-map view and the layer-card strip, driven offscreen like a user would: mouse
// moves, wheel, keys, clicks, and the pixels of grab(). Positions and colours are worked out
// by hand from the layout rules (see the comments), not read back from the widgets.
#include "view/display_options.h"
#include "widgets/feature_map_view.h"
#include "widgets/layer_card_strip.h"

#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <cmath>
#include <memory>

using namespace stridelab;
using namespace stridelab::ui;

Q_DECLARE_METATYPE(std::optional<stridelab::ui::MapPosition>)

namespace {

// 2 channels of 3 rows x 4 columns; value = 100 c + 10 row + col.
std::shared_ptr<const Tensor> knownMap() {
    auto map = std::make_shared<Tensor>(Shape{2, 3, 4});
    for (int c = 0; c < 2; ++c) {
        for (int y = 0; y < 3; ++y) {
            for (int x = 0; x < 4; ++x) {
                map->at(c, y, x) = static_cast<float>(100 * c + 10 * y + x);
            }
        }
    }
    return map;
}

// A 216 x 86 view leaves 200 x 70 inside its 8 px margin. 1 column: min(50, 66/6) = 11;
// 2 columns: min(196/8, 70/3) = 23.3 -> 23. Content 2*92 + 4 = 188 x 69, centred:
// origin (8 + 6, floor(8 + 0.5)) = (14, 8). Tile 0 at x 14, tile 1 at 14 + 92 + 4 = 110.
constexpr QSize kViewSize(216, 86);
const QRectF kTile0(14, 8, 92, 69);
const QRectF kTile1(110, 8, 92, 69);
constexpr int kScale = 23;

// The centre of element (row, col) of a tile.
QPoint centreOf(const QRectF& tile, int row, int col) {
    return {static_cast<int>(tile.left()) + col * kScale + kScale / 2,
            static_cast<int>(tile.top()) + row * kScale + kScale / 2};
}

void showView(FeatureMapView& view) {
    view.resize(kViewSize);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
}

QRgb pixelOf(QWidget& widget, QPoint point) {
    return widget.grab().toImage().pixel(point);
}

QString hex(QRgb rgb) {
    return QString::number(rgb & 0xffffffU, 16).rightJustified(6, QLatin1Char('0'));
}

void sendWheel(QWidget* widget, QPointF at, int delta) {
    QWheelEvent event(at, widget->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

bool closeGrey(QRgb rgb, int grey, int tolerance) {
    return std::abs(qRed(rgb) - grey) <= tolerance && std::abs(qGreen(rgb) - grey) <= tolerance &&
           std::abs(qBlue(rgb) - grey) <= tolerance;
}

std::shared_ptr<const Tensor> halves(int h, int w) {
    // Left half 0, right half 1: black | white in grey.
    auto map = std::make_shared<Tensor>(Shape{1, h, w});
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            map->at(0, y, x) = x < w / 2 ? 0.0F : 1.0F;
        }
    }
    return map;
}

}  // namespace

class TestFeatureMapWidgets : public QObject {
    Q_OBJECT

private slots:
    void fittedLayout();
    void hover_data();
    void hover();
    void hoverLeavesOnGap();
    void grabShowsColours_data();
    void grabShowsColours();
    void staleIsDimmed();
    void rgbPicture();
    void singleChannel();
    void wheelZoomKeepsPixelUnderCursor();
    void keysZoomAndFit();
    void dragPans();
    void newMapKeepsOrResetsZoom();
    void clearShowsPlaceholder();

    void cardsToScale();
    void cardThumbnailsShowColours();
    void cardClickEmits();
    void cardOrientation();
    void cardsOptions();

    void screenshots();
};

void TestFeatureMapWidgets::fittedLayout() {
    FeatureMapView view;
    view.setFeatureMap(knownMap());
    showView(view);
    QCOMPARE(view.layout().scale(), double(kScale));
    QCOMPARE(view.layout().columns(), 2);
    QCOMPARE(view.layout().tileRect(0), kTile0);
    QCOMPARE(view.layout().tileRect(1), kTile1);
}

void TestFeatureMapWidgets::hover_data() {
    QTest::addColumn<QPoint>("point");
    QTest::addColumn<int>("channel");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("col");
    QTest::addColumn<float>("value");
    QTest::addRow("c0 r0 x0") << centreOf(kTile0, 0, 0) << 0 << 0 << 0 << 0.0F;
    QTest::addRow("c0 r1 x2") << centreOf(kTile0, 1, 2) << 0 << 1 << 2 << 12.0F;
    QTest::addRow("c1 r0 x1") << centreOf(kTile1, 0, 1) << 1 << 0 << 1 << 101.0F;
    QTest::addRow("c1 r2 x3") << centreOf(kTile1, 2, 3) << 1 << 2 << 3 << 123.0F;
    // Pixel edges: (110 + 23, 8) is the first screen pixel of element (0, 1).
    QTest::addRow("c1 left edge of x1") << QPoint(133, 8) << 1 << 0 << 1 << 101.0F;
    QTest::addRow("c1 right edge of x0") << QPoint(132, 30) << 1 << 0 << 0 << 100.0F;
}

void TestFeatureMapWidgets::hover() {
    QFETCH(QPoint, point);
    QFETCH(int, channel);
    QFETCH(int, row);
    QFETCH(int, col);
    QFETCH(float, value);
    FeatureMapView view;
    view.setFeatureMap(knownMap());
    showView(view);
    QSignalSpy spy(&view, &FeatureMapView::hovered);
    QTest::mouseMove(&view, point);
    QCOMPARE(spy.count(), 1);
    const QList<QVariant> args = spy.takeFirst();
    QCOMPARE(args.at(0).toInt(), channel);
    QCOMPARE(args.at(1).toInt(), row);
    QCOMPARE(args.at(2).toInt(), col);
    QCOMPARE(args.at(3).toFloat(), value);
}

void TestFeatureMapWidgets::hoverLeavesOnGap() {
    FeatureMapView view;
    view.setFeatureMap(knownMap());
    showView(view);
    QSignalSpy hovered(&view, &FeatureMapView::hovered);
    QSignalSpy left(&view, &FeatureMapView::hoverLeft);
    QTest::mouseMove(&view, centreOf(kTile0, 1, 3));
    QCOMPARE(hovered.count(), 1);
    // Between the tiles: x 106..109.
    QTest::mouseMove(&view, QPoint(108, 30));
    QCOMPARE(left.count(), 1);
    QCOMPARE(hovered.count(), 1);
    // Moving inside the same element does not repeat the signal.
    QTest::mouseMove(&view, centreOf(kTile1, 1, 0));
    QTest::mouseMove(&view, centreOf(kTile1, 1, 0) + QPoint(3, 3));
    QCOMPARE(hovered.count(), 2);
    QCOMPARE(view.positionAt(QPointF(108, 30)), std::nullopt);
}

void TestFeatureMapWidgets::grabShowsColours_data() {
    QTest::addColumn<ColormapName>("colormap");
    QTest::addColumn<Normalisation>("normalisation");
    QTest::addColumn<QPoint>("point");
    QTest::addColumn<uint>("expected");
    // Grey per channel: channel 0 spans [0, 23], channel 1 [100, 123].
    QTest::addRow("grey c0 min black")
        << ColormapName::Grey << Normalisation::PerChannel << centreOf(kTile0, 0, 0) << 0x000000U;
    QTest::addRow("grey c0 12 of 23") << ColormapName::Grey << Normalisation::PerChannel
                                      << centreOf(kTile0, 1, 2) << 0x858585U;  // 133.04
    QTest::addRow("grey c0 max white")
        << ColormapName::Grey << Normalisation::PerChannel << centreOf(kTile0, 2, 3) << 0xffffffU;
    QTest::addRow("grey c1 100 black")
        << ColormapName::Grey << Normalisation::PerChannel << centreOf(kTile1, 0, 0) << 0x000000U;
    QTest::addRow("grey c1 101 is 11") << ColormapName::Grey << Normalisation::PerChannel
                                       << centreOf(kTile1, 0, 1) << 0x0b0b0bU;  // 11.09
    // Per layer [0, 123]: 100 -> 207.3.
    QTest::addRow("grey per layer c1 100")
        << ColormapName::Grey << Normalisation::PerLayer << centreOf(kTile1, 0, 0) << 0xcfcfcfU;
    QTest::addRow("viridis per layer 0")
        << ColormapName::Viridis << Normalisation::PerLayer << centreOf(kTile0, 0, 0) << 0x440154U;
    QTest::addRow("viridis per layer 123")
        << ColormapName::Viridis << Normalisation::PerLayer << centreOf(kTile1, 2, 3) << 0xfde725U;
    // Diverging per layer: [-123, 123], so 0 is white and 123 the red end.
    QTest::addRow("diverging 0 white") << ColormapName::Diverging << Normalisation::PerLayer
                                       << centreOf(kTile0, 0, 0) << 0xffffffU;
    QTest::addRow("diverging 123 red") << ColormapName::Diverging << Normalisation::PerLayer
                                       << centreOf(kTile1, 2, 3) << 0xb40426U;
    QTest::addRow("background") << ColormapName::Grey << Normalisation::PerChannel << QPoint(2, 2)
                                << 0x3c3c3cU;
    QTest::addRow("gap is background")
        << ColormapName::Grey << Normalisation::PerChannel << QPoint(108, 30) << 0x3c3c3cU;
}

void TestFeatureMapWidgets::grabShowsColours() {
    QFETCH(ColormapName, colormap);
    QFETCH(Normalisation, normalisation);
    QFETCH(QPoint, point);
    QFETCH(uint, expected);
    FeatureMapView view;
    view.setFeatureMap(knownMap());
    DisplayOptions options;
    options.colormap = colormap;
    options.normalisation = normalisation;
    view.setDisplayOptions(options);
    showView(view);
    QCOMPARE(hex(pixelOf(view, point)), hex(expected));
    // Pixels are sharp squares: the element's corner pixels have its colour too.
    const QPoint corner = point - QPoint(kScale / 2, kScale / 2);
    if (view.positionAt(point)) {
        QCOMPARE(hex(pixelOf(view, corner)), hex(expected));
        QCOMPARE(hex(pixelOf(view, corner + QPoint(kScale - 1, kScale - 1))), hex(expected));
    }
}

void TestFeatureMapWidgets::staleIsDimmed() {
    FeatureMapView view;
    view.setFeatureMap(knownMap());
    showView(view);
    const QPoint white = centreOf(kTile0, 2, 3);
    QCOMPARE(hex(pixelOf(view, white)), QStringLiteral("ffffff"));
    view.setStale(true);
    // 35 % white over the 0x3c background: 0.35 * 255 + 0.65 * 60 = 128.25.
    QVERIFY2(closeGrey(pixelOf(view, white), 128, 2), qPrintable(hex(pixelOf(view, white))));
    view.setStale(false);
    QCOMPARE(hex(pixelOf(view, white)), QStringLiteral("ffffff"));
}

void TestFeatureMapWidgets::rgbPicture() {
    // Planes R, G, B of a 2x2 picture: red, green / blue, white.
    auto map = std::make_shared<Tensor>(Shape{3, 2, 2},
                                        std::vector<float>{1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1});
    FeatureMapView view;
    view.setFeatureMap(map);
    DisplayOptions options;
    options.rgb = true;
    view.setDisplayOptions(options);
    showView(view);
    // One 2x2 tile: min(200/2, 70/2) = 35, 70 x 70 centred at (8 + 65, 8).
    QCOMPARE(view.layout().tileRect(0), QRectF(73, 8, 70, 70));
    QCOMPARE(hex(pixelOf(view, QPoint(90, 25))), QStringLiteral("ff0000"));
    QCOMPARE(hex(pixelOf(view, QPoint(125, 25))), QStringLiteral("00ff00"));
    QCOMPARE(hex(pixelOf(view, QPoint(90, 60))), QStringLiteral("0000ff"));
    QCOMPARE(hex(pixelOf(view, QPoint(125, 60))), QStringLiteral("ffffff"));
    QSignalSpy spy(&view, &FeatureMapView::hovered);
    QTest::mouseMove(&view, QPoint(90, 60));
    QCOMPARE(spy.count(), 1);
    // The RGB picture reports channel 0 (red): 0 at (row 1, col 0).
    QCOMPARE(spy.at(0).at(0).toInt(), 0);
    QCOMPARE(spy.at(0).at(1).toInt(), 1);
    QCOMPARE(spy.at(0).at(2).toInt(), 0);
    QCOMPARE(spy.at(0).at(3).toFloat(), 0.0F);
    // Without the option, three grey tiles.
    view.setDisplayOptions(DisplayOptions{});
    QCOMPARE(view.layout().spec().channels, 3);
}

void TestFeatureMapWidgets::singleChannel() {
    FeatureMapView view;
    view.setFeatureMap(knownMap());
    showView(view);
    view.setSingleChannel(1);
    // One 4x3 tile: min(50, 23.3) -> 23, 92 x 69 centred: (8 + 54, 8).
    QCOMPARE(view.layout().tileRect(0), QRectF(62, 8, 92, 69));
    QSignalSpy spy(&view, &FeatureMapView::hovered);
    QTest::mouseMove(&view, QPoint(62 + 11, 8 + 11));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 1);
    QCOMPARE(spy.at(0).at(3).toFloat(), 100.0F);
    QCOMPARE(hex(pixelOf(view, QPoint(62 + 11, 8 + 11))), QStringLiteral("000000"));
    QCOMPARE(view.elementRect({1, 0, 0}), QRectF(62, 8, 23, 23));
    QVERIFY(view.elementRect({0, 0, 0}).isEmpty());
    view.showAllChannels();
    QCOMPARE(view.layout().tileRect(1), kTile1);
}

void TestFeatureMapWidgets::wheelZoomKeepsPixelUnderCursor() {
    FeatureMapView view;
    view.setFeatureMap(knownMap());
    showView(view);
    const QPoint anchor = centreOf(kTile1, 2, 3);
    const std::optional<MapPosition> before = view.positionAt(anchor);
    QCOMPARE(before, std::optional<MapPosition>(MapPosition{1, 2, 3}));

    // One notch in: 23 * sqrt(2) = 32.5 -> 33.
    sendWheel(&view, anchor, 120);
    QCOMPARE(view.layout().scale(), 33.0);
    QCOMPARE(view.positionAt(anchor), before);
    const QRectF element = view.elementRect({1, 2, 3});
    QVERIFY(element.contains(anchor));
    QCOMPARE(element.width(), 33.0);
    // One new element width to the left is the neighbouring column.
    QSignalSpy spy(&view, &FeatureMapView::hovered);
    QTest::mouseMove(&view, anchor - QPoint(33, 0));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(2).toInt(), 2);
    QCOMPARE(spy.at(0).at(3).toFloat(), 122.0F);
    // The zoomed element is drawn 33 px wide: its first and last screen columns are white.
    const QImage image = view.grab().toImage();
    const int y = anchor.y();
    QCOMPARE(hex(image.pixel(static_cast<int>(std::ceil(element.left())), y)),
             QStringLiteral("ffffff"));
    QCOMPARE(hex(image.pixel(static_cast<int>(std::ceil(element.right())) - 1, y)),
             QStringLiteral("ffffff"));

    // A half notch does nothing; the second half completes a step out: 33 / sqrt(2) = 23.3.
    sendWheel(&view, anchor, 60);
    QCOMPARE(view.layout().scale(), 33.0);
    sendWheel(&view, anchor, -60);
    sendWheel(&view, anchor, -120);
    QCOMPARE(view.layout().scale(), 23.0);
    QCOMPARE(view.positionAt(anchor), before);
}

void TestFeatureMapWidgets::keysZoomAndFit() {
    FeatureMapView view;
    view.setFeatureMap(knownMap());
    showView(view);
    QTest::keyClick(&view, Qt::Key_Plus, Qt::ControlModifier);
    QCOMPARE(view.layout().scale(), 33.0);
    QTest::keyClick(&view, Qt::Key_0);
    QCOMPARE(view.layout().tileRect(1), kTile1);
    QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(view.layout().scale(), 16.0);  // 23 / sqrt(2) = 16.3
    QTest::mouseDClick(&view, Qt::LeftButton, Qt::NoModifier, QPoint(50, 40));
    QCOMPARE(view.layout().tileRect(0), kTile0);
}

void TestFeatureMapWidgets::dragPans() {
    FeatureMapView view;
    view.setFeatureMap(knownMap());
    showView(view);
    QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, QPoint(100, 40));
    QMouseEvent move(QEvent::MouseMove, QPointF(130, 50), view.mapToGlobal(QPointF(130, 50)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&view, &move);
    QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, QPoint(130, 50));
    QCOMPARE(view.layout().tileRect(0), kTile0.translated(30, 10));
    // Resizing no longer refits once the user has moved the map...
    view.resize(kViewSize + QSize(40, 0));
    QCOMPARE(view.layout().tileRect(0), kTile0.translated(30, 10));
    // ...until 0 fits it again (200 + 40 wide: origin x 14 + 20).
    QTest::keyClick(&view, Qt::Key_0);
    QCOMPARE(view.layout().tileRect(0), kTile0.translated(20, 0));
}

void TestFeatureMapWidgets::newMapKeepsOrResetsZoom() {
    FeatureMapView view;
    view.setFeatureMap(knownMap());
    showView(view);
    sendWheel(&view, centreOf(kTile0, 1, 1), 120);
    QCOMPARE(view.layout().scale(), 33.0);
    // The next result of the same layer has the same shape: stay where the user looks.
    view.setFeatureMap(knownMap());
    QCOMPARE(view.layout().scale(), 33.0);
    // Another shape starts over, fitted: one 2x2 tile at min(100, 35) = 35.
    view.setFeatureMap(std::make_shared<Tensor>(Shape{1, 2, 2}, 0.5F));
    QCOMPARE(view.layout().scale(), 35.0);
}

void TestFeatureMapWidgets::clearShowsPlaceholder() {
    FeatureMapView view;
    view.setFeatureMap(knownMap());
    showView(view);
    QSignalSpy left(&view, &FeatureMapView::hoverLeft);
    QTest::mouseMove(&view, centreOf(kTile0, 0, 0));
    view.setFeatureMap(nullptr);
    QCOMPARE(left.count(), 1);
    QCOMPARE(view.positionAt(centreOf(kTile0, 0, 0)), std::nullopt);
    // Where the black element was is background now.
    QCOMPARE(hex(pixelOf(view, centreOf(kTile0, 0, 0))), QStringLiteral("3c3c3c"));
    QCOMPARE(view.placeholderText(), QStringLiteral("No feature map"));
}

void TestFeatureMapWidgets::cardsToScale() {
    LayerCardStrip strip;
    strip.setCards({{QStringLiteral("input"), QStringLiteral("(3, 416, 416)"),
                     std::make_shared<Tensor>(Shape{3, 416, 416}, 0.5F)},
                    {QStringLiteral("pool"), QStringLiteral("(3, 208, 208)"),
                     std::make_shared<Tensor>(Shape{3, 208, 208}, 0.5F)},
                    {QStringLiteral("head"), QStringLiteral("(255, 13, 13)"),
                     std::make_shared<Tensor>(Shape{255, 13, 13}, 0.5F)}});
    QCOMPARE(strip.count(), 3);
    // 96 px for 416: 208 -> 48, 13 -> 3, i.e. 32 times smaller than the input.
    QCOMPARE(strip.thumbnailRect(0).size(), QSizeF(96, 96));
    QCOMPARE(strip.thumbnailRect(1).size(), QSizeF(48, 48));
    QCOMPARE(strip.thumbnailRect(2).size(), QSizeF(3, 3));
    QCOMPARE(strip.thumbnailRect(0).width() / strip.thumbnailRect(2).width(), 32.0);
}

void TestFeatureMapWidgets::cardThumbnailsShowColours() {
    LayerCardStrip strip;
    LayerCard stale{QStringLiteral("up"), QStringLiteral("(1, 2, 2)"), halves(2, 2)};
    stale.stale = true;
    LayerCard failed{QStringLiteral("bad"), QStringLiteral("?"), nullptr};
    failed.error = QStringLiteral("kernel 5 is larger than the padded input 4");
    strip.setCards({{QStringLiteral("input"), QStringLiteral("(1, 8, 8)"), halves(8, 8)},
                    {QStringLiteral("pool"), QStringLiteral("(1, 4, 4)"), halves(4, 4)},
                    failed,
                    stale});
    strip.resize(800, 300);
    strip.show();
    QVERIFY(QTest::qWaitForWindowExposed(&strip));
    // 8 px is the largest map: 12 screen px per map px; 4 -> 48, 2 -> 24.
    const QRectF t0 = strip.thumbnailRect(0);
    const QRectF t1 = strip.thumbnailRect(1);
    const QRectF t3 = strip.thumbnailRect(3);
    QCOMPARE(t0.size(), QSizeF(96, 96));
    QCOMPARE(t1.size(), QSizeF(48, 48));
    QCOMPARE(t3.size(), QSizeF(24, 24));
    QVERIFY(strip.thumbnailRect(2).isEmpty());
    QCOMPARE(t1.center(), t0.center());  // every thumbnail centred in the same box

    const auto at = [&](int card, QPointF p) {
        return strip.cardWidget(card)->grab().toImage().pixel(p.toPoint());
    };
    // Map column 2 of 8 (black) and 6 (white), 12 px each.
    QCOMPARE(hex(at(0, t0.topLeft() + QPointF(2 * 12 + 6, 40))), QStringLiteral("000000"));
    QCOMPARE(hex(at(0, t0.topLeft() + QPointF(6 * 12 + 6, 40))), QStringLiteral("ffffff"));
    QCOMPARE(hex(at(1, t1.topLeft() + QPointF(12 + 6, 20))), QStringLiteral("000000"));
    QCOMPARE(hex(at(1, t1.topLeft() + QPointF(3 * 12 + 6, 20))), QStringLiteral("ffffff"));
    // Stale: 35 % over the 0x3c thumbnail background: white -> 128, black -> 39.
    QVERIFY(closeGrey(at(3, t3.topLeft() + QPointF(18, 12)), 128, 2));
    QVERIFY(closeGrey(at(3, t3.topLeft() + QPointF(6, 12)), 39, 2));
    QVERIFY(strip.cardWidget(2)->toolTip().contains(failed.error));
}

void TestFeatureMapWidgets::cardClickEmits() {
    LayerCardStrip strip;
    strip.setCards(
        {{QStringLiteral("input"), QStringLiteral("(1, 8, 8)"), halves(8, 8)},
         {QStringLiteral("pool"), QStringLiteral("(1, 4, 4)"), halves(4, 4)},
         {QStringLiteral("bad"), QStringLiteral("?"), nullptr, false, QStringLiteral("error")}});
    strip.resize(600, 300);
    strip.show();
    QVERIFY(QTest::qWaitForWindowExposed(&strip));
    QSignalSpy spy(&strip, &LayerCardStrip::cardClicked);
    QTest::mouseClick(strip.cardWidget(1), Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 1);
    QCOMPARE(strip.selected(), 1);
    // Cards with an error can be selected too: the error is shown for them.
    QTest::mouseClick(strip.cardWidget(2), Qt::LeftButton);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toInt(), 2);
    strip.setSelected(0);
    QCOMPARE(strip.selected(), 0);
    QCOMPARE(spy.count(), 2);  // selecting from code is not a click
    strip.setCards({{QStringLiteral("input"), QStringLiteral("(1, 8, 8)"), halves(8, 8)}});
    QCOMPARE(strip.selected(), 0);
    strip.setSelected(5);
    QCOMPARE(strip.selected(), -1);
}

void TestFeatureMapWidgets::cardOrientation() {
    LayerCardStrip strip;
    strip.setCards({{QStringLiteral("a"), QStringLiteral("(1, 8, 8)"), halves(8, 8)},
                    {QStringLiteral("b"), QStringLiteral("(1, 4, 4)"), halves(4, 4)}});
    strip.resize(600, 600);
    strip.show();
    QVERIFY(QTest::qWaitForWindowExposed(&strip));
    QTRY_VERIFY(strip.cardWidget(1)->x() > strip.cardWidget(0)->x());
    QCOMPARE(strip.cardWidget(1)->y(), strip.cardWidget(0)->y());
    strip.setOrientation(Qt::Vertical);
    QTRY_VERIFY(strip.cardWidget(1)->y() > strip.cardWidget(0)->y());
    QCOMPARE(strip.cardWidget(1)->x(), strip.cardWidget(0)->x());
}

void TestFeatureMapWidgets::cardsOptions() {
    // Planes R, G, B of a 2x2 picture: red, green / blue, white.
    auto rgb = std::make_shared<Tensor>(Shape{3, 2, 2},
                                        std::vector<float>{1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1});
    LayerCardStrip strip;
    strip.setCards({{QStringLiteral("input"), QStringLiteral("(3, 2, 2)"), rgb}});
    strip.show();
    QVERIFY(QTest::qWaitForWindowExposed(&strip));
    const QRectF t = strip.thumbnailRect(0);
    QCOMPARE(t.size(), QSizeF(96, 96));
    const auto at = [&](QPointF p) {
        return hex(strip.cardWidget(0)->grab().toImage().pixel(p.toPoint()));
    };
    // Channel 0 in grey: (0, 0) = 1 white, (0, 1) = 0 black.
    QCOMPARE(at(t.topLeft() + QPointF(24, 24)), QStringLiteral("ffffff"));
    QCOMPARE(at(t.topLeft() + QPointF(72, 24)), QStringLiteral("000000"));
    DisplayOptions options;
    options.rgb = true;
    strip.setDisplayOptions(options);
    QCOMPARE(at(t.topLeft() + QPointF(24, 24)), QStringLiteral("ff0000"));
    QCOMPARE(at(t.topLeft() + QPointF(72, 24)), QStringLiteral("00ff00"));
    QCOMPARE(at(t.topLeft() + QPointF(24, 72)), QStringLiteral("0000ff"));
    options.rgb = false;
    options.colormap = ColormapName::Viridis;
    strip.setDisplayOptions(options);
    QCOMPARE(at(t.topLeft() + QPointF(72, 24)), QStringLiteral("440154"));
}

void TestFeatureMapWidgets::screenshots() {
    // For a person to look at: STRIDELAB_SCREENSHOTS=/tmp writes /tmp/view-*.png.
    const QString dir = qEnvironmentVariable("STRIDELAB_SCREENSHOTS");
    if (dir.isEmpty()) {
        QSKIP("set STRIDELAB_SCREENSHOTS to a folder to write screenshots");
    }
    // An "image": a colour gradient with a bright disc; then made-up feature maps that
    // halve in size, with signed stripes of several orientations.
    auto input = std::make_shared<Tensor>(Shape{3, 64, 64});
    for (int y = 0; y < 64; ++y) {
        for (int x = 0; x < 64; ++x) {
            const bool disc = (x - 40) * (x - 40) + (y - 24) * (y - 24) < 144;
            input->at(0, y, x) = disc ? 1.0F : static_cast<float>(x) / 63.0F;
            input->at(1, y, x) = disc ? 0.9F : static_cast<float>(y) / 63.0F;
            input->at(2, y, x) = disc ? 0.2F : 0.5F;
        }
    }
    const auto stripes = [](int channels, int size) {
        auto map = std::make_shared<Tensor>(Shape{channels, size, size});
        for (int c = 0; c < channels; ++c) {
            const double angle = c * 0.4;
            for (int y = 0; y < size; ++y) {
                for (int x = 0; x < size; ++x) {
                    const double u = (x * std::cos(angle) + y * std::sin(angle)) * 8.0 / size;
                    map->at(c, y, x) = static_cast<float>(std::sin(u + c) * (1.0 + 0.1 * c));
                }
            }
        }
        return map;
    };
    const auto conv = stripes(8, 32);
    const auto pool = stripes(8, 16);

    FeatureMapView view;
    view.setFeatureMap(conv);
    DisplayOptions options;
    options.colormap = ColormapName::Diverging;
    options.normalisation = Normalisation::PerLayer;
    view.setDisplayOptions(options);
    view.resize(640, 340);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.grab().save(QDir(dir).filePath(QStringLiteral("view-feature-map.png"))));
    sendWheel(&view, QPointF(100, 100), 360);
    QTest::mouseMove(&view, QPoint(100, 100));
    QVERIFY(view.grab().save(QDir(dir).filePath(QStringLiteral("view-feature-map-zoomed.png"))));
    view.setFeatureMap(input);
    options.rgb = true;
    view.setDisplayOptions(options);
    view.setStale(true);
    QVERIFY(view.grab().save(QDir(dir).filePath(QStringLiteral("view-feature-map-rgb-stale.png"))));

    LayerCardStrip strip;
    LayerCard staleCard{QStringLiteral("pool2 · MaxPool2d"), QStringLiteral("(8, 8, 8)"),
                        stripes(8, 8)};
    staleCard.stale = true;
    strip.setCards({{QStringLiteral("input"), QStringLiteral("(3, 64, 64)"), input},
                    {QStringLiteral("conv1 · Conv2d"), QStringLiteral("(8, 32, 32)"), conv},
                    {QStringLiteral("pool1 · MaxPool2d"), QStringLiteral("(8, 16, 16)"), pool},
                    staleCard,
                    {QStringLiteral("conv2 · Conv2d"), QStringLiteral("?"), nullptr, false,
                     QStringLiteral("kernel 5 is larger than the padded input 4")}});
    options.rgb = true;
    options.colormap = ColormapName::Viridis;
    strip.setDisplayOptions(options);
    strip.setSelected(1);
    strip.resize(760, 190);
    strip.show();
    QVERIFY(QTest::qWaitForWindowExposed(&strip));
    QVERIFY(strip.grab().save(QDir(dir).filePath(QStringLiteral("view-cards.png"))));
}

QTEST_MAIN(TestFeatureMapWidgets)
#include "tst_feature_map_widgets.moc"
