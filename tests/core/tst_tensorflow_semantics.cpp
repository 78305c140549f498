// TensorFlow/Keras-only semantics, which the PyTorch golden fixtures cannot cover: "same"
// padding that puts the odd pixel bottom/right, "same" average pooling over real elements,
// Keras's conv2d_transpose crop, and TensorFlow 1's "asymmetric" bilinear resize. Each
// expected value is derived by hand in the comment above its row.

#include "pipeline/executor.h"
#include "support/test_support.h"

#include <QTest>

using namespace stridelab;

namespace {

QByteArray pipelineWith(const QByteArray& layer) {
    return R"({"format": "stridelab.pipeline", "version": 1, "input": {"shape": [1, 1, 1]}, "layers": [)" +
           layer + "]}";
}

// 1..n*n row-major, the input of most rows.
QList<double> ramp(int count) {
    QList<double> v;
    for (int i = 1; i <= count; ++i) {
        v << i;
    }
    return v;
}

Tensor tensorOf(const QList<int>& shape, const QList<double>& values) {
    Tensor t(Shape{shape[0], shape[1], shape[2]});
    for (qsizetype i = 0; i < values.size(); ++i) {
        t.values()[static_cast<std::size_t>(i)] = static_cast<float>(values[i]);
    }
    return t;
}

}  // namespace

class TestTensorflowSemantics : public QObject {
    Q_OBJECT

private slots:
    void matchesHandComputed_data();
    void matchesHandComputed();
};

