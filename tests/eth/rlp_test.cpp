// SPDX-License-Identifier: Apache-2.0
// RLP (Yellow Paper appendix B): the official ethereum/tests vectors, canonical-form rejection
// with error positions, and encode/decode round trips.
#include "eth/rlp.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "base/u256.hpp"
#include "eth_test_util.hpp"

namespace zkbatch::eth {
namespace {

using base::ByteSpan;
using base::Errc;
using test::Blob;
using test::from_hex;
using test::to_hex;
using test::view;

// Minimal big-endian bytes of a decimal number of any size (schoolbook, base 256).
Blob decimal_to_be(const std::string& digits) {
  Blob be;  // big-endian
  for (char c : digits) {
    unsigned carry = static_cast<unsigned>(c - '0');
    for (size_t i = be.size(); i-- > 0;) {
      unsigned v = be[i] * 10u + carry;
      be[i] = static_cast<uint8_t>(v & 0xff);
      carry = v >> 8;
    }
    while (carry > 0) {
      be.insert(be.begin(), static_cast<uint8_t>(carry & 0xff));
      carry >>= 8;
    }
  }
  while (!be.empty() && be[0] == 0)
    be.erase(be.begin());
  return be;
}

// Encodes a fixture's "in" value: strings as bytes, numbers and "#decimal" strings as integers,
// arrays as lists.
void encode_json(const nlohmann::json& in, rlp::Encoder& e) {
  if (in.is_array()) {
    size_t mark = e.begin_list();
    for (const auto& item : in)
      encode_json(item, e);
    e.end_list(mark);
  } else if (in.is_number_unsigned() || in.is_number_integer()) {
    e.uint(in.get<uint64_t>());
  } else {
    std::string s = in.get<std::string>();
    if (!s.empty() && s[0] == '#') {
      e.bytes(view(decimal_to_be(s.substr(1))));
    } else {
      e.bytes(view(s));
    }
  }
}

// Checks that the decoded item `item` carries the fixture's "in" value.
void expect_decodes_to(const rlp::Item& item, const nlohmann::json& in) {
  if (in.is_array()) {
    ASSERT_TRUE(item.is_list);
    rlp::Decoder d(item.payload);
    for (const auto& expected : in) {
      auto next = d.read_item();
      ASSERT_TRUE(next.ok()) << test::describe(next.error());
      expect_decodes_to(*next, expected);
    }
    EXPECT_TRUE(d.empty());
    return;
  }
  ASSERT_FALSE(item.is_list);
  if (in.is_number()) {
    rlp::Decoder d(item.encoding);
    auto value = d.read_u64();
    ASSERT_TRUE(value.ok()) << test::describe(value.error());
    EXPECT_EQ(*value, in.get<uint64_t>());
    return;
  }
  std::string s = in.get<std::string>();
  if (!s.empty() && s[0] == '#') {
    Blob be = decimal_to_be(s.substr(1));
    EXPECT_EQ(test::to_blob(item.payload), be);
    rlp::Decoder d(item.encoding);
    auto value = d.read_u256();
    if (be.size() <= 32) {
      ASSERT_TRUE(value.ok()) << test::describe(value.error());
      EXPECT_EQ(*value, *base::U256::from_decimal(s.data() + 1, s.size() - 1));
    } else {
      EXPECT_EQ(value.error().code, Errc::overflow);  // "bigint" is 2^256
    }
    return;
  }
  EXPECT_EQ(std::string(item.payload.begin(), item.payload.end()), s);
}

// ethereum/tests RLPTests/rlptest.json: every valid vector encodes to "out" and decodes back.
TEST(RlpFixtures, ValidVectorsEncodeAndDecode) {
  ZKB_REQUIRE_SHARED(path, "ethereum-tests/RLPTests/rlptest.json");
  auto fixtures = test::load_json(path);
  ASSERT_GE(fixtures.size(), 20u);
  for (const auto& [name, entry] : fixtures.items()) {
    SCOPED_TRACE(name);
    Blob expected = from_hex(entry["out"].get<std::string>());
    base::Bytes out;
    rlp::Encoder e(out);
    encode_json(entry["in"], e);
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(to_hex(out.span()), to_hex(view(expected)));
    ASSERT_TRUE(rlp::validate(view(expected)).ok());
    auto item = rlp::decode_item(view(expected));
    ASSERT_TRUE(item.ok()) << test::describe(item.error());
    expect_decodes_to(*item, entry["in"]);
  }
}

// ethereum/tests RLPTests/invalidRLPTest.json: every vector is rejected by a full validation.
TEST(RlpFixtures, InvalidVectorsAreRejected) {
  ZKB_REQUIRE_SHARED(path, "ethereum-tests/RLPTests/invalidRLPTest.json");
  auto fixtures = test::load_json(path);
  ASSERT_GE(fixtures.size(), 20u);
  for (const auto& [name, entry] : fixtures.items()) {
    SCOPED_TRACE(name);
    Blob bytes = from_hex(entry["out"].get<std::string>());
    base::Status status = rlp::validate(view(bytes));
    EXPECT_FALSE(status.ok());
    EXPECT_NE(status.error().code, Errc::ok);
  }
}

// ethereum/tests RLPTests/RandomRLPTests: "VALID" vectors pass validation.
TEST(RlpFixtures, RandomValidVectors) {
  ZKB_REQUIRE_SHARED(dir, "ethereum-tests/RLPTests/RandomRLPTests");
  int checked = 0;
  for (const auto& file : std::filesystem::directory_iterator(dir)) {
    auto fixtures = test::load_json(file.path());
    for (const auto& [name, entry] : fixtures.items()) {
      SCOPED_TRACE(file.path().filename().string() + ":" + name);
      Blob bytes = from_hex(entry["out"].get<std::string>());
      EXPECT_TRUE(rlp::validate(view(bytes)).ok());
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

struct Rejection {
  const char* hex;
  Errc code;
  size_t position;
};

// Each non-canonical form of appendix B, with the error and the offset of the offending item.
TEST(RlpDecode, RejectsNonCanonicalFormsWithPositions) {
  const Rejection cases[] = {
      {"", Errc::truncated, 0},
      {"8100", Errc::malformed, 0},      // single byte below 0x80 must encode itself
      {"817f", Errc::malformed, 0},      //
      {"b800", Errc::malformed, 0},      // long length with a leading zero
      {"b80100", Errc::malformed, 0},    // long form for a 1-byte payload
      {"f800", Errc::malformed, 0},      // list: long length with a leading zero
      {"f83700", Errc::malformed, 0},    // list: long form for 55 bytes
      {"83aabb", Errc::truncated, 0},    // payload past the end
      {"b9", Errc::truncated, 0},        // length bytes past the end
      {"c3c28100", Errc::malformed, 2},  // nested item, position inside the input
      {"c401028201", Errc::truncated, 3},
      {"c20101ff", Errc::malformed, 3},  // trailing bytes after the item
      {"0101", Errc::malformed, 1},
  };
  for (const Rejection& c : cases) {
    SCOPED_TRACE(c.hex);
    Blob bytes = from_hex(c.hex);
    base::Status s = rlp::validate(view(bytes));
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, c.code) << test::describe(s.error());
    EXPECT_EQ(s.error().position, c.position) << test::describe(s.error());
    EXPECT_NE(s.error().detail, nullptr);
  }
}

TEST(RlpDecode, IntegersMustBeMinimal) {
  struct Case {
    const char* hex;
    bool ok;
    uint64_t value;
  };
  const Case cases[] = {
      {"80", true, 0},
      {"01", true, 1},
      {"7f", true, 127},
      {"8180", true, 128},
      {"820400", true, 1024},
      {"00", false, 0},  // zero is 0x80
      {"820004", false, 0},
      {"c0", false, 0},
      {"88ffffffffffffffff", true, ~0ull},
      {"89010000000000000000", false, 0},  // 2^64 does not fit
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.hex);
    Blob bytes = from_hex(c.hex);
    rlp::Decoder d(view(bytes));
    auto value = d.read_u64();
    ASSERT_EQ(value.ok(), c.ok);
    if (c.ok) {
      EXPECT_EQ(*value, c.value);
    }
  }
  Blob wide = from_hex("89010000000000000000");
  rlp::Decoder d(view(wide));
  auto value = d.read_u64();
  EXPECT_EQ(value.error().code, Errc::overflow);
  rlp::Decoder d2(view(wide));
  auto big = d2.read_u256();
  ASSERT_TRUE(big.ok());
  EXPECT_EQ(*big, base::U256::from_limbs(0, 1, 0, 0));
  Blob too_wide = from_hex("a1010000000000000000000000000000000000000000000000000000000000000000");
  rlp::Decoder d3(view(too_wide));
  EXPECT_EQ(d3.read_u256().error().code, Errc::overflow);
}

TEST(RlpDecode, CursorReadsFieldsAndChecksKinds) {
  // ["cat", ["dog"], 1024, 32 bytes of 0x11], encoded by hand from appendix B.
  Blob bytes = from_hex(
      "ed83636174c483646f67820400a0"
      "1111111111111111111111111111111111111111111111111111111111111111");
  base::Bytes built;
  rlp::Encoder e(built);
  size_t outer = e.begin_list();
  e.bytes(view(std::string_view("cat")));
  size_t inner = e.begin_list();
  e.bytes(view(std::string_view("dog")));
  e.end_list(inner);
  e.uint(1024);
  Blob word(32, 0x11);
  e.bytes(view(word));
  e.end_list(outer);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(to_hex(built.span()), to_hex(view(bytes)));

  auto list = rlp::decode_list(view(bytes));
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->position(), 1u);
  auto cat = list->read_bytes();
  ASSERT_TRUE(cat.ok());
  EXPECT_EQ(std::string(cat->begin(), cat->end()), "cat");
  // A list where a string is expected is malformed at the list's offset.
  rlp::Decoder copy = *list;
  auto wrong = copy.read_bytes();
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, Errc::malformed);
  EXPECT_EQ(wrong.error().position, 5u);
  auto sub = list->read_list();
  ASSERT_TRUE(sub.ok());
  EXPECT_EQ(sub->position(), 6u);
  auto dog = sub->read_bytes();
  ASSERT_TRUE(dog.ok());
  EXPECT_TRUE(sub->finish().ok());
  EXPECT_EQ(list->position(), 10u);
  auto n = list->read_u64();
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 1024u);
  uint8_t short_out[20];
  rlp::Decoder before_word = *list;
  auto fixed = before_word.read_fixed(base::MutableByteSpan(short_out, 20));
  EXPECT_EQ(fixed.error().code, Errc::malformed);
  EXPECT_EQ(fixed.error().position, 13u);
  base::Bytes32 h;
  ASSERT_TRUE(list->read_fixed(h.mutable_span()).ok());
  EXPECT_EQ(h.bytes[31], 0x11);
  EXPECT_TRUE(list->finish().ok());
  auto past = list->read_item();
  EXPECT_EQ(past.error().code, Errc::truncated);
  // Nothing may follow the outer list.
  bytes.push_back(0x80);
  auto trailing = rlp::decode_list(view(bytes));
  ASSERT_FALSE(trailing.ok());
  EXPECT_EQ(trailing.error().position, 46u);
}

