// Placeholder: this suite is being written.
#include <QTest>

class TestKernelsReference : public QObject {
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestKernelsReference)
#include "tst_kernels_reference.moc"
