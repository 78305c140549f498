#include "support/reference_kernels.h"
