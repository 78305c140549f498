// The interface language in the real window: View > Language > 简体中文 turns the menus, the
// docks, the layer stack, the parameter labels and the undo steps into Chinese, and
// View > Language > English brings the English back, while the open pipeline, the selected
// layer and the undo history stay exactly as they were. The system locale picks the language
// at start unless a choice was remembered.

#include "files/file_controller.h"
#include "i18n/language.h"
#include "main_window.h"
#include "panels/layer_stack_model.h"
#include "panels/layer_stack_panel.h"
#include "panels/parameter_editors.h"
#include "panels/properties_panel.h"
#include "plots/histogram_plot.h"
#include "plots/profile_plot.h"
#include "widgets/feature_map_view.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSpinBox>
#include <QTest>

using namespace stridelab;
using namespace stridelab::ui;
using i18n::Language;

namespace {

constexpr int kComputeTimeoutMs = 30000;
const QString kMnist = QStringLiteral(":/presets/mnist_trunk.stridelab.json");

bool settle(MainWindow& w) {
    return QTest::qWaitFor([&] { return !w.compute()->busy(); }, kComputeTimeoutMs);
}

QStringList menuTitles(MainWindow& w) {
    QStringList titles;
    for (const QAction* a : w.menuBar()->actions()) {
        titles << a->text();
    }
    return titles;
}

QString dockTitle(MainWindow& w, const char* name) {
    return w.findChild<QDockWidget*>(QLatin1String(name))->windowTitle();
}

QStringList labelTexts(const QWidget* panel) {
    QStringList texts;
    for (const QLabel* l : panel->findChildren<QLabel*>()) {
        texts << l->text();
    }
    return texts;
}

QAction* editAction(MainWindow& w, int position) {
    QMenu* edit = w.menuBar()->actions().at(1)->menu();
    return edit->actions().at(position);
}

bool hasHan(const QString& text) {
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
}

// Every menu and menu entry without a Chinese character, except the entries of the menus
// that list data (file names, preset and image names).
void collectUntranslated(const QMenu* menu, const QStringList& dataMenus, QStringList& out) {
    for (const QAction* a : menu->actions()) {
        if (a->isSeparator() && a->text().isEmpty()) {
            continue;
        }
        if (!hasHan(a->text())) {
            out << a->text();
        }
        if (a->menu() != nullptr && !dataMenus.contains(a->text())) {
            collectUntranslated(a->menu(), dataMenus, out);
        }
    }
}

// What the document is: its layers (the very objects), the selection and the undo history.
struct DocumentState {
    std::vector<std::pair<QString, const Layer*>> layers;
    int selected = -2;
    int propertiesLayer = -2;
    int undoCount = -1;
    int undoIndex = -1;
    bool modified = false;
    QStringList shapes;

    static DocumentState of(MainWindow& w) {
        DocumentState s;
        for (const PipelineLayer& l : w.document()->pipeline().layers) {
            s.layers.emplace_back(l.name, l.layer.get());
        }
        s.selected = w.layerStack()->selectedLayer();
        s.propertiesLayer = w.properties()->layerIndex();
        s.undoCount = w.document()->undoStack()->count();
        s.undoIndex = w.document()->undoStack()->index();
        s.modified = w.document()->isModified();
        const LayerStackModel* model = w.layerStack()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            s.shapes << model->index(row).data(LayerStackModel::ShapeTextRole).toString();
        }
        return s;
    }
    bool operator==(const DocumentState&) const = default;
};

}  // namespace

class TestLanguage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void localePicksTheLanguage_data();
    void localePicksTheLanguage();
    void rememberedChoiceWinsAtStart();
    void switchesTheWindowAndKeepsTheDocument();
};

void TestLanguage::initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("StrideLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_language"));
    QSettings().clear();
}

void TestLanguage::cleanup() {
    i18n::setLanguage(Language::English);
}

void TestLanguage::localePicksTheLanguage_data() {
    QTest::addColumn<QString>("locale");
    QTest::addColumn<Language>("language");
    QTest::addRow("zh_CN") << "zh_CN" << Language::SimplifiedChinese;
    QTest::addRow("zh_SG") << "zh_SG" << Language::SimplifiedChinese;
    QTest::addRow("zh-Hans") << "zh-Hans" << Language::SimplifiedChinese;
    QTest::addRow("zh_TW traditional") << "zh_TW" << Language::English;
    QTest::addRow("zh_HK traditional") << "zh_HK" << Language::English;
    QTest::addRow("en_US") << "en_US" << Language::English;
    QTest::addRow("de_DE") << "de_DE" << Language::English;
    QTest::addRow("C") << "C" << Language::English;
}

void TestLanguage::localePicksTheLanguage() {
    QFETCH(QString, locale);
    QFETCH(Language, language);
    QCOMPARE(i18n::languageForLocale(QLocale(locale)), language);
}

