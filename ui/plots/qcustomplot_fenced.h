#pragma once

// The only way into qcustomplot.h; include it from ui/plots/*.cpp only, never from a header.
//
// qcustomplot.h 2.1 uses Qt's `foreach` in the bodies of two inline templates
// (QCustomPlot::plottableAt and QCustomPlot::itemAt). Our targets define QT_NO_FOREACH, so the
// macro does not exist, and undefining QT_NO_FOREACH here would not bring it back: qforeach.h is
// include-guarded and has already been read by the time any Qt header is in. Instead, for the
// length of this one header, `foreach (decl, container)` is spelled as the range-based for it
// stands for; both loops only read a member list of a const object, so nothing is detached or
// copied. Our own code keeps QT_NO_FOREACH.
#pragma push_macro("foreach")
#undef foreach
#define foreach(declaration, container) for (declaration : container)
#include <qcustomplot.h>
#undef foreach
#pragma pop_macro("foreach")