Blob nested_lists(size_t depth) {
  base::Bytes out;
  rlp::Encoder e(out);
  std::vector<size_t> marks;
  for (size_t i = 0; i < depth; ++i)
    marks.push_back(e.begin_list());
  for (size_t i = depth; i-- > 0;)
    e.end_list(marks[i]);
  return test::to_blob(out.span());
}

TEST(RlpDecode, NestingDeeperThanTheLimitIsAnOverflow) {
  EXPECT_TRUE(rlp::validate(view(nested_lists(rlp::kMaxDepth))).ok());
  base::Status s = rlp::validate(view(nested_lists(rlp::kMaxDepth + 1)));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Errc::overflow);
}

// An independent encoder over std containers (appendix B written out directly), to compare with.
struct Tree {
  bool is_list = false;
  Blob bytes;
  std::vector<Tree> items;
};

Blob reference_length(size_t n, uint8_t offset) {
  if (n < 56) return {static_cast<uint8_t>(offset + n)};
  Blob be;
  for (size_t v = n; v > 0; v >>= 8)
    be.insert(be.begin(), static_cast<uint8_t>(v));
  Blob out{static_cast<uint8_t>(offset + 55 + be.size())};
  out.insert(out.end(), be.begin(), be.end());
  return out;
}

Blob reference_encode(const Tree& t) {
  if (!t.is_list) {
    if (t.bytes.size() == 1 && t.bytes[0] < 0x80) return t.bytes;
    Blob out = reference_length(t.bytes.size(), 0x80);
    out.insert(out.end(), t.bytes.begin(), t.bytes.end());
    return out;
  }
  Blob payload;
  for (const Tree& item : t.items) {
    Blob enc = reference_encode(item);
    payload.insert(payload.end(), enc.begin(), enc.end());
  }
  Blob out = reference_length(payload.size(), 0xc0);
  out.insert(out.end(), payload.begin(), payload.end());
  return out;
}

