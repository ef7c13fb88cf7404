// SPDX-License-Identifier: Apache-2.0
// Arena: alignment, distinct non-overlapping blocks, large requests, reset and its accounting,
// and refusal of bad alignments and overflowing sizes.
#include "base/arena.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <random>
#include <utility>
#include <vector>

namespace zkbatch::base {
namespace {

TEST(Arena, AlignedDistinctBlocks) {
  Arena arena(1024);
  std::mt19937 rng(7);
  std::vector<std::pair<uintptr_t, size_t>> blocks;
  for (int i = 0; i < 2000; ++i) {
    size_t size = rng() % 300;
    size_t align = size_t{1} << (rng() % 7);  // 1 .. 64
    auto* p = static_cast<unsigned char*>(arena.allocate(size, align));
    ASSERT_NE(p, nullptr);
    ASSERT_EQ(reinterpret_cast<uintptr_t>(p) % align, 0u) << "align " << align;
    std::memset(p, 0xAB, size);  // ASan flags writes outside what malloc gave
    blocks.emplace_back(reinterpret_cast<uintptr_t>(p), size == 0 ? 1 : size);
  }
  std::sort(blocks.begin(), blocks.end());
  for (size_t i = 1; i < blocks.size(); ++i) {
    ASSERT_GE(blocks[i].first, blocks[i - 1].first + blocks[i - 1].second) << "overlap";
  }
}

TEST(Arena, LargeRequestsGetTheirOwnChunk) {
  Arena arena(1024);
  void* small = arena.allocate(16, 8);
  ASSERT_NE(small, nullptr);
  size_t used = arena.bytes_used();
  auto* big = static_cast<unsigned char*>(arena.allocate(100000, 16));
  ASSERT_NE(big, nullptr);
  std::memset(big, 1, 100000);
  EXPECT_EQ(arena.bytes_used(), used + 100000);
  EXPECT_GE(arena.bytes_reserved(), 100000u + 1024u);
  // The current chunk keeps serving small requests after the large one.
  auto* next = static_cast<unsigned char*>(arena.allocate(16, 8));
  EXPECT_EQ(next, static_cast<unsigned char*>(small) + 16);
}

TEST(Arena, ResetReleasesAndReuses) {
  Arena arena(4096);
  for (int i = 0; i < 100; ++i)
    ASSERT_NE(arena.allocate(1000, 8), nullptr);
  ASSERT_NE(arena.allocate(50000, 8), nullptr);
  EXPECT_GE(arena.bytes_used(), 150000u);
  arena.reset();
  EXPECT_EQ(arena.bytes_used(), 0u);
  // One standard chunk is kept.
  EXPECT_LE(arena.bytes_reserved(), 4096u + 64u);
  EXPECT_GT(arena.bytes_reserved(), 0u);
  void* again = arena.allocate(8, 8);
  EXPECT_NE(again, nullptr);
  EXPECT_EQ(arena.bytes_used(), 8u);
}

TEST(Arena, RejectsBadRequests) {
  Arena arena;
  EXPECT_EQ(arena.allocate(8, 0), nullptr);
  EXPECT_EQ(arena.allocate(8, 3), nullptr);
  EXPECT_EQ(arena.allocate(8, 24), nullptr);
  EXPECT_EQ(arena.allocate(SIZE_MAX, 8), nullptr);
  EXPECT_EQ(arena.allocate(SIZE_MAX - 4, 8), nullptr);
  EXPECT_EQ(arena.bytes_used(), 0u);
  EXPECT_NE(arena.allocate(0, 1), arena.allocate(0, 1));  // zero-size blocks are distinct
}

}  // namespace
}  // namespace zkbatch::base
