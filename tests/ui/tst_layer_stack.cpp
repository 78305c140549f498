// Placeholder: this suite is being written.
#include <QTest>

class TestLayerStack : public QObject {
    Q_OBJECT
};

QTEST_MAIN(TestLayerStack)
#include "tst_layer_stack.moc"