Tree random_tree(std::mt19937_64& rng, int depth) {
  Tree t;
  if (depth < 4 && rng() % 3 == 0) {
    t.is_list = true;
    size_t n = rng() % 6;
    for (size_t i = 0; i < n; ++i)
      t.items.push_back(random_tree(rng, depth + 1));
    return t;
  }
  // Lengths around the short/long boundaries (0, 1, 55, 56, 255, 256) are the interesting ones.
  static const size_t lengths[] = {0, 1, 1, 2, 31, 32, 55, 56, 57, 255, 256, 1000};
  size_t n = lengths[rng() % 12];
  t.bytes.resize(n);
  for (auto& b : t.bytes)
    b = static_cast<uint8_t>(rng() % (rng() % 2 ? 0x80 : 0x100));
  return t;
}

void encode_tree(const Tree& t, rlp::Encoder& e) {
  if (!t.is_list) {
    e.bytes(view(t.bytes));
    return;
  }
  size_t mark = e.begin_list();
  for (const Tree& item : t.items)
    encode_tree(item, e);
  e.end_list(mark);
}

void expect_tree(rlp::Decoder& d, const Tree& t) {
  if (!t.is_list) {
    auto bytes = d.read_bytes();
    ASSERT_TRUE(bytes.ok()) << test::describe(bytes.error());
    EXPECT_EQ(test::to_blob(*bytes), t.bytes);
    return;
  }
  auto list = d.read_list();
  ASSERT_TRUE(list.ok()) << test::describe(list.error());
  for (const Tree& item : t.items)
    expect_tree(*list, item);
  EXPECT_TRUE(list->finish().ok());
}

