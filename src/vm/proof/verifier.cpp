// SPDX-License-Identifier: Apache-2.0
// The block verifier reads as the statement: shape of the public values, continuity from the
// entry to the exit, the output, then the STARK proofs under the shared seed and the global sum.
#include "vm/proof/verifier.hpp"

#include <vector>

#include "hash/sponge.hpp"
#include "stark/global.hpp"
#include "stark/logup.hpp"
#include "stark/verifier.hpp"
#include "vm/chips/buses.hpp"
#include "vm/chips/segment_values.hpp"
#include "vm/elf.hpp"

namespace zkbatch::vm::proof {

using field::Fp;
using field::Fp3;

namespace {

/// A segment's public values as integers, after a range check of each.
struct Values {
  uint64_t index, start_pc, end_pc, start_ts, end_ts, halted, exit_code, out_start, out_end;
  hash::Digest digest;
};

bool read_values(const stark::Proof& p, Values* v) {
  using namespace chips;
  if (p.public_values.size() != kSegmentPublicValues) return false;
  auto get = [&](size_t i) { return p.public_values[i].value(); };
  *v = Values{get(kPvSegmentIndex), get(kPvStartPc),
              get(kPvEndPc),        get(kPvStartTimestamp),
              get(kPvEndTimestamp), get(kPvHalted),
              get(kPvExitCode),     get(kPvOutputStart),
              get(kPvOutputEnd),    {}};
  for (size_t i = 0; i < hash::kDigestElements; ++i)
    v->digest.v[i] = p.public_values[kPvOutputDigest + i];
  const uint64_t word = uint64_t{1} << 32, timestamps = uint64_t{1} << 48;
  return v->index < word && v->start_pc < word && v->end_pc < word && v->start_ts < timestamps &&
         v->end_ts < timestamps && v->halted <= 1 && v->exit_code < word &&
         v->out_start < timestamps && v->out_end < timestamps;
}

ProgramVerdict fail(ProgramError e,
                    size_t segment = 0,
                    stark::VerifyError s = stark::VerifyError::ok) {
  ProgramVerdict v;
  v.error = e;
  v.segment = segment;
  v.stark_error = s;
  return v;
}

/// The chain of public values from the entry to the exit.
ProgramVerdict check_chain(const VmKey& key, const ProgramProof& proof) {
  const size_t n = proof.segments.size();
  if (n == 0) return fail(ProgramError::no_segments);
  const hash::Digest output_digest =
      hash::hash_bytes({proof.public_output.data(), proof.public_output.size()});
  Values prev{};
  for (size_t i = 0; i < n; ++i) {
    Values v{};
    if (!read_values(proof.segments[i], &v)) return fail(ProgramError::bad_public_values, i);
    if (v.index != i) return fail(ProgramError::wrong_segment_index, i);
    if (i == 0) {
      if (v.start_pc != key.entry || v.start_ts != 0 || v.out_start != 0) {
        return fail(ProgramError::wrong_start, i);
      }
    } else {
      if (v.start_pc != prev.end_pc) return fail(ProgramError::discontinuous_pc, i);
      if (v.start_ts != prev.end_ts) return fail(ProgramError::discontinuous_timestamp, i);
      if (v.out_start != prev.out_end) return fail(ProgramError::discontinuous_output, i);
    }
    if (v.start_ts >= v.end_ts) return fail(ProgramError::empty_segment, i);
    if (v.out_start > v.out_end) return fail(ProgramError::bad_public_values, i);
    if (v.halted != 0 && i + 1 < n) return fail(ProgramError::early_halt, i);
    if (v.digest != output_digest) return fail(ProgramError::wrong_output, i);
    prev = v;
  }
  if (prev.halted != 1) return fail(ProgramError::not_halted, n - 1);
  if (prev.exit_code != 0) return fail(ProgramError::nonzero_exit, n - 1);
  if (prev.out_end != proof.public_output.size()) return fail(ProgramError::wrong_output, n - 1);
  return {};
}

}  // namespace

std::string ProgramVerdict::message() const {
  std::string m = error_message(error);
  if (error == ProgramError::segment_rejected || error == ProgramError::memory_rejected) {
    m += std::string(": ") + stark::error_message(stark_error);
  }
  if (error != ProgramError::ok && error != ProgramError::bad_params &&
      error != ProgramError::bad_program && error != ProgramError::wrong_program &&
      error != ProgramError::no_segments && error != ProgramError::memory_rejected &&
      error != ProgramError::global_sums_nonzero) {
    m += " (segment " + std::to_string(segment) + ")";
  }
  return m;
}

std::optional<stark::StarkParams> params_by_name(const std::string& name) {
  if (name == "default_100") return stark::presets::default_100();
  if (name == "secure_128") return stark::presets::secure_128();
  if (name == "test" && stark::test_params_allowed()) return stark::presets::test();
  return std::nullopt;
}

hash::Digest run_global_seed(const hash::Digest& memory_commitment,
                             std::span<const hash::Digest> segment_commitments) {
  std::vector<hash::Digest> all;
  all.reserve(segment_commitments.size() + 1);
  all.push_back(memory_commitment);
  all.insert(all.end(), segment_commitments.begin(), segment_commitments.end());
  return stark::derive_global_seed(all);
}

Fp3 output_sum(const hash::Digest& seed, std::span<const uint8_t> output) {
  const stark::LogupChallenges ch = stark::derive_logup_challenges(seed, 2);
  Fp3 sum = Fp3::zero();
  for (size_t i = 0; i < output.size(); ++i) {
    const Fp3 fingerprint =
        Fp3(Fp(chips::kBusOutput)) + ch.beta_powers[1] * Fp(i) + ch.beta_powers[2] * Fp(output[i]);
    sum += (ch.alpha - fingerprint).inverse();
  }
  return sum;
}

ProgramVerdict verify_program(const VmKey& key, const ProgramProof& proof) {
  ProgramVerdict verdict = [&] {
    if (proof.params != key.params().name) return fail(ProgramError::bad_params);
    if (key.params().test_only && !stark::test_params_allowed()) {
      return fail(ProgramError::bad_params);
    }
    // 1. The statement: public values chain from the entry to exit 0 and commit the output.
    if (ProgramVerdict v = check_chain(key, proof); !v.ok()) return v;
    // 2. The global seed from every proof's phase-one commitment, memory proof first.
    std::vector<hash::Digest> commitments;
    for (const stark::Proof& p : proof.segments)
      commitments.push_back(stark::phase1_commitment(key.segment.vk, p));
    const hash::Digest seed =
        run_global_seed(stark::phase1_commitment(key.memory.vk, proof.memory), commitments);
    // 3. Every proof under that seed.
    if (stark::VerifyError e = stark::verify_with_seed(key.memory.vk, proof.memory, seed);
        e != stark::VerifyError::ok) {
      return fail(ProgramError::memory_rejected, 0, e);
    }
    for (size_t i = 0; i < proof.segments.size(); ++i) {
      if (stark::VerifyError e = stark::verify_with_seed(key.segment.vk, proof.segments[i], seed);
          e != stark::VerifyError::ok) {
        return fail(ProgramError::segment_rejected, i, e);
      }
    }
    // 4. The global buses balance, the verifier receiving the public output.
    Fp3 total = proof.memory.global_sum;
    for (const stark::Proof& p : proof.segments)
      total += p.global_sum;
    if (total - output_sum(seed, proof.public_output) != Fp3::zero()) {
      return fail(ProgramError::global_sums_nonzero);
    }
    return ProgramVerdict{};
  }();
  verdict.program = key.digest;
  return verdict;
}

ProgramVerdict verify_program_file(const ProgramProof& proof,
                                   std::shared_ptr<const VmKey>* key_out) {
  const std::optional<stark::StarkParams> params = params_by_name(proof.params);
  if (!params) return fail(ProgramError::bad_params);
  ElfImage image;
  if (!parse_elf(proof.elf, "proof", image).ok()) return fail(ProgramError::bad_program);
  std::shared_ptr<const VmKey> key;
  try {
    key = make_key(Program(std::move(image)), *params);
  } catch (const std::exception&) {
    return fail(ProgramError::bad_program);
  }
  if (key_out != nullptr) *key_out = key;
  return verify_program(*key, proof);
}

}  // namespace zkbatch::vm::proof
