// The feature-map view's images rendered off the GUI thread (view/map_images): large maps on
// the thread pool with the newest request winning, small ones at once, and a view that shows
// the right picture once they arrive.

#include "io/builtin_images.h"
#include "io/image_input.h"
#include "view/map_images.h"
#include "view/render.h"
#include "widgets/feature_map_view.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace stridelab;
using namespace stridelab::ui;

Q_DECLARE_METATYPE(stridelab::ui::MapImages)

namespace {

// `channels` planes of h x w; channel c holds the value c everywhere but a ramp in row 0.
std::shared_ptr<const Tensor> planes(int channels, int h, int w) {
    auto map = std::make_shared<Tensor>(Shape{channels, h, w});
    for (int c = 0; c < channels; ++c) {
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                map->at(c, y, x) = y == 0 ? static_cast<float>(x) : static_cast<float>(c);
            }
        }
    }
    return map;
}

bool sameImages(const MapImages& a, const MapImages& b) {
    return a.images.size() == b.images.size() &&
           std::equal(a.images.begin(), a.images.end(), b.images.begin());
}

}  // namespace

class TestMapImages : public QObject {
    Q_OBJECT

private slots:
    void rendersEveryChannelAsRenderDoes();
    void smallMapIsRenderedAtOnce();
    void largeMapArrivesLaterAndNewestWins();
    void shrunkImagesComeAtTheirDrawnSize();
    void viewShowsZonePlateWithoutFalseRings();
    void viewDrawsATallNarrowMapWhole();
    void viewShowsLargeMapOnceRendered();
};

// Each image is exactly render.h's rendering of that channel (resampled by area where a drawn size
// smaller than the map is asked for).
void TestMapImages::rendersEveryChannelAsRenderDoes() {
    const auto map = planes(3, 9, 11);
    DisplayOptions options;
    options.normalisation = Normalisation::PerLayer;
    const std::vector<ValueRange> ranges = displayRanges(*map, options);
    const MapImages one = renderMapImages({map, options, false});
    QCOMPARE(one.images.size(), std::size_t{3});
    for (int c = 0; c < 3; ++c) {
        QCOMPARE(one.images[static_cast<std::size_t>(c)],
                 renderChannel(*map, c, options, ranges[static_cast<std::size_t>(c)]));
    }
    const MapImages half = renderMapImages({map, options, false, QSize(6, 5)});
    QCOMPARE(half.images[1].size(), QSize(6, 5));
    QCOMPARE(half.images[1], renderChannel(areaResampled(*map, 1, 1, 6, 5), 0, options, ranges[1]));
    options.rgb = true;
    const MapImages rgb = renderMapImages({map, options, true});
    QCOMPARE(rgb.images.size(), std::size_t{1});
    QCOMPARE(rgb.images[0], renderRgb(*map, options));
}

void TestMapImages::smallMapIsRenderedAtOnce() {
    MapImageRenderer renderer;
    QSignalSpy ready(&renderer, &MapImageRenderer::ready);
    const MapImagesKey key{planes(2, 16, 16), DisplayOptions{}, false};
    QVERIFY(renderer.request(key));
    QCOMPARE(ready.count(), 1);
    QVERIFY(!renderer.pending());
    QVERIFY(sameImages(ready.at(0).at(0).value<MapImages>(), renderMapImages(key)));
}

// 8 x 256 x 256 = 2^19 elements, over the synchronous limit of 2^18: rendered on the pool.
// Of two quick requests only the second is delivered.
void TestMapImages::largeMapArrivesLaterAndNewestWins() {
    MapImageRenderer renderer;
    QSignalSpy ready(&renderer, &MapImageRenderer::ready);
    const MapImagesKey first{planes(8, 256, 256), DisplayOptions{}, false};
    const MapImagesKey second{planes(8, 256, 256), DisplayOptions{}, false};
    QVERIFY(!renderer.request(first));
    QVERIFY(renderer.pending());
    QVERIFY(!renderer.request(second));
    QCOMPARE(ready.count(), 0);
    QTRY_VERIFY(!renderer.pending());
    QTest::qWait(50);  // the superseded job's result, if it were delivered, would be by now
    QCOMPARE(ready.count(), 1);
    const auto delivered = ready.at(0).at(0).value<MapImages>();
    QVERIFY(delivered.key.map == second.map);
    QVERIFY(sameImages(delivered, renderMapImages(second)));
}

