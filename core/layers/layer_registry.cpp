#include "layers/layer_registry.h"

#include "layers/avg_pool2d.h"
#include "layers/conv2d.h"
#include "layers/conv2d_transpose.h"
#include "layers/max_pool2d.h"
#include "layers/max_unpool2d.h"
#include "layers/upsampling2d.h"

#include <QCoreApplication>

namespace stridelab {

const std::vector<LayerType>& layerTypes() {
    using C = LayerCategory;
    static const std::vector<LayerType> types = {
        {QStringLiteral("conv2d"), QStringLiteral(QT_TRANSLATE_NOOP("LayerType", "Conv2D")),
         C::Downsampling, &Conv2d::parse, &Conv2d::parameters,
         QStringLiteral("keras.layers.Conv2D"), QStringLiteral("torch.nn.Conv2d")},
        {QStringLiteral("max_pool2d"), QStringLiteral(QT_TRANSLATE_NOOP("LayerType", "MaxPool2D")),
         C::Downsampling, &MaxPool2d::parse, &MaxPool2d::parameters,
         QStringLiteral("keras.layers.MaxPooling2D"), QStringLiteral("torch.nn.MaxPool2d")},
        {QStringLiteral("avg_pool2d"), QStringLiteral(QT_TRANSLATE_NOOP("LayerType", "AvgPool2D")),
         C::Downsampling, &AvgPool2d::parse, &AvgPool2d::parameters,
         QStringLiteral("keras.layers.AveragePooling2D"), QStringLiteral("torch.nn.AvgPool2d")},
        {QStringLiteral("upsampling2d"),
         QStringLiteral(QT_TRANSLATE_NOOP("LayerType", "UpSampling2D")), C::Upsampling,
         &Upsampling2d::parse, &Upsampling2d::parameters,
         QStringLiteral("keras.layers.UpSampling2D"), QStringLiteral("torch.nn.Upsample")},
        {QStringLiteral("max_unpool2d"),
         QStringLiteral(QT_TRANSLATE_NOOP("LayerType", "MaxUnpool2D")), C::Upsampling,
         &MaxUnpool2d::parse, &MaxUnpool2d::parameters,
         QStringLiteral(QT_TRANSLATE_NOOP("LayerType", "(none)")),
         QStringLiteral("torch.nn.MaxUnpool2d")},
        {QStringLiteral("conv2d_transpose"),
         QStringLiteral(QT_TRANSLATE_NOOP("LayerType", "Conv2DTranspose")), C::Upsampling,
         &Conv2dTranspose::parse, &Conv2dTranspose::parameters,
         QStringLiteral("keras.layers.Conv2DTranspose"),
         QStringLiteral("torch.nn.ConvTranspose2d")},
    };
    return types;
}

QString LayerType::translatedName() const {
    return QCoreApplication::translate("LayerType", displayName.toUtf8().constData());
}

QString LayerType::translatedKerasName() const {
    return QCoreApplication::translate("LayerType", kerasName.toUtf8().constData());
}

const LayerType* findLayerType(const QString& type) {
    for (const LayerType& t : layerTypes()) {
        if (t.type == type) {
            return &t;
        }
    }
    return nullptr;
}

QStringList layerTypeNames() {
    QStringList names;
    for (const LayerType& t : layerTypes()) {
        names << t.type;
    }
    return names;
}

}  // namespace stridelab
