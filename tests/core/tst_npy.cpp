// Placeholder: this suite is being written.
#include <QTest>

class TestNpy : public QObject {
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestNpy)
#include "tst_npy.moc"
