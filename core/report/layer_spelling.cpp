#include "report/layer_spelling.h"

#include "report/spelling_parts.h"

#include <QRegularExpression>

namespace stridelab {

LayerCode layerCode(const SpellingInput& in, Framework framework, SpellingStyle style) {
    return framework == Framework::Keras ? spelling::kerasCode(in, style)
                                         : spelling::torchCode(in, style);
}

QStringList displayLines(const LayerCode& code) {
    QStringList lines;
    for (const CodeLine& l : code) {
        QString text = l.kind == CodeLine::Kind::Comment ? QStringLiteral("# ") + l.code : l.code;
        if (!l.trailingComment.isEmpty()) {
            text += QStringLiteral("  # ") + l.trailingComment;
        }
        lines << text;
    }
    return lines;
}

QString pythonIdentifier(const QString& name) {
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_]"));
    QString id = name;
    id.replace(unsafe, QStringLiteral("_"));
    if (id.isEmpty() || id.front().isDigit()) {
        id.prepend(QStringLiteral("layer_"));
    }
    return id;
}

}  // namespace stridelab
