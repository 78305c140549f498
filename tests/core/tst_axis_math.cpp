// Placeholder: this suite is being written.
#include <QTest>

class TestAxisMath : public QObject {
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestAxisMath)
#include "tst_axis_math.moc"
