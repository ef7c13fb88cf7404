// SPDX-License-Identifier: Apache-2.0
// Merkle leaf hashing and layer compression on the CPU.
#pragma once

#include <stddef.h>

#include "hash/digest.hpp"
#include "kernels/backend.hpp"

namespace zkbatch::kernels::cpu {

/// See Backend::hash_rows; arguments are already checked (count >= 1, equal heights, total
/// width >= 1).
void hash_rows(const ConstMatrixRef* matrices, size_t count, hash::Digest* out);

/// See Backend::compress_layer; `inject` may be nullptr.
void compress_layer(const hash::Digest* children,
                    size_t out_count,
                    const hash::Digest* inject,
                    hash::Digest* out);

}  // namespace zkbatch::kernels::cpu
