#pragma once

// Menus of mutually exclusive choices (colour map, normalisation, language): a checkable
// action per value, kept in one QActionGroup.

#include "i18n/language.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QObject>

#include <span>

namespace stridelab::ui {

// A group of checkable actions, one per value, in `menu`; choosing one calls `apply`.
template <class T, class Name, class Apply>
QActionGroup* addChoices(QMenu* menu, std::span<const T> values, Name name, Apply apply) {
    auto* group = new QActionGroup(menu);
    for (const T value : values) {
        QAction* a = menu->addAction(QString());
        i18n::retranslate(a, &QAction::setText, [name, value] { return name(value); });
        a->setCheckable(true);
        a->setData(static_cast<int>(value));
        group->addAction(a);
        QObject::connect(a, &QAction::triggered, menu, [apply, value] { apply(value); });
    }
    return group;
}

// Checks the action of `group` whose value is `value`.
inline void checkChoice(QActionGroup* group, int value) {
    for (QAction* a : group->actions()) {
        a->setChecked(a->data().toInt() == value);
    }
}

}  // namespace stridelab::ui
