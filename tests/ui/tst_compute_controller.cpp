// Placeholder: this suite is being written.
#include <QTest>

class TestComputeController : public QObject {
    Q_OBJECT
};

QTEST_MAIN(TestComputeController)
#include "tst_compute_controller.moc"
