// SPDX-License-Identifier: Apache-2.0
// Host only. The public header of src/witness: zk_evm witness and header JSON, the compact trie
// encoding, the pre-state tries, the replay and block checks, and the binary guest input
// (README.md).
#pragma once

#include "eth/guest_input.hpp"
#include "witness/block_check.hpp"
#include "witness/block_witness.hpp"
#include "witness/compact.hpp"
#include "witness/error.hpp"
#include "witness/format.hpp"
#include "witness/guest_input.hpp"
#include "witness/header_json.hpp"
#include "witness/pre_state.hpp"
#include "witness/receipt_bytes.hpp"
#include "witness/replay.hpp"
#include "witness/summary.hpp"
#include "witness/witness_json.hpp"
