// NumPy .npy files (core/io/npy.h): round trips, float64 conversion, (H, W) as C = 1, the
// 64-byte aligned header NumPy writes, and every error with its exact text. Files are built
// byte by byte here, so the test needs no Python.

#include "io/npy.h"
#include "support/test_support.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace stridelab;

namespace {

// A version 1.0 .npy file with this header dictionary (padded as NumPy does) and raw data.
QByteArray npyFile(const QByteArray& dict, const QByteArray& data) {
    QByteArray header = dict;
    const qsizetype total = 10 + header.size() + 1;
    header.append(QByteArray((64 - total % 64) % 64, ' '));
    header.append('\n');
    QByteArray bytes("\x93NUMPY\x01\x00", 8);
    bytes.append(static_cast<char>(header.size() & 0xFF));
    bytes.append(static_cast<char>(header.size() >> 8));
    return bytes + header + data;
}

template <class T>
QByteArray rawBytes(const std::vector<T>& values) {
    return QByteArray(reinterpret_cast<const char*>(values.data()),
                      static_cast<qsizetype>(values.size() * sizeof(T)));
}

}  // namespace

class TestNpy : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void writesAlignedHeader_data();
    void writesAlignedHeader();
    void writeNpyThenReadNpy();
    void readsFloat64();
    void readsVersion2Header();
    void twoDimensionsAreOneChannel();
    void parseErrors_data();
    void parseErrors();
    void tensorErrors_data();
    void tensorErrors();
    void missingFile();
    void emptyArrayReadsAsEmpty();
};

void TestNpy::roundTrip_data() {
    QTest::addColumn<int>("c");
    QTest::addColumn<int>("h");
    QTest::addColumn<int>("w");
    QTest::addRow("1x1x1") << 1 << 1 << 1;
    QTest::addRow("2x3x4") << 2 << 3 << 4;
    QTest::addRow("3x17x9") << 3 << 17 << 9;
    QTest::addRow("1x100x100") << 1 << 100 << 100;
}

void TestNpy::roundTrip() {
    QFETCH(int, c);
    QFETCH(int, h);
    QFETCH(int, w);
    const Tensor t = test::randomTensor(Shape{c, h, w}, 7);
    auto array = parseNpy(serializeNpy(t), QStringLiteral("x.npy"));
    QVERIFY2(array.ok(), array.ok() ? "" : qPrintable(array.error().message));
    QCOMPARE(array->dims, (std::vector<std::int64_t>{c, h, w}));
    auto back = tensorFromArray(std::move(array).value(), QStringLiteral("x.npy"));
    QVERIFY(back.ok());
    QCOMPARE(back->shape(), t.shape());
    // float32 written and read back bit for bit.
    QVERIFY(std::memcmp(back->data(), t.data(),
                        static_cast<std::size_t>(t.size()) * sizeof(float)) == 0);
}

// NEP 1: magic, version 1.0, little-endian u16 header length, a dict padded with spaces and
// ending in '\n' so that the data starts on a multiple of 64 bytes.
void TestNpy::writesAlignedHeader_data() {
    QTest::addColumn<int>("c");
    QTest::addColumn<int>("h");
    QTest::addColumn<int>("w");
    QTest::addColumn<QByteArray>("dict");
    QTest::addRow("1x1x1") << 1 << 1 << 1
                           << QByteArray(
                                  "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 1), }");
    QTest::addRow("2x3x4") << 2 << 3 << 4
                           << QByteArray(
                                  "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 4), }");
    QTest::addRow("3x224x224")
        << 3 << 224 << 224
        << QByteArray("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 224, 224), }");
    QTest::addRow("10x10x10")
        << 10 << 10 << 10
        << QByteArray("{'descr': '<f4', 'fortran_order': False, 'shape': (10, 10, 10), }");
}

void TestNpy::writesAlignedHeader() {
    QFETCH(int, c);
    QFETCH(int, h);
    QFETCH(int, w);
    QFETCH(QByteArray, dict);
    const Tensor t(Shape{c, h, w}, 0.5F);
    const QByteArray bytes = serializeNpy(t);
    QCOMPARE(bytes.left(8), QByteArray("\x93NUMPY\x01\x00", 8));
    const int headerLength =
        static_cast<unsigned char>(bytes[8]) | (static_cast<unsigned char>(bytes[9]) << 8);
    const int dataStart = 10 + headerLength;
    QCOMPARE(dataStart % 64, 0);
    QCOMPARE(bytes.size(), qsizetype(dataStart) + qsizetype(4) * c * h * w);
    const QByteArray header = bytes.mid(10, headerLength);
    QVERIFY(header.startsWith(dict));
    QCOMPARE(header.back(), '\n');
    // Between the dict and the newline only spaces, and fewer than 64 of them.
    const QByteArray padding = header.mid(dict.size(), header.size() - dict.size() - 1);
    QCOMPARE(padding, QByteArray(padding.size(), ' '));
    QVERIFY(padding.size() < 64);
    // 0.5f is 0x3f000000, little-endian.
    QCOMPARE(bytes.mid(dataStart, 4), QByteArray("\x00\x00\x00\x3f", 4));
}

