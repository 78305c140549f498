#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <memory>

namespace stridelab::cli {

// Exit statuses of cli.md.
enum ExitStatus : int { kSuccess = 0, kRuntimeFailure = 1, kInvalid = 2 };

// Whether argv asks for a headless subcommand (or --help / --version) rather than the GUI.
[[nodiscard]] bool isCommandLineInvocation(int argc, char* argv[]);

// The application object for a command-line invocation: a QGuiApplication on the offscreen
// platform for `export` (its pictures draw text, which needs one; no display is used), else a
// QCoreApplication. `argc` must outlive it.
[[nodiscard]] std::unique_ptr<QCoreApplication> makeApplication(int& argc, char* argv[]);

// Runs the subcommand in `arguments` (arguments[0] is the program) and returns the exit status.
[[nodiscard]] int run(const QStringList& arguments);

}  // namespace stridelab::cli
