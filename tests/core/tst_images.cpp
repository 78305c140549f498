// Placeholder: this suite is being written.
#include <QTest>

class TestImages : public QObject {
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestImages)
#include "tst_images.moc"
