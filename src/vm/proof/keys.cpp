// SPDX-License-Identifier: Apache-2.0
#include "vm/proof/keys.hpp"

#include <vector>

#include "hash/sponge.hpp"
#include "vm/chips/fixed/air.hpp"
#include "vm/proof/machine.hpp"

namespace zkbatch::vm::proof {

std::shared_ptr<const VmKey> make_key(const Program& program, const stark::StarkParams& params) {
  auto key = std::make_shared<VmKey>();
  key->entry = program.entry();
  key->layout = std::make_shared<const chips::MemoryLayout>(program);
  key->program = std::make_shared<const chips::program::ProgramTable>(
      chips::program::ProgramTable::from(program));
  key->segment_fixed =
      std::make_shared<const chips::FixedTable>(chips::fixed::segment_table(*key->layout));
  key->memory_fixed =
      std::make_shared<const chips::FixedTable>(chips::fixed::memory_table(*key->layout));
  key->segment = stark::keygen(segment_machine(key->program, key->segment_fixed), params);
  key->memory = stark::keygen(memory_machine(key->layout, key->memory_fixed), params);
  std::vector<field::Fp> e = {field::Fp(kVmKeyVersion), field::Fp(key->entry)};
  for (const hash::Digest* d : {&key->segment.vk.digest, &key->memory.vk.digest}) {
    e.insert(e.end(), d->v, d->v + hash::kDigestElements);
  }
  key->digest = hash::hash_elements(e.data(), e.size());
  return key;
}

}  // namespace zkbatch::vm::proof