void TestTensorflowSemantics::matchesHandComputed_data() {
    QTest::addColumn<QByteArray>("layer");
    QTest::addColumn<QList<int>>("inputShape");
    QTest::addColumn<QList<double>>("input");
    QTest::addColumn<QList<int>>("outputShape");
    QTest::addColumn<QList<double>>("expected");
    QTest::addColumn<QList<int>>("argmax");  // max_pool2d only; empty otherwise

    // Input x (4x4) = 1..16 row-major:
    //    1  2  3  4
    //    5  6  7  8
    //    9 10 11 12
    //   13 14 15 16
    // "same", s 2: out = ceil(4/2) = 2, pt = max((2-1)*2 + 3 - 4, 0) = 1, before = floor(1/2) = 0,
    // after = 1. So windows cover rows/cols {0,1,2} and {2,3,pad}:
    //   (0,0) = 1+2+3 + 5+6+7 + 9+10+11 = 54     (0,1) = 3+4 + 7+8 + 11+12 = 45
    //   (1,0) = 9+10+11 + 13+14+15 = 72          (1,1) = 11+12 + 15+16 = 54
    // (PyTorch's padding=1 would centre the windows: (0,0) = 1+2+5+6 = 14.)
    QTest::addRow("conv2d same k3 s2 on 4x4: pads 0 top/left, 1 bottom/right")
        << QByteArray(
               R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "strides": 2, "padding": "same",
                         "weights": {"kernel": [[[[1, 1, 1], [1, 1, 1], [1, 1, 1]]]]}})")
        << QList<int>{1, 4, 4} << ramp(16) << QList<int>{1, 2, 2} << QList<double>{54, 45, 72, 54}
        << QList<int>{};

    // x (3x3) = 1..9. "same", k 2, s 1: out 3, pt = 2 + 2 - 3 = 1 -> 0 before, 1 after: each
    // output sums x[i..i+1][j..j+1], zero past the bottom/right edge. Bias 0.5 on top.
    //   1+2+4+5=12  2+3+5+6=16  3+6=9
    //   4+5+7+8=24  5+6+8+9=28  6+9=15
    //   7+8=15      8+9=17      9
    QTest::addRow("conv2d same k2 s1 on 3x3: the pad goes after")
        << QByteArray(R"({"type": "conv2d", "filters": 1, "kernel_size": 2, "padding": "same",
                         "weights": {"kernel": [[[[1, 1], [1, 1]]]], "bias": [0.5]}})")
        << QList<int>{1, 3, 3} << ramp(9) << QList<int>{1, 3, 3}
        << QList<double>{12.5, 16.5, 9.5, 24.5, 28.5, 15.5, 15.5, 17.5, 9.5} << QList<int>{};

    // x (3x3) = 1..9. "same" pool 2 s 2: out 2, pt = (2-1)*2 + 2 - 3 = 1 -> 0 before, 1 after.
    // Windows divide by their real elements (TensorFlow):
    //   (0,0) = (1+2+4+5)/4 = 3     (0,1) = (3+6)/2 = 4.5
    //   (1,0) = (7+8)/2 = 7.5       (1,1) = 9/1 = 9
    QTest::addRow("avg_pool2d same k2 s2 on 3x3: divides by real elements")
        << QByteArray(R"({"type": "avg_pool2d", "pool_size": 2, "padding": "same"})")
        << QList<int>{1, 3, 3} << ramp(9) << QList<int>{1, 2, 2} << QList<double>{3, 4.5, 7.5, 9}
        << QList<int>{};

    // x (3x3) = 1..9. "same" pool 3 s 1: pt = 2 + 3 - 3 = 2 -> 1, 1. Real elements per window:
    // corners 4, edges 6, centre 9.
    //   (1+2+4+5)/4=3      (1+2+3+4+5+6)/6=3.5        (2+3+5+6)/4=4
    //   (1+2+4+5+7+8)/6=4.5  45/9=5                   (2+3+5+6+8+9)/6=5.5
    //   (4+5+7+8)/4=6      (4+5+6+7+8+9)/6=6.5        (5+6+8+9)/4=7
    QTest::addRow("avg_pool2d same k3 s1 on 3x3: corners /4, edges /6")
        << QByteArray(R"({"type": "avg_pool2d", "pool_size": 3, "strides": 1, "padding": "same"})")
        << QList<int>{1, 3, 3} << ramp(9) << QList<int>{1, 3, 3}
        << QList<double>{3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7} << QList<int>{};

    // x (3x3) = -1..-9. Windows as in the avg row; padding never wins (a zero pad would give 0):
    //   (0,0) = max(-1,-2,-4,-5) = -1 at 0   (0,1) = max(-3,-6) = -3 at 2
    //   (1,0) = max(-7,-8) = -7 at 6         (1,1) = -9 at 8
    QTest::addRow("max_pool2d same k2 s2 on 3x3 negatives: pads never win")
        << QByteArray(R"({"type": "max_pool2d", "pool_size": 2, "padding": "same"})")
        << QList<int>{1, 3, 3} << QList<double>{-1, -2, -3, -4, -5, -6, -7, -8, -9}
        << QList<int>{1, 2, 2} << QList<double>{-1, -3, -7, -9} << QList<int>{0, 2, 6, 8};

    // Transposed convolution of x = [[1, 2], [3, 4]] with w = u u^T, u = [1, 2, 3] (k 3, s 2):
    // input i adds x[i]*u[j] at i*2 + j, so per axis the full length is (2-1)*2 + 3 = 5 and
    // A[p][i] = u[p - 2i] = [1,0], [2,0], [3,1], [0,2], [0,3]. Full = A x A^T:
    //   x A^T rows: [1,2] -> [1, 2, 5, 4, 6];  [3,4] -> [3, 6, 13, 8, 12]
    //   F = [1*r0; 2*r0; 3*r0 + r1; 2*r1; 3*r1] =
    //     1  2  5  4  6
    //     2  4 10  8 12
    //     6 12 28 20 30
    //     6 12 26 16 24
    //     9 18 39 24 36
    // Keras "valid": out = 2*2 + max(3 - 2, 0) = 5, offset floor(max(5 - 5, 0)/2) = 0: all of F.
    const QByteArray kernel3 = R"("weights": {"kernel": [[[[1, 2, 3], [2, 4, 6], [3, 6, 9]]]]})";
    QTest::addRow("conv2d_transpose Keras valid k3 s2 on 2x2: the full 5x5")
        << QByteArray(
               R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "strides": 2, )" +
               kernel3 + "}")
        << QList<int>{1, 2, 2} << QList<double>{1, 2, 3, 4} << QList<int>{1, 5, 5}
        << QList<double>{1,  2,  5, 4,  6,  2,  4,  10, 8,  12, 6,  12, 28,
                         20, 30, 6, 12, 26, 16, 24, 9,  18, 39, 24, 36}
        << QList<int>{};
    // Keras "same": out = 2*2 = 4, offset floor(max(5 - 4, 0)/2) = 0: rows/cols 0..3 of F
    // (PyTorch's p=1, output_padding=1 gives the same size but offset 1: rows/cols 1..4).
    QTest::addRow("conv2d_transpose Keras same k3 s2 on 2x2: crop offset 0")
        << QByteArray(R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "strides": 2,
                         "padding": "same", )" +
                      kernel3 + "}")
        << QList<int>{1, 2, 2} << QList<double>{1, 2, 3, 4} << QList<int>{1, 4, 4}
        << QList<double>{1, 2, 5, 4, 2, 4, 10, 8, 6, 12, 28, 20, 6, 12, 26, 16} << QList<int>{};
    // Keras "same" with op 1: pad = floor(3/2) = 1, out = (2-1)*2 + 3 - 2*1 + 1 = 4 (and
    // ceil(4/2) = 2 = n), offset floor((5 - 4)/2) = 0: the same window as without op.
    QTest::addRow("conv2d_transpose Keras same k3 s2 op1 on 2x2: out 4, offset 0")
        << QByteArray(R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "strides": 2,
                         "padding": "same", "output_padding": 1, )" +
                      kernel3 + "}")
        << QList<int>{1, 2, 2} << QList<double>{1, 2, 3, 4} << QList<int>{1, 4, 4}
        << QList<double>{1, 2, 5, 4, 2, 4, 10, 8, 6, 12, 28, 20, 6, 12, 26, 16} << QList<int>{};
    // Keras "valid" with op 1: out = (2-1)*2 + 3 + 1 = 6 > full 5, offset 0: F plus a zero
    // row and column, then the bias 0.5 everywhere (also on the zeros).
    QTest::addRow("conv2d_transpose Keras valid k3 s2 op1 on 2x2: zero-extended, bias on top")
        << QByteArray(R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "strides": 2,
                         "output_padding": 1,
                         "weights": {"kernel": [[[[1, 2, 3], [2, 4, 6], [3, 6, 9]]]], "bias": [0.5]}})")
        << QList<int>{1, 2, 2} << QList<double>{1, 2, 3, 4} << QList<int>{1, 6, 6}
        << QList<double>{1.5, 2.5,  5.5,  4.5,  6.5,  0.5, 2.5, 4.5,  10.5, 8.5,  12.5, 0.5,
                         6.5, 12.5, 28.5, 20.5, 30.5, 0.5, 6.5, 12.5, 26.5, 16.5, 24.5, 0.5,
                         9.5, 18.5, 39.5, 24.5, 36.5, 0.5, 0.5, 0.5,  0.5,  0.5,  0.5,  0.5}
        << QList<int>{};

    // k 4, u = [1, 2, 3, 4], s 2: full (2-1)*2 + 4 = 6, A = [1,0], [2,0], [3,1], [4,2], [0,3],
    // [0,4].
    //   x A^T rows: [1,2] -> [1, 2, 5, 8, 6, 8];  [3,4] -> [3, 6, 13, 20, 12, 16]
    //   F rows: r0; 2 r0; 3 r0 + r1; 4 r0 + 2 r1; 3 r1; 4 r1 =
    //      1  2  5  8  6  8
    //      2  4 10 16 12 16
    //      6 12 28 44 30 40
    //     10 20 46 72 48 64
    //      9 18 39 60 36 48
    //     12 24 52 80 48 64
    // Keras "same": out 4, offset floor((6 - 4)/2) = 1: rows/cols 1..4.
    const QByteArray kernel4 =
        R"("weights": {"kernel": [[[[1, 2, 3, 4], [2, 4, 6, 8], [3, 6, 9, 12], [4, 8, 12, 16]]]]})";
    QTest::addRow("conv2d_transpose Keras same k4 s2 on 2x2: crop offset 1")
        << QByteArray(R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 4, "strides": 2,
                         "padding": "same", )" +
                      kernel4 + "}")
        << QList<int>{1, 2, 2} << QList<double>{1, 2, 3, 4} << QList<int>{1, 4, 4}
        << QList<double>{4, 10, 16, 12, 12, 28, 44, 30, 20, 46, 72, 48, 18, 39, 60, 36}
        << QList<int>{};
    // With op 1: pad 2, out = 2 + 4 - 4 + 1 = 3 (ceil(3/2) = 2 = n), offset floor((6-3)/2) = 1:
    // rows/cols 1..3.
    QTest::addRow("conv2d_transpose Keras same k4 s2 op1 on 2x2: out 3, offset 1")
        << QByteArray(R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 4, "strides": 2,
                         "padding": "same", "output_padding": 1, )" +
                      kernel4 + "}")
        << QList<int>{1, 2, 2} << QList<double>{1, 2, 3, 4} << QList<int>{1, 3, 3}
        << QList<double>{4, 10, 16, 12, 28, 44, 20, 46, 72} << QList<int>{};
    // Kernel narrower than the stride: width k 2, s 3 on [1, 2]: full (2-1)*3 + 2 = 5 =
    // [1*1, 1*10, 0, 2*1, 2*10]; Keras "valid" out = 2*3 + max(2 - 3, 0) = 6, offset 0: a
    // sixth, zero column.
    QTest::addRow("conv2d_transpose Keras valid k2 s3 on 1x2: zero past the end")
        << QByteArray(
               R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": [1, 2], "strides": [1, 3],
                         "weights": {"kernel": [[[[1, 10]]]]}})")
        << QList<int>{1, 1, 2} << QList<double>{1, 2} << QList<int>{1, 1, 6}
        << QList<double>{1, 10, 0, 2, 20, 0} << QList<int>{};

    // "asymmetric": source = x * n_in/n_out = x/2 for 2 -> 4: 0, 0.5, 1, 1.5; the tap past the
    // last input is clamped, so 1.5 reads input 1 only. Per axis: in[0], (in[0]+in[1])/2,
    // in[1], in[1]. x = [[0, 4], [8, 12]]:
    //   row 0: [0, 2, 4, 4]; row 1: [8, 10, 12, 12]; output rows: r0, (r0+r1)/2, r1, r1.
    // (half_pixel would start at 0 and then read 0.25, giving 1 at (0,1).)
    QTest::addRow("upsampling2d bilinear asymmetric 2x2 -> 4x4")
        << QByteArray(R"({"type": "upsampling2d", "size": 2, "interpolation": "bilinear",
                         "coordinate_mode": "asymmetric"})")
        << QList<int>{1, 2, 2} << QList<double>{0, 4, 8, 12} << QList<int>{1, 4, 4}
        << QList<double>{0, 2, 4, 4, 4, 6, 8, 8, 8, 10, 12, 12, 8, 10, 12, 12} << QList<int>{};
    // 1x2 -> 3x6 (size 3): width sources x/3 = 0, 1/3, 2/3, 1, 4/3, 5/3 over [0, 3] give
    // 0, 1, 2, 3, 3, 3; the single row is repeated.
    QTest::addRow("upsampling2d bilinear asymmetric 1x2 -> 3x6")
        << QByteArray(R"({"type": "upsampling2d", "size": 3, "interpolation": "bilinear",
                         "coordinate_mode": "asymmetric"})")
        << QList<int>{1, 1, 2} << QList<double>{0, 3} << QList<int>{1, 3, 6}
        << QList<double>{0, 1, 2, 3, 3, 3, 0, 1, 2, 3, 3, 3, 0, 1, 2, 3, 3, 3} << QList<int>{};
}

