// SPDX-License-Identifier: Apache-2.0
// The STARK prover, in two phases so that one global challenge can cover many proofs
// (DESIGN.md §3 and §6): phase one commits the main traces and returns a digest of everything
// observed so far; the caller gathers the digests of all segments and derives a global seed
// (global.hpp); phase two observes the seed and finishes the proof. Never calls MPI.
#pragma once

#include <memory>
#include <span>
#include <stdexcept>
#include <vector>

#include "field/goldilocks.hpp"
#include "fri/transcript.hpp"
#include "hash/digest.hpp"
#include "poly/matrix.hpp"
#include "stark/keys.hpp"
#include "stark/proof.hpp"

namespace zkbatch::stark {

/// Wall-clock seconds of each prover step (for benchmarks and logs).
struct ProverTimings {
  double checks = 0;          ///< constraint check and interaction capture on the trace
  double main_commit = 0;     ///< LDE and Merkle tree of the main traces
  double logup = 0;           ///< LogUp traces, their LDE and commitment
  double quotient = 0;        ///< quotient evaluation, split, LDE and commitment
  double openings = 0;        ///< values at zeta and the reduced openings
  double fri = 0;             ///< FRI commit phase, grinding and queries
  double query_openings = 0;  ///< Merkle openings of the traces at the query indices
};

/// Knobs of one proving run.
struct ProveOptions {
  /// Check every constraint on the trace and the local buses' balance before proving, and throw
  /// ProveError naming the first failure. Tests turn it off to prove bad traces on purpose.
  bool check_constraints = true;
  /// Records the transcript's operations (tests compare them with the verifier's).
  std::vector<fri::TranscriptEvent>* transcript_log = nullptr;
  /// Filled with per-step times when not null.
  ProverTimings* timings = nullptr;
};

/// A trace that does not satisfy its AIR (with check_constraints on), or inputs that do not fit
/// the proving key (wrong count, width or height).
class ProveError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace detail {
struct ProverState;
}

/// The state between the two phases. Move-only.
class ProverPhase1 {
 public:
  ProverPhase1();
  ProverPhase1(ProverPhase1&&) noexcept;
  ProverPhase1& operator=(ProverPhase1&&) noexcept;
  ~ProverPhase1();

  /// Root of the main-trace commitment.
  const hash::Digest& main_root() const;
  /// Digest of this proof's transcript after phase one (key digest, public values, shape, main
  /// root): what the runner gathers from every segment to derive the global seed.
  const hash::Digest& commitment() const;

 private:
  friend ProverPhase1 prove_phase1(const ProvingKey&,
                                   std::vector<poly::RowMajorMatrix>,
                                   std::vector<field::Fp>,
                                   const ProveOptions&);
  friend Proof prove_phase2(ProverPhase1&&, const hash::Digest&);
  std::unique_ptr<detail::ProverState> state_;
};

/// Phase one: checks the inputs (and, unless disabled, the constraints), observes the key digest,
/// the public values and the shape, commits the main traces. `traces[t]` is table t's main trace
/// (width as its AIR, power-of-two height, equal to its preprocessed height when it has one).
/// The proving key must outlive phase two. Throws ProveError.
ProverPhase1 prove_phase1(const ProvingKey& pk,
                          std::vector<poly::RowMajorMatrix> traces,
                          std::vector<field::Fp> public_values,
                          const ProveOptions& options = {});

/// Phase two: observes the global seed, derives the LogUp challenges from it, commits the LogUp
/// traces, computes and commits the quotient, opens at zeta (DEEP) and runs FRI.
Proof prove_phase2(ProverPhase1&& phase1, const hash::Digest& global_seed);

/// Both phases for a proof that stands alone: the seed is derive_global_seed of its own phase-one
/// commitment (verify() does the same).
Proof prove(const ProvingKey& pk,
            std::vector<poly::RowMajorMatrix> traces,
            std::vector<field::Fp> public_values,
            const ProveOptions& options = {});

}  // namespace zkbatch::stark