void TestNpy::writeNpyThenReadNpy() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("t.npy"));
    Tensor t(Shape{2, 2, 3});
    for (std::int64_t i = 0; i < t.size(); ++i) {
        t.values()[static_cast<std::size_t>(i)] = static_cast<float>(i) * 0.25F - 1.0F;
    }
    QVERIFY(writeNpy(path, t).ok());
    auto array = readNpy(path);
    QVERIFY2(array.ok(), array.ok() ? "" : qPrintable(array.error().message));
    QCOMPARE(array->dims, (std::vector<std::int64_t>{2, 2, 3}));
    QCOMPARE(array->values, (std::vector<float>{-1.0F, -0.75F, -0.5F, -0.25F, 0.0F, 0.25F, 0.5F,
                                                0.75F, 1.0F, 1.25F, 1.5F, 1.75F}));
    QCOMPARE(QDir(tmp.path()).entryList(QDir::Files), QStringList{QStringLiteral("t.npy")});
}

void TestNpy::readsFloat64() {
    const std::vector<double> values{1.5, -2.25, 0.1, 1e-3, 3.0e38, -7.0};
    const QByteArray bytes =
        npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", rawBytes(values));
    auto array = parseNpy(bytes, QStringLiteral("d.npy"));
    QVERIFY2(array.ok(), array.ok() ? "" : qPrintable(array.error().message));
    QCOMPARE(array->dims, (std::vector<std::int64_t>{2, 3}));
    QCOMPARE(array->values.size(), std::size_t(6));
    for (std::size_t i = 0; i < values.size(); ++i) {
        // Rounded to the nearest float32, as numpy's astype(float32) does.
        QCOMPARE(array->values[i], static_cast<float>(values[i]));
    }
    QCOMPARE(array->values[2], 0.1F);
}

void TestNpy::readsVersion2Header() {
    const QByteArray dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 2), }";
    QByteArray header = dict;
    header.append(QByteArray((64 - (12 + header.size() + 1) % 64) % 64, ' '));
    header.append('\n');
    QByteArray bytes("\x93NUMPY\x02\x00", 8);
    const auto length = static_cast<std::uint32_t>(header.size());
    bytes.append(reinterpret_cast<const char*>(&length), 4);
    bytes += header + rawBytes(std::vector<float>{1, 2, 3, 4});
    auto array = parseNpy(bytes, QStringLiteral("v2.npy"));
    QVERIFY2(array.ok(), array.ok() ? "" : qPrintable(array.error().message));
    QCOMPARE(array->dims, (std::vector<std::int64_t>{1, 2, 2}));
    QCOMPARE(array->values, (std::vector<float>{1, 2, 3, 4}));
}

void TestNpy::twoDimensionsAreOneChannel() {
    const QByteArray bytes = npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }",
                                     rawBytes(std::vector<float>{1, 2, 3, 4, 5, 6}));
    auto array = parseNpy(bytes, QStringLiteral("hw.npy"));
    QVERIFY(array.ok());
    auto t = tensorFromArray(std::move(array).value(), QStringLiteral("hw.npy"));
    QVERIFY(t.ok());
    QCOMPARE(t->shape(), (Shape{1, 2, 3}));
    QCOMPARE(t->at(0, 0, 0), 1.0F);
    QCOMPARE(t->at(0, 0, 2), 3.0F);
    QCOMPARE(t->at(0, 1, 0), 4.0F);
    QCOMPARE(t->at(0, 1, 2), 6.0F);
}

