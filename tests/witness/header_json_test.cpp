// SPDX-License-Identifier: Apache-2.0
// Header JSON as eth_getBlockByNumber returns it: every real header of ../shared/witnesses
// re-encodes to the block hash the JSON states (Keccak-256 of the header RLP, Yellow Paper §4.3),
// which checks every field's parsing at once; plus the fork rules and bad fields.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "eth/header.hpp"
#include "witness/error.hpp"
#include "witness/header_json.hpp"
#include "witness_test_util.hpp"

namespace zkbatch::witness {
namespace {

using nlohmann::json;

std::vector<std::filesystem::path> header_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  for (const std::string& name : test::zk_evm_cases()) {
    out.push_back(dir / "zk_evm_cases" / (name + "_header.json"));
  }
  for (const char* name : {"512.eoa", "512.erc20", "432.erc721"}) {
    out.push_back(dir / "prover_infra" / (std::string(name) + ".block.json"));
  }
  return out;
}

TEST(HeaderJson, RealHeadersHashToTheirBlockHash) {
  ZKB_REQUIRE_WITNESSES(dir);
  for (const auto& file : header_files(dir)) {
    std::vector<HeaderJson> headers = read_header_file(file.string());
    ASSERT_EQ(headers.size(), 1u) << file;
    const HeaderJson& h = headers[0];
    EXPECT_EQ(h.header.fork, eth::HeaderFork::cancun) << file;
    base::Result<base::Bytes32> hash = eth::block_hash(h.header);
    ASSERT_TRUE(hash.ok()) << file;
    EXPECT_EQ(*hash, h.hash) << file;
    ASSERT_TRUE(h.withdrawals.has_value());
    ASSERT_TRUE(h.transaction_hashes.has_value());
  }
}

TEST(HeaderJson, FieldsOfBlock19807080) {
  ZKB_REQUIRE_WITNESSES(dir);
  HeaderJson h = read_header_file((dir / "zk_evm_cases/b19807080_main_header.json").string())[0];
  EXPECT_EQ(h.header.number, 19807080u);
  EXPECT_EQ(h.withdrawals->size(), 16u);        // reference §4.3
  EXPECT_EQ(h.transaction_hashes->size(), 9u);  // full transaction objects
  HeaderJson dev = read_header_file((dir / "zk_evm_cases/b28_dev_header.json").string())[0];
  EXPECT_EQ(dev.transaction_hashes->size(), 1u);  // transaction hashes only
  EXPECT_TRUE(dev.withdrawals->empty());
}

TEST(HeaderJson, ForkFollowsTheOptionalFields) {
  ZKB_REQUIRE_WITNESSES(dir);
  json block = test::read_json(dir / "zk_evm_cases/b28_dev_header.json")[0];
  for (const char* f : {"blobGasUsed", "excessBlobGas", "parentBeaconBlockRoot"})
    block.erase(f);
  EXPECT_EQ(parse_header_json(block, "s.json")[0].header.fork, eth::HeaderFork::shanghai);
  block.erase("withdrawalsRoot");
  EXPECT_EQ(parse_header_json(block, "l.json")[0].header.fork, eth::HeaderFork::london);
  block.erase("baseFeePerGas");
  EXPECT_EQ(parse_header_json(block, "f.json")[0].header.fork, eth::HeaderFork::frontier);
}

TEST(HeaderJsonErrors, BadFieldsNameTheirPath) {
  ZKB_REQUIRE_WITNESSES(dir);
  const json original = test::read_json(dir / "zk_evm_cases/b28_dev_header.json");
  struct Case {
    void (*apply)(json&);
    const char* message;
  };
  const Case cases[] = {
      {[](json& d) { d[0].erase("blobGasUsed"); },
       "h.json: [0]: a Cancun header needs blobGasUsed, excessBlobGas and parentBeaconBlockRoot"},
      {[](json& d) { d[0]["extraData"] = "0x" + std::string(66, 'a'); },
       "[0].extraData: extra data longer than 32 bytes"},
      {[](json& d) { d[0]["nonce"] = "0x00000000000000"; },
       "[0].nonce: expected a nonce of 8 bytes, found 7"},
      {[](json& d) { d[0].erase("hash"); }, "[0]: missing field \"hash\""},
      {[](json& d) { d[0]["gasUsed"] = 21000; }, "[0].gasUsed: expected a string"},
      {[](json& d) { d = json::array(); }, "the header array holds no block"},
      {[](json& d) {
         d[0]["withdrawals"] = {{{"index", "0x0"}}};
       },
       "[0].withdrawals[0]: missing field \"validatorIndex\""},
  };
  for (const Case& c : cases) {
    json doc = original;
    c.apply(doc);
    ZKB_EXPECT_THROW_WITH(parse_header_json(doc, "h.json"), InputError, c.message);
  }
}

}  // namespace
}  // namespace zkbatch::witness
