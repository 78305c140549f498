// The feature-map view's images rendered off the GUI thread (view/map_images): large maps on
// the thread pool with the newest request winning, small ones at once, and a view that shows
// the right picture once they arrive.

#include "view/map_images.h"
#include "view/render.h"
#include "widgets/feature_map_view.h"

#include <QSignalSpy>
#include <QTest>

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
    void viewShowsLargeMapOnceRendered();
};

// Each image is exactly render.h's rendering of that channel (subsampled when step > 1).
void TestMapImages::rendersEveryChannelAsRenderDoes() {
    const auto map = planes(3, 9, 11);
    DisplayOptions options;
    options.normalisation = Normalisation::PerLayer;
    const std::vector<ValueRange> ranges = displayRanges(*map, options);
    const MapImages one = renderMapImages({map, options, false, 1});
    QCOMPARE(one.images.size(), std::size_t{3});
    for (int c = 0; c < 3; ++c) {
        QCOMPARE(one.images[static_cast<std::size_t>(c)],
                 renderChannel(*map, c, options, ranges[static_cast<std::size_t>(c)]));
    }
    const MapImages half = renderMapImages({map, options, false, 2});
    QCOMPARE(half.images[1].size(), QSize(6, 5));
    QCOMPARE(half.images[1], renderChannel(subsampled(*map, 2, 1, 1), 0, options, ranges[1]));
    options.rgb = true;
    const MapImages rgb = renderMapImages({map, options, true, 1});
    QCOMPARE(rgb.images.size(), std::size_t{1});
    QCOMPARE(rgb.images[0], renderRgb(*map, options));
}

void TestMapImages::smallMapIsRenderedAtOnce() {
    MapImageRenderer renderer;
    QSignalSpy ready(&renderer, &MapImageRenderer::ready);
    const MapImagesKey key{planes(2, 16, 16), DisplayOptions{}, false, 1};
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
    const MapImagesKey first{planes(8, 256, 256), DisplayOptions{}, false, 1};
    const MapImagesKey second{planes(8, 256, 256), DisplayOptions{}, false, 1};
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

QTEST_MAIN(TestMapImages)
#include "tst_map_images.moc"
