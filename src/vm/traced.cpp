// SPDX-License-Identifier: Apache-2.0
// Checkpoint collection and trace recording, both on the traced machine.
#include <algorithm>
#include <utility>

#include "vm/detail/traced_machine.hpp"
#include "vm/emulator.hpp"

namespace zkbatch::vm {
namespace {

// Notes the first touch of each address in a segment: the checkpoint's memory.
struct TouchRecorder {
  void touch(uint32_t address, uint32_t value, uint64_t timestamp) {
    touched.push_back(WordState{address, value, timestamp});
  }
  CycleRow& new_row() { return scratch; }  // written, never read: no need to clear it
  uint32_t syscall(SyscallRow&&) { return kNoSyscall; }
  std::vector<WordState> touched;
  CycleRow scratch;
};

// Keeps rows, host calls and first touches in a SegmentTrace.
struct RowRecorder {
  void touch(uint32_t address, uint32_t value, uint64_t timestamp) {
    trace->initial_memory.push_back(WordState{address, value, timestamp});
  }
  CycleRow& new_row() { return trace->rows.emplace_back(); }
  uint32_t syscall(SyscallRow&& s) {
    trace->syscalls.push_back(std::move(s));
    return static_cast<uint32_t>(trace->syscalls.size() - 1);
  }
  SegmentTrace* trace;
};

bool by_address(const WordState& a, const WordState& b) {
  return a.address < b.address;
}

template <class Recorder>
RunResult result_of(const detail::TracedMachine<Recorder>& m, const RunOptions& options) {
  RunResult r;
  r.status = m.halted()         ? RunStatus::halted
             : !m.trap().none() ? RunStatus::trapped
                                : RunStatus::cycle_limit;
  r.exit_code = m.exit_code();
  r.trap = m.trap();
  r.cycles = m.cycle();
  r.pc = m.pc();
  for (unsigned i = 0; i < kRegisterCount; ++i)
    r.registers[i] = m.reg(i).value;
  r.public_output = m.public_output();
  r.debug_output = m.debug_output();
  r.debug_dropped = m.debug_dropped();
  r.input_consumed = m.input_cursor();
  r.segments = r.status == RunStatus::trapped
                   ? (options.segment_log2 >= 64 ? 0 : r.cycles >> options.segment_log2) + 1
                   : segment_count(r.cycles, options.segment_log2);
  return r;
}

// Fills the end of a trace once the machine has run its segment.
void finish_trace(detail::TracedMachine<RowRecorder>& m, size_t output_before, SegmentTrace& t) {
  t.end_cycle = m.cycle();
  t.end_pc = m.pc();
  t.end = m.halted() ? SegmentEnd::halted
                     : (!m.trap().none() ? SegmentEnd::trapped : SegmentEnd::boundary);
  t.exit_code = m.halted() ? m.exit_code() : 0;
  t.trap = m.trap();
  std::sort(t.initial_memory.begin(), t.initial_memory.end(), by_address);
  t.final_memory.reserve(t.initial_memory.size());
  for (const WordState& w : t.initial_memory)
    t.final_memory.push_back(m.state_of(w.address));
  t.public_output.assign(m.public_output().begin() + static_cast<ptrdiff_t>(output_before),
                         m.public_output().end());
}

}  // namespace

RunResult Emulator::execute_segments(std::span<const uint8_t> input,
                                     const RunOptions& options,
                                     const CheckpointSink& sink) const {
  TouchRecorder recorder;
  detail::TracedMachine<TouchRecorder> m(program_, recorder);
  m.load_image(input);
  m.set_max_debug_bytes(options.max_debug_bytes);
  const uint32_t log2 = std::min<uint32_t>(options.segment_log2, 40);
  const uint64_t segment_cycles = uint64_t{1} << log2;
  for (uint32_t index = 0; !m.stopped() && m.cycle() < options.max_cycles; ++index) {
    Checkpoint c;
    c.segment_index = index;
    c.segment_log2 = log2;
    c.cycle = m.cycle();
    c.pc = m.pc();
    for (unsigned i = 0; i < kRegisterCount; ++i) {
      c.registers[i] = m.reg(i).value;
      c.register_timestamps[i] = m.reg(i).timestamp;
    }
    c.input_offset = m.input_cursor();
    c.public_output = m.public_output();
    recorder.touched.clear();
    m.begin_epoch();
    m.run(std::min(c.cycle + segment_cycles, options.max_cycles));
    for (const WordState& w : recorder.touched) {
      if (w.address >= kReservedEnd) c.memory.push_back(w);
    }
    std::sort(c.memory.begin(), c.memory.end(), by_address);
    c.input.assign(input.begin() + static_cast<ptrdiff_t>(c.input_offset),
                   input.begin() + static_cast<ptrdiff_t>(m.input_cursor()));
    sink(std::move(c));
  }
  return result_of(m, options);
}

SegmentTrace Emulator::trace_segment(const Checkpoint& checkpoint) const {
  SegmentTrace t;
  RowRecorder recorder{&t};
  detail::TracedMachine<RowRecorder> m(program_, recorder);
  m.load_checkpoint(checkpoint);
  t.segment_index = checkpoint.segment_index;
  t.start_cycle = checkpoint.cycle;
  t.start_pc = checkpoint.pc;
  // Rows are the bulk of a trace; one allocation up front (pages are only touched as rows are
  // written, so a short last segment costs no more than its rows).
  t.rows.reserve(static_cast<size_t>(std::min<uint64_t>(checkpoint.max_cycles(), 1u << 24)));
  m.run(checkpoint.cycle + checkpoint.max_cycles());
  finish_trace(m, checkpoint.public_output.size(), t);
  return t;
}

SegmentTrace Emulator::trace_run(std::span<const uint8_t> input, const RunOptions& options) const {
  SegmentTrace t;
  RowRecorder recorder{&t};
  detail::TracedMachine<RowRecorder> m(program_, recorder);
  m.load_image(input);
  t.start_pc = m.pc();
  m.run(options.max_cycles);
  finish_trace(m, 0, t);
  return t;
}

}  // namespace zkbatch::vm
