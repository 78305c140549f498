// Placeholder: this suite is being written.
#include <QTest>

class TestPlots : public QObject {
    Q_OBJECT
};

QTEST_MAIN(TestPlots)
#include "tst_plots.moc"
