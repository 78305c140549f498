#pragma once

// Edit > Preferences: the memory budget for the feature maps (persisted with QSettings).

#include <QDialog>

#include <cstdint>
#include <functional>

class QMenu;
class QSpinBox;

namespace stridelab::ui {

// The budget the feature maps of one computation (and the reading of an input image) may
// take, in bytes: the setting "compute/memoryBudgetMiB", 2 GiB when unset.
[[nodiscard]] std::int64_t memoryBudgetSetting();
void setMemoryBudgetSetting(std::int64_t bytes);

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    // In MiB, as the user types it.
    [[nodiscard]] QSpinBox* memoryBudgetBox() const { return budget_; }

    // Stores the settings, then closes.
    void accept() override;

private:
    QSpinBox* budget_;
};

// Adds Preferences... to `menu`; `applied` runs after the user stores changed settings.
QAction* addPreferencesAction(QMenu* menu, QWidget* window, std::function<void()> applied);

}  // namespace stridelab::ui