// A 512 x 512 ramp, over the synchronous limit: the view paints it once the pool has
// rendered it, black at the left edge and white at the right (grey map, the channel's range).
void TestMapImages::viewShowsLargeMapOnceRendered() {
    FeatureMapView view;
    view.resize(300, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto map = std::make_shared<Tensor>(Shape{1, 512, 512});
    for (std::int64_t i = 0; i < map->size(); ++i) {
        map->data()[i] = static_cast<float>(i % 512) / 511.0F;  // a ramp left to right
    }
    view.setFeatureMap(map);
    const QRectF tile = view.layout().tileRect(0);
    const QPoint left = tile.topLeft().toPoint() + QPoint(2, 2);
    const QPoint right = tile.topRight().toPoint() + QPoint(-3, 2);
    QTRY_VERIFY(qGray(view.grab().toImage().pixel(left)) < 5);
    QTRY_VERIFY(qGray(view.grab().toImage().pixel(right)) > 250);
}

// Shrunk, each image is the map resampled by area to the drawn size, coloured in the ranges of
// the whole map.
void TestMapImages::shrunkImagesComeAtTheirDrawnSize() {
    const auto map = planes(3, 9, 11);
    DisplayOptions options;
    const std::vector<ValueRange> ranges = displayRanges(*map, options);
    MapImagesKey key{map, options, false};
    key.drawnSize = QSize(5, 4);
    const MapImages shrunk = renderMapImages(key);
    QCOMPARE(shrunk.images.size(), std::size_t{3});
    for (int c = 0; c < 3; ++c) {
        const QImage expected = renderChannel(areaResampled(*map, c, 1, 5, 4), 0, options,
                                              ranges[static_cast<std::size_t>(c)]);
        QCOMPARE(shrunk.images[static_cast<std::size_t>(c)], expected);
    }
    key.rgb = true;
    QCOMPARE(renderMapImages(key).images.at(0),
             renderRgb(areaResampled(*map, 0, 3, 5, 4), rgbRange(*map, options)));
}

// The zone plate (local frequency r/256 cycles per element) in a view that shows it at about
// 0.6 screen pixels per element: beyond r = 100 its rings are finer than the screen can show.
// Drawn by picking pixels, they came back as false rings at full contrast (grey range 255);
// averaged, less than half of that contrast is left (the box filter's side lobes), and the
// false copies of the centre that picking showed along the edges fade out.
void TestMapImages::viewShowsZonePlateWithoutFalseRings() {
    FeatureMapView view;
    view.resize(170, 170);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const std::optional<QImage> plate = builtinImage(QStringLiteral("zone_plate"));
    QVERIFY(plate.has_value());
    view.setFeatureMap(std::make_shared<Tensor>(imageToTensor(*plate, ColorMode::Grayscale)));
    const QRectF tile = view.layout().tileRect(0);
    QVERIFY2(view.layout().scale() < 0.7 && view.layout().scale() > 0.5,
             qPrintable(QString::number(view.layout().scale())));
    auto greyRangeBeyond = [&](double radius) {
        const QImage shot = view.grab().toImage();
        int lo = 255;
        int hi = 0;
        for (int y = static_cast<int>(tile.top()) + 1; y < static_cast<int>(tile.bottom()); ++y) {
            for (int x = static_cast<int>(tile.left()) + 1; x < static_cast<int>(tile.right());
                 ++x) {
                // In map elements from the plate's centre.
                const double r =
                    std::hypot(x + 0.5 - tile.center().x(), y + 0.5 - tile.center().y()) /
                    view.layout().scale();
                if (r > radius && r < 124.0) {
                    lo = std::min(lo, qGray(shot.pixel(x, y)));
                    hi = std::max(hi, qGray(shot.pixel(x, y)));
                }
            }
        }
        return hi - lo;
    };
    QTRY_VERIFY(greyRangeBeyond(0.0) > 240);  // drawn: the centre's rings at full contrast
    qInfo("grey range beyond r = 100: %d", greyRangeBeyond(100.0));
    QVERIFY(greyRangeBeyond(100.0) < 128);  // 99 here; 255 with pixels picked
}

// A 13-wide, 416-tall map shrunk to about 6 x 190 pixels: its tile's width and height round
// differently, and the whole map still fills the whole tile (its last rows, white, at the
// bottom of the tile; the rest black).
void TestMapImages::viewDrawsATallNarrowMapWhole() {
    FeatureMapView view;
    view.resize(200, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto map = std::make_shared<Tensor>(Shape{1, 416, 13}, 0.0F);
    for (std::int64_t y = 400; y < 416; ++y) {
        for (std::int64_t x = 0; x < 13; ++x) {
            map->at(0, y, x) = 1.0F;
        }
    }
    view.setFeatureMap(map);
    QVERIFY2(view.layout().scale() < 0.6, qPrintable(QString::number(view.layout().scale())));
    const QRectF tile = view.layout().tileRect(0);
    const int x = static_cast<int>(tile.center().x());
    const QImage shot = view.grab().toImage();
    QVERIFY2(
        qGray(shot.pixel(x, static_cast<int>(tile.bottom()) - 2)) > 200,
        qPrintable(QString::number(qGray(shot.pixel(x, static_cast<int>(tile.bottom()) - 2)))));
    QVERIFY(qGray(shot.pixel(x, static_cast<int>(tile.top()) + 2)) < 50);
}

QTEST_MAIN(TestMapImages)
#include "tst_map_images.moc"