void TestNpy::parseErrors_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    const QByteArray four = rawBytes(std::vector<float>{1, 2, 3, 4, 5, 6});

    QTest::addRow("bad magic") << npyFile(
                                      "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }",
                                      four)
                                      .replace(1, 5, "NUMPX")
                               << R"(x.npy: not a NumPy .npy file (no \x93NUMPY magic))";
    QTest::addRow("a PNG") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                           << R"(x.npy: not a NumPy .npy file (no \x93NUMPY magic))";
    QTest::addRow("empty file") << QByteArray()
                                << R"(x.npy: not a NumPy .npy file (no \x93NUMPY magic))";
    QTest::addRow("big-endian >f4")
        << npyFile("{'descr': '>f4', 'fortran_order': False, 'shape': (2, 3), }", four)
        << "x.npy: unsupported dtype '>f4'; expected little-endian float32 ('<f4') or float64 "
           "('<f8')";
    QTest::addRow("int32") << npyFile("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }",
                                      four)
                           << "x.npy: unsupported dtype '<i4'; expected little-endian float32 "
                              "('<f4') or float64 ('<f8')";
    QTest::addRow("float16") << npyFile(
                                    "{'descr': '<f2', 'fortran_order': False, 'shape': (2, 3), }",
                                    four)
                             << "x.npy: unsupported dtype '<f2'; expected little-endian float32 "
                                "('<f4') or float64 ('<f8')";
    QTest::addRow("fortran_order True")
        << npyFile("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }", four)
        << "x.npy: Fortran-order arrays are not supported; save with C order "
           "(numpy.ascontiguousarray)";
    QTest::addRow("header shorter than its length")
        << npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", {}).left(40)
        << "x.npy: truncated .npy header";
    // The magic is there; the file ends inside the length field. Saying "no magic" would send
    // the user looking for the wrong problem.
    QTest::addRow("ends after the version")
        << QByteArray("\x93NUMPY\x01\x00", 8) << "x.npy: truncated .npy header";
    QTest::addRow("version 2 ends inside the length")
        << QByteArray("\x93NUMPY\x02\x00\x10\x00", 10) << "x.npy: truncated .npy header";
    QTest::addRow("unsupported version 4")
        << npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", four)
               .replace(6, 1, "\x04")
        << "x.npy: unsupported .npy format version 4";
    QTest::addRow("no shape in the header")
        << npyFile("{'descr': '<f4', 'fortran_order': False, }", four)
        << "x.npy: malformed .npy header: {'descr': '<f4', 'fortran_order': False, }";
    QTest::addRow("negative dimension")
        << npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2, -3), }", four)
        << "x.npy: malformed or too large shape (2, -3)";
    // (2, 3) float32 needs 24 bytes; 20 are there.
    QTest::addRow("truncated data f4")
        << npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", four.left(20))
        << "x.npy: truncated data: shape (2, 3) needs 24 bytes, the file has 20";
    // (1, 2, 2) float64 needs 32 bytes; 4 floats give 16.
    QTest::addRow("truncated data f8")
        << npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2, 2), }", four.left(16))
        << "x.npy: truncated data: shape (1, 2, 2) needs 32 bytes, the file has 16";
}

void TestNpy::parseErrors() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    const auto array = parseNpy(bytes, QStringLiteral("x.npy"));
    QVERIFY2(!array.ok(), "the bytes parsed");
    QCOMPARE(array.error().message, error);
}

void TestNpy::tensorErrors_data() {
    QTest::addColumn<QList<int>>("dims");
    QTest::addColumn<QString>("error");
    QTest::addRow("1-D") << QList<int>{5} << "x.npy: expected shape (C, H, W) or (H, W), got (5,)";
    QTest::addRow("4-D") << QList<int>{1, 1, 2, 2}
                         << "x.npy: expected shape (C, H, W) or (H, W), got (1, 1, 2, 2)";
    QTest::addRow("0-D") << QList<int>{} << "x.npy: expected shape (C, H, W) or (H, W), got ()";
    QTest::addRow("empty (0, 3)") << QList<int>{0, 3} << "x.npy: the array (0, 3) is empty";
    QTest::addRow("empty (2, 0, 4)")
        << QList<int>{2, 0, 4} << "x.npy: the array (2, 0, 4) is empty";
}

void TestNpy::tensorErrors() {
    QFETCH(QList<int>, dims);
    QFETCH(QString, error);
    NdArray array;
    std::int64_t count = 1;
    for (const int d : dims) {
        array.dims.push_back(d);
        count *= d;
    }
    array.values.assign(static_cast<std::size_t>(count), 1.0F);
    const auto t = tensorFromArray(std::move(array), QStringLiteral("x.npy"));
    QVERIFY(!t.ok());
    QCOMPARE(t.error().message, error);
}

void TestNpy::missingFile() {
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("none.npy"));
    const auto array = readNpy(path);
    QVERIFY(!array.ok());
    QCOMPARE(array.error().message,
             path + QStringLiteral(": cannot read: No such file or directory"));
}

// A shape with a zero reads as an array of no values (UBSan once caught a memcpy from it into a
// null pointer); only turning it into a tensor refuses it.
void TestNpy::emptyArrayReadsAsEmpty() {
    const auto array =
        parseNpy(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (0, 3, 3), }", {}),
                 QStringLiteral("x.npy"));
    QVERIFY2(array.ok(), qPrintable(array.ok() ? QString() : array.error().message));
    QCOMPARE(array->dims, (std::vector<std::int64_t>{0, 3, 3}));
    QVERIFY(array->values.empty());
    const auto t = tensorFromArray(*array, QStringLiteral("x.npy"));
    QVERIFY(!t.ok());
    QCOMPARE(t.error().message, QStringLiteral("x.npy: the array (0, 3, 3) is empty"));
}

QTEST_GUILESS_MAIN(TestNpy)
#include "tst_npy.moc"
