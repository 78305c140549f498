#include "fuzz_support.h"

#include "fuzz_targets.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>

#include <array>
#include <cstdlib>
#include <limits>

namespace stridelab::fuzz {

std::int64_t ByteReader::range(std::int64_t lo, std::int64_t hi) {
    if (hi <= lo) {
        return lo;
    }
    const auto span = static_cast<std::uint64_t>(hi - lo);
    std::uint64_t value = 0;
    for (std::uint64_t covered = 0; covered < span && !empty(); covered = (covered << 8) | 0xFF) {
        value = (value << 8) | byte();
    }
    return lo + static_cast<std::int64_t>(value % (span + 1));
}

std::int64_t ByteReader::interestingInteger() {
    static constexpr std::array<std::int64_t, 8> kEdges = {
        0,
        -1,
        65536,
        65537,
        std::numeric_limits<std::int32_t>::max(),
        std::int64_t{1} << 40,
        std::numeric_limits<std::int64_t>::max(),
        std::numeric_limits<std::int64_t>::min()};
    switch (byte() % 8) {
        case 0:
            return kEdges[pick(kEdges.size())];
        case 1:
            return range(-4, 100);
        default:
            return range(1, 7);
    }
}

QByteArray ByteReader::rest() {
    const auto start = std::min(pos_, size_);
    pos_ = size_;
    return {reinterpret_cast<const char*>(data_ + start), static_cast<qsizetype>(size_ - start)};
}

QString writeScratchFile(const QString& target, const QByteArray& bytes, const QString& suffix) {
    const QString path = QDir::temp().filePath(QStringLiteral("stridelab-fuzz-%1-%2%3")
                                                   .arg(target)
                                                   .arg(QCoreApplication::applicationPid())
                                                   .arg(suffix));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(bytes) != bytes.size()) {
        qFatal("cannot write the fuzz scratch file %s", qPrintable(path));
    }
    return path;
}

void initialize() {
    if (QCoreApplication::instance() != nullptr) {
        return;  // the Qt Test replay has its own
    }
    // The SVG image plugin draws text, which needs a QGuiApplication; offscreen, no display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static std::array<char, 16> name{"stridelab-fuzz"};
    static std::array<char*, 2> argv{name.data(), nullptr};
    // Kept until the process ends (libFuzzer leaves by exit()), reachable, so no leak report.
    static QGuiApplication* const app = new QGuiApplication(argc, argv.data());
    Q_UNUSED(app);
}

}  // namespace stridelab::fuzz
