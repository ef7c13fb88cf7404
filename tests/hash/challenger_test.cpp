// SPDX-License-Identifier: Apache-2.0
// The Fiat–Shamir challenger: the duplex rules documented in challenger.hpp, rebuilt here from
// Poseidon2::permute, prover/verifier agreement, sensitivity to every observation, and grinding.
#include "hash/challenger.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "hash/poseidon2.hpp"
#include "hash_test_util.hpp"

namespace zkbatch::hash {
namespace {

using field::Fp;

constexpr uint64_t kP = 0xFFFFFFFF00000001ull;

TEST(ChallengerTest, FirstSamplesOfAFreshTranscriptArePermutationsOfZero) {
  // Rule 4: an empty output buffer triggers a duplex; outputs come out as state[0], state[1], ...
  // and the ninth sample needs a second permutation.
  Fp state[12] = {};
  Poseidon2::permute(state);
  Challenger challenger;
  for (size_t i = 0; i < 8; ++i) {
    EXPECT_EQ(challenger.sample(), state[i]) << i;
  }
  Poseidon2::permute(state);
  EXPECT_EQ(challenger.sample(), state[0]);
  EXPECT_EQ(challenger.sample(), state[1]);
}

TEST(ChallengerTest, ObservationsOverwriteTheRateBeforeSampling) {
  // Rules 2-4: three observations overwrite state[0..3) of the zero state; sampling duplexes.
  Challenger challenger;
  challenger.observe(Fp(11));
  challenger.observe(Fp(22));
  challenger.observe(Fp(33));
  Fp state[12] = {Fp(11), Fp(22), Fp(33)};
  Poseidon2::permute(state);
  EXPECT_EQ(challenger.sample(), state[0]);
  EXPECT_EQ(challenger.sample(), state[1]);

  // An observation after sampling discards the remaining outputs and overwrites only state[0];
  // state[1..12) keep the previous permutation's values.
  challenger.observe(Fp(44));
  state[0] = Fp(44);
  Poseidon2::permute(state);
  EXPECT_EQ(challenger.sample(), state[0]);
}

TEST(ChallengerTest, AFullInputBufferDuplexesAtOnce) {
  // Rule 2: the eighth observation duplexes; the next sample reads state[0] without permuting.
  Challenger challenger;
  Fp state[12] = {};
  for (uint64_t i = 0; i < 8; ++i) {
    challenger.observe(Fp(100 + i));
    state[i] = Fp(100 + i);
  }
  Poseidon2::permute(state);
  EXPECT_EQ(challenger.sample(), state[0]);

  // Nine observations: the ninth lands alone in state[0] of the second duplex.
  Challenger nine;
  Fp expected[12] = {};
  for (uint64_t i = 0; i < 9; ++i) {
    nine.observe(Fp(200 + i));
  }
  for (uint64_t i = 0; i < 8; ++i) {
    expected[i] = Fp(200 + i);
  }
  Poseidon2::permute(expected);
  expected[0] = Fp(208);
  Poseidon2::permute(expected);
  EXPECT_EQ(nine.sample(), expected[0]);
}

TEST(ChallengerTest, DigestsAndManyAreObservedInOrder) {
  Digest digest{{Fp(1), Fp(2), Fp(3), Fp(4)}};
  Fp elements[5] = {Fp(1), Fp(2), Fp(3), Fp(4), Fp(5)};
  Challenger a, b, c;
  a.observe(digest);
  a.observe(Fp(5));
  b.observe_many(elements, 5);
  for (const Fp& e : elements) {
    c.observe(e);
  }
  Fp sa = a.sample();
  EXPECT_EQ(sa, b.sample());
  EXPECT_EQ(sa, c.sample());
}

TEST(ChallengerTest, SampleExtIsThreeSamplesInOrder) {
  Challenger a, b;
  a.observe(Fp(7));
  b.observe(Fp(7));
  field::Fp3 ext = a.sample_ext();
  Fp b0 = b.sample();  // named: argument evaluation order is unspecified
  Fp b1 = b.sample();
  Fp b2 = b.sample();
  EXPECT_EQ(ext, field::Fp3(b0, b1, b2));
  // A triple may cross a refill: after 3 + 4 samples one output is left, so the next triple takes
  // it and two outputs of the next duplex.
  for (int i = 0; i < 4; ++i) {
    (void)a.sample();
  }
  for (int i = 0; i < 4; ++i) {
    (void)b.sample();
  }
  Fp c0 = b.sample();
  Fp c1 = b.sample();
  Fp c2 = b.sample();
  EXPECT_EQ(a.sample_ext(), field::Fp3(c0, c1, c2));
}

/// One transcript step: observe something or sample something, driven by `op`.
void step(Challenger& challenger, uint64_t op, uint64_t value, std::vector<uint64_t>& samples) {
  switch (op % 5) {
    case 0:
      challenger.observe(Fp(value));
      break;
    case 1:
      challenger.observe(Digest{{Fp(value), Fp(value + 1), Fp(value + 2), Fp(value + 3)}});
      break;
    case 2:
      samples.push_back(challenger.sample().value());
      break;
    case 3: {
      field::Fp3 e = challenger.sample_ext();
      for (size_t i = 0; i < 3; ++i) {
        samples.push_back(e.c[i].value());
      }
      break;
    }
    default:
      samples.push_back(challenger.sample_bits(static_cast<unsigned>(value % 33)));
      break;
  }
}

TEST(ChallengerTest, ProverAndVerifierTranscriptsAgree) {
  const uint64_t seed = 0x5eed0301;
  SCOPED_TRACE(testing::Message() << "seed " << seed);
  std::mt19937_64 rng(seed);
  Challenger prover, verifier;
  std::vector<uint64_t> prover_samples, verifier_samples;
  for (int i = 0; i < 500; ++i) {
    uint64_t op = rng(), value = rng() % kP;
    step(prover, op, value, prover_samples);
    step(verifier, op, value, verifier_samples);
  }
  ASSERT_FALSE(prover_samples.empty());
  EXPECT_EQ(prover_samples, verifier_samples);
}

TEST(ChallengerTest, ChangingAnyObservationChangesEveryLaterSample) {
  // 24 observations with a sample after every third; changing observation k must leave the
  // samples before it alone and change every sample after it.
  auto run = [](size_t changed) {
    Challenger challenger;
    std::vector<Fp> samples;
    for (size_t k = 0; k < 24; ++k) {
      challenger.observe(Fp(1000 + k + (k == changed ? 1 : 0)));
      if (k % 3 == 2) samples.push_back(challenger.sample());
    }
    return samples;
  };
  std::vector<Fp> base = run(24);  // 24: nothing changed
  for (size_t changed = 0; changed < 24; ++changed) {
    std::vector<Fp> other = run(changed);
    for (size_t s = 0; s < base.size(); ++s) {
      size_t observed_before = 3 * s + 3;  // observations absorbed before sample s
      if (changed < observed_before) {
        EXPECT_NE(other[s], base[s]) << "changed " << changed << " sample " << s;
      } else {
        EXPECT_EQ(other[s], base[s]) << "changed " << changed << " sample " << s;
      }
    }
  }
}

TEST(ChallengerTest, SampleBitsStaysInRange) {
  Challenger challenger;
  challenger.observe(Fp(3));
  for (unsigned bits = 0; bits <= Challenger::kMaxSampleBits; ++bits) {
    for (int i = 0; i < 20; ++i) {
      uint64_t v = challenger.sample_bits(bits);
      EXPECT_LT(v, uint64_t{1} << bits) << bits;
    }
  }
  // With 4 bits, 400 draws hit all 16 values (the chance of missing one is below 2^-30).
  bool hit[16] = {};
  for (int i = 0; i < 400; ++i) {
    hit[challenger.sample_bits(4)] = true;
  }
  for (int v = 0; v < 16; ++v) {
    EXPECT_TRUE(hit[v]) << v;
  }
}

TEST(ChallengerTest, SampleBitsIsTheLowBitsOfASample) {
  Challenger a, b;
  for (unsigned bits : {1u, 8u, 17u, 32u}) {
    uint64_t element = a.sample().value();
    EXPECT_EQ(b.sample_bits(bits), element & ((uint64_t{1} << bits) - 1));
  }
}

TEST(ChallengerTest, GrindFindsTheSmallestWitnessAndLeavesTheTranscriptAlone) {
  for (unsigned bits = 1; bits <= 12; ++bits) {
    Challenger prover;
    prover.observe(Fp(bits));
    (void)prover.sample();  // leave a partly used output buffer behind
    Challenger untouched = prover;
    uint64_t witness = prover.grind(bits);
    // grind works on copies: the transcript still matches one that never ground.
    {
      Challenger a = prover, b = untouched;
      EXPECT_EQ(a.sample(), b.sample()) << bits;
    }
    Challenger verifier = untouched;
    EXPECT_TRUE(verifier.check_witness(bits, witness)) << bits;
    // Every smaller witness fails, so the witness is the smallest.
    for (uint64_t w = 0; w < witness; ++w) {
      Challenger trial = untouched;
      ASSERT_FALSE(trial.check_witness(bits, w)) << bits << " " << w;
    }
    // The prover advances its transcript the same way; both continue in step.
    prover.observe(Fp(witness));
    EXPECT_EQ(prover.sample_bits(bits), 0u);
    EXPECT_EQ(prover.sample(), verifier.sample()) << bits;
  }
}

TEST(ChallengerTest, CheckWitnessRejectsWrongAndNonCanonicalWitnesses) {
  Challenger base;
  base.observe(Fp(99));
  const unsigned bits = 10;
  uint64_t witness = base.grind(bits);
  // Witnesses that do not satisfy the condition are rejected (find some among the next ones).
  int rejected = 0;
  for (uint64_t w = witness + 1; w < witness + 20; ++w) {
    Challenger trial = base;
    Challenger expected = base;
    expected.observe(Fp(w));
    bool valid = expected.sample_bits(bits) == 0;
    EXPECT_EQ(trial.check_witness(bits, w), valid) << w;
    rejected += valid ? 0 : 1;
  }
  EXPECT_GT(rejected, 0);
  // witness + p reduces to the same element but is not canonical: rejected, transcript untouched.
  Challenger trial = base, reference = base;
  EXPECT_FALSE(trial.check_witness(bits, witness + kP));
  EXPECT_EQ(trial.sample(), reference.sample());
}

}  // namespace
}  // namespace zkbatch::hash
