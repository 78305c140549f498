// Placeholder: this suite is being written.
#include <QTest>

class TestLayerErrors : public QObject {
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestLayerErrors)
#include "tst_layer_errors.moc"
