// SPDX-License-Identifier: Apache-2.0
// Poseidon2 over Goldilocks, width 12 (DESIGN.md §3): the reference known answer, and the fast
// permutation against a plain matrix-by-matrix reference written from the paper's definition.
#include "hash/poseidon2.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <random>

#include "hash/detail/poseidon2_impl.hpp"
#include "hash/poseidon2_constants.hpp"
#include "hash_test_util.hpp"

namespace zkbatch::hash {
namespace {

using field::Fp;
using State = std::array<Fp, Poseidon2::kWidth>;
using Matrix = std::array<std::array<Fp, Poseidon2::kWidth>, Poseidon2::kWidth>;

constexpr uint64_t kP = 0xFFFFFFFF00000001ull;

/// M_E = circ(2 M4, M4, M4) with M4 = [[5,7,1,3],[4,6,1,1],[1,3,5,7],[1,1,4,6]] (Poseidon2
/// paper, ePrint 2023/323, §5.1), as a dense 12x12 matrix.
Matrix external_matrix() {
  constexpr uint64_t m4[4][4] = {{5, 7, 1, 3}, {4, 6, 1, 1}, {1, 3, 5, 7}, {1, 1, 4, 6}};
  Matrix m{};
  for (size_t row = 0; row < 12; ++row) {
    for (size_t col = 0; col < 12; ++col) {
      uint64_t scale = row / 4 == col / 4 ? 2 : 1;
      m[row][col] = Fp(scale * m4[row % 4][col % 4]);
    }
  }
  return m;
}

/// M_I = 1 * 1^T + diag(d) (paper §5.2) with d = MAT_DIAG12_M_1.
Matrix internal_matrix() {
  Matrix m{};
  for (size_t row = 0; row < 12; ++row) {
    for (size_t col = 0; col < 12; ++col) {
      m[row][col] = Fp::one() + (row == col ? Fp(kPoseidon2InternalDiagM1[row]) : Fp::zero());
    }
  }
  return m;
}

State mat_vec(const Matrix& m, const State& x) {
  State y{};
  for (size_t row = 0; row < 12; ++row) {
    for (size_t col = 0; col < 12; ++col) {
      y[row] += m[row][col] * x[col];
    }
  }
  return y;
}

/// The permutation exactly as the reference describes it, with dense matrices and pow(7).
State reference_permute(State x) {
  static const Matrix m_e = external_matrix();
  static const Matrix m_i = internal_matrix();
  auto full_round = [&](const uint64_t* rc) {
    for (size_t i = 0; i < 12; ++i) {
      x[i] = (x[i] + Fp(rc[i])).pow(7);
    }
    x = mat_vec(m_e, x);
  };
  x = mat_vec(m_e, x);
  for (size_t r = 0; r < 4; ++r) {
    full_round(kPoseidon2ExternalRc[r]);
  }
  for (size_t r = 0; r < kPoseidon2InternalRounds; ++r) {
    x[0] = (x[0] + Fp(kPoseidon2InternalRc[r])).pow(7);
    x = mat_vec(m_i, x);
  }
  for (size_t r = 4; r < 8; ++r) {
    full_round(kPoseidon2ExternalRc[r]);
  }
  return x;
}

State permuted(State x, void (*permute)(Fp*)) {
  permute(x.data());
  return x;
}

State random_state(std::mt19937_64& rng) {
  State x;
  for (Fp& e : x) {
    e = Fp(rng() % kP);
  }
  return x;
}

// Known answer: HorizenLabs/poseidon2, plain_implementations/src/poseidon2/poseidon2.rs, module
// poseidon2_tests_goldilocks, test `kats` (commit bb476b9ca38198cf5092487283c8b8c5d4317c4e, the
// commit of the constants in poseidon2_constants.hpp): input 0, 1, ..., 11.
constexpr uint64_t kKatOutput[12] = {
    0x01eaef96bdf1c0c1, 0x1f0d2cc525b2540c, 0x6282c1dfe1e0358d, 0xe780d721f698e1e6,
    0x280c0b6f753d833b, 0x1b942dd5023156ab, 0x43f0df3fcccb8398, 0xe8e8190585489025,
    0x56bdbf72f77ada22, 0x7911c32bf9dcd705, 0xec467926508fbe67, 0x6a50450ddf85a6ed,
};

TEST(Poseidon2Test, MatchesReferenceInstanceKnownAnswer) {
  State input;
  for (size_t i = 0; i < 12; ++i) {
    input[i] = Fp(i);
  }
  State fast = permuted(input, Poseidon2::permute);
  State portable = permuted(input, detail::poseidon2_permute_portable);
  State reference = reference_permute(input);
  for (size_t i = 0; i < 12; ++i) {
    EXPECT_EQ(fast[i].value(), kKatOutput[i]) << "element " << i;
    EXPECT_EQ(portable[i].value(), kKatOutput[i]) << "element " << i;
    EXPECT_EQ(reference[i].value(), kKatOutput[i]) << "element " << i;
  }
}

TEST(Poseidon2Test, FastAndPortableMatchReferenceOnRandomStates) {
  const uint64_t seed = 0x5eed0001;
  SCOPED_TRACE(testing::Message() << "seed " << seed);
  std::mt19937_64 rng(seed);
  for (int trial = 0; trial < 300; ++trial) {
    State x = random_state(rng);
    State expected = reference_permute(x);
    ASSERT_EQ(permuted(x, Poseidon2::permute), expected) << "trial " << trial;
    ASSERT_EQ(permuted(x, detail::poseidon2_permute_portable), expected) << "trial " << trial;
  }
}

TEST(Poseidon2Test, FastMatchesReferenceOnExtremeStates) {
  // Largest values stress the delayed reductions: every intermediate sum is at its bound.
  State all_max, all_zero{}, alternating;
  for (size_t i = 0; i < 12; ++i) {
    all_max[i] = Fp(kP - 1);
    alternating[i] = i % 2 == 0 ? Fp(kP - 1) : Fp(0xFFFFFFFFull);
  }
  for (const State& x : {all_max, all_zero, alternating}) {
    State expected = reference_permute(x);
    EXPECT_EQ(permuted(x, Poseidon2::permute), expected);
    EXPECT_EQ(permuted(x, detail::poseidon2_permute_portable), expected);
  }
}

TEST(Poseidon2Test, EveryInputElementAffectsEveryOutput) {
  std::mt19937_64 rng(0x5eed0002);
  State x = random_state(rng);
  State base = permuted(x, Poseidon2::permute);
  for (size_t i = 0; i < 12; ++i) {
    State y = x;
    y[i] += Fp::one();
    State out = permuted(y, Poseidon2::permute);
    for (size_t j = 0; j < 12; ++j) {
      EXPECT_NE(out[j], base[j]) << "input " << i << " output " << j;
    }
  }
}

}  // namespace
}  // namespace zkbatch::hash
