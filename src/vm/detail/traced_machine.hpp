// SPDX-License-Identifier: Apache-2.0
// Internal: the machine that accounts for every access to the memory argument. It backs both
// checkpoint collection (a recorder that notes only each segment's first touch of an address)
// and trace recording (a recorder that also keeps the rows), so the set of accesses a checkpoint
// covers is by construction the set the trace makes.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "vm/checkpoint.hpp"
#include "vm/detail/checks.hpp"
#include "vm/detail/word_pages.hpp"
#include "vm/layout.hpp"
#include "vm/program.hpp"
#include "vm/semantics.hpp"
#include "vm/trace.hpp"

namespace zkbatch::vm::detail {

/// A word of the memory argument: value, last-access timestamp and a mark. The mark's low 31
/// bits hold the epoch (segment number + 1) of the last access, to find first touches; bit 31
/// says the word is known (always, except for words a checkpoint does not hold).
struct Cell {
  uint32_t value = 0;
  uint32_t mark = 0;
  uint64_t timestamp = 0;
};

inline constexpr uint32_t kKnown = 0x80000000u;
inline constexpr uint32_t kEpochMask = 0x7fffffffu;

/// Recorder interface (static): `touch(address, value, timestamp)` is called at the first access
/// of an address in the current epoch with its state before the access; `new_row()` returns a
/// zeroed CycleRow to fill for the instruction being executed (called once its trap checks have
/// passed, so every row handed out is completed); `syscall(SyscallRow&&)` receives the host-call
/// details and returns the index the row records.
template <class Recorder>
class TracedMachine {
 public:
  TracedMachine(const Program& program, Recorder& recorder)
      : program_(program), recorder_(recorder) {
    for (unsigned i = 0; i < kRegisterCount; ++i)
      regs_[i].mark = kKnown;
  }

  /// Full memory: the ELF image, every other word zero; pc at the entry, cycle 0.
  void load_image(std::span<const uint8_t> input) {
    for (const ElfSegment& s : program_.image().segments) {
      for (size_t i = 0; i < s.data.size(); ++i) {
        const uint32_t address = s.vaddr + static_cast<uint32_t>(i);
        memory_.at(address).value |= uint32_t{s.data[i]} << (8 * (address & 3));
      }
    }
    restricted_ = false;
    collect_debug_ = true;
    pc_ = program_.entry();
    input_ = input;
  }

  /// Only the state a checkpoint holds; any other word traps with missing_word.
  void load_checkpoint(const Checkpoint& c) {
    for (unsigned i = 0; i < kRegisterCount; ++i) {
      regs_[i].value = c.registers[i];
      regs_[i].timestamp = c.register_timestamps[i];
    }
    for (const WordState& w : c.memory) {
      Cell& cell = memory_.at(w.address);
      cell = Cell{w.value, kKnown, w.timestamp};
    }
    restricted_ = true;
    collect_debug_ = false;
    pc_ = c.pc;
    cycle_ = c.cycle;
    input_ = c.input;
    public_output_ = c.public_output;
  }

  /// Starts a new epoch: the next access to each address is a first touch again.
  void begin_epoch() { ++epoch_; }

  /// Runs until cycle `end` (exclusive), exit or trap.
  void run(uint64_t end) {
    while (!stopped() && cycle_ < end)
      step();
  }

  bool stopped() const { return halted_ || !trap_.none(); }
  bool halted() const { return halted_; }
  uint32_t exit_code() const { return exit_code_; }
  const Trap& trap() const { return trap_; }
  uint32_t pc() const { return pc_; }
  uint64_t cycle() const { return cycle_; }
  uint64_t input_cursor() const { return input_cursor_; }
  std::span<const uint8_t> input() const { return input_; }
  const std::vector<uint8_t>& public_output() const { return public_output_; }
  const std::string& debug_output() const { return debug_output_; }
  uint64_t debug_dropped() const { return debug_dropped_; }
  void set_max_debug_bytes(size_t n) { max_debug_bytes_ = n; }
  const Cell& reg(unsigned i) const { return regs_[i]; }

  /// The current state of an address (register or memory word) that has been touched.
  WordState state_of(uint32_t address) {
    const Cell& c = address < kReservedEnd ? regs_[address / 4] : memory_.at(address);
    return WordState{address, c.value, c.timestamp};
  }

 private:
  Cell* word(uint32_t address) {
    if (!restricted_) return &memory_.at(address);
    const Cell* c = memory_.find(address);
    if (c == nullptr || (c->mark & kKnown) == 0) return nullptr;
    return &memory_.at(address);
  }

  MemoryAccess access(Cell& c, uint32_t address, Slot slot, bool write, uint32_t value) {
    if ((c.mark & kEpochMask) != epoch_) {
      c.mark = (c.mark & ~kEpochMask) | epoch_;
      recorder_.touch(address, c.value, c.timestamp);
    }
    MemoryAccess a;
    a.address = address;
    a.prev_value = c.value;
    a.value = write ? value : c.value;
    a.is_write = write ? 1 : 0;
    a.prev_timestamp = c.timestamp;
    a.timestamp = access_timestamp(cycle_, slot);
    c.value = a.value;
    c.timestamp = a.timestamp;
    return a;
  }

  MemoryAccess read_reg(unsigned r, Slot slot) {
    return access(regs_[r], register_address(r), slot, false, 0);
  }

  void stop(TrapKind kind, uint32_t value) { trap_ = Trap{kind, pc_, value, cycle_}; }

  uint8_t peek_byte(uint32_t address) {
    const Cell* c = memory_.find(address);
    return c == nullptr ? 0 : static_cast<uint8_t>(c->value >> (8 * (address & 3)));
  }

  void step();
  bool host_call(const Instruction& inst);

  const Program& program_;
  Recorder& recorder_;
  WordPages<Cell> memory_;
  Cell regs_[kRegisterCount];
  bool restricted_ = false;
  bool collect_debug_ = false;
  uint32_t epoch_ = 1;
  uint32_t pc_ = 0;
  uint64_t cycle_ = 0;
  bool halted_ = false;
  uint32_t exit_code_ = 0;
  Trap trap_;
  std::span<const uint8_t> input_;
  uint64_t input_cursor_ = 0;
  std::vector<uint8_t> public_output_;
  std::string debug_output_;
  uint64_t debug_dropped_ = 0;
  size_t max_debug_bytes_ = size_t{16} << 20;
};

}  // namespace zkbatch::vm::detail

#include "vm/detail/traced_step.hpp"
