#pragma once

// The interface language: English (the source texts) or Simplified Chinese (the translation
// compiled into the program from resources/translations). The system locale picks one at
// start, View > Language switches at run time and the choice is remembered.
//
// Texts follow a switch through retranslate(): a widget hands it a function that sets its
// texts, which runs at once and again after every switch. Translators are installed and
// removed only through setLanguage(), which also lets Qt's own widgets (dialog buttons)
// retranslate through their QEvent::LanguageChange.

#include <QString>

#include <functional>
#include <span>

class QLocale;
class QObject;

namespace stridelab::ui::i18n {

enum class Language { English, SimplifiedChinese };

[[nodiscard]] std::span<const Language> allLanguages();
// The language's name in that language ("English", "简体中文"): a menu entry anyone finds.
[[nodiscard]] QString nativeName(Language language);
// Chinese for a Chinese locale written in simplified characters (zh_CN, zh_SG), else English.
[[nodiscard]] Language languageForLocale(const QLocale& locale);
// The language remembered from View > Language, else the one of the system locale.
[[nodiscard]] Language startupLanguage();

// Installs the translators of `language` (the program's and Qt's own) or removes them for
// English, then retranslates. Returns false, and stays in English, when the compiled-in
// translation cannot be loaded.
bool setLanguage(Language language);
[[nodiscard]] Language currentLanguage();
// setLanguage, remembered in the settings for the next start.
bool chooseLanguage(Language language);

// Calls `apply` after every switch of the language, for as long as `context` lives.
void onLanguageChange(QObject* context, std::function<void()> apply);
// Calls `apply` now and after every switch of the language, for as long as `context` lives.
void retranslate(QObject* context, std::function<void()> apply);

// `object`'s text set by `setter` follows the language: `text` gives it in the current one.
template <class Target, class Object>
void retranslate(Object* object, void (Target::*setter)(const QString&),
                 std::function<QString()> text) {
    retranslate(object, [object, setter, text = std::move(text)] { (object->*setter)(text()); });
}

}  // namespace stridelab::ui::i18n
