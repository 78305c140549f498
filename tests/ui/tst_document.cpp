// Placeholder: this suite is being written.
#include <QTest>

class TestDocument : public QObject {
    Q_OBJECT
};

QTEST_MAIN(TestDocument)
#include "tst_document.moc"
