// SPDX-License-Identifier: Apache-2.0
// The mixed-height commitment: round trips and every kind of bad opening rejected with its error.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>

#include "commit/matrix_commitment.hpp"

namespace zkbatch::commit {
namespace {

using field::Fp;
using hash::Digest;
using poly::RowMajorMatrix;

RowMajorMatrix random_matrix(std::mt19937_64& rng, size_t width, size_t height) {
  RowMajorMatrix m(width, height);
  for (Fp& v : m.values())
    v = Fp(rng());
  return m;
}

/// Heights 8, 8, 4, 1 with assorted widths in 1..20, tallest not first, so the grouping and the
/// injection order both matter.
class MixedCommitmentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::mt19937_64 rng(42);
    std::vector<RowMajorMatrix> ms = {random_matrix(rng, 7, 4), random_matrix(rng, 1, 8),
                                      random_matrix(rng, 20, 8), random_matrix(rng, 13, 1)};
    commitment = MatrixCommitment::commit(std::move(ms));
    dims = commitment.dimensions();
  }

  MatrixCommitment commitment;
  std::vector<Dimensions> dims;
};

TEST_F(MixedCommitmentTest, EveryIndexOpensAndVerifies) {
  EXPECT_EQ(commitment.log_max_height(), 3u);
  EXPECT_EQ(dims, (std::vector<Dimensions>{{7, 4}, {1, 8}, {20, 8}, {13, 1}}));
  for (size_t index = 0; index < 8; ++index) {
    const Opening opening = commitment.open(index);
    ASSERT_EQ(opening.rows.size(), 4u);
    // Shorter matrices are opened at index >> (3 - log2 height).
    EXPECT_TRUE(std::equal(opening.rows[0].begin(), opening.rows[0].end(),
                           commitment.matrix(0).row(index >> 1).begin()));
    EXPECT_TRUE(std::equal(opening.rows[2].begin(), opening.rows[2].end(),
                           commitment.matrix(2).row(index).begin()));
    EXPECT_TRUE(std::equal(opening.rows[3].begin(), opening.rows[3].end(),
                           commitment.matrix(3).row(0).begin()));
    EXPECT_EQ(opening.path.siblings.size(), 3u);
    EXPECT_EQ(verify_opening(commitment.root(), dims, index, opening), CommitError::ok) << index;
  }
  const std::vector<size_t> indices = {5, 0, 5, 7};
  const BatchOpening batch = commitment.open_batch(indices);
  EXPECT_EQ(verify_batch(commitment.root(), dims, indices, batch), CommitError::ok);
  EXPECT_THROW((void)commitment.open(8), std::out_of_range);
}

TEST_F(MixedCommitmentTest, TamperedRowValueIsRejected) {
  for (size_t j = 0; j < dims.size(); ++j) {
    for (size_t c = 0; c < dims[j].width; ++c) {
      Opening opening = commitment.open(6);
      opening.rows[j][c] += Fp::one();
      EXPECT_EQ(verify_opening(commitment.root(), dims, 6, opening), CommitError::root_mismatch);
    }
  }
}

TEST_F(MixedCommitmentTest, TamperedPathIsRejected) {
  for (size_t k = 0; k < 3; ++k) {
    for (size_t e = 0; e < hash::kDigestElements; ++e) {
      Opening opening = commitment.open(3);
      opening.path.siblings[k].v[e] += Fp::one();
      EXPECT_EQ(verify_opening(commitment.root(), dims, 3, opening), CommitError::root_mismatch);
    }
  }
  Opening shorter = commitment.open(3), longer = commitment.open(3);
  shorter.path.siblings.pop_back();
  longer.path.siblings.push_back(Digest{});
  EXPECT_EQ(verify_opening(commitment.root(), dims, 3, shorter), CommitError::path_length_mismatch);
  EXPECT_EQ(verify_opening(commitment.root(), dims, 3, longer), CommitError::path_length_mismatch);
  Digest wrong_root = commitment.root();
  wrong_root.v[0] += Fp::one();
  EXPECT_EQ(verify_opening(wrong_root, dims, 3, commitment.open(3)), CommitError::root_mismatch);
}

TEST_F(MixedCommitmentTest, WrongIndexIsRejected) {
  const Opening opening = commitment.open(2);
  for (size_t index = 0; index < 8; ++index) {
    if (index == 2) continue;
    EXPECT_EQ(verify_opening(commitment.root(), dims, index, opening), CommitError::root_mismatch);
  }
  EXPECT_EQ(verify_opening(commitment.root(), dims, 8, opening), CommitError::index_out_of_range);
  EXPECT_EQ(verify_opening(commitment.root(), dims, SIZE_MAX, opening),
            CommitError::index_out_of_range);
}

