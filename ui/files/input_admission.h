#pragma once

// Before an input replaces the current one: can it be read, and do its feature maps fit the
// memory budget? An image too large for the budget is offered downscaled (the user decides);
// anything else that does not fit is refused with the numbers. The caller changes nothing
// unless an input is admitted.

#include "pipeline/pipeline.h"

#include <QCoreApplication>

class QWidget;

namespace stridelab::ui {

class InputAdmission {
    Q_DECLARE_TR_FUNCTIONS(InputAdmission)
public:
    // Whether the reading must be possible (a new input chosen by the user) or only the
    // feature maps are weighed (a pipeline just opened: its unreadable input shows in the
    // window as an error, without a dialog).
    enum class Check { ReadableAndBudget, BudgetOnly };

    // `input` (relative paths against `baseDir`) for `pipeline`, maybe with a resize the user
    // accepted; or an error whose message the user has already seen in a dialog (or, for
    // Check::BudgetOnly, needs to see nowhere).
    [[nodiscard]] static Result<InputSpec> admit(QWidget* parent, const Pipeline& pipeline,
                                                 InputSpec input, const QDir& baseDir,
                                                 std::int64_t budget,
                                                 Check check = Check::ReadableAndBudget);

    // The dialog titles, for tests that answer the dialogs.
    [[nodiscard]] static QString refusalTitle() { return tr("Cannot use the image"); }
    [[nodiscard]] static QString downscaleTitle() { return tr("Image too large"); }
};

}  // namespace stridelab::ui
