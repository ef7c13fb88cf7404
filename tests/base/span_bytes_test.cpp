// SPDX-License-Identifier: Apache-2.0
// Span, Bytes, Bytes32 and Result: views and subspans, appends (also of a view of itself),
// equality, and errors carried as values.
#include <gtest/gtest.h>

#include <cstring>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/span.hpp"

namespace zkbatch::base {
namespace {

TEST(Span, ViewsAndClampedSubspans) {
  int values[] = {1, 2, 3, 4, 5};
  Span<int> all(values);
  EXPECT_EQ(all.size(), 5u);
  Span<const int> view = all;  // Span<T> converts to Span<const T>
  EXPECT_EQ(view.subspan(1, 2)[1], 3);
  EXPECT_EQ(view.subspan(3).size(), 2u);
  EXPECT_EQ(view.subspan(9).size(), 0u);
  EXPECT_EQ(view.subspan(4, 100).size(), 1u);
  EXPECT_EQ(view.first(2).size(), 2u);
  int sum = 0;
  for (int v : view)
    sum += v;
  EXPECT_EQ(sum, 15);
  EXPECT_EQ(bytes_of("abc").size(), 3u);
  EXPECT_TRUE(Span<int>().empty());
}

TEST(Bytes, AppendAndEqual) {
  Bytes b;
  ASSERT_TRUE(append(b, bytes_of("hello ")).ok());
  ASSERT_TRUE(append(b, bytes_of("world")).ok());
  EXPECT_TRUE(equal(b.span(), bytes_of("hello world")));
  EXPECT_FALSE(equal(b.span(), bytes_of("hello worle")));
  EXPECT_FALSE(equal(b.span(), bytes_of("hello")));
  EXPECT_TRUE(equal(ByteSpan(), ByteSpan()));
  // Appending a view of itself, across reallocations.
  for (int i = 0; i < 10; ++i)
    ASSERT_TRUE(append(b, b.span()).ok());
  EXPECT_EQ(b.size(), 11u * 1024u);
  EXPECT_TRUE(equal(b.span().subspan(11 * 1000, 11), bytes_of("hello world")));
}

TEST(Bytes32, EqualityAndSpans) {
  Bytes32 a{}, b{};
  EXPECT_TRUE(a.is_zero());
  EXPECT_EQ(a, b);
  b.bytes[31] = 1;
  EXPECT_NE(a, b);
  EXPECT_FALSE(b.is_zero());
  EXPECT_EQ(b.span().size(), 32u);
  EXPECT_EQ(b.span()[31], 1);
  uint8_t raw[33] = {};
  raw[0] = 9;
  Result<Bytes32> r = Bytes32::from_span(ByteSpan(raw, 32));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->bytes[0], 9);
  r = Bytes32::from_span(ByteSpan(raw, 33));
  EXPECT_EQ(r.error().code, Errc::invalid_argument);
  EXPECT_EQ(r.error().position, 33u);
}

TEST(Result, CarriesValueOrError) {
  Result<int> good = 5;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 5);
  Result<int> bad = make_error(Errc::truncated, 17, "short");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, Errc::truncated);
  EXPECT_EQ(bad.error().position, 17u);
  EXPECT_STREQ(errc_message(bad.error().code), "truncated input");
  Status ok;
  EXPECT_TRUE(ok.ok());
}

}  // namespace
}  // namespace zkbatch::base
