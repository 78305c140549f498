// StrideLab: without a subcommand the GUI, with one the headless command line.

#include "cli/cli.h"
#include "main_window.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>

int main(int argc, char* argv[]) {
    if (stridelab::cli::isCommandLineInvocation(argc, argv)) {
        if (stridelab::cli::needsFonts(argc, argv)) {
            // Fonts need a QGuiApplication; the offscreen platform needs no display. Its
            // set-up notes (XDG_RUNTIME_DIR, fontconfig) are not the command's to print:
            // standard error carries the command's errors only.
            qputenv("QT_QPA_PLATFORM", "offscreen");
            qInstallMessageHandler(
                [](QtMsgType type, const QMessageLogContext&, const QString& text) {
                    if (type == QtCriticalMsg || type == QtFatalMsg) {
                        std::fprintf(stderr, "%s\n", qPrintable(text));
                    }
                });
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
