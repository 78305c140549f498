#pragma once

// The subcommands and what they share: reading the pipeline, replacing its input, reporting
// errors as cli.md says.

#include "cli/arguments.h"
#include "cli/cli.h"
#include "pipeline/executor.h"
#include "pipeline/pipeline_analysis.h"

#include <QTextStream>

#include <optional>

namespace stridelab::cli {

// Prints "stridelab: error: <message>" on standard error; returns the exit status for `error`.
int reportError(const Error& error);

struct LoadedPipeline {
    QString file;
    Pipeline pipeline;
    InputSpec inputSpec;          // the input in effect (the pipeline's, or --input's)
    QDir inputBase;               // where its relative path resolves
    std::optional<Tensor> input;  // loaded by loadInputData, after the memory check
    PipelineReport report;
    std::int64_t memoryLimit = kDefaultMemoryLimit;  // --memory-limit
};

// Reads PIPELINE, applies --input / --input-shape (when allowed) and infers every shape from
// the input's headers, without reading its data. `needData`: the input must have data (run).
[[nodiscard]] Result<LoadedPipeline> loadForCommand(const QString& file,
                                                    const ParsedArguments& args, bool needData);

// Reads the input's data (which analysis sized from headers only).
[[nodiscard]] Status loadInputData(LoadedPipeline& loaded);

// The first layer error as one line: "FILE: layers[i] (name): message".
[[nodiscard]] Error layerError(const LoadedPipeline& loaded);

int summaryCommand(const QStringList& arguments);
int runCommand(const QStringList& arguments);
int exportCommand(const QStringList& arguments);
int benchCommand(const QStringList& arguments);

}  // namespace stridelab::cli
