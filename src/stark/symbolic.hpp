// SPDX-License-Identifier: Apache-2.0
// The symbolic interpreter of an AIR: degrees and counts of its constraints and interactions,
// without any trace (Plonky3's air/src/symbolic/builder.rs plays the same part).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <string>
#include <vector>

#include "field/goldilocks.hpp"
#include "stark/builder.hpp"

namespace zkbatch::stark {

/// A symbolic expression reduced to what the quotient needs: an upper bound on its degree in
/// units of the trace degree (a trace column has degree 1, a constant or public value 0). Sums take
/// the larger degree and products add them. is_first_row and is_last_row count 1 (Lagrange
/// polynomials of degree n - 1); is_transition counts 0 (x - x_last has degree 1, which never
/// pushes the quotient past its chunk count, see docs in quotient.cpp).
struct SymExpr {
  int degree = 0;

  SymExpr operator+(const SymExpr& o) const { return {degree > o.degree ? degree : o.degree}; }
  SymExpr operator-(const SymExpr& o) const { return *this + o; }
  SymExpr operator*(const SymExpr& o) const { return {degree + o.degree}; }
  SymExpr operator-() const { return *this; }
  SymExpr operator+(field::Fp) const { return *this; }
  SymExpr operator-(field::Fp) const { return *this; }
  SymExpr operator*(field::Fp) const { return *this; }
  friend SymExpr operator+(field::Fp, const SymExpr& e) { return e; }
  friend SymExpr operator-(field::Fp, const SymExpr& e) { return e; }
  friend SymExpr operator*(field::Fp, const SymExpr& e) { return e; }
  SymExpr& operator+=(const SymExpr& o) { return *this = *this + o; }
  SymExpr& operator-=(const SymExpr& o) { return *this = *this - o; }
  SymExpr& operator*=(const SymExpr& o) { return *this = *this * o; }
};

/// One constraint as the symbolic pass saw it.
struct ConstraintInfo {
  int degree = 0;
  /// The label given to assert_zero, or empty.
  std::string label;
};

/// One interaction as the symbolic pass saw it.
struct InteractionInfo {
  uint32_t bus = 0;
  Direction direction = Direction::send;
  /// Number of tuple elements.
  uint32_t tuple_len = 0;
  /// Largest degree among the tuple's expressions (the fingerprint's degree).
  int tuple_degree = 0;
  /// Degree of the multiplicity expression.
  int multiplicity_degree = 0;
};

/// Everything the symbolic pass learns about one AIR.
struct SymbolicReport {
  std::vector<ConstraintInfo> constraints;
  std::vector<InteractionInfo> interactions;
  /// Largest constraint degree (0 without constraints).
  int max_degree = 0;
  /// Empty, or what was wrong (a column, preprocessed column or public value out of range).
  std::string problem;
};

/// The symbolic builder: records degrees, labels and interactions, and checks every column index
/// against the declared widths.
class SymbolicBuilder : public BuilderBase<SymbolicBuilder, SymExpr> {
 public:
  /// A builder checking indices against these widths and public value count.
  SymbolicBuilder(size_t width, size_t preprocessed_width, size_t num_public_values)
      : width_(width),
        preprocessed_width_(preprocessed_width),
        num_public_values_(num_public_values) {}

  /// Main-trace column c on this row.
  SymExpr main(size_t c) { return column(c, width_, "main"); }
  /// Main-trace column c on the next row.
  SymExpr main_next(size_t c) { return column(c, width_, "main"); }
  /// Preprocessed column c on this row.
  SymExpr preprocessed(size_t c) { return column(c, preprocessed_width_, "preprocessed"); }
  /// Preprocessed column c on the next row.
  SymExpr preprocessed_next(size_t c) { return column(c, preprocessed_width_, "preprocessed"); }
  /// Public value i of the proof.
  SymExpr public_value(size_t i) {
    if (i >= num_public_values_ && report_.problem.empty()) {
      report_.problem = "public value " + std::to_string(i) + " out of range";
    }
    return {0};
  }
  /// 1 on the first row, 0 on the others (a Lagrange selector off the trace domain).
  SymExpr is_first_row() const { return {1}; }
  /// 1 on the last row, 0 on the others.
  SymExpr is_last_row() const { return {1}; }
  /// 0 on the last row only: guards constraints between a row and the next.
  SymExpr is_transition() const { return {0}; }
  /// A constant as an expression.
  static SymExpr constant(uint64_t) { return {0}; }
  /// A constant as an expression.
  static SymExpr constant(field::Fp) { return {0}; }

  /// Records the constraint's degree and label.
  void assert_zero(const SymExpr& e, const char* label = nullptr) {
    report_.constraints.push_back({e.degree, label != nullptr ? label : ""});
    if (e.degree > report_.max_degree) report_.max_degree = e.degree;
  }
  /// Records the interaction's bus, direction, tuple length and degrees.
  void interact(uint32_t bus,
                Direction direction,
                const SymExpr* tuple,
                size_t len,
                const SymExpr& multiplicity) {
    InteractionInfo info;
    info.bus = bus;
    info.direction = direction;
    info.tuple_len = static_cast<uint32_t>(len);
    for (size_t i = 0; i < len; ++i) {
      if (tuple[i].degree > info.tuple_degree) info.tuple_degree = tuple[i].degree;
    }
    info.multiplicity_degree = multiplicity.degree;
    report_.interactions.push_back(info);
  }

  /// The result, once eval has run.
  SymbolicReport take_report() { return std::move(report_); }

 private:
  SymExpr column(size_t c, size_t width, const char* kind) {
    if (c >= width && report_.problem.empty()) {
      report_.problem = std::string(kind) + " column " + std::to_string(c) + " out of range";
    }
    return {1};
  }

  size_t width_, preprocessed_width_, num_public_values_;
  SymbolicReport report_;
};

}  // namespace zkbatch::stark
