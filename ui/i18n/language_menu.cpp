#include "i18n/language_menu.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>

namespace stridelab::ui::i18n {

QActionGroup* addLanguageMenu(QMenu* parent) {
    QMenu* menu = parent->addMenu(QString());
    retranslate(menu, &QMenu::setTitle,
                [] { return QCoreApplication::translate("LanguageMenu", "&Language"); });
    auto* group = new QActionGroup(menu);
    for (const Language language : allLanguages()) {
        QAction* a =
            menu->addAction(nativeName(language), menu, [language] { chooseLanguage(language); });
        a->setCheckable(true);
        a->setData(static_cast<int>(language));
        group->addAction(a);
    }
    retranslate(group, [group] {
        for (QAction* a : group->actions()) {
            a->setChecked(a->data().toInt() == static_cast<int>(currentLanguage()));
        }
    });
    return group;
}

QAction* languageMenuAction(const QActionGroup* group, Language language) {
    for (QAction* a : group->actions()) {
        if (a->data().toInt() == static_cast<int>(language)) {
            return a;
        }
    }
    return nullptr;
}

}  // namespace stridelab::ui::i18n
