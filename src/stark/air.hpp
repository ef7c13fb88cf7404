// SPDX-License-Identifier: Apache-2.0
// The AIR interface: a table ("chip") of Goldilocks columns and its constraints, written once and
// run by four interpreters (DESIGN.md §3, STYLE.md §4 item 6).
#pragma once

#include <stddef.h>

#include <string>

#include "poly/matrix.hpp"
#include "stark/builder.hpp"
#include "stark/debug_builder.hpp"
#include "stark/folder.hpp"
#include "stark/symbolic.hpp"

namespace zkbatch::stark {

/// One table of a machine. Implementations derive from AirBase<Self> and write
/// `template <class B> void eval(B& b) const` (builder.hpp lists what b offers); AirBase turns that
/// one template into the four interpreters below.
class Air {
 public:
  virtual ~Air() = default;

  /// A short name, used in error messages and hashed into the verifying key.
  virtual std::string name() const = 0;
  /// Number of main-trace columns.
  virtual size_t width() const = 0;
  /// Number of preprocessed (fixed) columns; 0 for none.
  virtual size_t preprocessed_width() const { return 0; }
  /// The preprocessed columns, height a power of two (which then fixes this table's height).
  /// Computed once by keygen and committed in the verifying key.
  virtual poly::RowMajorMatrix preprocessed_trace() const { return {}; }

  /// (c) symbolic pass: degrees and counts.
  virtual void eval_symbolic(SymbolicBuilder& builder) const = 0;
  /// (a) prover: one point of the quotient domain, values in Fp.
  virtual void eval_prover(ProverFolder& folder) const = 0;
  /// (b) verifier: the out-of-domain point zeta, values in Fp3.
  virtual void eval_verifier(VerifierFolder& folder) const = 0;
  /// (d) debug checker and LogUp trace generation: one row of a concrete trace.
  virtual void eval_debug(DebugBuilder& builder) const = 0;

 protected:
  Air() = default;
  Air(const Air&) = default;
  Air& operator=(const Air&) = default;
};

/// Connects Derived::eval<B> to the interpreters (CRTP).
template <class Derived>
class AirBase : public Air {
 public:
  void eval_symbolic(SymbolicBuilder& b) const final { derived().eval(b); }
  void eval_prover(ProverFolder& b) const final { derived().eval(b); }
  void eval_verifier(VerifierFolder& b) const final { derived().eval(b); }
  void eval_debug(DebugBuilder& b) const final { derived().eval(b); }

 private:
  const Derived& derived() const { return static_cast<const Derived&>(*this); }
};

}  // namespace zkbatch::stark
