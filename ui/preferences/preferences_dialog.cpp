#include "preferences/preferences_dialog.h"

#include "i18n/language.h"
#include "pipeline/executor.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace stridelab::ui {

namespace {

const char* const kBudgetKey = "compute/memoryBudgetMiB";
constexpr std::int64_t kMiB = std::int64_t{1} << 20;
constexpr int kSmallestBudgetMiB = 16;
constexpr int kLargestBudgetMiB = 1 << 20;  // 1 TiB

}  // namespace

std::int64_t memoryBudgetSetting() {
    const QVariant stored = QSettings().value(QLatin1String(kBudgetKey));
    bool ok = false;
    const qlonglong mib = stored.toLongLong(&ok);
    if (!ok || mib < kSmallestBudgetMiB || mib > kLargestBudgetMiB) {
        return kDefaultMemoryLimit;  // unset, or edited by hand into nonsense
    }
    return mib * kMiB;
}

void setMemoryBudgetSetting(std::int64_t bytes) {
    QSettings().setValue(QLatin1String(kBudgetKey),
                         static_cast<qlonglong>(std::clamp<std::int64_t>(
                             bytes / kMiB, kSmallestBudgetMiB, kLargestBudgetMiB)));
}

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent), budget_(new QSpinBox(this)) {
    setWindowTitle(tr("Preferences"));
    budget_->setRange(kSmallestBudgetMiB, kLargestBudgetMiB);
    budget_->setSingleStep(256);
    budget_->setSuffix(tr(" MiB"));
    budget_->setValue(static_cast<int>(memoryBudgetSetting() / kMiB));
    budget_->setObjectName(QStringLiteral("memoryBudget"));
    auto* explanation = new QLabel(
        tr("Before computing, StrideLab estimates the memory the feature maps need. Past this "
           "budget it stops and says so, instead of being stopped by the system; a larger image "
           "is offered downscaled. Keep it below the memory this computer has free."),
        this);
    explanation->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Memory budget for feature maps:"), budget_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(explanation);
    layout->addWidget(buttons);
}

void PreferencesDialog::accept() {
    setMemoryBudgetSetting(budget_->value() * kMiB);
    QDialog::accept();
}

QAction* addPreferencesAction(QMenu* menu, QWidget* window, std::function<void()> applied) {
    QAction* action = menu->addAction(QString(), window, [window, applied = std::move(applied)] {
        PreferencesDialog dialog(window);
        if (dialog.exec() == QDialog::Accepted) {
            applied();
        }
    });
    action->setShortcut(QKeySequence::Preferences);
    action->setMenuRole(QAction::PreferencesRole);
    i18n::retranslate(action, &QAction::setText,
                      [] { return PreferencesDialog::tr("Pre&ferences..."); });
    return action;
}

}  // namespace stridelab::ui
