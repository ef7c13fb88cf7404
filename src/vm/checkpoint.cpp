// SPDX-License-Identifier: Apache-2.0
// Checkpoint format, version 1, all integers little-endian:
//   magic "ZKBCKPT1" | segment_index u32 | segment_log2 u32 | cycle u64 | pc u32
//   | registers 32 x u32 | register_timestamps 32 x u64
//   | memory count u64 | count x (address u32, value u32, timestamp u64)
//   | input_offset u64 | input length u64 | bytes | public_output length u64 | bytes
#include "vm/checkpoint.hpp"

#include <cstring>

namespace zkbatch::vm {
namespace {

// Largest segment_log2 accepted: 2^40 cycles per segment is far beyond any prover.
constexpr uint32_t kMaxSegmentLog2 = 40;

class Writer {
 public:
  void u32(uint32_t v) {
    for (int i = 0; i < 4; ++i)
      out.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  void u64(uint64_t v) {
    for (int i = 0; i < 8; ++i)
      out.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  void bytes(const std::vector<uint8_t>& b) {
    u64(b.size());
    out.insert(out.end(), b.begin(), b.end());
  }
  std::vector<uint8_t> out;
};

class Reader {
 public:
  explicit Reader(std::span<const uint8_t> b) : b_(b) {}
  bool u32(uint32_t& v) {
    if (b_.size() - pos_ < 4) return false;
    v = 0;
    for (int i = 0; i < 4; ++i)
      v |= uint32_t{b_[pos_ + i]} << (8 * i);
    pos_ += 4;
    return true;
  }
  bool u64(uint64_t& v) {
    if (b_.size() - pos_ < 8) return false;
    v = 0;
    for (int i = 0; i < 8; ++i)
      v |= uint64_t{b_[pos_ + i]} << (8 * i);
    pos_ += 8;
    return true;
  }
  CheckpointErrc bytes(std::vector<uint8_t>& v) {
    uint64_t n = 0;
    if (!u64(n)) return CheckpointErrc::truncated;
    if (n > remaining()) return CheckpointErrc::too_large;
    v.assign(b_.begin() + pos_, b_.begin() + pos_ + n);
    pos_ += n;
    return CheckpointErrc::ok;
  }
  size_t remaining() const { return b_.size() - pos_; }
  size_t pos_ = 0;

 private:
  std::span<const uint8_t> b_;
};

}  // namespace

const char* checkpoint_errc_message(CheckpointErrc code) {
  switch (code) {
    case CheckpointErrc::ok:
      return "ok";
    case CheckpointErrc::bad_magic:
      return "not a version-1 checkpoint";
    case CheckpointErrc::truncated:
      return "truncated";
    case CheckpointErrc::too_large:
      return "count larger than the remaining bytes";
    case CheckpointErrc::bad_value:
      return "value out of range";
    case CheckpointErrc::trailing_bytes:
      return "trailing bytes";
  }
  return "unknown error";
}

std::vector<uint8_t> serialize_checkpoint(const Checkpoint& c) {
  Writer w;
  w.out.assign(kCheckpointMagic, kCheckpointMagic + 8);
  w.u32(c.segment_index);
  w.u32(c.segment_log2);
  w.u64(c.cycle);
  w.u32(c.pc);
  for (uint32_t r : c.registers)
    w.u32(r);
  for (uint64_t t : c.register_timestamps)
    w.u64(t);
  w.u64(c.memory.size());
  for (const WordState& m : c.memory) {
    w.u32(m.address);
    w.u32(m.value);
    w.u64(m.timestamp);
  }
  w.u64(c.input_offset);
  w.bytes(c.input);
  w.bytes(c.public_output);
  return std::move(w.out);
}

CheckpointErrc deserialize_checkpoint(std::span<const uint8_t> bytes, Checkpoint& out) {
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kCheckpointMagic, 8) != 0) {
    return CheckpointErrc::bad_magic;
  }
  Reader r(bytes);
  r.pos_ = 8;
  Checkpoint c;
  bool ok = r.u32(c.segment_index) && r.u32(c.segment_log2) && r.u64(c.cycle) && r.u32(c.pc);
  for (uint32_t& v : c.registers)
    ok = ok && r.u32(v);
  for (uint64_t& t : c.register_timestamps)
    ok = ok && r.u64(t);
  uint64_t count = 0;
  ok = ok && r.u64(count);
  if (!ok) return CheckpointErrc::truncated;
  if (c.segment_log2 > kMaxSegmentLog2 || c.registers[0] != 0 || c.register_timestamps[0] != 0 ||
      c.pc % 4 != 0 || c.cycle > (UINT64_MAX >> 3)) {
    return CheckpointErrc::bad_value;
  }
  for (uint64_t t : c.register_timestamps) {
    if (t > c.timestamp()) return CheckpointErrc::bad_value;
  }
  if (count > r.remaining() / 16) return CheckpointErrc::too_large;
  c.memory.resize(count);
  for (uint64_t i = 0; i < count; ++i) {
    WordState& m = c.memory[i];
    if (!(r.u32(m.address) && r.u32(m.value) && r.u64(m.timestamp))) {
      return CheckpointErrc::truncated;
    }
    if (m.address % 4 != 0 || m.address < kReservedEnd || m.timestamp > c.timestamp() ||
        (i > 0 && m.address <= c.memory[i - 1].address)) {
      return CheckpointErrc::bad_value;
    }
  }
  if (!r.u64(c.input_offset)) return CheckpointErrc::truncated;
  if (CheckpointErrc e = r.bytes(c.input); e != CheckpointErrc::ok) return e;
  if (CheckpointErrc e = r.bytes(c.public_output); e != CheckpointErrc::ok) return e;
  if (r.remaining() != 0) return CheckpointErrc::trailing_bytes;
  out = std::move(c);
  return CheckpointErrc::ok;
}

}  // namespace zkbatch::vm
