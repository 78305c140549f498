#include "support/test_support.h"

#include "pipeline/pipeline_reader.h"

#include <QTest>

#include <cmath>
#include <random>

namespace stridelab::test {

QString dataDir() {
    return QStringLiteral(STRIDELAB_TEST_DATA_DIR);
}
QString sourceDir() {
    return QStringLiteral(STRIDELAB_SOURCE_DIR);
}

Pipeline pipelineFromJson(const QByteArray& json) {
    auto p = parsePipeline(json, QStringLiteral("test.json"), QDir(dataDir()));
    if (!p) {
        qFatal("pipeline did not parse: %s", qPrintable(p.error().message));
    }
    return std::move(p).value();
}

bool tensorsClose(const Tensor& actual, const Tensor& expected, double rtol, double atol,
                  QString* why) {
    if (actual.shape() != expected.shape()) {
        *why = QStringLiteral("shape %1, expected %2")
                   .arg(actual.shape().toString(), expected.shape().toString());
        return false;
    }
    const Shape s = expected.shape();
    for (std::int64_t c = 0; c < s.c; ++c) {
        for (std::int64_t y = 0; y < s.h; ++y) {
            for (std::int64_t x = 0; x < s.w; ++x) {
                const double a = actual.at(c, y, x);
                const double b = expected.at(c, y, x);
                if (!(std::abs(a - b) <= atol + rtol * std::abs(b))) {
                    *why = QStringLiteral("at (%1, %2, %3): %4, expected %5")
                               .arg(c)
                               .arg(y)
                               .arg(x)
                               .arg(a, 0, 'g', 9)
                               .arg(b, 0, 'g', 9);
                    return false;
                }
            }
        }
    }
    return true;
}

Tensor randomTensor(const Shape& shape, unsigned seed) {
    std::mt19937 engine(seed);
    Tensor t(shape);
    for (float& v : t.values()) {
        v = static_cast<float>(static_cast<double>(engine()) / 2147483648.0 - 1.0);
    }
    return t;
}

QByteArray shapePipelineJson(const Shape& input, const QByteArray& layers) {
    return QStringLiteral(R"({ "format": "stridelab.pipeline", "version": 1, "name": "t",
                               "input": { "shape": [%1, %2, %3] }, "layers": [ )")
               .arg(input.c)
               .arg(input.h)
               .arg(input.w)
               .toUtf8() +
           layers + " ] }";
}

}  // namespace stridelab::test
