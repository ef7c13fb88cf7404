// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the compact trie decoder and the trie builder on arbitrary bytes. Any input must
// either decode or fail with a BlobError; a crash, a sanitizer report, an uncaught exception of
// another type or a hang is a bug. When the blob decodes, the state root must be computable and
// the same on a second decode (the decoder keeps no state between calls).
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "witness/compact.hpp"
#include "witness/error.hpp"
#include "witness/pre_state.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace zkbatch;
  base::ByteSpan blob(data, size);
  try {
    witness::PreState first = witness::build_pre_state(witness::decode_compact(blob));
    witness::PreState second = witness::build_pre_state(witness::decode_compact(blob));
    if (first.state_root != second.state_root) std::abort();
    for (auto& [hashed, trie] : first.storage) {
      if (!trie.root_hash().ok()) std::abort();
    }
  } catch (const witness::BlobError&) {
    // Rejected with an offset: the expected outcome for most inputs.
  }
  return 0;
}