TEST(RlpRoundTrip, RandomTreesMatchAReferenceEncoderAndDecodeBack) {
  std::mt19937_64 rng(20240901);
  for (int round = 0; round < 300; ++round) {
    SCOPED_TRACE("seed 20240901, round " + std::to_string(round));
    Tree t = random_tree(rng, 0);
    base::Bytes out;
    rlp::Encoder e(out);
    encode_tree(t, e);
    ASSERT_TRUE(e.status().ok());
    Blob expected = reference_encode(t);
    ASSERT_EQ(test::to_blob(out.span()), expected);
    ASSERT_TRUE(rlp::validate(out.span()).ok());
    rlp::Decoder d(out.span());
    expect_tree(d, t);
    EXPECT_TRUE(d.finish().ok());
  }
}

TEST(RlpEncode, IntegersAndSizes) {
  struct Case {
    uint64_t value;
    const char* hex;
  };
  // Yellow Paper appendix B: integers are minimal big-endian strings; zero is the empty string.
  const Case cases[] = {{0, "0x80"},      {1, "0x01"},        {0x7f, "0x7f"},
                        {0x80, "0x8180"}, {1024, "0x820400"}, {~0ull, "0x88ffffffffffffffff"}};
  for (const Case& c : cases) {
    base::Bytes out;
    rlp::Encoder e(out);
    e.uint(c.value);
    EXPECT_EQ(to_hex(out.span()), c.hex);
    EXPECT_EQ(rlp::encoded_uint_size(c.value), out.size());
    base::Bytes wide;
    rlp::Encoder e2(wide);
    e2.u256(base::U256(c.value));
    EXPECT_EQ(to_hex(wide.span()), c.hex);
  }
  EXPECT_EQ(rlp::header_size(55), 1u);
  EXPECT_EQ(rlp::header_size(56), 2u);
  EXPECT_EQ(rlp::header_size(256), 3u);
  Blob one{0x05};
  EXPECT_EQ(rlp::encoded_bytes_size(view(one)), 1u);
}

}  // namespace
}  // namespace zkbatch::eth
