#include "teaching/step_export.h"

#include "io/atomic_file.h"
#include "io/gif_writer.h"
#include "teaching/step_frame_renderer.h"

#include <QBuffer>
#include <QDir>

namespace stridelab::ui {

bool isGifPath(const QString& path) {
    return path.endsWith(QStringLiteral(".gif"), Qt::CaseInsensitive);
}

QString stepFrameFileName(int frame, int count) {
    const int digits =
        std::max(3, static_cast<int>(QString::number(std::max(count - 1, 0)).size()));
    return QStringLiteral("frame_%1.png").arg(frame, digits, 10, QLatin1Char('0'));
}

Result<int> exportSteps(const StepSequence& seq, const QString& path) {
    const StepFrameRenderer renderer(seq);
    const int count = static_cast<int>(seq.frames.size());
    const QSize size = renderer.exportSize();
    if (isGifPath(path)) {
        std::vector<GifFrame> frames;
        frames.reserve(seq.frames.size());
        for (int i = 0; i < count; ++i) {
            frames.push_back(
                {renderer.render(i, size), i + 1 == count ? kStepGifLastDelayMs : kStepGifDelayMs});
        }
        if (auto s = writeAnimatedGif(path, frames); !s) {
            return s.error();
        }
        return count;
    }
    QDir dir(path);
    if (!dir.mkpath(QStringLiteral("."))) {
        return Error::runtime(QStringLiteral("%1: cannot create the directory").arg(path));
    }
    for (int i = 0; i < count; ++i) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        renderer.render(i, size).save(&buffer, "PNG");
        if (auto s = writeFileAtomically(dir.filePath(stepFrameFileName(i, count)), png); !s) {
            return s.error();
        }
    }
    return count;
}

}  // namespace stridelab::ui
