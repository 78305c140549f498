#include "layers/parameter_spec.h"

namespace stridelab {

QString ParameterSpec::tooltip() const {
    return QStringLiteral(
               "<b>%1</b> (<code>%2</code>)<br>%3<br><br>Keras: <code>%4</code><br>PyTorch: "
               "<code>%5</code>")
        .arg(label, key, help, keras.toHtmlEscaped(), pytorch.toHtmlEscaped());
}

}  // namespace stridelab
