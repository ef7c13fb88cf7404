// SPDX-License-Identifier: Apache-2.0
#include "test_util.hpp"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>

#include <omp.h>

namespace zkbatch::vm::proof::testing {

void TestParamsEnvironment::SetUp() {
  stark::allow_test_params(true);
  // One thread: OpenMP workers spin-wait, which costs far more than it saves on tiny proofs on a
  // loaded machine. The determinism test switches to two on purpose.
  omp_set_num_threads(1);
}

namespace {
[[maybe_unused]] const ::testing::Environment* const kEnvironment =
    ::testing::AddGlobalTestEnvironment(new TestParamsEnvironment);
}  // namespace

Program program_from(const Assembler& as, const std::vector<uint8_t>& data, uint32_t data_size) {
  const ElfImage image = image_from_code(as.finish(), as.origin(), data, data_size);
  // Through the file format and the loader's checks, as a guest ELF would come.
  ElfImage checked;
  const ElfError e = parse_elf(write_elf(image), "assembled", checked);
  if (!e.ok()) throw std::runtime_error(e.message);
  return Program(std::move(checked));
}

std::vector<uint8_t> program_elf(const Program& program) {
  return write_elf(program.image());
}

std::string guest_elf(const std::string& name) {
  std::string dir;
  if (const char* env = std::getenv("ZKB_GUEST_ELF_DIR"); env != nullptr && *env != 0) {
    dir = env;
  }
#ifdef ZKB_GUEST_ELF_DIR
  if (dir.empty()) dir = ZKB_GUEST_ELF_DIR;
#endif
  if (dir.empty()) return {};
  const std::string path = dir + "/" + name + ".elf";
  return std::filesystem::exists(path) ? path : std::string();
}

std::shared_ptr<const VmKey> test_key(const Program& program) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const VmKey>> cache;
  const std::vector<uint8_t> bytes = write_elf(program.image());
  const std::string elf(bytes.begin(), bytes.end());
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(elf);
  if (it != cache.end()) return it->second;
  auto key = make_key(program, stark::presets::test());
  cache.emplace(elf, key);
  return key;
}

ProgramProof prove(const Program& program,
                   const std::vector<uint8_t>& input,
                   uint32_t k,
                   const ProveOptions& options) {
  return prove_program(*test_key(program), program, input, k, options);
}

ProgramVerdict verify(const Program& program, const ProgramProof& proof) {
  return verify_program(*test_key(program), proof);
}

}  // namespace zkbatch::vm::proof::testing
