#include "support/cli_support.h"

#include "support/test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

namespace stridelab::test {

Outcome runCli(const QStringList& arguments) {
    QProcess process;
    process.setProgram(QStringLiteral(STRIDELAB_EXECUTABLE));
    process.setArguments(arguments);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start();
    Outcome o;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        o.err = "the process did not finish normally";
        return o;
    }
    o.exitCode = process.exitCode();
    o.out = process.readAllStandardOutput();
    o.err = process.readAllStandardError();
    return o;
}

QString preset(const char* name) {
    return sourceDir() + QStringLiteral("/resources/presets/") + QLatin1String(name);
}

QString writeText(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
    return path;
}

QJsonObject parseObject(const QByteArray& bytes) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return {};
    }
    return doc.object();
}

QList<double> numbers(const QJsonValue& v) {
    QList<double> out;
    const QJsonArray array = v.toArray();
    for (const QJsonValue& x : array) {
        out << x.toDouble();
    }
    return out;
}

bool stderrWellFormed(const QByteArray& err, QString* why) {
    const QList<QByteArray> lines = err.trimmed().split('\n');
    for (const QByteArray& line : lines) {
        if (!line.startsWith("stridelab: error: ")) {
            *why = QStringLiteral("stderr line without the prefix: \"%1\"")
                       .arg(QString::fromUtf8(line));
            return false;
        }
    }
    return true;
}

QList<QStringList> parseCsv(const QString& text) {
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() &&
                text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\n')) {
            row << field;
            field.clear();
            rows << row;
            row.clear();
        } else {
            field += c;
        }
    }
    return rows;
}

}  // namespace stridelab::test
