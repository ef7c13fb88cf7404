// SPDX-License-Identifier: Apache-2.0
// Trace-generation side of the lookup tables: every chip's trace generator records here what it
// looks up, and the table chips (bytes, fixed, program) turn the counts into their multiplicity
// columns. The counts must equal the multiplicities the chips' constraints send, row for row.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <vector>

namespace zkbatch::vm::chips {

/// One row of the fixed lookup table: (tag, x, y, z, w) as integers below p.
using FixedTuple = std::array<uint64_t, 5>;

/// The rows of a fixed lookup table and an index from tuple to row.
class FixedTable {
 public:
  FixedTable() = default;
  /// The table with these rows (duplicates are refused: a tuple must have one row).
  explicit FixedTable(std::vector<FixedTuple> rows);

  const std::vector<FixedTuple>& rows() const { return rows_; }
  /// Row of `tuple`; throws std::logic_error when the table has no such row (a trace generator
  /// asked for a lookup that cannot succeed: a bug or an execution the machine cannot prove).
  size_t row_of(const FixedTuple& tuple) const;

 private:
  std::vector<FixedTuple> rows_;
  std::map<FixedTuple, size_t> index_;
};

/// Lookup multiplicities gathered while generating a segment's (or the memory proof's) traces.
class LookupCounts {
 public:
  explicit LookupCounts(const FixedTable* fixed = nullptr)
      : fixed_(fixed), fixed_counts_(fixed != nullptr ? fixed->rows().size() : 0, 0) {}

  /// x is a byte (bus kBusByte).
  void byte(uint64_t x) {
    if (x >= 256) throw std::logic_error("lookup: byte out of range");
    ++bytes_[x];
  }
  /// Each byte of the low `n` bytes of `word`.
  void bytes_of(uint64_t word, unsigned n) {
    for (unsigned i = 0; i < n; ++i)
      byte((word >> (8 * i)) & 0xff);
  }
  /// x < 2^bits: the two lookups of range_small (air_util.hpp).
  void small(uint64_t x, unsigned bits) {
    byte(x);
    byte(x + 256 - (uint64_t{1} << bits));
  }
  /// (x, msb(x)) (bus kBusByteMsb).
  void byte_msb(uint64_t x) {
    if (x >= 256) throw std::logic_error("lookup: byte out of range");
    ++msb_[x];
  }
  /// A row of the fixed table (bus kBusFixed).
  void fixed(const FixedTuple& tuple) { ++fixed_counts_.at(fixed_->row_of(tuple)); }

  const std::array<uint64_t, 256>& byte_counts() const { return bytes_; }
  const std::array<uint64_t, 256>& msb_counts() const { return msb_; }
  const std::vector<uint64_t>& fixed_counts() const { return fixed_counts_; }

 private:
  const FixedTable* fixed_;
  std::array<uint64_t, 256> bytes_{};
  std::array<uint64_t, 256> msb_{};
  std::vector<uint64_t> fixed_counts_;
};

/// Height of a table holding `rows` rows: the next power of two, at least 2.
size_t table_height(size_t rows);

}  // namespace zkbatch::vm::chips
