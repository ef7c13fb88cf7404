// SPDX-License-Identifier: Apache-2.0
// The keys of one program (DESIGN.md §4 "Program"): the STARK keys of its segment and memory
// machines (whose digests cover the table layout, the parameters, the program table, the image
// table and the fixed tables), the entry point, and one digest of all of them that names the
// program in a proof's statement.
#pragma once

#include <cstdint>
#include <memory>

#include "hash/digest.hpp"
#include "stark/keys.hpp"
#include "stark/params.hpp"
#include "vm/chips/lookups.hpp"
#include "vm/chips/memory_layout.hpp"
#include "vm/chips/program/air.hpp"
#include "vm/program.hpp"

namespace zkbatch::vm::proof {

/// Version of the program-key encoding hashed into VmKey::digest.
inline constexpr uint64_t kVmKeyVersion = 1;

/// Proving and verifying material of one program under one set of parameters. Immutable once
/// built; shared by every segment prover and the verifier.
struct VmKey {
  uint32_t entry = 0;
  std::shared_ptr<const chips::MemoryLayout> layout;
  std::shared_ptr<const chips::program::ProgramTable> program;
  std::shared_ptr<const chips::FixedTable> segment_fixed;
  std::shared_ptr<const chips::FixedTable> memory_fixed;
  stark::ProvingKey segment;
  stark::ProvingKey memory;
  /// hash_elements(version, entry, segment key digest, memory key digest): the verifying key.
  hash::Digest digest{};

  const stark::StarkParams& params() const { return segment.vk.params; }
};

/// Builds the keys of `program` (keygen of both machines). Throws std::invalid_argument for a
/// program the machine cannot prove (memory_layout.hpp, ProgramTable::from) and stark::AirError
/// for a machine error.
std::shared_ptr<const VmKey> make_key(const Program& program, const stark::StarkParams& params);

}  // namespace zkbatch::vm::proof
