// SPDX-License-Identifier: Apache-2.0
// Public header of src/commit: Merkle trees over matrix rows and the mixed-height matrix
// commitment scheme (commit, open, verify).
#pragma once

#include "commit/dimensions.hpp"
#include "commit/error.hpp"
#include "commit/matrix_commitment.hpp"
#include "commit/merkle_tree.hpp"
