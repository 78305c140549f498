#include "compute/background_pool.h"

#include <QThreadPool>

namespace stridelab::ui {

QThreadPool* backgroundPool() {
    static QThreadPool pool;  // waits for its tasks when the program ends
    return &pool;
}

}  // namespace stridelab::ui
