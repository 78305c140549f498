// Placeholder: this suite is being written.
#include <QTest>

class TestMainWindow : public QObject {
    Q_OBJECT
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
