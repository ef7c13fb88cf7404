// SPDX-License-Identifier: Apache-2.0
// Public header of src/field: Goldilocks, its cubic extension, roots of unity, batch inversion.
// Guest-safe: C headers and src/base only.
#pragma once

#include "field/batch_inverse.hpp"
#include "field/extension.hpp"
#include "field/goldilocks.hpp"
#include "field/roots.hpp"
