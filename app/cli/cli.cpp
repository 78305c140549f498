#include "cli/cli.h"

#include "cli/commands.h"
#include "io/image_input.h"
#include "pipeline/pipeline_reader.h"
#include "util/did_you_mean.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#include <new>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace stridelab::cli {

namespace {

const char* const kUsage =
    "usage:\n"
    "  stridelab [FILE]                         open the GUI; FILE is a pipeline or an image\n"
    "  stridelab summary PIPELINE [options]     print the layer table\n"
    "  stridelab run PIPELINE --dump DIR [options]\n"
    "  stridelab export PIPELINE [--table FILE] [--code FILE.py --framework F] [--maps DIR]\n"
    "                            [--diagram FILE.svg|FILE.pdf|FILE.png]\n"
    "                            [--steps FILE.gif|DIR [--steps-layer NAME|INDEX]]\n"
    "  stridelab bench PIPELINE [--input FILE] [--threads N] [--repeat N] [--format text|json]\n"
    "                           [--memory-limit BYTES]\n"
    "  stridelab --help | --version\n"
    "\n"
    "summary options:\n"
    "  --format text|json|markdown|csv         output format (default text)\n"
    "  --input FILE                            replace the input with an image or a .npy tensor\n"
    "  --input-shape C,H,W                     replace the input with a shape\n"
    "run options:\n"
    "  --dump DIR                              write one .npy per layer and manifest.json\n"
    "  --input FILE                            replace the input with an image or a .npy tensor\n"
    "  --threads N                             threads to use (default: all cores)\n"
    "  --memory-limit BYTES                    feature-map budget, e.g. 512M, 4G (default 2G)\n"
    "  --quiet                                 print nothing but errors\n"
    "export options:\n"
    "  --table FILE.md|FILE.csv|FILE.tex       the summary table (format by suffix)\n"
    "  --code FILE.py --framework keras|pytorch  code that builds the same stack\n"
    "  --maps DIR [--colormap grey|viridis|diverging]  one PNG per feature map\n"
    "  --diagram FILE.svg|FILE.pdf|FILE.png    the layer stack as a figure (format by suffix)\n"
    "  --diagram-style blocks|maps             blocks to scale (default) or the rendered maps\n"
    "  --diagram-scale auto|linear|sqrt|log    how H and W become lengths (default auto)\n"
    "  --diagram-colors NAME=#RRGGBB,...       NAME: background, text, input, downsampling,\n"
    "                                          upsampling\n"
    "  --dpi N                                 resolution of a .png diagram (default 96)\n"
    "  --trace LAYER:ROW,COL                   maps style: draw that element's receptive field\n"
    "  --steps FILE.gif|DIR [--steps-layer NAME|INDEX]  the step-through of one layer (default\n"
    "                                          the first) as an animated GIF or frame_000.png...\n"
    "  --memory-limit BYTES                    budget for computing --maps and maps diagrams\n"
    "bench options:\n"
    "  --memory-limit BYTES                    feature-map budget (default 2G)\n";

bool isSubcommand(const char* arg) {
    for (const char* name : {"summary", "run", "export", "bench", "--help", "-h", "--version"}) {
        if (std::strcmp(arg, name) == 0) {
            return true;
        }
    }
    return false;
}

}  // namespace

bool isCommandLineInvocation(int argc, char* argv[]) {
    if (argc < 2) {
        return false;
    }
    // Anything that is not a file to open in the GUI is for the command line, which then
    // names an unknown subcommand or option instead of opening a window by mistake.
    return isSubcommand(argv[1]) || argv[1][0] == '-' ||
           !QFileInfo::exists(QString::fromLocal8Bit(argv[1]));
}

