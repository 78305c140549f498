#pragma once

// Test patterns generated in code: the best images for seeing aliasing and blur.

#include <QImage>
#include <QString>
#include <QStringList>

#include "util/result.h"

#include <optional>

namespace stridelab {

struct BuiltinImage {
    QString name;
    QString description;  // English, marked for the GUI's translation (context "BuiltinImage")
};

[[nodiscard]] const std::vector<BuiltinImage>& builtinImages();
// The image "builtin:NAME" stands for (NAME without the prefix), 16-bit grayscale or RGB.
[[nodiscard]] std::optional<QImage> builtinImage(const QString& name);

// For a source "builtin:NAME", an error unless NAME is a built-in image; other sources pass.
[[nodiscard]] Status checkBuiltinImageName(const QString& source);
[[nodiscard]] bool isBuiltinImageSource(const QString& source);

}  // namespace stridelab
