// SPDX-License-Identifier: Apache-2.0
// Public header of src/poly: matrices, NTTs, coset LDE, evaluation domains and polynomial
// evaluation.
#pragma once

#include "poly/domain.hpp"
#include "poly/lde.hpp"
#include "poly/matrix.hpp"
#include "poly/ntt.hpp"
#include "poly/polynomial.hpp"
