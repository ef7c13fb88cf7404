// SPDX-License-Identifier: Apache-2.0
// Shared helpers of the src/vm/proof tests: programs from the assembler, the guest ELFs, keys
// built once per program, and a one-call prove-and-verify.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "stark/params.hpp"
#include "vm/proof/proof.hpp"
#include "vm/vm.hpp"

namespace zkbatch::vm::proof::testing {

/// Every test here may use the insecure `test` preset.
class TestParamsEnvironment : public ::testing::Environment {
 public:
  void SetUp() override;
};

/// An assembled program with a data segment of `data_size` bytes (initialized with `data`).
Program program_from(const Assembler& as,
                     const std::vector<uint8_t>& data = {},
                     uint32_t data_size = 0);

/// The ELF bytes a proof of `program` embeds.
std::vector<uint8_t> program_elf(const Program& program);

/// Path of guest ELF `name` ("sort" -> ".../sort.elf"), or empty when the guest build is not
/// available ($ZKB_GUEST_ELF_DIR or the build's guest directory).
std::string guest_elf(const std::string& name);

/// The keys of `program` under the test preset, built once per program image and cached.
std::shared_ptr<const VmKey> test_key(const Program& program);

/// Proves `program` on `input` with segments of 2^k cycles under the test preset.
ProgramProof prove(const Program& program,
                   const std::vector<uint8_t>& input,
                   uint32_t k,
                   const ProveOptions& options = {});

/// Verifies with the test key of `program`.
ProgramVerdict verify(const Program& program, const ProgramProof& proof);

}  // namespace zkbatch::vm::proof::testing
