// SPDX-License-Identifier: Apache-2.0
// The block validator as the rv32im guest guest/block, run on the zkVM's emulator: on real
// witnesses it accepts each block and commits exactly the public values the native validator
// computes (the layout of guest/block/main.cpp), and it rejects a block whose input was changed.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "block/block_test_util.hpp"
#include "vm/emulator.hpp"
#include "vm/program.hpp"

namespace zkbatch::eth::block_test {
namespace {

/// The block.elf of this build's guest programs (or $ZKB_GUEST_ELF_DIR), or "" with `why` set.
std::string block_elf(std::string& why) {
  std::string dir;
  if (const char* env = std::getenv("ZKB_GUEST_ELF_DIR"); env != nullptr && *env != '\0') dir = env;
#ifdef ZKB_GUEST_ELF_DIR
  if (dir.empty()) dir = ZKB_GUEST_ELF_DIR;
#endif
  if (dir.empty()) {
    why = "guest ELFs not built (no riscv64-unknown-elf-gcc) and ZKB_GUEST_ELF_DIR unset";
    return "";
  }
  const std::string path = dir + "/block.elf";
  if (!std::filesystem::exists(path)) why = "guest ELF missing: " + path;
  return std::filesystem::exists(path) ? path : "";
}

/// The public values guest/block commits for a valid block.
std::vector<uint8_t> expected_output(const GuestInputView& view, const BlockOutcome& out) {
  std::vector<uint8_t> bytes;
  const base::Bytes32 parent = view.prev_hash(255);
  bytes.insert(bytes.end(), parent.bytes, parent.bytes + 32);
  bytes.insert(bytes.end(), out.block_hash.bytes, out.block_hash.bytes + 32);
  for (int i = 0; i < 8; ++i)
    bytes.push_back(static_cast<uint8_t>(out.number >> (8 * i)));
  for (const base::Bytes32* h :
       {&out.pre_state_root, &out.post_state_root, &out.transactions_root, &out.receipts_root})
    bytes.insert(bytes.end(), h->bytes, h->bytes + 32);
  return bytes;
}

class BlockGuest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    path_ = block_elf(why);
    if (path_.empty()) GTEST_SKIP() << why;
    vm::ElfError error;
    program_ = std::make_unique<vm::Program>(vm::Program::load(path_, error));
    ASSERT_TRUE(error.ok()) << error.message;
  }
  vm::RunResult run(const std::vector<uint8_t>& input) const {
    return vm::Emulator(*program_).execute(input);
  }

  std::string path_;
  std::unique_ptr<vm::Program> program_;
};

// Small real blocks (the emulator also runs under the sanitizers in CI): a devnet block with one
// transaction, one with ten, and a mainnet block with nine.
TEST_F(BlockGuest, CommitsTheNativeValidatorsPublicValues) {
  ZKB_REQUIRE_WITNESSES(dir);
  size_t blocks = 0;
  for (const WitnessCase& c : all_cases(dir)) {
    if (c.name != "b28_dev" && c.name != "b4_dev" && c.name != "b19807080_main") continue;
    SCOPED_TRACE(c.name);
    for (const auto& in : load_inputs(c, load_header(c))) {
      BlockOutcome native;
      ASSERT_TRUE(validate_block(in->view, &native)) << describe(native);
      const vm::RunResult r = run(in->bytes);
      ASSERT_TRUE(r.succeeded()) << vm::describe(r.trap) << " exit " << r.exit_code << "\n"
                                 << r.debug_output;
      EXPECT_EQ(r.public_output, expected_output(in->view, native));
      ++blocks;
    }
  }
  EXPECT_EQ(blocks, 3u);
}

TEST_F(BlockGuest, RejectsAChangedBlockAndUndecodableInput) {
  ZKB_REQUIRE_WITNESSES(dir);
  WitnessCase c = all_cases(dir)[3];
  ASSERT_EQ(c.name, "b28_dev");
  auto inputs = load_inputs(c, load_header(c));
  ASSERT_EQ(inputs.size(), 1u);
  BlockInput& in = *inputs[0];
  // The header's gas used (offset 48 of the fixed part) no longer matches the execution.
  in.bytes[48] ^= 1;
  ASSERT_TRUE(in.redecode());
  BlockOutcome native;
  EXPECT_FALSE(validate_block(in.view, &native));
  const vm::RunResult changed = run(in.bytes);
  EXPECT_EQ(changed.status, vm::RunStatus::halted);
  EXPECT_EQ(changed.exit_code, 1u) << changed.debug_output;
  EXPECT_TRUE(changed.public_output.empty());

  const vm::RunResult truncated =
      run(std::vector<uint8_t>(in.bytes.begin(), in.bytes.begin() + 100));
  EXPECT_EQ(truncated.status, vm::RunStatus::halted);
  EXPECT_EQ(truncated.exit_code, 2u);
}

}  // namespace
}  // namespace zkbatch::eth::block_test
