#pragma once

// View > Language: one checkable entry per language, each under its own name ("English",
// "简体中文") so that anyone finds theirs whatever the window shows; choosing one switches
// and remembers it.

#include "i18n/language.h"

class QAction;
class QActionGroup;
class QMenu;

namespace stridelab::ui::i18n {

// Adds the Language submenu to `parent`; the group's check follows the current language.
QActionGroup* addLanguageMenu(QMenu* parent);
// The entry of `language` in a group made by addLanguageMenu.
[[nodiscard]] QAction* languageMenuAction(const QActionGroup* group, Language language);

}  // namespace stridelab::ui::i18n
