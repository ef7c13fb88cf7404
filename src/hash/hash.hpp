// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
// The public header of src/hash: Poseidon2 and what is built on it (digests, the leaf sponge,
// node compression, the Fiat–Shamir challenger), and Ethereum's Keccak-256.
#pragma once

#include "hash/challenger.hpp"
#include "hash/compress.hpp"
#include "hash/digest.hpp"
#include "hash/keccak.hpp"
#include "hash/poseidon2.hpp"
#include "hash/sponge.hpp"
