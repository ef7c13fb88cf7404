// SPDX-License-Identifier: Apache-2.0
// HashMap: differential test against std::unordered_map under random insert/assign/erase,
// backward-shift erase with colliding keys, non-trivial values, Bytes32 keys, arenas, moves.
#include "base/hash_map.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>
#include <unordered_map>

#include "base/arena.hpp"
#include "base/bytes.hpp"
#include "tracked.hpp"

namespace zkbatch::base {
namespace {

using testing::Tracked;

// Checks that `map` holds exactly the pairs of `want`, through find and through iteration.
template <class Map>
void expect_same(const Map& map, const std::unordered_map<uint64_t, uint64_t>& want) {
  ASSERT_EQ(map.size(), want.size());
  for (const auto& [k, v] : want) {
    const uint64_t* found = map.find(k);
    ASSERT_NE(found, nullptr) << k;
    ASSERT_EQ(*found, v) << k;
  }
  size_t seen = 0;
  for (const auto& entry : map) {
    auto it = want.find(entry.key);
    ASSERT_NE(it, want.end()) << entry.key;
    ASSERT_EQ(entry.value, it->second);
    ++seen;
  }
  ASSERT_EQ(seen, want.size());
}

TEST(HashMap, MatchesUnorderedMapUnderRandomOperations) {
  HashMap<uint64_t, uint64_t> map;
  std::unordered_map<uint64_t, uint64_t> want;
  std::mt19937_64 rng(12345);
  for (int i = 0; i < 200000; ++i) {
    uint64_t key = rng() % 5000;  // a small key space: many hits, erases and reinserts
    switch (rng() % 3) {
      case 0:
      case 1: {
        uint64_t value = rng();
        uint64_t* stored = map.insert_or_assign(key, value);
        ASSERT_NE(stored, nullptr);
        ASSERT_EQ(*stored, value);
        want[key] = value;
        break;
      }
      default:
        ASSERT_EQ(map.erase(key), want.erase(key) == 1) << key;
        break;
    }
    if (i % 20000 == 0) expect_same(map, want);
  }
  expect_same(map, want);
  EXPECT_LE(map.size() * 4, map.capacity() * 3);  // load factor at most 3/4
}

TEST(HashMap, ManyKeysGrowAndShrink) {
  HashMap<uint64_t, uint64_t> map;
  const uint64_t n = 100000;
  for (uint64_t k = 0; k < n; ++k)
    ASSERT_NE(map.insert_or_assign(k * 0x10000, k), nullptr);
  EXPECT_EQ(map.size(), n);
  for (uint64_t k = 0; k < n; k += 2)
    ASSERT_TRUE(map.erase(k * 0x10000));
  EXPECT_EQ(map.size(), n / 2);
  for (uint64_t k = 0; k < n; ++k) {
    const uint64_t* v = map.find(k * 0x10000);
    if (k % 2 == 0) {
      ASSERT_EQ(v, nullptr) << k;
    } else {
      ASSERT_NE(v, nullptr) << k;
      ASSERT_EQ(*v, k);
    }
  }
  EXPECT_FALSE(map.erase(0));
}

// All keys collide on the same home slot, so every erase must shift a run back correctly.
struct ConstantHash {
  uint64_t operator()(uint64_t) const { return 7; }
};
// Only two home slots, so runs of different homes interleave and wrap around the table end.
struct TwoSlotHash {
  uint64_t operator()(uint64_t key) const { return (key & 1) ? ~uint64_t{0} : 5; }
};

template <class Hasher>
void churn_with_collisions() {
  HashMap<uint64_t, uint64_t, Hasher> map;
  std::unordered_map<uint64_t, uint64_t> want;
  std::mt19937_64 rng(99);
  for (int i = 0; i < 20000; ++i) {
    uint64_t key = rng() % 40;
    if (rng() % 2 == 0) {
      ASSERT_NE(map.insert_or_assign(key, i), nullptr);
      want[key] = static_cast<uint64_t>(i);
    } else {
      ASSERT_EQ(map.erase(key), want.erase(key) == 1);
    }
    if (i % 1000 == 0) expect_same(map, want);
  }
  expect_same(map, want);
}

TEST(HashMap, EraseShiftsCollidingRuns) {
  churn_with_collisions<ConstantHash>();
  churn_with_collisions<TwoSlotHash>();
}

TEST(HashMap, NonTrivialValuesAndFindOrInsert) {
  int before = Tracked::live;
  {
    HashMap<uint32_t, Tracked> map;
    for (uint32_t k = 0; k < 1000; ++k)
      ASSERT_NE(map.insert_or_assign(k, Tracked(k)), nullptr);
    for (uint32_t k = 0; k < 1000; ++k)
      ASSERT_EQ(map.find(k)->value(), static_cast<int64_t>(k));
    EXPECT_EQ(Tracked::live, before + 1000);
    ASSERT_NE(map.insert_or_assign(5, Tracked(-5)), nullptr);
    EXPECT_EQ(map.find(5)->value(), -5);
    EXPECT_EQ(Tracked::live, before + 1000);
    for (uint32_t k = 0; k < 1000; k += 3)
      ASSERT_TRUE(map.erase(k));
    EXPECT_EQ(Tracked::live, before + 1000 - 334);
    bool inserted = true;
    Tracked* t = map.find_or_insert(1, &inserted);
    EXPECT_FALSE(inserted);
    EXPECT_EQ(t->value(), 1);
    t = map.find_or_insert(3, &inserted);
    EXPECT_TRUE(inserted);
    EXPECT_EQ(t->value(), 0);
    HashMap<uint32_t, Tracked> moved(base::move(map));
    EXPECT_TRUE(map.empty());
    EXPECT_EQ(moved.find(2)->value(), 2);
    EXPECT_EQ(map.find(2), nullptr);
    moved.clear();
    EXPECT_EQ(Tracked::live, before);
    ASSERT_NE(moved.insert_or_assign(1, Tracked(1)), nullptr);
  }
  EXPECT_EQ(Tracked::live, before);
}

TEST(HashMap, Bytes32KeysOnArena) {
  Arena arena;
  HashMap<Bytes32, uint64_t> map(&arena);
  // Storage-slot-like keys: all zero but the last bytes, which a weak hash of the first bytes
  // would put in one bucket.
  for (uint64_t i = 0; i < 5000; ++i) {
    Bytes32 key{};
    key.bytes[31] = static_cast<uint8_t>(i);
    key.bytes[30] = static_cast<uint8_t>(i >> 8);
    ASSERT_NE(map.insert_or_assign(key, i), nullptr);
  }
  EXPECT_EQ(map.size(), 5000u);
  for (uint64_t i = 0; i < 5000; ++i) {
    Bytes32 key{};
    key.bytes[31] = static_cast<uint8_t>(i);
    key.bytes[30] = static_cast<uint8_t>(i >> 8);
    const uint64_t* v = map.find(key);
    ASSERT_NE(v, nullptr);
    ASSERT_EQ(*v, i);
  }
  Bytes32 absent{};
  absent.bytes[0] = 1;
  EXPECT_EQ(map.find(absent), nullptr);
  EXPECT_GT(arena.bytes_used(), 0u);
}

TEST(HashMap, IterationOrderIsDeterministic) {
  HashMap<uint64_t, int> a, b;
  for (uint64_t k = 0; k < 500; ++k) {
    ASSERT_NE(a.insert_or_assign(k * 7919, 1), nullptr);
    ASSERT_NE(b.insert_or_assign(k * 7919, 1), nullptr);
  }
  auto ib = b.begin();
  for (auto& entry : a) {
    ASSERT_EQ(entry.key, ib->key);
    ++ib;
  }
  EXPECT_EQ(ib, b.end());
}

TEST(DefaultHash, MixesAllInputBits) {
  // Flipping any one input bit flips about half of the output bits (avalanche).
  DefaultHash<uint64_t> h;
  for (unsigned bit = 0; bit < 64; ++bit) {
    uint64_t diff = h(0x0123456789abcdefull) ^ h(0x0123456789abcdefull ^ (uint64_t{1} << bit));
    int flipped = __builtin_popcountll(diff);
    EXPECT_GT(flipped, 12) << bit;
    EXPECT_LT(flipped, 52) << bit;
  }
}

}  // namespace
}  // namespace zkbatch::base
