// SPDX-License-Identifier: Apache-2.0
#include "runner/messages.hpp"

#include <cstring>

namespace zkbatch::runner {
namespace {

class Writer {
 public:
  void u32(uint32_t v) { put(v, 4); }
  void u64(uint64_t v) { put(v, 8); }
  void f64(double v) {
    uint64_t bits = 0;
    std::memcpy(&bits, &v, 8);
    u64(bits);
  }
  void bytes(std::span<const uint8_t> b) {
    u64(b.size());
    out.insert(out.end(), b.begin(), b.end());
  }
  void times(const PhaseSeconds& t) {
    for (double s : t.seconds)
      f64(s);
  }
  std::vector<uint8_t> out;

 private:
  void put(uint64_t v, int n) {
    for (int i = 0; i < n; ++i)
      out.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
};

class Reader {
 public:
  explicit Reader(std::span<const uint8_t> b) : b_(b) {}
  uint32_t u32() { return static_cast<uint32_t>(get(4)); }
  uint64_t u64() { return get(8); }
  double f64() {
    uint64_t bits = u64();
    double v = 0;
    std::memcpy(&v, &bits, 8);
    return v;
  }
  std::vector<uint8_t> bytes() {
    const uint64_t n = u64();
    need(n);
    std::vector<uint8_t> v(b_.begin() + static_cast<ptrdiff_t>(pos_),
                           b_.begin() + static_cast<ptrdiff_t>(pos_ + n));
    pos_ += n;
    return v;
  }
  hash::Digest digest() {
    need(32);
    hash::Digest d = read_digest(b_.subspan(pos_, 32));
    pos_ += 32;
    return d;
  }
  PhaseSeconds times() {
    PhaseSeconds t;
    for (double& s : t.seconds)
      s = f64();
    return t;
  }
  void end() const {
    if (pos_ != b_.size()) throw ProtocolError("trailing bytes in a runner message");
  }

