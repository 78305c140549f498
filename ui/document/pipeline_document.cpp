#include "document/pipeline_document.h"

#include "i18n/language.h"
#include "layers/layer_registry.h"
#include "pipeline/pipeline_writer.h"

#include <QFileInfo>
#include <QUndoCommand>

namespace stridelab::ui {

// Undo/redo by swapping whole pipelines; layers are shared, so this copies pointers only.
// The step's name is a function, so that it can be said again in another language.
class PipelineSnapshotCommand : public QUndoCommand {
public:
    PipelineSnapshotCommand(PipelineDocument* document, Pipeline before, Pipeline after,
                            std::function<QString()> text, int mergeId)
        : QUndoCommand(text()),
          document_(document),
          before_(std::move(before)),
          after_(std::move(after)),
          text_(std::move(text)),
          mergeId_(mergeId) {}

    void retranslate() { setText(text_()); }

    void undo() override { document_->set(before_); }
    void redo() override { document_->set(after_); }
    [[nodiscard]] int id() const override { return mergeId_; }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* next = static_cast<const PipelineSnapshotCommand*>(other);
        if (next->mergeId_ != mergeId_) {
            return false;
        }
        after_ = next->after_;
        return true;
    }

private:
    PipelineDocument* document_;
    Pipeline before_;
    Pipeline after_;
    std::function<QString()> text_;
    int mergeId_;
};

namespace {

// Edits of layer i merge with each other; structural edits never merge.
constexpr int kLayerEditMergeBase = 1000;

// Names become explicit before the stack's order changes, so a default name ("conv2d_1")
// never silently moves to another layer, and indices_from keeps pointing where it did.
void freezeNames(Pipeline& p) {
    for (PipelineLayer& l : p.layers) {
        l.explicitName = true;
    }
}

}  // namespace

PipelineDocument::PipelineDocument(QObject* parent) : QObject(parent) {
    i18n::onLanguageChange(this, [this] { retranslateHistory(); });
}

void PipelineDocument::retranslateHistory() {
    for (int i = 0; i < undo_.count(); ++i) {
        // Every command on the stack is one of ours, and none was created const.
        auto* command =
            const_cast<PipelineSnapshotCommand*>(  // NOLINT(cppcoreguidelines-pro-type-const-cast)
                static_cast<const PipelineSnapshotCommand*>(undo_.command(i)));
        command->retranslate();
    }
}

void PipelineDocument::reset(Pipeline pipeline, const QString& filePath) {
    undo_.clear();
    pipeline_ = std::move(pipeline);
    filePath_ = filePath;
    undo_.setClean();
    emit filePathChanged(filePath_);
    emit changed();
}

Status PipelineDocument::saveAs(const QString& path) {
    if (auto s = savePipeline(pipeline_, path); !s) {
        return s;
    }
    // Paths inside the file are now relative to its new folder.
    pipeline_.baseDir = QFileInfo(path).absoluteDir();
    filePath_ = path;
    undo_.setClean();
    emit filePathChanged(filePath_);
    return success();
}

void PipelineDocument::set(const Pipeline& pipeline) {
    pipeline_ = pipeline;
    emit changed();
}

void PipelineDocument::apply(Pipeline next, const QString& text, int mergeId) {
    apply(
        std::move(next), [text] { return text; }, mergeId);
}

void PipelineDocument::apply(Pipeline next, std::function<QString()> text, int mergeId) {
    undo_.push(
        new PipelineSnapshotCommand(this, pipeline_, std::move(next), std::move(text), mergeId));
}

QString PipelineDocument::freeName(const QString& type) const {
    for (int k = 0;; ++k) {
        const QString candidate = k == 0 ? type : QStringLiteral("%1_%2").arg(type).arg(k);
        if (pipeline_.find(candidate) == nullptr && candidate != QStringLiteral("input")) {
            return candidate;
        }
    }
}

