#pragma once

// Option parsing shared by the subcommands, strict like the pipeline reader: an unknown option
// or a malformed value is an error naming it.

#include "tensor/shape.h"
#include "util/result.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace stridelab::cli {

struct OptionSpec {
    QString name;  // "--format"
    bool takesValue = true;
};

struct ParsedArguments {
    QStringList positional;
    QHash<QString, QString> values;  // option -> value ("" for flags)

    [[nodiscard]] bool has(const QString& option) const { return values.contains(option); }
    [[nodiscard]] QString value(const QString& option) const { return values.value(option); }
};

[[nodiscard]] Result<ParsedArguments> parseArguments(const QStringList& arguments,
                                                     const QList<OptionSpec>& options);
// A subcommand's arguments: its options and exactly one PIPELINE file.
[[nodiscard]] Result<ParsedArguments> parseCommandArguments(const QString& command,
                                                            const QStringList& arguments,
                                                            const QList<OptionSpec>& options);

// "3,224,224" -> (3, 224, 224).
[[nodiscard]] Result<Shape> parseShapeArgument(const QString& text);
// "2147483648", "512M", "2G", "1.5GiB" -> bytes.
[[nodiscard]] Result<std::int64_t> parseByteSize(const QString& text);
[[nodiscard]] Result<int> parsePositiveInt(const QString& option, const QString& text);

}  // namespace stridelab::cli
