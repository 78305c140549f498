// Placeholder: this suite is being written.
#include <QTest>

class TestPipelineIo : public QObject {
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestPipelineIo)
#include "tst_pipeline_io.moc"
