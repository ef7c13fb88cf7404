// SPDX-License-Identifier: Apache-2.0
#include "runner/segment_prover.hpp"

#include "stark/global.hpp"

namespace zkbatch::runner {

const char* phase_name(Phase phase) {
  switch (phase) {
    case Phase::execute:
      return "execute";
    case Phase::trace:
      return "trace";
    case Phase::commit:
      return "commit";
    case Phase::quotient:
      return "quotient";
    case Phase::fri:
      return "fri";
    case Phase::write:
      return "write";
  }
  return "unknown";
}

hash::Digest SegmentProver::global_seed(std::span<const hash::Digest> part_commitments) const {
  return stark::derive_global_seed(part_commitments);
}

hash::Digest ProgramProver::global_seed(std::span<const hash::Digest> part_commitments) const {
  return stark::derive_global_seed(part_commitments);
}

}  // namespace zkbatch::runner
