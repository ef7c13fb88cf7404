// SPDX-License-Identifier: Apache-2.0
// What an AIR's constraints are written against: the helpers every constraint builder shares.
//
// An AIR writes its constraints once, as `template <class Builder> void eval(Builder& b) const`,
// using only this vocabulary (DESIGN.md §3; the idea follows Plonky3's air/src/air.rs):
//
//   b.main(c), b.main_next(c)                 main-trace column c on this row and the next
//   b.preprocessed(c), b.preprocessed_next(c) preprocessed (fixed) column c
//   b.public_value(i)                         public value i of the proof
//   b.is_first_row(), b.is_last_row(), b.is_transition()   row selectors
//   b.constant(v)                             the constant v as an expression
//   b.assert_zero(e, "label"), b.assert_eq(x, y), b.assert_bool(x)
//   b.when(cond), b.when_first_row(), b.when_last_row(), b.when_transition()  (conditional)
//   b.send(bus, {v0, v1, ...}, multiplicity), b.receive(bus, {...}, multiplicity)   (LogUp)
//
// `typename Builder::Expr` is the value type: Fp in the prover and the debug checker, Fp3 in the
// verifier, a degree tracker in the symbolic pass. Expressions combine with +, -, * among
// themselves and with field::Fp constants. An eval must make the same calls, in the same order,
// whatever the values (no branching on values): the constraint and interaction indices are
// positions in that sequence.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <initializer_list>

namespace zkbatch::stark {

/// A LogUp bus: `local` buses must balance inside one proof; `global` buses balance over all the
/// proofs that share a global challenge, each proof exposing its partial sum (DESIGN.md §3).
enum class BusKind : uint8_t { local = 0, global = 1 };

/// Which side of a bus an interaction is on: a send adds m / (alpha - fingerprint(tuple)) to the
/// bus's sum, a receive subtracts it.
enum class Direction : uint8_t { send = 0, receive = 1 };

template <class Builder>
class ConditionalBuilder;

/// The helpers shared by every builder. `Derived` provides assert_zero, interact, constant and
/// the column accessors; `E` is its expression type.
template <class Derived, class E>
class BuilderBase {
 public:
  using Expr = E;

  /// x == y.
  void assert_eq(const E& x, const E& y, const char* label = nullptr) {
    self().assert_zero(x - y, label);
  }
  /// x * (x - 1) == 0: x is 0 or 1.
  void assert_bool(const E& x, const char* label = nullptr) {
    self().assert_zero(x * (x - self().constant(1)), label);
  }
  /// Constraints that apply where `condition` is nonzero (each is multiplied by it).
  ConditionalBuilder<Derived> when(const E& condition) { return {self(), condition}; }
  /// Constraints on the first row only.
  ConditionalBuilder<Derived> when_first_row() { return when(self().is_first_row()); }
  /// Constraints on the last row only.
  ConditionalBuilder<Derived> when_last_row() { return when(self().is_last_row()); }
  /// Constraints between every row and the next, except from the last row to the first.
  ConditionalBuilder<Derived> when_transition() { return when(self().is_transition()); }

  /// Sends `tuple` on `bus` with the given multiplicity.
  void send(uint32_t bus, std::initializer_list<E> tuple, const E& multiplicity) {
    self().interact(bus, Direction::send, tuple.begin(), tuple.size(), multiplicity);
  }
  /// Receives `tuple` from `bus` with the given multiplicity.
  void receive(uint32_t bus, std::initializer_list<E> tuple, const E& multiplicity) {
    self().interact(bus, Direction::receive, tuple.begin(), tuple.size(), multiplicity);
  }

 private:
  Derived& self() { return static_cast<Derived&>(*this); }
};

/// A builder seen through a condition: every constraint asserted here is multiplied by it.
template <class Builder>
class ConditionalBuilder {
 public:
  using Expr = typename Builder::Expr;

  ConditionalBuilder(Builder& builder, const Expr& condition)
      : builder_(builder), condition_(condition) {}

  /// condition * e == 0.
  void assert_zero(const Expr& e, const char* label = nullptr) {
    builder_.assert_zero(condition_ * e, label);
  }
  /// condition * (x - y) == 0.
  void assert_eq(const Expr& x, const Expr& y, const char* label = nullptr) {
    assert_zero(x - y, label);
  }
  /// condition * x * (x - 1) == 0.
  void assert_bool(const Expr& x, const char* label = nullptr) {
    assert_zero(x * (x - builder_.constant(1)), label);
  }
  /// Both conditions.
  ConditionalBuilder when(const Expr& condition) {
    return ConditionalBuilder(builder_, condition_ * condition);
  }

 private:
  Builder& builder_;
  Expr condition_;
};

}  // namespace zkbatch::stark
