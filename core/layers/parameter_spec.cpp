#include "layers/parameter_spec.h"

#include <QCoreApplication>

namespace stridelab {

namespace {

QString translated(const QString& text) {
    return QCoreApplication::translate("ParameterSpec", text.toUtf8().constData());
}

}  // namespace

QString ParameterSpec::displayLabel() const {
    return translated(label);
}

QString ParameterSpec::displayHelp() const {
    return translated(help);
}

QString ParameterSpec::tooltip() const {
    return QCoreApplication::translate(
               "ParameterSpec",
               "<b>%1</b> (<code>%2</code>)<br>%3<br><br>Keras: <code>%4</code><br>PyTorch: "
               "<code>%5</code>")
        .arg(displayLabel(), key, displayHelp(), translated(keras).toHtmlEscaped(),
             translated(pytorch).toHtmlEscaped());
}

}  // namespace stridelab