std::unique_ptr<QCoreApplication> makeApplication(int& argc, char* argv[]) {
    if (argc < 2 || std::strcmp(argv[1], "export") != 0) {
        return std::make_unique<QCoreApplication>(argc, argv);
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt's start-up notes (such as "XDG_RUNTIME_DIR not set") are not the command line's:
    // standard error carries only its own error line.
    const QtMessageHandler previous = qInstallMessageHandler(
        [](QtMsgType /*type*/, const QMessageLogContext& /*context*/, const QString& /*text*/) {});
    auto app = std::make_unique<QGuiApplication>(argc, argv);
    qInstallMessageHandler(previous);
    return app;
}

int reportError(const Error& error) {
    QTextStream(stderr) << "stridelab: error: " << error.message << Qt::endl;
    return error.kind == ErrorKind::Runtime ? kRuntimeFailure : kInvalid;
}

namespace {

// libpng prints its errors straight to standard error ("libpng error: Read Error"), past Qt's
// message handler; while an image is sized or decoded, standard error goes nowhere, and the
// failure is reported as the command line's own one error line.
class QuietStderr {
public:
    QuietStderr() {
#ifdef Q_OS_UNIX
        std::fflush(stderr);
        saved_ = dup(STDERR_FILENO);
        const int null = open("/dev/null", O_WRONLY);
        if (saved_ >= 0 && null >= 0) {
            dup2(null, STDERR_FILENO);
        }
        if (null >= 0) {
            close(null);
        }
#endif
    }
    ~QuietStderr() {
#ifdef Q_OS_UNIX
        if (saved_ >= 0) {
            std::fflush(stderr);
            dup2(saved_, STDERR_FILENO);
            close(saved_);
        }
#endif
    }
    QuietStderr(const QuietStderr&) = delete;
    QuietStderr& operator=(const QuietStderr&) = delete;

private:
    int saved_ = -1;
};

}  // namespace

Result<LoadedPipeline> loadForCommand(const QString& file, const ParsedArguments& args,
                                      bool needData) {
    auto pipeline = loadPipeline(file);
    if (!pipeline) {
        return pipeline.error();
    }
    LoadedPipeline loaded{file, std::move(pipeline).value(), {}, {}, std::nullopt, {}};
    if (args.has(QStringLiteral("--memory-limit"))) {
        auto limit = parseByteSize(args.value(QStringLiteral("--memory-limit")));
        if (!limit) {
            return limit.error();
        }
        loaded.memoryLimit = *limit;
    }
    if (args.has(QStringLiteral("--input")) && args.has(QStringLiteral("--input-shape"))) {
        return Error::invalid(QStringLiteral("give either --input or --input-shape, not both"));
    }
    Shape shape;
    if (args.has(QStringLiteral("--input-shape"))) {
        auto parsed = parseShapeArgument(args.value(QStringLiteral("--input-shape")));
        if (!parsed) {
            return parsed.error();
        }
        shape = *parsed;
    } else {
        InputSpec input = loaded.pipeline.input;
        QDir base = loaded.pipeline.baseDir;
        if (args.has(QStringLiteral("--input"))) {
            input = inputSpecForFile(args.value(QStringLiteral("--input")));
            base = QDir::current();
            if (input.kind == InputKind::Image) {
                adaptImageInput(input, loaded.pipeline.input);
            }
        }
        if (input.kind == InputKind::Shape && needData) {
            return Error::invalid(
                QStringLiteral("%1: the input is a shape only; give data with --input").arg(file));
        }
        auto inferred = [&] {
            const QuietStderr quiet;
            return inputShape(input, base);
        }();
        if (!inferred) {
            return inferred.error();
        }
        shape = *inferred;
        loaded.inputSpec = input;
        loaded.inputBase = base;
    }
    loaded.report = analyzePipeline(loaded.pipeline, shape);
    return loaded;
}

Status loadInputData(LoadedPipeline& loaded) {
    auto tensor = [&] {
        const QuietStderr quiet;
        return loadInputTensor(loaded.inputSpec, loaded.inputBase, loaded.memoryLimit);
    }();
    if (!tensor) {
        return tensor.error();
    }
    if (tensor->shape() != loaded.report.input) {
        return Error::runtime(QStringLiteral("the input has shape %1, but its header said %2")
                                  .arg(tensor->shape().toString(), loaded.report.input.toString()));
    }
    loaded.input = std::move(tensor).value();
    return success();
}

Error layerError(const LoadedPipeline& loaded) {
    const LayerReport* broken = loaded.report.firstBroken();
    return Error::invalid(QStringLiteral("%1: layers[%2] (%3): %4")
                              .arg(loaded.file)
                              .arg(broken->index - 1)
                              .arg(broken->name, broken->error->message));
}

namespace {

int dispatch(const QStringList& arguments);

QtMessageHandler qtHandler = nullptr;

// Image decoders report damage through Qt's warnings ("libpng error: Read Error", "Corrupt
// JPEG data: premature end of data segment"); the command line states every failure in its
// own one error line instead, so those notes are dropped. Critical and fatal messages pass.
void quietHandler(QtMsgType type, const QMessageLogContext& context, const QString& text) {
    if ((type == QtCriticalMsg || type == QtFatalMsg) && qtHandler != nullptr) {
        qtHandler(type, context, text);
    }
}

}  // namespace

int run(const QStringList& arguments) {
    qtHandler = qInstallMessageHandler(quietHandler);
    try {
        return dispatch(arguments);
    } catch (const std::bad_alloc&) {
        return reportError(Error::runtime(QStringLiteral("out of memory")));
    }
}

namespace {

int dispatch(const QStringList& arguments) {
    const QString command = arguments.value(1);
    const QStringList rest = arguments.mid(2);
    if (command == QStringLiteral("--help") || command == QStringLiteral("-h")) {
        QTextStream(stdout) << kUsage;
        return kSuccess;
    }
    if (command == QStringLiteral("--version")) {
        QTextStream(stdout) << "stridelab " << STRIDELAB_VERSION << Qt::endl;
        return kSuccess;
    }
    if (command == QStringLiteral("summary")) {
        return summaryCommand(rest);
    }
    if (command == QStringLiteral("run")) {
        return runCommand(rest);
    }
    if (command == QStringLiteral("export")) {
        return exportCommand(rest);
    }
    if (command == QStringLiteral("bench")) {
        return benchCommand(rest);
    }
    if (command.startsWith(QLatin1Char('-'))) {
        return reportError(Error::invalid(
            QStringLiteral("unknown option %1 (see stridelab --help)").arg(command)));
    }
    const QStringList known = {QStringLiteral("summary"), QStringLiteral("run"),
                               QStringLiteral("export"), QStringLiteral("bench")};
    return reportError(Error::invalid(
        QStringLiteral("unknown subcommand \"%1\" and no file of that name to open%2 "
                       "(see stridelab --help)")
            .arg(command, didYouMeanSuffix(command, known))));
}

}  // namespace

}  // namespace stridelab::cli
