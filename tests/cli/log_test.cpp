// SPDX-License-Identifier: Apache-2.0
// Structured log lines: JSON mode yields valid JSON with typed fields; text mode key=value pairs.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "log/log.hpp"

namespace {

namespace log = zkbatch::log;

TEST(Log, JsonMembersParseWithTypedValues) {
  std::string members = log::render(log::Format::json, "segment \"proved\"",
                                    {{"block", uint64_t{19000000}},
                                     {"segment", 3},
                                     {"elapsed_s", 1.5},
                                     {"hash", "0xabc"},
                                     {"done", true}},
                                    2);
  nlohmann::json j = nlohmann::json::parse("{" + members + "}");
  EXPECT_EQ(j["msg"], "segment \"proved\"");
  EXPECT_EQ(j["rank"], 2);
  EXPECT_EQ(j["block"], 19000000u);
  EXPECT_TRUE(j["block"].is_number_unsigned());
  EXPECT_EQ(j["segment"], 3);
  EXPECT_DOUBLE_EQ(j["elapsed_s"].get<double>(), 1.5);
  EXPECT_EQ(j["hash"], "0xabc");
  EXPECT_EQ(j["done"], true);
}

TEST(Log, JsonNonFiniteBecomesNull) {
  std::string members = log::render(log::Format::json, "eta", {{"eta_s", 1.0 / 0.0}}, 0);
  nlohmann::json j = nlohmann::json::parse("{" + members + "}");
  EXPECT_TRUE(j["eta_s"].is_null());
}

TEST(Log, TextIsKeyValue) {
  std::string line =
      log::render(log::Format::text, "segment proved", {{"block", 7}, {"note", "two words"}}, 0);
  EXPECT_EQ(line, "segment proved rank=0 block=7 note=\"two words\"");
}

TEST(Log, ParsesFormatsAndLevels) {
  log::Format f;
  log::Level l;
  EXPECT_TRUE(log::parse_format("json", f));
  EXPECT_EQ(f, log::Format::json);
  EXPECT_FALSE(log::parse_format("xml", f));
  EXPECT_TRUE(log::parse_level("warn", l));
  EXPECT_EQ(l, log::Level::warn);
  EXPECT_FALSE(log::parse_level("verbose", l));
}

}  // namespace
