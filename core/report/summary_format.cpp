#include "report/summary_format.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <numeric>

namespace stridelab {

namespace {

QString grouped(std::int64_t n) {
    QString digits = QString::number(n < 0 ? -n : n);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3) {
        digits.insert(i, QLatin1Char(','));
    }
    return n < 0 ? QLatin1Char('-') + digits : digits;
}

QString paddingText(const LayerShape& s) {
    return QStringLiteral("%1,%2,%3,%4")
        .arg(s.padding[0])
        .arg(s.padding[1])
        .arg(s.padding[2])
        .arg(s.padding[3]);
}

QString fieldText(const std::optional<std::int64_t>& v) {
    return v ? QString::number(*v) : QStringLiteral("?");
}

QString fieldPairText(const std::array<std::optional<std::int64_t>, 2>& rf) {
    return rf[0] == rf[1] ? fieldText(rf[0])
                          : QStringLiteral("%1x%2").arg(fieldText(rf[0]), fieldText(rf[1]));
}

QString jumpText(const LayerReport& r) {
    return r.jump[0] == r.jump[1]
               ? formatJump(r.jump[0])
               : QStringLiteral("%1x%2").arg(formatJump(r.jump[0]), formatJump(r.jump[1]));
}

QString formulaText(const LayerShape& s) {
    if (s.height.formula == s.width.formula) {
        return QStringLiteral("H, W: %1").arg(s.height.formula);
    }
    return QStringLiteral("H: %1; W: %2").arg(s.height.formula, s.width.formula);
}

QJsonValue fieldJson(const std::optional<std::int64_t>& v) {
    return v ? QJsonValue(static_cast<double>(*v)) : QJsonValue(QJsonValue::Null);
}

QJsonValue shapeJson(const Shape& s) {
    return QJsonArray{static_cast<double>(s.c), static_cast<double>(s.h), static_cast<double>(s.w)};
}

QString csvField(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n'))) {
        return text;
    }
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString markdownField(const QString& text) {
    QString escaped = text;
    escaped.replace(QStringLiteral("|"), QStringLiteral("\\|"));
    return escaped;
}

// The columns the tabular formats share, per layer (input row included).
QStringList rowFields(const LayerReport& r) {
    if (!r.shape) {
        return {QString::number(r.index),
                r.name,
                r.type,
                QStringLiteral("invalid"),
                {},
                {},
                {},
                {},
                {},
                r.error ? r.error->message : QString(),
                {}};
    }
    const LayerShape& s = *r.shape;
    return {QString::number(r.index),
            r.name,
            r.type,
            s.output.toString(),
            QString::number(s.params),
            QString::number(s.macs),
            paddingText(s),
            fieldPairText(r.receptiveField),
            jumpText(r),
            s.height.formula,
            s.width.formula};
}

const QStringList kColumns = {QStringLiteral("index"),    QStringLiteral("name"),
                              QStringLiteral("type"),     QStringLiteral("output_shape"),
                              QStringLiteral("params"),   QStringLiteral("macs"),
                              QStringLiteral("padding"),  QStringLiteral("receptive_field"),
                              QStringLiteral("jump"),     QStringLiteral("formula_h"),
                              QStringLiteral("formula_w")};

QString formatText(const QString& name, const PipelineReport& report) {
    struct Row {
        QString index, layer, shape, keras, params, macs, padding, rf, jump, formula;
    };
    std::vector<Row> rows;
    rows.push_back({QStringLiteral("#"),
                    QStringLiteral("Layer (type)"),
                    QStringLiteral("Output shape"),
                    QStringLiteral("Keras shape"),
                    QStringLiteral("Param #"),
                    QStringLiteral("MACs"),
                    QStringLiteral("Padding t,b,l,r"),
                    QStringLiteral("RF"),
                    QStringLiteral("Jump"),
                    {}});
    rows.push_back({QStringLiteral("0"),
                    QStringLiteral("input"),
                    report.input.toString(),
                    report.input.toKerasString(),
                    QStringLiteral("0"),
                    QStringLiteral("0"),
                    {},
                    QStringLiteral("1"),
                    QStringLiteral("1"),
                    {}});
    for (const LayerReport& r : report.layers) {
        Row row{QString::number(r.index),
                QStringLiteral("%1 (%2)").arg(r.name, r.type),
                {},
                {},
                {},
                {},
                {},
                {},
                {},
                {}};
        if (r.shape) {
            const LayerShape& s = *r.shape;
            row.shape = s.output.toString();
            row.keras = s.output.toKerasString();
            row.params = grouped(s.params);
            row.macs = grouped(s.macs);
            row.padding = paddingText(s);
            row.rf = fieldPairText(r.receptiveField);
            row.jump = jumpText(r);
            row.formula = formulaText(s);
        } else {
            row.shape = QStringLiteral("invalid");
            row.formula = QStringLiteral("error: ") + (r.error ? r.error->message : QString());
        }
        rows.push_back(row);
    }
    std::array<qsizetype, 9> width{};
    for (const Row& r : rows) {
        const std::array<const QString*, 9> cells = {
            &r.index, &r.layer, &r.shape, &r.keras, &r.params, &r.macs, &r.padding, &r.rf, &r.jump};
        for (std::size_t i = 0; i < cells.size(); ++i) {
            width[i] = std::max(width[i], cells[i]->size());
        }
    }
    QString out = QStringLiteral("Pipeline: %1\n\n").arg(name);
    bool header = true;
    for (const Row& r : rows) {
        QString line = r.index.rightJustified(width[0]) + QStringLiteral("  ") +
                       r.layer.leftJustified(width[1]) + QStringLiteral("  ") +
                       r.shape.leftJustified(width[2]) + QStringLiteral("  ") +
                       r.keras.leftJustified(width[3]) + QStringLiteral("  ") +
                       r.params.rightJustified(width[4]) + QStringLiteral("  ") +
                       r.macs.rightJustified(width[5]) + QStringLiteral("  ") +
                       r.padding.leftJustified(width[6]) + QStringLiteral("  ") +
                       r.rf.leftJustified(width[7]) + QStringLiteral("  ") + r.jump;
        out += line.trimmed().isEmpty()
                   ? QString()
                   : line.replace(QRegularExpression(QStringLiteral("\\s+$")), QString()) +
                         QLatin1Char('\n');
        if (!r.formula.isEmpty()) {
            out += QString(width[0] + 2, QLatin1Char(' ')) + QStringLiteral("  ") + r.formula +
                   QLatin1Char('\n');
        }
        if (header) {
            const qsizetype total =
                std::accumulate(width.begin(), width.end(), qsizetype{0}) + 2 * 8;
            out += QString(total, QLatin1Char('-')) + QLatin1Char('\n');
            header = false;
        }
    }
    out += QStringLiteral("\nTotal params: %1\n").arg(grouped(report.totalParams));
    out += QStringLiteral("Total MACs: %1\n").arg(grouped(report.totalMacs));
    out += QStringLiteral("Feature-map memory: %1\n").arg(formatBytes(report.memoryBytes));
    if (const LayerReport* broken = report.firstBroken()) {
        out += QStringLiteral("Invalid: layer %1 \"%2\": %3\n")
                   .arg(broken->index)
                   .arg(broken->name, broken->error->message);
    }
    return out;
}

QString formatTabular(const PipelineReport& report, SummaryFormat format) {
    std::vector<QStringList> rows;
    rows.push_back(kColumns);
    rows.push_back({QStringLiteral("0"),
                    QStringLiteral("input"),
                    QStringLiteral("input"),
                    report.input.toString(),
                    QStringLiteral("0"),
                    QStringLiteral("0"),
                    QStringLiteral("0,0,0,0"),
                    QStringLiteral("1"),
                    QStringLiteral("1"),
                    {},
                    {}});
    for (const LayerReport& r : report.layers) {
        rows.push_back(rowFields(r));
    }
    QString out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        QStringList fields;
        for (const QString& f : rows[i]) {
            fields << (format == SummaryFormat::Csv ? csvField(f) : markdownField(f));
        }
        if (format == SummaryFormat::Csv) {
            out += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
            continue;
        }
        out += QStringLiteral("| ") + fields.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
        if (i == 0) {
            out += QStringLiteral("|") +
                   QStringList(fields.size(), QStringLiteral("---")).join(QLatin1Char('|')) +
                   QStringLiteral("|\n");
        }
    }
    if (format == SummaryFormat::Markdown) {
        out += QStringLiteral("\nTotal params: %1\n").arg(grouped(report.totalParams));
    }
    return out;
}

