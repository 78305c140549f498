// Placeholder: this suite is being written.
#include <QTest>

class TestReceptiveField : public QObject {
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestReceptiveField)
#include "tst_receptive_field.moc"
