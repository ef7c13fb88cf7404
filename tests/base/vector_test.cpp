// SPDX-License-Identifier: Apache-2.0
// Vector: growth with trivial and non-trivial elements, on malloc and on an Arena, moves,
// explicit copies, aliasing pushes and overflow checks; and the utility.hpp pieces it uses.
#include "base/vector.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "base/arena.hpp"
#include "base/utility.hpp"
#include "tracked.hpp"

namespace zkbatch::base {
namespace {

using testing::Tracked;

TEST(Utility, MoveForwardSwapMinMax) {
  std::string a = "left", b = "right";
  base::swap(a, b);
  EXPECT_EQ(a, "right");
  EXPECT_EQ(b, "left");
  std::string taken = base::move(a);
  EXPECT_EQ(taken, "right");
  static_assert(base::min(3, 5) == 3 && base::max(3, 5) == 5);
  int x = 1, y = 1;
  EXPECT_EQ(&base::min(x, y), &x);  // the first when equal, as std::min
  EXPECT_EQ(&base::max(x, y), &x);
}

TEST(Utility, ConstructAndDestroyAt) {
  int before = Tracked::live;
  alignas(Tracked) unsigned char storage[sizeof(Tracked)];
  Tracked* t = base::construct_at(reinterpret_cast<Tracked*>(storage), 42);
  EXPECT_EQ(t->value(), 42);
  EXPECT_EQ(Tracked::live, before + 1);
  base::destroy_at(t);
  EXPECT_EQ(Tracked::live, before);
}

TEST(Vector, GrowsAndKeepsValues) {
  Vector<uint64_t> v;
  EXPECT_TRUE(v.empty());
  for (uint64_t i = 0; i < 10000; ++i)
    ASSERT_TRUE(v.push_back(i * i));
  ASSERT_EQ(v.size(), 10000u);
  EXPECT_GE(v.capacity(), 10000u);
  for (uint64_t i = 0; i < 10000; ++i)
    ASSERT_EQ(v[i], i * i);
  EXPECT_EQ(v.back(), 9999u * 9999u);
  uint64_t sum = 0;
  for (uint64_t x : v)
    sum += x;
  EXPECT_EQ(sum, 333283335000ull);  // sum of i^2 for i < 10000 = n(n-1)(2n-1)/6
  v.pop_back();
  EXPECT_EQ(v.size(), 9999u);
  v.clear();
  EXPECT_TRUE(v.empty());
  v.pop_back();  // no-op on empty
  EXPECT_TRUE(v.empty());
}

TEST(Vector, NonTrivialElementsOnGrowthAndDestruction) {
  int before = Tracked::live;
  {
    Vector<Tracked> v;
    for (int i = 0; i < 1000; ++i)
      ASSERT_TRUE(v.push_back(Tracked(i)));
    for (int i = 0; i < 1000; ++i)
      ASSERT_EQ(v[i].value(), i);  // no moved-from survivors
    EXPECT_EQ(Tracked::live, before + 1000);
    Tracked* t = v.emplace_back(77);
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->value(), 77);
    ASSERT_TRUE(v.resize(10));
    EXPECT_EQ(Tracked::live, before + 10);
    ASSERT_TRUE(v.resize(20));
    EXPECT_EQ(v[19].value(), 0);  // value-initialized
    EXPECT_EQ(Tracked::live, before + 20);
  }
  EXPECT_EQ(Tracked::live, before);
}

TEST(Vector, PushBackOfOwnElementDuringGrowth) {
  Vector<Tracked> v;
  ASSERT_TRUE(v.push_back(Tracked(5)));
  for (int i = 0; i < 200; ++i) {
    ASSERT_TRUE(v.push_back(v[0]));  // v[0] lives in the buffer being replaced
    ASSERT_EQ(v.back().value(), 5);
  }
  Vector<std::string> s;
  ASSERT_TRUE(s.push_back(std::string(100, 'x')));
  for (int i = 0; i < 100; ++i)
    ASSERT_TRUE(s.push_back(s.back()));
  EXPECT_EQ(s[100], std::string(100, 'x'));
}

TEST(Vector, MoveLeavesSourceEmpty) {
  Vector<Tracked> a;
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(a.push_back(Tracked(i)));
  Vector<Tracked> b(base::move(a));
  EXPECT_TRUE(a.empty());
  EXPECT_EQ(a.data(), nullptr);
  ASSERT_EQ(b.size(), 5u);
  Vector<Tracked> c;
  ASSERT_TRUE(c.push_back(Tracked(99)));
  c = base::move(b);
  ASSERT_EQ(c.size(), 5u);
  EXPECT_EQ(c[4].value(), 4);
  EXPECT_TRUE(a.push_back(Tracked(1)));  // a moved-from vector is usable
}

TEST(Vector, CopyFromAndAppend) {
  Vector<int> v;
  int values[] = {1, 2, 3};
  ASSERT_TRUE(v.copy_from(Span<const int>(values)).ok());
  ASSERT_EQ(v.size(), 3u);
  ASSERT_TRUE(v.append(v.span()).ok());  // appending a view of itself across a reallocation
  ASSERT_TRUE(v.append(v.span()).ok());
  ASSERT_EQ(v.size(), 12u);
  for (size_t i = 0; i < 12; ++i)
    EXPECT_EQ(v[i], static_cast<int>(i % 3) + 1);
  Vector<Tracked> t;
  Tracked src[] = {Tracked(7), Tracked(8)};
  ASSERT_TRUE(t.copy_from(Span<const Tracked>(src)).ok());
  EXPECT_EQ(t[1].value(), 8);
  EXPECT_EQ(src[1].value(), 8);  // copied, not moved
}

TEST(Vector, SizeOverflowIsRefused) {
  Vector<uint64_t> v;
  EXPECT_FALSE(v.reserve(SIZE_MAX));
  EXPECT_FALSE(v.reserve(SIZE_MAX / 8 + 1));
  EXPECT_FALSE(v.resize(SIZE_MAX / 4));
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(Vector<uint64_t>::max_size(), SIZE_MAX / 8);
}

TEST(Vector, OnArena) {
  Arena arena(4096);
  int before = Tracked::live;
  {
    Vector<Tracked> v(&arena);
    for (int i = 0; i < 3000; ++i)
      ASSERT_TRUE(v.push_back(Tracked(i)));
    for (int i = 0; i < 3000; ++i)
      ASSERT_EQ(v[i].value(), i);
    EXPECT_EQ(v.arena(), &arena);
    EXPECT_GE(arena.bytes_used(), 3000 * sizeof(Tracked));
    Vector<Tracked> moved(base::move(v));
    EXPECT_EQ(moved.arena(), &arena);
    EXPECT_EQ(moved.size(), 3000u);
  }
  EXPECT_EQ(Tracked::live, before);  // elements destroyed even though the memory stays
  arena.reset();
  EXPECT_EQ(arena.bytes_used(), 0u);
}

}  // namespace
}  // namespace zkbatch::base