QString latexField(const QString& text) {
    QString escaped;
    for (const QChar c : text) {
        switch (c.unicode()) {
            case '\\':
                escaped += QStringLiteral("\\textbackslash{}");
                break;
            case '_':
            case '%':
            case '&':
            case '#':
            case '$':
            case '{':
            case '}':
                escaped += QLatin1Char('\\') + c;
                break;
            case '~':
                escaped += QStringLiteral("\\textasciitilde{}");
                break;
            case '^':
                escaped += QStringLiteral("\\textasciicircum{}");
                break;
            default:
                escaped += c;
        }
    }
    return escaped;
}

// A booktabs table for a paper or a handout; the formulas in a smaller monospace column.
QString formatLatex(const QString& name, const PipelineReport& report) {
    QString out =
        QStringLiteral("%% %1 (StrideLab summary; needs \\usepackage{booktabs})\n").arg(name);
    out += QStringLiteral("\\begin{tabular}{rlllrrlll}\n\\toprule\n");
    out += QStringLiteral(
        "\\# & Layer & Type & Output $(C, H, W)$ & Params & MACs & Padding & RF & Formula (H) "
        "\\\\\n\\midrule\n");
    auto row = [&](const QStringList& f) {
        QStringList cells;
        for (const QString& cell : f) {
            cells << latexField(cell);
        }
        out += cells.join(QStringLiteral(" & ")) + QStringLiteral(" \\\\\n");
    };
    row({QStringLiteral("0"), QStringLiteral("input"), QStringLiteral("input"),
         report.input.toString(), QStringLiteral("0"), QStringLiteral("0"), QString(),
         QStringLiteral("1"), QString()});
    for (const LayerReport& r : report.layers) {
        if (!r.shape) {
            row({QString::number(r.index), r.name, r.type, QStringLiteral("invalid"), QString(),
                 QString(), QString(), QString(), r.error ? r.error->message : QString()});
            continue;
        }
        const LayerShape& s = *r.shape;
        row({QString::number(r.index), r.name, r.type, s.output.toString(), grouped(s.params),
             grouped(s.macs), paddingText(s), fieldPairText(r.receptiveField), s.height.formula});
    }
    out += QStringLiteral(
               "\\midrule\nTotal & & & & %1 & %2 & & & \\\\\n\\bottomrule\n\\end{tabular}\n")
               .arg(grouped(report.totalParams), grouped(report.totalMacs));
    return out;
}

}  // namespace

