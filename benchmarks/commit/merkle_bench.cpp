// SPDX-License-Identifier: Apache-2.0
// Merkle tree build over matrix rows, a mixed-height commitment, and opening verification.
#include <benchmark/benchmark.h>

#include <random>

#include "commit/matrix_commitment.hpp"
#include "commit/merkle_tree.hpp"

namespace zkbatch::commit {
namespace {

poly::RowMajorMatrix random_matrix(size_t width, size_t height) {
  std::mt19937_64 rng(width * 1000003 + height);
  poly::RowMajorMatrix m(width, height);
  for (field::Fp& v : m.values())
    v = field::Fp(rng());
  return m;
}

/// Tree over one 2^range(0) x range(1) matrix: leaf hashing plus every layer.
void BM_MerkleBuild(benchmark::State& state) {
  const auto log_n = static_cast<unsigned>(state.range(0));
  const auto width = static_cast<size_t>(state.range(1));
  const poly::RowMajorMatrix m = random_matrix(width, size_t{1} << log_n);
  for (auto _ : state) {
    const MerkleTree tree = MerkleTree::build(std::span(&m, 1));
    benchmark::DoNotOptimize(tree.root());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(m.height()));
}

/// A mixed batch like a multi-table trace: 2^range(0) x 16, 2^(range(0)-2) x 8, 2^(range(0)-4)
/// x 32 in one tree.
void BM_MixedCommit(benchmark::State& state) {
  const auto log_n = static_cast<unsigned>(state.range(0));
  const std::vector<poly::RowMajorMatrix> ms = {random_matrix(16, size_t{1} << log_n),
                                                random_matrix(8, size_t{1} << (log_n - 2)),
                                                random_matrix(32, size_t{1} << (log_n - 4))};
  for (auto _ : state) {
    const MatrixCommitment c = MatrixCommitment::commit(ms);
    benchmark::DoNotOptimize(c.root());
  }
}

/// Verifying one opening of the mixed batch at depth 20 (what a verifier does per query).
void BM_VerifyOpening(benchmark::State& state) {
  const std::vector<poly::RowMajorMatrix> ms = {random_matrix(16, size_t{1} << 16),
                                                random_matrix(8, size_t{1} << 14)};
  const MatrixCommitment c = MatrixCommitment::commit(ms);
  const std::vector<Dimensions> dims = c.dimensions();
  const Opening opening = c.open(12345);
  for (auto _ : state) {
    benchmark::DoNotOptimize(verify_opening(c.root(), dims, 12345, opening));
  }
}

void build_sizes(benchmark::internal::Benchmark* b) {
  for (int log_n : {16, 18, 20}) {
    for (int width : {8, 16, 64})
      b->Args({log_n, width});
  }
}

BENCHMARK(BM_MerkleBuild)->Apply(build_sizes)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_MixedCommit)->Arg(16)->Arg(20)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_VerifyOpening)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace zkbatch::commit

BENCHMARK_MAIN();
