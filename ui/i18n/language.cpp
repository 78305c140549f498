#include "i18n/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

#include <array>

namespace stridelab::ui::i18n {

namespace {

const char* const kSettingsKey = "view/language";
// The .qm that qt_add_translations compiles into the resources.
const char* const kChineseCatalogue = ":/i18n/stridelab_zh_CN.qm";

constexpr std::array<Language, 2> kAll = {Language::English, Language::SimplifiedChinese};

// Announces a switch after the translators changed; every retranslate() listens.
class Notifier : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
signals:
    void changed();
};

// The translators and the notifier belong to the application object, so they go with it.
struct State {
    QPointer<QTranslator> program;
    QPointer<QTranslator> qt;  // Qt's own texts: dialog buttons, file dialogs
    QPointer<Notifier> notifier;
    Language current = Language::English;
};

State& state() {
    static State s;
    if (s.notifier == nullptr) {
        s.notifier = new Notifier(QCoreApplication::instance());
    }
    return s;
}

QString settingsValue(Language language) {
    return language == Language::SimplifiedChinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

void removeTranslators(State& s) {
    for (QTranslator* t : {s.program.data(), s.qt.data()}) {
        if (t != nullptr) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
}

}  // namespace

std::span<const Language> allLanguages() {
    return kAll;
}

QString nativeName(Language language) {
    switch (language) {
        case Language::English:
            return QStringLiteral("English");
        case Language::SimplifiedChinese:
            return QStringLiteral("简体中文");
    }
    return {};
}

Language languageForLocale(const QLocale& locale) {
    return locale.language() == QLocale::Chinese && locale.script() == QLocale::SimplifiedHanScript
               ? Language::SimplifiedChinese
               : Language::English;
}

Language startupLanguage() {
    const QString saved = QSettings().value(QLatin1String(kSettingsKey)).toString();
    for (const Language language : kAll) {
        if (saved == settingsValue(language)) {
            return language;
        }
    }
    // The first of the user's interface languages that the program has decides
    // (LANGUAGE=zh_CN:en gives Chinese, en_GB:zh_CN English); none: English.
    for (const QString& name : QLocale::system().uiLanguages()) {
        const QLocale locale(name);
        if (languageForLocale(locale) == Language::SimplifiedChinese) {
            return Language::SimplifiedChinese;
        }
        if (locale.language() == QLocale::English) {
            return Language::English;
        }
    }
    return Language::English;
}

bool setLanguage(Language language) {
    State& s = state();
    removeTranslators(s);
    s.current = Language::English;
    bool loaded = true;
    if (language == Language::SimplifiedChinese) {
        auto* program = new QTranslator(QCoreApplication::instance());
        if (program->load(QLatin1String(kChineseCatalogue))) {
            s.program = program;
            QCoreApplication::installTranslator(program);
            s.current = language;
            // Optional: without Debian's qt6-translations-l10n, Qt's buttons stay English.
            auto* qt = new QTranslator(QCoreApplication::instance());
            if (qt->load(QLocale(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China),
                         QStringLiteral("qtbase"), QStringLiteral("_"),
                         QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
                s.qt = qt;
                QCoreApplication::installTranslator(qt);
            } else {
                delete qt;
            }
        } else {
            delete program;
            loaded = false;
        }
    }
    emit s.notifier->changed();
    return loaded;
}

Language currentLanguage() {
    return state().current;
}

bool chooseLanguage(Language language) {
    const bool loaded = setLanguage(language);
    QSettings().setValue(QLatin1String(kSettingsKey), settingsValue(currentLanguage()));
    return loaded;
}

void onLanguageChange(QObject* context, std::function<void()> apply) {
    QObject::connect(state().notifier, &Notifier::changed, context, std::move(apply));
}

void retranslate(QObject* context, std::function<void()> apply) {
    apply();
    onLanguageChange(context, std::move(apply));
}

}  // namespace stridelab::ui::i18n

#include "language.moc"