TEST_F(MixedCommitmentTest, WrongDimensionsAreRejected) {
  const Opening opening = commitment.open(5);
  const Digest& root = commitment.root();
  auto with = [&](size_t j, Dimensions d) {
    std::vector<Dimensions> changed = dims;
    changed[j] = d;
    return changed;
  };
  EXPECT_EQ(verify_opening(root, {}, 5, opening), CommitError::no_matrices);
  EXPECT_EQ(verify_opening(root, with(0, {0, 4}), 5, opening), CommitError::zero_width);
  EXPECT_EQ(verify_opening(root, with(0, {7, 3}), 5, opening), CommitError::bad_height);
  EXPECT_EQ(verify_opening(root, with(0, {7, 0}), 5, opening), CommitError::bad_height);
  EXPECT_EQ(verify_opening(root, with(0, {7, size_t{1} << 33}), 5, opening),
            CommitError::bad_height);
  EXPECT_EQ(verify_opening(root, with(0, {8, 4}), 5, opening), CommitError::row_width_mismatch);
  // A height that moves a matrix to another layer of the tree.
  EXPECT_EQ(verify_opening(root, with(0, {7, 2}), 5, opening), CommitError::root_mismatch);
  EXPECT_EQ(verify_opening(root, with(3, {13, 2}), 5, opening), CommitError::root_mismatch);
  // The tallest matrices claimed shorter: the path no longer has the right length.
  std::vector<Dimensions> shorter = with(1, {1, 4});
  shorter[2].height = 4;
  EXPECT_EQ(verify_opening(root, shorter, 1, opening), CommitError::path_length_mismatch);
  // Matrices listed in another order.
  std::vector<Dimensions> swapped = dims;
  std::swap(swapped[1], swapped[2]);
  std::vector<std::vector<Fp>> swapped_rows = opening.rows;
  std::swap(swapped_rows[1], swapped_rows[2]);
  EXPECT_EQ(verify_opening(root, swapped, 5, swapped_rows, opening.path),
            CommitError::root_mismatch);
  // Too few or too many rows.
  std::vector<std::vector<Fp>> fewer = opening.rows;
  fewer.pop_back();
  EXPECT_EQ(verify_opening(root, dims, 5, fewer, opening.path), CommitError::matrix_count_mismatch);
  std::vector<Dimensions> more_dims = dims;
  more_dims.push_back({1, 1});
  EXPECT_EQ(verify_opening(root, more_dims, 5, opening), CommitError::matrix_count_mismatch);
}

TEST_F(MixedCommitmentTest, BatchWithMismatchedCountsOrOneBadOpeningIsRejected) {
  const std::vector<size_t> indices = {1, 4, 6};
  BatchOpening batch = commitment.open_batch(indices);
  const std::vector<size_t> two = {1, 4};
  EXPECT_EQ(verify_batch(commitment.root(), dims, two, batch), CommitError::opening_count_mismatch);
  batch.openings[2].rows[1][0] += Fp::one();
  EXPECT_EQ(verify_batch(commitment.root(), dims, indices, batch), CommitError::root_mismatch);
}

TEST(MatrixCommitmentTest, RootChangesWhenAnySingleCellChanges) {
  std::mt19937_64 rng(7);
  const std::vector<RowMajorMatrix> base = {random_matrix(rng, 3, 8), random_matrix(rng, 2, 4),
                                            random_matrix(rng, 4, 8), random_matrix(rng, 5, 1)};
  const Digest root = MatrixCommitment::commit(base).root();
  for (size_t j = 0; j < base.size(); ++j) {
    for (size_t i = 0; i < base[j].values().size(); ++i) {
      std::vector<RowMajorMatrix> changed = base;
      changed[j].values()[i] += Fp::one();
      EXPECT_NE(MatrixCommitment::commit(std::move(changed)).root(), root)
          << "matrix " << j << " element " << i;
    }
  }
}

// Arbitrary shapes and contents must give an error, never a crash (the ASan build checks the
// "never a crash" half).
TEST(MatrixCommitmentTest, RandomOpeningsAreRejectedCleanly) {
  std::mt19937_64 rng(9);
  std::vector<RowMajorMatrix> ms = {random_matrix(rng, 4, 16), random_matrix(rng, 2, 4)};
  const MatrixCommitment c = MatrixCommitment::commit(std::move(ms));
  for (int trial = 0; trial < 500; ++trial) {
    std::vector<Dimensions> dims(rng() % 4);
    for (Dimensions& d : dims)
      d = {rng() % 6, size_t{1} << (rng() % 6)};
    Opening opening;
    opening.rows.resize(rng() % 4);
    for (auto& row : opening.rows)
      row.resize(rng() % 6, Fp(rng()));
    opening.path.siblings.resize(rng() % 7);
    const size_t index = rng() % 40;
    EXPECT_NE(verify_opening(c.root(), dims, index, opening), CommitError::ok);
  }
}

TEST(MatrixCommitmentTest, ErrorMessagesAreDistinct) {
  std::set<std::string> messages;
  for (int e = 0; e <= static_cast<int>(CommitError::root_mismatch); ++e) {
    messages.insert(commit_error_message(static_cast<CommitError>(e)));
  }
  EXPECT_EQ(messages.size(), static_cast<size_t>(CommitError::root_mismatch) + 1);
}

}  // namespace
}  // namespace zkbatch::commit
