// SPDX-License-Identifier: Apache-2.0
// A deterministic stand-in for libFuzzer where it is not available (GCC builds): runs the EVM
// fuzz target on pseudo-random programs built from a fixed seed, biased towards real opcodes,
// small pushes (addresses of the fuzz world's accounts, small offsets) and short jumps, so CI
// exercises the interpreter under the sanitizers on every run. Usage: fuzz_evm_random [count]
// [seed]; the seed is printed so any failure can be replayed.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "eth/evm/opcode_traits.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

// SplitMix64: a small, fully specified generator (the sequence is the same on every platform).
struct Rng {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  uint32_t below(uint32_t n) { return static_cast<uint32_t>(next() % n); }
};

std::vector<uint8_t> random_program(Rng& rng) {
  using namespace zkbatch::eth::evm;
  std::vector<uint8_t> out;
  out.push_back(static_cast<uint8_t>(rng.next()));  // flags
  const size_t calldata = rng.below(40);
  out.push_back(static_cast<uint8_t>(calldata));
  for (size_t i = 0; i < calldata; ++i)
    out.push_back(static_cast<uint8_t>(rng.next()));
  const size_t length = 1 + rng.below(120);
  for (size_t i = 0; i < length; ++i) {
    uint32_t kind = rng.below(10);
    if (kind < 4) {  // a small push: offsets, slots, addresses 0x01..0x21, jump targets
      out.push_back(0x60);
      out.push_back(static_cast<uint8_t>(rng.below(kind == 0 ? 256 : 0x24)));
    } else if (kind < 5) {  // any byte, defined or not
      out.push_back(static_cast<uint8_t>(rng.next()));
    } else if (kind < 6) {
      out.push_back(static_cast<uint8_t>(Op::jumpdest));
    } else {  // a defined opcode
      uint8_t op;
      do {
        op = static_cast<uint8_t>(rng.next());
      } while (!is_defined(op, kLatestRevision) || (op >= 0x61 && op <= 0x7f));
      out.push_back(op);
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const long count = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 3000;
  const uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 0) : 0x5eedull;
  std::printf("fuzz_evm_random: %ld programs from seed 0x%llx\n", count,
              static_cast<unsigned long long>(seed));
  Rng rng{seed};
  for (long i = 0; i < count; ++i) {
    std::vector<uint8_t> input = random_program(rng);
    LLVMFuzzerTestOneInput(input.data(), input.size());
  }
  std::printf("ran %ld programs\n", count);
  return 0;
}
