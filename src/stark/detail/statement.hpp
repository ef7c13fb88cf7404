// SPDX-License-Identifier: Apache-2.0
// Transcript steps that prover and verifier share word for word (internal to src/stark).
#pragma once

#include <stdint.h>

#include <span>

#include "field/goldilocks.hpp"
#include "fri/transcript.hpp"
#include "stark/keys.hpp"
#include "stark/proof.hpp"

namespace zkbatch::stark::detail {

/// Observes what the statement is, before any commitment (STYLE.md §4 item 4): the verifying
/// key's digest, the public values (count, then values) and the shape (table count, then each
/// table's log height).
inline void observe_statement(fri::Transcript& t,
                              const VerifyingKey& vk,
                              std::span<const field::Fp> public_values,
                              std::span<const uint8_t> log_heights) {
  t.observe(vk.digest);
  t.observe_u64(public_values.size());
  t.observe_many(public_values.data(), public_values.size());
  t.observe_u64(log_heights.size());
  for (uint8_t h : log_heights)
    t.observe_u64(h);
}

/// Observes the LogUp results: the LogUp root (when present), every table's local and global
/// running sum, and the proof's global partial sum.
inline void observe_logup(fri::Transcript& t, const Proof& proof) {
  if (proof.logup_root.has_value()) t.observe(*proof.logup_root);
  t.observe_many(proof.local_sums.data(), proof.local_sums.size());
  t.observe_many(proof.global_sums.data(), proof.global_sums.size());
  t.observe(proof.global_sum);
}

/// Observes every opened value, table by table, in the order of OpenedValues' fields.
inline void observe_opened(fri::Transcript& t, std::span<const OpenedValues> opened) {
  for (const OpenedValues& o : opened) {
    for (const auto* v : {&o.preprocessed_local, &o.preprocessed_next, &o.main_local, &o.main_next,
                          &o.logup_local, &o.logup_next, &o.quotient}) {
      t.observe_many(v->data(), v->size());
    }
  }
}

}  // namespace zkbatch::stark::detail
