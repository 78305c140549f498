// Placeholder: this suite is being written.
#include <QTest>

class TestFeatureMapWidgets : public QObject {
    Q_OBJECT
};

QTEST_MAIN(TestFeatureMapWidgets)
#include "tst_feature_map_widgets.moc"
