// Placeholder: this suite is being written.
#include <QTest>

class TestTensorflowSemantics : public QObject {
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestTensorflowSemantics)
#include "tst_tensorflow_semantics.moc"
