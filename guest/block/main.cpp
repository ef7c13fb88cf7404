// SPDX-License-Identifier: Apache-2.0
// The block validator as a zkVM guest (DESIGN.md §1): the guest input of one block on fd 0
// (format: src/eth/guest_input.hpp), eth::validate_block on it, and the public values on fd 3.
//   output (fd 3): parent hash, block hash (32 bytes each), number (u64 LE), pre-state root,
//                  post-state root, transactions root, receipts root (32 bytes each). The first
//                  64 bytes follow the runner's chaining rule (src/runner/proof_files.hpp): a
//                  block's proof links to its parent's when its bytes 0..31 equal the parent's
//                  bytes 32..63.
//   exit code: 0 valid block, 1 invalid block (the reason as debug text on fd 1), 2 input that
//              does not decode
#include <stddef.h>
#include <stdint.h>

#include "eth/block/block.hpp"
#include "eth/guest_input.hpp"
#include "guest/runtime/host_calls.h"

namespace {

// The largest guest input this program reads: the biggest shared witness needs about 3 MiB.
constexpr size_t kMaxInput = 24u << 20;
uint8_t input[kMaxInput + 1];

}  // namespace

int main() {
  using namespace zkbatch;
  size_t size = zkb_read_input(input, sizeof input);
  if (size > kMaxInput) return 2;
  eth::GuestInputView view;
  if (!eth::decode_guest_input(base::ByteSpan(input, size), view)) return 2;
  static eth::BlockOutcome outcome;
  if (!eth::validate_block(view, &outcome)) {
    zkb_print(eth::block_status_message(outcome.failure.status));
    zkb_print(": ");
    zkb_print(outcome.failure.message);
    zkb_print("\n");
    return 1;
  }
  base::Bytes32 parent = view.prev_hash(255);
  zkb_commit(parent.bytes, 32);
  zkb_commit(outcome.block_hash.bytes, 32);
  uint8_t number[8];
  for (int i = 0; i < 8; ++i)
    number[i] = static_cast<uint8_t>(outcome.number >> (8 * i));
  zkb_commit(number, sizeof number);
  const base::Bytes32* roots[] = {&outcome.pre_state_root, &outcome.post_state_root,
                                  &outcome.transactions_root, &outcome.receipts_root};
  for (const base::Bytes32* h : roots)
    zkb_commit(h->bytes, 32);
  return 0;
}
