// The Simplified Chinese catalogue, resources/translations/stridelab_zh_CN.ts, as a translator
// leaves it: every message translated (nothing unfinished, nothing obsolete), every %1 / %L1
// / %n of a source text kept in its translation, the catalogue in step with the code (lupdate
// over today's sources finds no text it lacks and none it should drop), and the .qm compiled
// into the program says what the .ts says.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>
#include <set>

namespace {

const QString kCatalogue =
    QStringLiteral(STRIDELAB_SOURCE_DIR "/resources/translations/stridelab_zh_CN.ts");

struct Message {
    QString context;
    QString source;
    QString comment;  // lupdate's disambiguation, part of the key
    QString translation;
    QString type;  // "unfinished", "obsolete", "vanished", or empty when done
};

struct Catalogue {
    QString language;
    std::vector<Message> messages;
    QString error;
};

Catalogue readCatalogue(const QString& path) {
    Catalogue c;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        c.error = QStringLiteral("cannot open %1").arg(path);
        return c;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                c.language = xml.attributes().value(QLatin1String("language")).toString();
            } else if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                m = Message{context, {}, {}, {}, {}};
            } else if (name == QLatin1String("source")) {
                m.source = xml.readElementText();
            } else if (name == QLatin1String("comment")) {
                m.comment = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                m.type = xml.attributes().value(QLatin1String("type")).toString();
                // A plural message holds its forms as <numerusform> children (Chinese has one).
                QString text;
                QStringList forms;
                while (!xml.atEnd() && !(xml.readNext() == QXmlStreamReader::EndElement &&
                                         xml.name() == QLatin1String("translation"))) {
                    if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                        forms << xml.readElementText();
                    } else if (xml.isCharacters()) {
                        text += xml.text();
                    }
                }
                m.translation = forms.isEmpty() ? text : forms.join(QLatin1Char('\n'));
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            c.messages.push_back(m);
        }
    }
    if (xml.hasError()) {
        c.error =
            QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    }
    return c;
}

QString describe(const Message& m) {
    QString source = m.source;
    return QStringLiteral("[%1] \"%2\"")
        .arg(m.context, source.replace(QLatin1Char('\n'), QStringLiteral("\\n")));
}

// The placeholders of a text, sorted: "%1", "%L2", "%n"...
QStringList placeholders(const QString& text) {
    static const QRegularExpression marker(QStringLiteral("%L?(\\d+|n)"));
    QStringList found;
    for (const auto& match : marker.globalMatch(text)) {
        found << match.captured();
    }
    found.sort();
    return found;
}

using Key = std::tuple<QString, QString, QString>;

std::set<Key> keysOf(const Catalogue& c) {
    std::set<Key> keys;
    for (const Message& m : c.messages) {
        keys.insert({m.context, m.source, m.comment});
    }
    return keys;
}

}  // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyMessageIsTranslated();
    void placeholdersArePreserved_data();
    void placeholdersArePreserved();
    void catalogueCoversTheSources();
    void compiledCatalogueSaysTheSame();

private:
    Catalogue catalogue_;
};

void TestTranslations::initTestCase() {
    catalogue_ = readCatalogue(kCatalogue);
    QVERIFY2(catalogue_.error.isEmpty(), qPrintable(catalogue_.error));
    QCOMPARE(catalogue_.language, QStringLiteral("zh_CN"));
    // Menus, panels, parameters, plots: a catalogue of this size, not a stub.
    QVERIFY(catalogue_.messages.size() > 200);
}

void TestTranslations::everyMessageIsTranslated() {
    QStringList problems;
    for (const Message& m : catalogue_.messages) {
        if (!m.type.isEmpty()) {
            problems << QStringLiteral("%1 is %2").arg(describe(m), m.type);
        } else if (m.translation.isEmpty()) {
            problems << QStringLiteral("%1 has an empty translation").arg(describe(m));
        }
    }
    QVERIFY2(
        problems.isEmpty(),
        qPrintable(QStringLiteral("%1 message(s) to translate in %2 (docs/translating.md):\n%3")
                       .arg(problems.size())
                       .arg(kCatalogue, problems.join(QLatin1Char('\n')))));
}

void TestTranslations::placeholdersArePreserved_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("translation");
    for (const Message& m : catalogue_.messages) {
        QTest::addRow("%s", qPrintable(describe(m))) << m.source << m.translation;
    }
}

void TestTranslations::placeholdersArePreserved() {
    QFETCH(QString, source);
    QFETCH(QString, translation);
    QCOMPARE(placeholders(translation), placeholders(source));
}

void TestTranslations::catalogueCoversTheSources() {
    // lupdate as `update_translations` runs it, on a copy: the copy must come out with the
    // same messages, so no text of the code is missing from the catalogue and none is stale.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("stridelab_zh_CN.ts"));
    QVERIFY(QFile::copy(kCatalogue, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(STRIDELAB_SOURCE_DIR));
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(
        QStringLiteral(STRIDELAB_LUPDATE),
        {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
         QStringLiteral("-I"), QStringLiteral("core"), QStringLiteral("-I"), QStringLiteral("ui"),
         QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("app/main.cpp"),
         QStringLiteral("-ts"), copy});
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    const QString output = QString::fromLocal8Bit(lupdate.readAll());
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             qPrintable(output));

    const Catalogue updated = readCatalogue(copy);
    QVERIFY2(updated.error.isEmpty(), qPrintable(updated.error));
    const std::set<Key> committed = keysOf(catalogue_);
    const std::set<Key> fromSources = keysOf(updated);
    QStringList missing;
    QStringList stale;
    for (const auto& [context, source, comment] : fromSources) {
        if (!committed.contains({context, source, comment})) {
            missing << QStringLiteral("[%1] \"%2\"").arg(context, source);
        }
    }
    for (const auto& [context, source, comment] : committed) {
        if (!fromSources.contains({context, source, comment})) {
            stale << QStringLiteral("[%1] \"%2\"").arg(context, source);
        }
    }
    QVERIFY2(missing.isEmpty() && stale.isEmpty(),
             qPrintable(QStringLiteral("run `cmake --build build/release --target "
                                       "update_translations` and translate "
                                       "(docs/translating.md).\nNot in the catalogue:\n%1\n"
                                       "No longer in the code:\n%2")
                            .arg(missing.join(QLatin1Char('\n')), stale.join(QLatin1Char('\n')))));
}

void TestTranslations::compiledCatalogueSaysTheSame() {
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/stridelab_zh_CN.qm")));
    for (const Message& m : catalogue_.messages) {
        const QByteArray context = m.context.toUtf8();
        const QByteArray source = m.source.toUtf8();
        const QByteArray comment = m.comment.toUtf8();
        QCOMPARE(translator.translate(context.constData(), source.constData(),
                                      m.comment.isEmpty() ? nullptr : comment.constData()),
                 m.translation);
    }
}

QTEST_GUILESS_MAIN(TestTranslations)

#include "tst_translations.moc"