void PipelineDocument::replaceLayer(int index, LayerPtr layer) {
    Pipeline next = pipeline_;
    next.layers[static_cast<std::size_t>(index)].layer = std::move(layer);
    apply(
        std::move(next),
        [name = pipeline_.layers[static_cast<std::size_t>(index)].name] {
            return tr("Edit %1").arg(name);
        },
        kLayerEditMergeBase + index);
}

void PipelineDocument::renameLayer(int index, const QString& name) {
    Pipeline next = pipeline_;
    const QString old = next.layers[static_cast<std::size_t>(index)].name;
    freezeNames(next);
    next.layers[static_cast<std::size_t>(index)].name = name;
    // Unpools that named the old name follow the rename.
    for (PipelineLayer& l : next.layers) {
        if (l.layer->indicesFrom() == old) {
            QJsonObject json = l.layer->toJson();
            json.insert(QStringLiteral("indices_from"), name);
            const LayerType* type = findLayerType(l.layer->type());
            if (auto renamed = type->parse(JsonObjectReader(json, QStringLiteral("layer")),
                                           LayerLoadContext{next.baseDir})) {
                l.layer = *renamed;
            }
        }
    }
    apply(std::move(next), [old, name] { return tr("Rename %1 to %2").arg(old, name); });
}

void PipelineDocument::insertLayer(int index, LayerPtr layer) {
    Pipeline next = pipeline_;
    freezeNames(next);
    const QString name = freeName(layer->type());
    next.layers.insert(next.layers.begin() + index, PipelineLayer{name, true, std::move(layer)});
    apply(std::move(next), [name] { return tr("Add %1").arg(name); });
}

void PipelineDocument::duplicateLayer(int index) {
    const PipelineLayer& source = pipeline_.layers[static_cast<std::size_t>(index)];
    Pipeline next = pipeline_;
    freezeNames(next);
    const QString name = freeName(source.layer->type());
    next.layers.insert(next.layers.begin() + index + 1, PipelineLayer{name, true, source.layer});
    apply(std::move(next), [name = source.name] { return tr("Duplicate %1").arg(name); });
}

void PipelineDocument::removeLayer(int index) {
    Pipeline next = pipeline_;
    freezeNames(next);
    const QString name = next.layers[static_cast<std::size_t>(index)].name;
    next.layers.erase(next.layers.begin() + index);
    apply(std::move(next), [name] { return tr("Remove %1").arg(name); });
}

void PipelineDocument::moveLayer(int from, int to) {
    if (from == to) {
        return;
    }
    Pipeline next = pipeline_;
    freezeNames(next);
    PipelineLayer moved = next.layers[static_cast<std::size_t>(from)];
    next.layers.erase(next.layers.begin() + from);
    next.layers.insert(next.layers.begin() + to, std::move(moved));
    apply(std::move(next), [name = pipeline_.layers[static_cast<std::size_t>(from)].name] {
        return tr("Move %1").arg(name);
    });
}

void PipelineDocument::setLayerEnabled(int index, bool enabled) {
    Pipeline next = pipeline_;
    next.layers[static_cast<std::size_t>(index)].enabled = enabled;
    const QString name = next.layers[static_cast<std::size_t>(index)].name;
    apply(std::move(next), [enabled, name] {
        return enabled ? tr("Switch on %1").arg(name) : tr("Switch off %1").arg(name);
    });
}

void PipelineDocument::setInput(const InputSpec& input, const QDir& baseDir) {
    Pipeline next = pipeline_;
    next.input = input;
    // Relative image paths of the new input are relative to where they were chosen.
    if (baseDir != pipeline_.baseDir && input.kind != InputKind::Shape &&
        !QFileInfo(input.source).isAbsolute() &&
        !input.source.startsWith(QStringLiteral("builtin:"))) {
        next.input.source = baseDir.absoluteFilePath(input.source);
    }
    apply(std::move(next), [] { return tr("Change the input"); });
}

}  // namespace stridelab::ui
