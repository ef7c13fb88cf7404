// SPDX-License-Identifier: Apache-2.0
// The address table: Cancun has precompiles at 0x01-0x0a (EIP-4844 added 0x0a) and nowhere else.
#include <gtest/gtest.h>

#include <array>
#include <cstring>

#include "eth/precompiles/precompiles.hpp"
#include "precompiles_test_util.hpp"

namespace zkbatch::eth::precompiles::test {
namespace {

std::array<uint8_t, 20> address(uint8_t last) {
  std::array<uint8_t, 20> a{};
  a[19] = last;
  return a;
}

TEST(Precompiles, TableCoversAddressesOneToTen) {
  auto table = cancun_precompiles();
  ASSERT_EQ(table.size(), 10u);
  for (size_t i = 0; i < table.size(); ++i) {
    EXPECT_EQ(table[i].address, i + 1);
    auto a = address(static_cast<uint8_t>(i + 1));
    EXPECT_EQ(find(a.data()), &table[i]);
    EXPECT_TRUE(is_precompile(a.data()));
  }
  EXPECT_STREQ(table[0].name, "ECREC");
  EXPECT_STREQ(table[9].name, "POINT_EVALUATION");
}

TEST(Precompiles, OtherAddressesAreNotPrecompiles) {
  for (uint8_t last : {0, 11, 12, 0x100 - 1}) {
    auto a = address(last);
    EXPECT_EQ(find(a.data()), nullptr) << int(last);
    EXPECT_EQ(gas_cost(a.data(), base::ByteSpan()), UINT64_MAX);
  }
  auto high = address(1);
  high[0] = 1;  // 0x01000...01
  EXPECT_FALSE(is_precompile(high.data()));
  base::Bytes out;
  PrecompileResult r = execute(high.data(), base::ByteSpan(), 1000, out);
  EXPECT_EQ(r.status, Status::failure);
  EXPECT_EQ(r.gas_used, 1000u);
}

TEST(Precompiles, DispatchChargesEachRule) {
  Blob input(100, 7);
  base::ByteSpan in = span_of(input);
  // Yellow Paper Appendix E and the EIPs: fixed costs and per-word costs.
  EXPECT_EQ(gas_cost(address(1).data(), in), 3000u);
  EXPECT_EQ(gas_cost(address(2).data(), in), 60u + 12u * 4);
  EXPECT_EQ(gas_cost(address(3).data(), in), 600u + 120u * 4);
  EXPECT_EQ(gas_cost(address(4).data(), in), 15u + 3u * 4);
  EXPECT_EQ(gas_cost(address(6).data(), in), 150u);
  EXPECT_EQ(gas_cost(address(7).data(), in), 6000u);
  EXPECT_EQ(gas_cost(address(8).data(), in), 45000u);
  EXPECT_EQ(gas_cost(address(8).data(), base::ByteSpan(input.data(), 0)), 45000u);
  Blob two_pairs(384);
  EXPECT_EQ(gas_cost(address(8).data(), span_of(two_pairs)), 45000u + 2 * 34000u);
  EXPECT_EQ(gas_cost(address(10).data(), in), 50000u);
  // Execution through the table matches the direct call.
  auto id = address(4);
  base::Bytes out;
  PrecompileResult r = execute(id.data(), in, 1000, out);
  EXPECT_EQ(r.status, Status::success);
  EXPECT_EQ(r.gas_used, 27u);
  EXPECT_EQ(Blob(out.begin(), out.end()), input);
}

TEST(Precompiles, StatusMessages) {
  EXPECT_STREQ(status_message(Status::success), "success");
  EXPECT_STREQ(status_message(Status::out_of_gas), "out of gas");
  EXPECT_STREQ(status_message(Status::failure), "invalid input");
  EXPECT_STREQ(status_message(Status::out_of_memory), "out of memory");
}

}  // namespace
}  // namespace zkbatch::eth::precompiles::test
