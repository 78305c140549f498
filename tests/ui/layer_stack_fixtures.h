#pragma once

// Pipelines, helpers and the panel fixture shared by the layer-stack suites.

#include "document/pipeline_document.h"
#include "panels/layer_stack_model.h"
#include "panels/layer_stack_panel.h"
#include "pipeline/pipeline_analysis.h"
#include "support/test_support.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QListView>
#include <QMenu>
#include <QTest>

#include <memory>

namespace stridelab::test {

using ui::LayerStackModel;
using ui::LayerStackPanel;
using ui::PipelineDocument;

inline QByteArray pipelineJson(const QByteArray& input, const QByteArray& layers) {
    return R"({ "format": "stridelab.pipeline", "version": 1, "input": { "shape": )" + input +
           R"( }, "layers": [ )" + layers + " ] }";
}

// Every shape differs between the notations: H != W and C differs from both.
//   input            (3, 40, 24)
//   enc  conv s2 same   ceil(40/2) = 20, ceil(24/2) = 12      -> (8, 20, 12)
//   pool 2x2            floor((20-2)/2)+1 = 10, (12-2)/2+1 = 6 -> (8, 10, 6)
//   dec  transpose s2 same  n*s                               -> (4, 20, 12)
//   up   size [2, 3]                                          -> (4, 40, 36)
inline const QByteArray kKnown = pipelineJson("[3, 40, 24]", R"(
    { "type": "conv2d", "name": "enc", "filters": 8, "kernel_size": 3, "strides": 2,
      "padding": "same", "activation": "relu" },
    { "type": "max_pool2d", "name": "pool" },
    { "type": "conv2d_transpose", "name": "dec", "filters": 4, "kernel_size": 3, "strides": 2,
      "padding": "same" },
    { "type": "upsampling2d", "name": "up", "size": [2, 3] })");

// c2's 7x7 kernel does not fit c1's 6x6 output; the two layers after it get no input.
inline const QByteArray kBroken = pipelineJson("[1, 8, 8]", R"(
    { "type": "conv2d", "name": "c1", "filters": 4, "kernel_size": 3 },
    { "type": "conv2d", "name": "c2", "filters": 2, "kernel_size": 7 },
    { "type": "max_pool2d", "name": "p" },
    { "type": "upsampling2d", "name": "u" })");

inline const QByteArray kFour = pipelineJson("[1, 64, 64]", R"(
    { "type": "max_pool2d", "name": "a" }, { "type": "max_pool2d", "name": "b" },
    { "type": "max_pool2d", "name": "c" }, { "type": "max_pool2d", "name": "d" })");

inline PipelineReport analyze(const Pipeline& p) {
    return analyzePipeline(p, p.input.shape);
}

inline QStringList names(const Pipeline& p) {
    QStringList n;
    for (const PipelineLayer& l : p.layers) {
        n << l.name;
    }
    return n;
}

inline QStringList split(const char* commaSeparated) {
    return QString::fromLatin1(commaSeparated).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

inline QAction* menuAction(QMenu* menu, const QString& text) {
    for (QAction* a : menu->actions()) {
        if (!a->isSeparator() && a->text() == text) {
            return a;
        }
    }
    return nullptr;
}

// A document and its panel, wired as the main window wires them: every change is analysed
// and handed back to the panel.
struct PanelFixture {
    explicit PanelFixture(const QByteArray& json) {
        document.reset(pipelineFromJson(json), {});
        panel = std::make_unique<LayerStackPanel>(&document);
        QObject::connect(&document, &PipelineDocument::changed, panel.get(),
                         [this] { panel->setReport(analyze(document.pipeline())); });
        panel->setReport(analyze(document.pipeline()));
        tester = std::make_unique<QAbstractItemModelTester>(
            panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    [[nodiscard]] QString shapeText(int layer) const {
        return panel->model()
            ->index(LayerStackModel::rowOfLayer(layer))
            .data(LayerStackModel::ShapeTextRole)
            .toString();
    }
    // Keyboard shortcuts need an active window with the focus inside the panel.
    bool showAndFocus() {
        panel->resize(420, 480);
        panel->show();
        if (!QTest::qWaitForWindowActive(panel.get())) {
            return false;
        }
        panel->view()->setFocus();
        return panel->view()->hasFocus();
    }

    PipelineDocument document;
    std::unique_ptr<LayerStackPanel> panel;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

}  // namespace stridelab::test
