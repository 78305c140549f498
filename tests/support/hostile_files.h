#pragma once

// Hostile input for the reliability suites: the small fixtures of tests/data/hostile (made by
// its make_hostile.py) and the large ones, made at test time from a few bytes.

#include <QByteArray>
#include <QString>

namespace stridelab::test {

// tests/data/hostile/NAME.
[[nodiscard]] QString hostileFile(const QString& name);

// A PNG whose header declares width x height 8-bit RGB pixels, without image data: enough to
// be sized from its header, a few dozen bytes however large it claims to be.
[[nodiscard]] QByteArray pngHeaderOnly(int width, int height);

// A pipeline file whose "layers" value is `depth` nested arrays.
[[nodiscard]] QByteArray deeplyNestedPipeline(int depth);

// The text before the nested arrays of deeplyNestedPipeline.
[[nodiscard]] QByteArray deeplyNestedPrefix();

}  // namespace stridelab::test
