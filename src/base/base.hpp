// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
// The public header of src/base: the small types every other folder builds on (README.md).
#pragma once

#include "base/arena.hpp"
#include "base/bytes.hpp"
#include "base/default_hash.hpp"
#include "base/hash_map.hpp"
#include "base/hex.hpp"
#include "base/result.hpp"
#include "base/span.hpp"
#include "base/u256.hpp"
#include "base/utility.hpp"
#include "base/vector.hpp"
