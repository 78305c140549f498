// StrideLab: without a subcommand the GUI, with one the headless command line.

#include "cli/cli.h"
#include "compute/openmp_wait_policy.h"
#include "files/recovery_store.h"
#include "i18n/language.h"
#include "main_window.h"

#include <QApplication>
#include <QCoreApplication>

int main(int argc, char* argv[]) {
    if (stridelab::cli::isCommandLineInvocation(argc, argv)) {
        const auto app = stridelab::cli::makeApplication(argc, argv);
        return stridelab::cli::run(QCoreApplication::arguments());
    }
    stridelab::ui::preferSleepingOpenMpThreads(argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("StrideLab"));
    QApplication::setApplicationVersion(QStringLiteral(STRIDELAB_VERSION));
    QApplication::setOrganizationName(QStringLiteral("StrideLab"));
    // English or Simplified Chinese: the last choice in View > Language, else the system's.
    stridelab::ui::i18n::setLanguage(stridelab::ui::i18n::startupLanguage());
    const QStringList args = QApplication::arguments();
    stridelab::ui::MainWindow window(args.size() > 1 ? args.at(1) : QString());
    window.show();
    // Work left unsaved by a session that crashed: Restore or Discard.
    window.recovery()->offerRestore(&window);
    return QApplication::exec();
}
