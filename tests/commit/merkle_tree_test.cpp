// SPDX-License-Identifier: Apache-2.0
// MerkleTree against trees assembled by hand from the documented rule (src/commit/README.md).
#include <gtest/gtest.h>
#include <omp.h>

#include <algorithm>
#include <optional>
#include <random>

#include "commit/merkle_tree.hpp"
#include "hash/compress.hpp"
#include "hash/sponge.hpp"
#include "poly/fake_device_backend.hpp"

namespace zkbatch::commit {
namespace {

using field::Fp;
using hash::compress;
using hash::Digest;
using poly::RowMajorMatrix;

RowMajorMatrix random_matrix(std::mt19937_64& rng, size_t width, size_t height) {
  RowMajorMatrix m(width, height);
  for (Fp& v : m.values())
    v = Fp(rng());
  return m;
}

Digest leaf(std::vector<Fp> row) {
  return hash::hash_elements(row.data(), row.size());
}

std::vector<Fp> row_of(const RowMajorMatrix& m, size_t r) {
  return std::vector<Fp>(m.row(r).begin(), m.row(r).end());
}

TEST(MerkleTreeTest, SingleMatrixMatchesHandBuiltTree) {
  std::mt19937_64 rng(1);
  const RowMajorMatrix m = random_matrix(rng, 5, 4);
  const MerkleTree tree = MerkleTree::build(std::span(&m, 1));
  const Digest l0 = leaf(row_of(m, 0)), l1 = leaf(row_of(m, 1)), l2 = leaf(row_of(m, 2)),
               l3 = leaf(row_of(m, 3));
  EXPECT_EQ(tree.depth(), 2u);
  EXPECT_EQ(tree.root(), compress(compress(l0, l1), compress(l2, l3)));
  EXPECT_EQ(tree.path(2).siblings, (std::vector<Digest>{l3, compress(l0, l1)}));
  EXPECT_THROW((void)tree.path(4), std::out_of_range);
}

// Heights 4, 2 (two matrices) and 1: the height-2 rows enter at layer 1 side by side, the
// height-1 row at the root.
TEST(MerkleTreeTest, MixedHeightsMatchHandBuiltTree) {
  std::mt19937_64 rng(2);
  const std::vector<RowMajorMatrix> ms = {random_matrix(rng, 3, 2), random_matrix(rng, 2, 4),
                                          random_matrix(rng, 4, 1), random_matrix(rng, 1, 2)};
  const MerkleTree tree = MerkleTree::build(ms);
  std::vector<Digest> layer0;
  for (size_t r = 0; r < 4; ++r)
    layer0.push_back(leaf(row_of(ms[1], r)));
  std::vector<Digest> layer1;
  for (size_t r = 0; r < 2; ++r) {
    std::vector<Fp> joined = row_of(ms[0], r);
    const std::vector<Fp> tail = row_of(ms[3], r);
    joined.insert(joined.end(), tail.begin(), tail.end());
    layer1.push_back(compress(compress(layer0[2 * r], layer0[2 * r + 1]), leaf(joined)));
  }
  const Digest root = compress(compress(layer1[0], layer1[1]), leaf(row_of(ms[2], 0)));
  EXPECT_EQ(tree.layer(0), layer0);
  EXPECT_EQ(tree.layer(1), layer1);
  EXPECT_EQ(tree.root(), root);
}

/// The documented rule written out directly with hash_elements and compress: an independent
/// reference for trees large enough to take the back end's eight-at-a-time paths.
std::vector<std::vector<Digest>> reference_layers(const std::vector<RowMajorMatrix>& ms) {
  size_t max_height = 0;
  for (const RowMajorMatrix& m : ms)
    max_height = std::max(max_height, m.height());
  auto joined_hash = [&](size_t height, size_t r) {
    std::vector<Fp> joined;
    for (const RowMajorMatrix& m : ms) {
      if (m.height() == height) joined.insert(joined.end(), m.row(r).begin(), m.row(r).end());
    }
    return joined.empty() ? std::optional<Digest>() : std::optional<Digest>(leaf(joined));
  };
  std::vector<std::vector<Digest>> layers(1);
  for (size_t r = 0; r < max_height; ++r)
    layers[0].push_back(*joined_hash(max_height, r));
  for (size_t size = max_height / 2; size >= 1; size /= 2) {
    std::vector<Digest> next;
    for (size_t i = 0; i < size; ++i) {
      Digest node = compress(layers.back()[2 * i], layers.back()[2 * i + 1]);
      if (const std::optional<Digest> rows = joined_hash(size, i)) node = compress(node, *rows);
      next.push_back(node);
    }
    layers.push_back(next);
  }
  return layers;
}

TEST(MerkleTreeTest, LargerMixedTreeMatchesReference) {
  std::mt19937_64 rng(4);
  // Widths that are not multiples of the sponge rate, two matrices per height, injections at
  // layers of 16 and 8 nodes, and a short tail of scalar nodes near the root.
  const std::vector<RowMajorMatrix> ms = {random_matrix(rng, 13, 64), random_matrix(rng, 9, 16),
                                          random_matrix(rng, 3, 64),  random_matrix(rng, 1, 8),
                                          random_matrix(rng, 8, 16),  random_matrix(rng, 2, 1)};
  const MerkleTree tree = MerkleTree::build(ms);
  const std::vector<std::vector<Digest>> expected = reference_layers(ms);
  ASSERT_EQ(tree.depth() + 1, expected.size());
  for (unsigned k = 0; k <= tree.depth(); ++k)
    EXPECT_EQ(tree.layer(k), expected[k]) << k;
}

TEST(MerkleTreeTest, SingleRowTreeIsItsLeaf) {
  const RowMajorMatrix m(2, {Fp(1), Fp(2)});
  const MerkleTree tree = MerkleTree::build(std::span(&m, 1));
  EXPECT_EQ(tree.depth(), 0u);
  EXPECT_EQ(tree.root(), leaf({Fp(1), Fp(2)}));
  EXPECT_TRUE(tree.path(0).siblings.empty());
}

TEST(MerkleTreeTest, RejectsBadShapes) {
  EXPECT_THROW((void)MerkleTree::build({}), std::invalid_argument);
  const RowMajorMatrix three(2, 3), empty(0, 4), none(2, 0);
  EXPECT_THROW((void)MerkleTree::build(std::span(&three, 1)), std::invalid_argument);
  EXPECT_THROW((void)MerkleTree::build(std::span(&empty, 1)), std::invalid_argument);
  EXPECT_THROW((void)MerkleTree::build(std::span(&none, 1)), std::invalid_argument);
}

TEST(MerkleTreeTest, SameTreeOnEveryThreadCountAndBackEnd) {
  std::mt19937_64 rng(3);
  const std::vector<RowMajorMatrix> ms = {random_matrix(rng, 16, 1024), random_matrix(rng, 3, 256),
                                          random_matrix(rng, 9, 1024)};
  const int saved = omp_get_max_threads();
  omp_set_num_threads(1);
  const MerkleTree serial = MerkleTree::build(ms);
  omp_set_num_threads(4);
  const MerkleTree parallel = MerkleTree::build(ms);
  omp_set_num_threads(saved);
  poly::testing::FakeDeviceBackend device;
  const MerkleTree staged = MerkleTree::build(ms, device);
  EXPECT_GT(device.downloads, 0);
  for (unsigned k = 0; k <= serial.depth(); ++k) {
    EXPECT_EQ(parallel.layer(k), serial.layer(k)) << k;
    EXPECT_EQ(staged.layer(k), serial.layer(k)) << k;
  }
}

}  // namespace
}  // namespace zkbatch::commit
