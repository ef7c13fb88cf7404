// SPDX-License-Identifier: Apache-2.0
// The program table (preprocessed, DESIGN.md §4 "Program"): pc -> decoded instruction, one row
// per word of the code. It is committed in the verifying key; the CPU fetches from it on
// kBusFetch, so an executed instruction is exactly the program's instruction at that pc.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "vm/chips/air_util.hpp"
#include "vm/chips/program/columns.hpp"
#include "vm/instruction.hpp"
#include "vm/program.hpp"

namespace zkbatch::vm::chips::program {

/// A program-table row: what the CPU needs to execute the instruction at `pc`.
struct ProgramEntry {
  uint32_t pc = 0;
  /// The operation sent on the ALU bus (the canonical opcode: ADD for ADDI, LUI, AUIPC, JAL and
  /// JALR, SLT for SLTI, BLT and BGE, ...) or the load/store opcode; 0 when none.
  uint32_t op = 0;
  uint32_t rs1 = 0, rs2 = 0, rd = 0;
  uint32_t imm = 0;
  uint32_t flags = 0;  ///< Flag bits

  bool has(uint32_t flag) const { return ((flags >> flag) & 1) != 0; }
  friend bool operator==(const ProgramEntry&, const ProgramEntry&) = default;
};

/// The entry of one decoded instruction at `pc` (all flags zero for illegal, EBREAK).
ProgramEntry decode_entry(uint32_t pc, const Instruction& inst);

/// The program table of a Program: one entry per code word, from code_begin().
struct ProgramTable {
  uint32_t code_begin = 0;
  std::vector<ProgramEntry> entries;

  /// Builds it; throws std::invalid_argument when the code reaches the last word of the address
  /// space (pc + 4 must not wrap, docs/zkvm.md).
  static ProgramTable from(const Program& program);
  /// The entry for `pc`, or nullptr outside the table.
  const ProgramEntry* at(uint32_t pc) const;
};

/// The program table chip.
class ProgramAir final : public stark::AirBase<ProgramAir> {
 public:
  explicit ProgramAir(std::shared_ptr<const ProgramTable> table) : table_(std::move(table)) {}

  std::string name() const override { return "program"; }
  size_t width() const override { return Columns::kWidth; }
  size_t preprocessed_width() const override { return PreprocessedColumns::kWidth; }
  poly::RowMajorMatrix preprocessed_trace() const override;

  template <class B>
  void eval(B& b) const {
    using P = PreprocessedColumns;
    b.receive(kBusFetch,
              {b.preprocessed(P::pc), b.preprocessed(P::op), b.preprocessed(P::rs1),
               b.preprocessed(P::rs2), b.preprocessed(P::rd), b.preprocessed(P::imm),
               b.preprocessed(P::flags)},
              b.main(Columns::count));
  }

  const ProgramTable& table() const { return *table_; }

 private:
  std::shared_ptr<const ProgramTable> table_;
};

/// The main trace: fetch counts per entry (`counts[i]` for entries[i]).
poly::RowMajorMatrix generate_trace(const ProgramTable& table, const std::vector<uint64_t>& counts);

}  // namespace zkbatch::vm::chips::program