void TestTensorflowSemantics::matchesHandComputed() {
    QFETCH(QByteArray, layer);
    QFETCH(QList<int>, inputShape);
    QFETCH(QList<double>, input);
    QFETCH(QList<int>, outputShape);
    QFETCH(QList<double>, expected);
    QFETCH(QList<int>, argmax);

    // A pool records its indices only for a later max_unpool2d: one follows when they are
    // checked.
    QByteArray layers = layer;
    if (!argmax.isEmpty()) {
        layers.insert(1, R"("name": "pooled", )");
        layers += R"(, {"type": "max_unpool2d", "indices_from": "pooled"})";
    }
    const Pipeline pipeline = test::pipelineFromJson(pipelineWith(layers));
    const Tensor in = tensorOf(inputShape, input);
    const PipelineReport report = analyzePipeline(pipeline, in.shape());
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.firstBroken()->error->message));
    QCOMPARE(report.layers[0].shape->output,
             (Shape{outputShape[0], outputShape[1], outputShape[2]}));
    RunOptions options;
    options.threads = 1;
    auto run = runPipeline(pipeline, report, in, options);
    QVERIFY2(run.ok(), run.ok() ? "" : qPrintable(run.error().message));
    QString why;
    QVERIFY2(test::tensorsClose(run->layers[0]->values, tensorOf(outputShape, expected), 1e-6, 1e-5,
                                &why),
             qPrintable(why));
    if (!argmax.isEmpty()) {
        QCOMPARE(run->layers[0]->argmax, (std::vector<std::int32_t>(argmax.begin(), argmax.end())));
    }
}

QTEST_GUILESS_MAIN(TestTensorflowSemantics)
#include "tst_tensorflow_semantics.moc"
