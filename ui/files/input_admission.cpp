#include "files/input_admission.h"

#include "io/builtin_images.h"
#include "io/image_input.h"
#include "pipeline/memory_fit.h"
#include "pipeline/pipeline_analysis.h"
#include "util/threads.h"

#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace stridelab::ui {

Result<InputSpec> InputAdmission::admit(QWidget* parent, const Pipeline& pipeline, InputSpec input,
                                        const QDir& baseDir, std::int64_t budget, Check check) {
    const bool tell = check == Check::ReadableAndBudget;
    auto refuse = [&](const QString& text) -> Result<InputSpec> {
        if (tell) {
            QMessageBox::warning(parent, refusalTitle(), text);
        }
        return Error::runtime(text);
    };
    auto shape = inputShape(input, baseDir);
    if (!shape) {
        return refuse(shape.error().message);
    }
    if (input.kind == InputKind::Shape) {
        return input;
    }
    const bool file = input.kind == InputKind::Image && !isBuiltinImageSource(input.source);
    if (file) {
        const QString path = baseDir.filePath(input.source);
        auto info = readImageInfo(path);
        if (!info) {
            return refuse(info.error().message);
        }
        const std::int64_t reading = info->readingBytes(static_cast<int>(shape->c));
        if (reading > budget) {
            return refuse(tr("%1 is %2 x %3 pixels: reading it would take %4, more than the "
                             "memory budget of %5.\n\nResize it in an image editor first, or "
                             "raise the budget in Edit > Preferences.")
                              .arg(QFileInfo(path).fileName())
                              .arg(info->size.width())
                              .arg(info->size.height())
                              .arg(formatBytes(reading), formatBytes(budget)));
        }
        // Damaged or cut-short data is found now, while the current input is still there,
        // not later by the computation. (A pipeline being opened is left to the computation.)
        if (tell) {
            if (auto data = checkImageData(path); !data) {
                return refuse(data.error().message);
            }
        }
    }
    Pipeline next = enabledLayers(pipeline).pipeline;
    next.input = input;
    const int threads = resolveThreads(0);  // the window computes on every core
    const std::int64_t needed = analyzePipeline(next, *shape).memoryBytesFor(threads);
    if (needed <= budget) {
        return input;
    }
    const auto smaller = input.kind == InputKind::Image
                             ? largestInputWithin(next, *shape, budget, threads)
                             : std::nullopt;
    if (!smaller) {
        // Not only a dialog: the caller may go on (a pipeline just opened), and the window
        // then says the same through the refused computation.
        const QString text =
            tr("The feature maps of this %1 x %2 input would need %3, more than the memory "
               "budget of %4.\n\nUse a smaller input, or raise the budget in Edit > Preferences.")
                .arg(shape->w)
                .arg(shape->h)
                .arg(formatBytes(needed), formatBytes(budget));
        return refuse(text);
    }
    const Shape proposed{shape->c, smaller->h, smaller->w};
    QMessageBox box(QMessageBox::Question, downscaleTitle(),
                    tr("The feature maps of this %1 x %2 image would need %3, more than the memory "
                       "budget of %4.\n\nDownscale it to %5 x %6 (the same aspect ratio; its "
                       "feature maps then need %7)?")
                        .arg(shape->w)
                        .arg(shape->h)
                        .arg(formatBytes(needed), formatBytes(budget))
                        .arg(proposed.w)
                        .arg(proposed.h)
                        .arg(formatBytes(analyzePipeline(next, proposed).memoryBytesFor(threads))),
                    QMessageBox::NoButton, parent);
    QPushButton* downscale = box.addButton(tr("&Downscale"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(downscale);
    box.exec();
    if (box.clickedButton() != downscale) {
        return Error::runtime(tr("The image was not used: its feature maps would need %1, more "
                                 "than the memory budget of %2")
                                  .arg(formatBytes(needed), formatBytes(budget)));
    }
    input.resize = *smaller;
    return input;
}

}  // namespace stridelab::ui
