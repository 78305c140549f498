// Placeholder: this suite is being written.
#include <QTest>

class TestPresets : public QObject {
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestPresets)
#include "tst_presets.moc"