void TestLanguage::rememberedChoiceWinsAtStart() {
    QVERIFY(i18n::chooseLanguage(Language::SimplifiedChinese));
    QCOMPARE(i18n::currentLanguage(), Language::SimplifiedChinese);
    QCOMPARE(QSettings().value(QStringLiteral("view/language")).toString(),
             QStringLiteral("zh_CN"));
    QCOMPARE(i18n::startupLanguage(), Language::SimplifiedChinese);
    QCOMPARE(QCoreApplication::translate("stridelab::ui::MainWindow", "&File"),
             QStringLiteral("文件(&F)"));
    QVERIFY(i18n::chooseLanguage(Language::English));
    QCOMPARE(QSettings().value(QStringLiteral("view/language")).toString(), QStringLiteral("en"));
    QCOMPARE(i18n::startupLanguage(), Language::English);
    QCOMPARE(QCoreApplication::translate("stridelab::ui::MainWindow", "&File"),
             QStringLiteral("&File"));
    QSettings().remove(QStringLiteral("view/language"));
}

void TestLanguage::switchesTheWindowAndKeepsTheDocument() {
    MainWindow w(kMnist);
    w.show();
    QVERIFY(settle(w));
    // A history with a step to undo and one to redo: strides of conv2d_1 from 1 to 2, and a
    // rename that was undone.
    w.layerStack()->selectLayer(2);
    QTest::keyClick(w.properties()->editor(QStringLiteral("strides"))->findChild<QSpinBox*>(),
                    Qt::Key_Up);
    QTRY_VERIFY_WITH_TIMEOUT(
        w.mapView()->featureMap() && w.mapView()->featureMap()->shape() == (Shape{64, 6, 6}),
        kComputeTimeoutMs);
    w.document()->renameLayer(4, QStringLiteral("head"));
    w.document()->undoStack()->undo();
    QVERIFY(settle(w));
    const DocumentState before = DocumentState::of(w);
    QCOMPARE(before.selected, 2);
    QCOMPARE(before.undoCount, 2);
    QCOMPARE(before.undoIndex, 1);
    QCOMPARE(before.shapes.at(3), QStringLiteral("(64, 6, 6)"));  // floor((13 - 3) / 2) + 1

    const QStringList english = {QStringLiteral("&File"), QStringLiteral("&Edit"),
                                 QStringLiteral("&View"), QStringLiteral("&Help")};
    QCOMPARE(menuTitles(w), english);
    QCOMPARE(dockTitle(w, "layersDock"), QStringLiteral("Layers"));
    QVERIFY(labelTexts(w.properties()).contains(QStringLiteral("Strides")));
    QCOMPARE(editAction(w, 0)->text(), QStringLiteral("&Undo Edit conv2d_1"));
    QCOMPARE(editAction(w, 1)->text(), QStringLiteral("&Redo Rename conv2d_2 to head"));
    QVERIFY(w.languageAction(Language::English)->isChecked());
    QCOMPARE(w.languageAction(Language::English)->text(), QStringLiteral("English"));
    QCOMPARE(w.languageAction(Language::SimplifiedChinese)->text(), QStringLiteral("简体中文"));

    w.languageAction(Language::SimplifiedChinese)->trigger();
    QCOMPARE(i18n::currentLanguage(), Language::SimplifiedChinese);
    QVERIFY(w.languageAction(Language::SimplifiedChinese)->isChecked());
    QVERIFY(!w.languageAction(Language::English)->isChecked());
    QCOMPARE(QSettings().value(QStringLiteral("view/language")).toString(),
             QStringLiteral("zh_CN"));
    QCOMPARE(menuTitles(w), (QStringList{QStringLiteral("文件(&F)"), QStringLiteral("编辑(&E)"),
                                         QStringLiteral("视图(&V)"), QStringLiteral("帮助(&H)")}));
    QCOMPARE(dockTitle(w, "layersDock"), QStringLiteral("层"));
    QCOMPARE(dockTitle(w, "propertiesDock"), QStringLiteral("属性"));
    QCOMPARE(dockTitle(w, "plotsDock"), QStringLiteral("图表"));
    const QStringList labels = labelTexts(w.properties());
    QVERIFY2(labels.contains(QStringLiteral("步幅")), qPrintable(labels.join(QLatin1Char('|'))));
    QVERIFY(labels.contains(QStringLiteral("卷积核数")));
    // The label's tooltip: label, key, help and the framework spellings, in Chinese.
    const QList<QLabel*> labelWidgets = w.properties()->findChildren<QLabel*>();
    const auto strides =
        std::find_if(labelWidgets.cbegin(), labelWidgets.cend(),
                     [](const QLabel* l) { return l->text() == QStringLiteral("步幅"); });
    QVERIFY(strides != labelWidgets.cend());
    QCOMPARE(
        (*strides)->toolTip(),
        QStringLiteral("<b>步幅</b>（<code>strides</code>）<br>卷积核在相邻两个输出之间移动的步长。"
                       "<br><br>Keras：<code>Conv2D(strides=(2, 2))</code><br>PyTorch："
                       "<code>nn.Conv2d(stride=(2, 2))</code>"));
    QVERIFY(!labels.contains(QStringLiteral("Strides")));
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QString& t) {
        return t.contains(QStringLiteral("卷积 Conv2D"));
    }));
    QCOMPARE(editAction(w, 0)->text(), QStringLiteral("撤销 编辑 conv2d_1(&U)"));
    QCOMPARE(editAction(w, 1)->text(), QStringLiteral("重做 将 conv2d_2 重命名为 head(&R)"));
    QCOMPARE(w.layerStack()->addMenu()->title(), QStringLiteral("添加层(&A)"));
    QCOMPARE(w.layerStack()->model()->index(0).data(Qt::DisplayRole).toString(),
             QStringLiteral("输入"));
    QVERIFY(w.windowTitle().contains(QStringLiteral("未保存")));
    // The plots: conv2d_1's 64 x 6 x 6 values, and the row profile's readout.
    QCOMPARE(w.findChild<HistogramPlot*>()->countsText(), QStringLiteral("2,304 个值"));
    QVERIFY2(w.findChild<ProfilePlot*>()->readoutText().contains(QStringLiteral("输入 ")),
             qPrintable(w.findChild<ProfilePlot*>()->readoutText()));
    // Nothing in the menus stayed English but names: the languages, a colour map, notations.
    QStringList untranslated;
    const QStringList dataMenus = {QStringLiteral("内置图像(&B)"), QStringLiteral("预设(&P)"),
                                   QStringLiteral("最近打开(&R)")};
    for (const QAction* a : w.menuBar()->actions()) {
        collectUntranslated(a->menu(), dataMenus, untranslated);
    }
    untranslated.sort();
    QCOMPARE(untranslated, (QStringList{QStringLiteral("(C, H, W)  PyTorch"),
                                        QStringLiteral("(None, H, W, C)  Keras"),
                                        QStringLiteral("English"), QStringLiteral("Viridis")}));
    QCOMPARE(DocumentState::of(w), before);

    w.languageAction(Language::English)->trigger();
    QCOMPARE(i18n::currentLanguage(), Language::English);
    QCOMPARE(QSettings().value(QStringLiteral("view/language")).toString(), QStringLiteral("en"));
    QCOMPARE(menuTitles(w), english);
    QCOMPARE(dockTitle(w, "layersDock"), QStringLiteral("Layers"));
    QCOMPARE(dockTitle(w, "propertiesDock"), QStringLiteral("Properties"));
    QVERIFY(labelTexts(w.properties()).contains(QStringLiteral("Strides")));
    QVERIFY(!labelTexts(w.properties()).contains(QStringLiteral("步幅")));
    QCOMPARE(editAction(w, 0)->text(), QStringLiteral("&Undo Edit conv2d_1"));
    QCOMPARE(editAction(w, 1)->text(), QStringLiteral("&Redo Rename conv2d_2 to head"));
    QCOMPARE(w.layerStack()->model()->index(0).data(Qt::DisplayRole).toString(),
             QStringLiteral("input"));
    QCOMPARE(w.findChild<HistogramPlot*>()->countsText(), QStringLiteral("2,304 values"));
    QVERIFY(w.findChild<ProfilePlot*>()->readoutText().contains(QStringLiteral("input ")));
    QCOMPARE(DocumentState::of(w), before);

    // The editors made anew for the switch edit the same layer: strides 2 -> 3 replaces the
    // undone rename and merges into the strides step, which one undo takes back.
    QTest::keyClick(w.properties()->editor(QStringLiteral("strides"))->findChild<QSpinBox*>(),
                    Qt::Key_Up);
    QCOMPARE(w.layerStack()->model()->index(3).data(LayerStackModel::ShapeTextRole).toString(),
             QStringLiteral("(64, 4, 4)"));  // floor((13 - 3) / 3) + 1
    QCOMPARE(w.document()->undoStack()->count(), 1);
    w.document()->undoStack()->undo();
    QCOMPARE(w.document()->undoStack()->index(), 0);
    QCOMPARE(w.layerStack()->model()->index(3).data(LayerStackModel::ShapeTextRole).toString(),
             QStringLiteral("(64, 11, 11)"));
    QVERIFY(settle(w));

    // The analysis's note on a switched-off layer follows the language as well.
    w.document()->setLayerEnabled(1, false);
    auto poolTip = [&] {
        return w.layerStack()->model()->index(2).data(Qt::ToolTipRole).toString();
    };
    QVERIFY(poolTip().contains(QStringLiteral("switched off")));
    w.languageAction(Language::SimplifiedChinese)->trigger();
    QVERIFY2(poolTip().contains(QStringLiteral("已关闭")), qPrintable(poolTip()));
    QVERIFY(settle(w));
}

QTEST_MAIN(TestLanguage)

#include "tst_language.moc"
