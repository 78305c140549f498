// Placeholder: this suite is being written.
#include <QTest>

class TestProperties : public QObject {
    Q_OBJECT
};

QTEST_MAIN(TestProperties)
#include "tst_properties.moc"