 private:
  void need(uint64_t n) const {
    if (n > b_.size() - pos_) throw ProtocolError("truncated runner message");
  }
  uint64_t get(int n) {
    need(static_cast<uint64_t>(n));
    uint64_t v = 0;
    for (int i = 0; i < n; ++i)
      v |= uint64_t{b_[pos_ + static_cast<size_t>(i)]} << (8 * i);
    pos_ += static_cast<size_t>(n);
    return v;
  }
  std::span<const uint8_t> b_;
  size_t pos_ = 0;
};

}  // namespace

void append_digest(std::vector<uint8_t>& out, const hash::Digest& d) {
  for (const field::Fp& e : d.v) {
    const uint64_t v = e.value();
    for (int i = 0; i < 8; ++i)
      out.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
}

hash::Digest read_digest(std::span<const uint8_t> bytes) {
  if (bytes.size() != 32) throw ProtocolError("a digest is 32 bytes");
  hash::Digest d;
  for (size_t k = 0; k < hash::kDigestElements; ++k) {
    uint64_t v = 0;
    for (size_t i = 0; i < 8; ++i)
      v |= uint64_t{bytes[8 * k + i]} << (8 * i);
    if (v >= field::kModulus) throw ProtocolError("digest element not below p");
    d.v[k] = field::Fp::from_canonical_unchecked(v);
  }
  return d;
}

std::vector<uint8_t> encode(const Phase1Task& m) {
  Writer w;
  w.u32(m.job);
  w.u32(m.segment);
  w.bytes(m.checkpoint);
  return std::move(w.out);
}

std::vector<uint8_t> encode(const GatherTask& m) {
  Writer w;
  w.u32(m.job);
  w.u32(static_cast<uint32_t>(m.counts.size()));
  for (uint32_t c : m.counts)
    w.u32(c);
  return std::move(w.out);
}

std::vector<uint8_t> encode(const Phase2Task& m) {
  Writer w;
  w.u32(m.job);
  w.u32(m.segment);
  append_digest(w.out, m.seed);
  append_digest(w.out, m.commitment);
  w.bytes(m.checkpoint);
  return std::move(w.out);
}

std::vector<uint8_t> encode(const Phase1Done& m) {
  Writer w;
  w.u32(m.job);
  w.u32(m.segment);
  w.u64(m.cycles);
  w.times(m.times);
  w.u64(m.memory_bytes);
  return std::move(w.out);
}

std::vector<uint8_t> encode(const Phase2Done& m) {
  Writer w;
  w.u32(m.job);
  w.u32(m.segment);
  w.times(m.times);
  w.u64(m.memory_bytes);
  w.bytes(m.proof);
  return std::move(w.out);
}

std::vector<uint8_t> encode(const Failure& m) {
  Writer w;
  w.u32(static_cast<uint32_t>(m.exit_code));
  w.bytes(std::span(reinterpret_cast<const uint8_t*>(m.message.data()), m.message.size()));
  return std::move(w.out);
}

Phase1Task decode_phase1_task(std::span<const uint8_t> bytes) {
  Reader r(bytes);
  Phase1Task m;
  m.job = r.u32();
  m.segment = r.u32();
  m.checkpoint = r.bytes();
  r.end();
  return m;
}

GatherTask decode_gather_task(std::span<const uint8_t> bytes) {
  Reader r(bytes);
  GatherTask m;
  m.job = r.u32();
  const uint32_t n = r.u32();
  if (n > bytes.size() / 4) throw ProtocolError("gather task rank count too large");
  for (uint32_t i = 0; i < n; ++i)
    m.counts.push_back(r.u32());
  r.end();
  return m;
}

Phase2Task decode_phase2_task(std::span<const uint8_t> bytes) {
  Reader r(bytes);
  Phase2Task m;
  m.job = r.u32();
  m.segment = r.u32();
  m.seed = r.digest();
  m.commitment = r.digest();
  m.checkpoint = r.bytes();
  r.end();
  return m;
}

Phase1Done decode_phase1_done(std::span<const uint8_t> bytes) {
  Reader r(bytes);
  Phase1Done m;
  m.job = r.u32();
  m.segment = r.u32();
  m.cycles = r.u64();
  m.times = r.times();
  m.memory_bytes = r.u64();
  r.end();
  return m;
}

Phase2Done decode_phase2_done(std::span<const uint8_t> bytes) {
  Reader r(bytes);
  Phase2Done m;
  m.job = r.u32();
  m.segment = r.u32();
  m.times = r.times();
  m.memory_bytes = r.u64();
  m.proof = r.bytes();
  r.end();
  return m;
}

Failure decode_failure(std::span<const uint8_t> bytes) {
  Reader r(bytes);
  Failure m;
  m.exit_code = static_cast<int32_t>(r.u32());
  std::vector<uint8_t> text = r.bytes();
  m.message.assign(text.begin(), text.end());
  r.end();
  return m;
}

std::vector<uint8_t> encode_commitments(const std::vector<SegmentCommitment>& entries) {
  Writer w;
  for (const SegmentCommitment& e : entries) {
    w.u32(e.segment);
    append_digest(w.out, e.commitment);
  }
  return std::move(w.out);
}

std::vector<hash::Digest> merge_commitments(const std::vector<std::vector<uint8_t>>& parts,
                                            size_t segment_count) {
  std::vector<hash::Digest> all(segment_count);
  std::vector<bool> seen(segment_count, false);
  size_t total = 0;
  for (const std::vector<uint8_t>& part : parts) {
    if (part.size() % kCommitmentEntryBytes != 0) throw ProtocolError("ragged gather part");
    for (size_t off = 0; off < part.size(); off += kCommitmentEntryBytes) {
      Reader r(std::span<const uint8_t>(part).subspan(off, kCommitmentEntryBytes));
      const uint32_t segment = r.u32();
      if (segment >= segment_count || seen[segment]) {
        throw ProtocolError("gathered commitment for an unknown or repeated segment");
      }
      seen[segment] = true;
      all[segment] = r.digest();
      ++total;
    }
  }
  if (total != segment_count) throw ProtocolError("gathered commitments miss a segment");
  return all;
}

}  // namespace zkbatch::runner
