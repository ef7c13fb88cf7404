// SPDX-License-Identifier: Apache-2.0
#include "vm/proof/proof_io.hpp"

#include <cstring>

#include "stark/proof_io.hpp"

namespace zkbatch::vm::proof {
namespace {

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
  void bytes64(std::span<const uint8_t> b) {
    u64(b.size());
    out.insert(out.end(), b.begin(), b.end());
  }
  std::vector<uint8_t> out;
};

class Reader {
 public:
  explicit Reader(std::span<const uint8_t> b) : b_(b) {}
  bool u32(uint32_t& v) {
    if (remaining() < 4) return false;
    v = 0;
    for (int i = 0; i < 4; ++i)
      v |= uint32_t{b_[pos_ + i]} << (8 * i);
    pos_ += 4;
    return true;
  }
  bool u64(uint64_t& v) {
    if (remaining() < 8) return false;
    v = 0;
    for (int i = 0; i < 8; ++i)
      v |= uint64_t{b_[pos_ + i]} << (8 * i);
    pos_ += 8;
    return true;
  }
  /// A length-prefixed span of bytes.
  ProofFileError span(uint64_t length, std::span<const uint8_t>& out) {
    if (length > remaining()) return ProofFileError::too_large;
    out = b_.subspan(pos_, static_cast<size_t>(length));
    pos_ += static_cast<size_t>(length);
    return ProofFileError::ok;
  }
  ProofFileError bytes64(std::vector<uint8_t>& v) {
    uint64_t n = 0;
    if (!u64(n)) return ProofFileError::truncated;
    std::span<const uint8_t> s;
    if (ProofFileError e = span(n, s); e != ProofFileError::ok) return e;
    v.assign(s.begin(), s.end());
    return ProofFileError::ok;
  }
  ProofFileError stark_proof(stark::Proof& proof) {
    uint64_t n = 0;
    if (!u64(n)) return ProofFileError::truncated;
    std::span<const uint8_t> s;
    if (ProofFileError e = span(n, s); e != ProofFileError::ok) return e;
    return stark::deserialize_proof(s, &proof) == stark::DecodeError::ok
               ? ProofFileError::ok
               : ProofFileError::bad_proof;
  }
  size_t remaining() const { return b_.size() - pos_; }
  size_t pos_ = 0;

 private:
  std::span<const uint8_t> b_;
};

}  // namespace

std::vector<uint8_t> serialize_program_proof(const ProgramProof& proof) {
  Writer w;
  w.out.assign(kProgramProofMagic, kProgramProofMagic + 8);
  w.u32(kProgramProofVersion);
  w.u32(static_cast<uint32_t>(proof.params.size()));
  w.out.insert(w.out.end(), proof.params.begin(), proof.params.end());
  w.bytes64(proof.elf);
  w.u32(proof.segment_log2);
  w.bytes64(proof.public_output);
  w.bytes64(stark::serialize_proof(proof.memory));
  w.u32(static_cast<uint32_t>(proof.segments.size()));
  for (const stark::Proof& p : proof.segments)
    w.bytes64(stark::serialize_proof(p));
  return std::move(w.out);
}

ProofFileError deserialize_program_proof(std::span<const uint8_t> bytes, ProgramProof* out) {
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kProgramProofMagic, 8) != 0) {
    return ProofFileError::bad_magic;
  }
  Reader r(bytes);
  r.pos_ = 8;
  uint32_t version = 0;
  if (!r.u32(version)) return ProofFileError::truncated;
  if (version != kProgramProofVersion) return ProofFileError::bad_version;
  ProgramProof p;
  uint32_t name_length = 0;
  if (!r.u32(name_length)) return ProofFileError::truncated;
  std::span<const uint8_t> name;
  if (ProofFileError e = r.span(name_length, name); e != ProofFileError::ok) return e;
  p.params.assign(name.begin(), name.end());
  if (ProofFileError e = r.bytes64(p.elf); e != ProofFileError::ok) return e;
  if (!r.u32(p.segment_log2)) return ProofFileError::truncated;
  if (ProofFileError e = r.bytes64(p.public_output); e != ProofFileError::ok) return e;
  if (ProofFileError e = r.stark_proof(p.memory); e != ProofFileError::ok) return e;
  uint32_t count = 0;
  if (!r.u32(count)) return ProofFileError::truncated;
  // Each segment takes at least its 8-byte length.
  if (count > r.remaining() / 8) return ProofFileError::too_large;
  p.segments.resize(count);
  for (stark::Proof& s : p.segments) {
    if (ProofFileError e = r.stark_proof(s); e != ProofFileError::ok) return e;
  }
  if (r.remaining() != 0) return ProofFileError::trailing_bytes;
  *out = std::move(p);
  return ProofFileError::ok;
}

}  // namespace zkbatch::vm::proof
