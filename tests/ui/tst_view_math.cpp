// Placeholder: this suite is being written.
#include <QTest>

class TestViewMath : public QObject {
    Q_OBJECT
};

QTEST_MAIN(TestViewMath)
#include "tst_view_math.moc"