const QStringList& summaryFormatNames() {
    static const QStringList names = {QStringLiteral("text"), QStringLiteral("json"),
                                      QStringLiteral("markdown"), QStringLiteral("csv")};
    return names;
}

QString formatJump(double jump) {
    return QString::number(jump, 'g', 10);
}

QJsonObject summaryToJson(const QString& pipelineName, const PipelineReport& report) {
    QJsonArray layers;
    for (const LayerReport& r : report.layers) {
        QJsonObject l{{QStringLiteral("index"), r.index},
                      {QStringLiteral("name"), r.name},
                      {QStringLiteral("type"), r.type},
                      {QStringLiteral("description"), r.description}};
        if (r.shape) {
            const LayerShape& s = *r.shape;
            l.insert(QStringLiteral("output_shape"), shapeJson(s.output));
            l.insert(QStringLiteral("params"), static_cast<double>(s.params));
            l.insert(QStringLiteral("macs"), static_cast<double>(s.macs));
            l.insert(
                QStringLiteral("padding"),
                QJsonArray{static_cast<double>(s.padding[0]), static_cast<double>(s.padding[1]),
                           static_cast<double>(s.padding[2]), static_cast<double>(s.padding[3])});
            l.insert(QStringLiteral("receptive_field"),
                     QJsonArray{fieldJson(r.receptiveField[0]), fieldJson(r.receptiveField[1])});
            l.insert(QStringLiteral("jump"), QJsonArray{r.jump[0], r.jump[1]});
            l.insert(QStringLiteral("formula_h"), s.height.formula);
            l.insert(QStringLiteral("formula_w"), s.width.formula);
            l.insert(QStringLiteral("error"), QJsonValue::Null);
        } else {
            for (const QString& key : {QStringLiteral("output_shape"), QStringLiteral("params"),
                                       QStringLiteral("macs"), QStringLiteral("padding"),
                                       QStringLiteral("receptive_field"), QStringLiteral("jump"),
                                       QStringLiteral("formula_h"), QStringLiteral("formula_w")}) {
                l.insert(key, QJsonValue::Null);
            }
            l.insert(QStringLiteral("error"),
                     r.error ? QJsonValue(r.error->message) : QJsonValue::Null);
        }
        layers.append(l);
    }
    return QJsonObject{
        {QStringLiteral("ok"), report.ok()},
        {QStringLiteral("pipeline"), pipelineName},
        {QStringLiteral("input"), QJsonObject{{QStringLiteral("shape"), shapeJson(report.input)}}},
        {QStringLiteral("layers"), layers},
        {QStringLiteral("total_params"), static_cast<double>(report.totalParams)},
        {QStringLiteral("total_macs"), static_cast<double>(report.totalMacs)},
        {QStringLiteral("memory_bytes"), static_cast<double>(report.memoryBytes)}};
}

QString formatSummary(const QString& pipelineName, const PipelineReport& report,
                      SummaryFormat format) {
    switch (format) {
        case SummaryFormat::Text:
            return formatText(pipelineName, report);
        case SummaryFormat::Json:
            return QString::fromUtf8(
                QJsonDocument(summaryToJson(pipelineName, report)).toJson(QJsonDocument::Indented));
        case SummaryFormat::Markdown:
        case SummaryFormat::Csv:
            return formatTabular(report, format);
        case SummaryFormat::Latex:
            return formatLatex(pipelineName, report);
    }
    return {};
}

}  // namespace stridelab
