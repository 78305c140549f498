// StrideLab: without a subcommand the GUI, with one the headless command line.

#include "cli/cli.h"
#include "main_window.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>

int main(int argc, char* argv[]) {
    if (stridelab::cli::isCommandLineInvocation(argc, argv)) {
        if (stridelab::cli::needsFonts(argc, argv)) {
            // Fonts need a QGuiApplication; the offscreen platform needs no display.
            qputenv("QT_QPA_PLATFORM", "offscreen");
            const QGuiApplication app(argc, argv);
            return stridelab::cli::run(QCoreApplication::arguments());
        }
        const QCoreApplication app(argc, argv);
        return stridelab::cli::run(QCoreApplication::arguments());
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("StrideLab"));
    QApplication::setApplicationVersion(QStringLiteral(STRIDELAB_VERSION));
    QApplication::setOrganizationName(QStringLiteral("StrideLab"));
    const QStringList args = QApplication::arguments();
    stridelab::ui::MainWindow window(args.size() > 1 ? args.at(1) : QString());
    window.show();
    return QApplication::exec();
}
