// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the whole `zkbatch witness check` path on arbitrary text: JSON parsing, field
// reading, compact decoding, replay and checks. Bad input must surface as InputError only.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "witness/block_check.hpp"
#include "witness/error.hpp"
#include "witness/witness_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace zkbatch;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    std::vector<witness::BlockWitness> blocks = witness::parse_witness_text(text, "fuzz.json");
    witness::CheckOptions options;
    options.guest_inputs = true;
    std::vector<witness::BlockReport> reports = witness::check_blocks(blocks, "fuzz.json", options);
    for (const witness::BlockReport& r : reports) {
      (void)witness::encode_guest_input(*r.guest_input);
    }
  } catch (const witness::InputError&) {
    // Rejected with a file, a path and a problem.
  }
  return 0;
}
