#pragma once

// Running the `stridelab` executable from the CLI suites, and reading what it writes.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class QTemporaryDir;

namespace stridelab::test {

struct Outcome {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the built executable (offscreen platform) and waits for it, at most two minutes.
[[nodiscard]] Outcome runCli(const QStringList& arguments);

// A preset of resources/presets by file name.
[[nodiscard]] QString preset(const char* name);

// Writes `text` to `name` in `dir` and returns its path; aborts the test run on failure.
QString writeText(const QTemporaryDir& dir, const QString& name, const QByteArray& text);

// The JSON object in `bytes`, empty when they are not one.
[[nodiscard]] QJsonObject parseObject(const QByteArray& bytes);
[[nodiscard]] QList<double> numbers(const QJsonValue& v);

// Every line on standard error must be one cli.md error line.
[[nodiscard]] bool stderrWellFormed(const QByteArray& err, QString* why);

// A minimal CSV reader (quoted fields with doubled quotes), enough for the summary.
[[nodiscard]] QList<QStringList> parseCsv(const QString& text);

}  // namespace stridelab::test
