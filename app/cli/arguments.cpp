#include "cli/arguments.h"

#include "io/json_reader.h"
#include "util/did_you_mean.h"

#include <QRegularExpression>

#include <cmath>

namespace stridelab::cli {

Result<ParsedArguments> parseArguments(const QStringList& arguments,
                                       const QList<OptionSpec>& options) {
    ParsedArguments parsed;
    QStringList names;
    for (const OptionSpec& o : options) {
        names << o.name;
    }
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString arg = arguments.at(i);
        if (!arg.startsWith(QStringLiteral("--")) || arg == QStringLiteral("--")) {
            parsed.positional << arg;
            continue;
        }
        QString inlineValue;
        bool hasInlineValue = false;
        if (const qsizetype eq = arg.indexOf(QLatin1Char('=')); eq > 0) {
            inlineValue = arg.mid(eq + 1);
            hasInlineValue = true;
            arg = arg.left(eq);
        }
        const auto spec = std::find_if(options.begin(), options.end(),
                                       [&](const OptionSpec& o) { return o.name == arg; });
        if (spec == options.end()) {
            return Error::invalid(
                QStringLiteral("unknown option %1%2").arg(arg, didYouMeanSuffix(arg, names)));
        }
        if (parsed.values.contains(arg)) {
            return Error::invalid(QStringLiteral("option %1 is given twice").arg(arg));
        }
        if (!spec->takesValue) {
            if (hasInlineValue) {
                return Error::invalid(QStringLiteral("option %1 takes no value").arg(arg));
            }
            parsed.values.insert(arg, QString());
            continue;
        }
        if (!hasInlineValue) {
            if (i + 1 >= arguments.size()) {
                return Error::invalid(QStringLiteral("option %1 needs a value").arg(arg));
            }
            inlineValue = arguments.at(++i);
        }
        parsed.values.insert(arg, inlineValue);
    }
    return parsed;
}

Result<ParsedArguments> parseCommandArguments(const QString& command, const QStringList& arguments,
                                              const QList<OptionSpec>& options) {
    auto args = parseArguments(arguments, options);
    if (args && args->positional.size() != 1) {
        return Error::invalid(QStringLiteral("%1 needs exactly one PIPELINE file, got %2 arguments")
                                  .arg(command)
                                  .arg(args->positional.size()));
    }
    return args;
}

Result<Shape> parseShapeArgument(const QString& text) {
    const QStringList parts = text.split(QLatin1Char(','));
    std::vector<std::int64_t> dims;
    for (const QString& p : parts) {
        bool ok = false;
        const qlonglong v = p.trimmed().toLongLong(&ok);
        if (!ok || v < 1 || v > kMaxParameter) {
            break;
        }
        dims.push_back(v);
    }
    if (parts.size() != 3 || dims.size() != 3) {
        return Error::invalid(
            QStringLiteral("--input-shape: expected C,H,W with integers from 1 to %1, got \"%2\"")
                .arg(kMaxParameter)
                .arg(text));
    }
    return Shape{dims[0], dims[1], dims[2]};
}

Result<std::int64_t> parseByteSize(const QString& text) {
    static const QRegularExpression re(
        QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([KMGT]?)(i?B)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text);
    if (!m.hasMatch()) {
        return Error::invalid(QStringLiteral("--memory-limit: expected bytes, optionally with K, "
                                             "M, G or T (binary units), got \"%1\"")
                                  .arg(text));
    }
    const double number = m.captured(1).toDouble();
    const QString unit = m.captured(2).toUpper();
    const int shift =
        unit.isEmpty() ? 0 : 10 * (1 + static_cast<int>(QStringLiteral("KMGT").indexOf(unit)));
    const double bytes = std::ldexp(number, shift);
    if (bytes < 1.0 || bytes > 9.0e18) {
        return Error::invalid(QStringLiteral("--memory-limit: %1 is out of range").arg(text));
    }
    return static_cast<std::int64_t>(bytes);
}

Result<int> parsePositiveInt(const QString& option, const QString& text) {
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < 1) {
        return Error::invalid(
            QStringLiteral("%1: expected an integer >= 1, got \"%2\"").arg(option, text));
    }
    return v;
}

}  // namespace stridelab::cli
