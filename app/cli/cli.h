#pragma once

#include <QStringList>

namespace stridelab::cli {

// Exit statuses of cli.md.
enum ExitStatus : int { kSuccess = 0, kRuntimeFailure = 1, kInvalid = 2 };

// Whether argv asks for a headless subcommand (or --help / --version) rather than the GUI.
[[nodiscard]] bool isCommandLineInvocation(int argc, char* argv[]);

// Whether the command draws text (export --diagram): it then needs a QGuiApplication for
// fonts, on the offscreen platform so that no display is needed.
[[nodiscard]] bool needsFonts(int argc, char* argv[]);

// Runs the subcommand in `arguments` (arguments[0] is the program) and returns the exit status.
[[nodiscard]] int run(const QStringList& arguments);

}  // namespace stridelab::cli
