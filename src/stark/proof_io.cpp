// SPDX-License-Identifier: Apache-2.0
#include "stark/proof_io.hpp"

#include <string.h>

namespace zkbatch::stark {

using field::Fp;
using field::Fp3;

namespace {

class Writer {
 public:
  void u8(uint8_t v) { out.push_back(v); }
  void u32(uint32_t v) {
    for (int i = 0; i < 4; ++i)
      out.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  void u64(uint64_t v) {
    for (int i = 0; i < 8; ++i)
      out.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  void fp(const Fp& v) { u64(v.value()); }
  void fp3(const Fp3& v) {
    for (const Fp& c : v.c)
      fp(c);
  }
  void digest(const hash::Digest& d) {
    for (const Fp& v : d.v)
      fp(v);
  }
  template <class T, class F>
  void vec(const std::vector<T>& v, F&& write_one) {
    u32(static_cast<uint32_t>(v.size()));
    for (const T& x : v)
      write_one(x);
  }
  std::vector<uint8_t> out;
};

/// Bounds-checked reader: the first error sticks and every later read returns zeros.
class Reader {
 public:
  explicit Reader(std::span<const uint8_t> in) : in_(in) {}

  DecodeError error() const { return error_; }
  bool ok() const { return error_ == DecodeError::ok; }
  size_t remaining() const { return in_.size() - pos_; }
  void fail(DecodeError e) {
    if (error_ == DecodeError::ok) error_ = e;
  }

  uint64_t le(size_t bytes) {
    if (!ok()) return 0;
    if (remaining() < bytes) {
      fail(DecodeError::truncated);
      return 0;
    }
    uint64_t v = 0;
    for (size_t i = 0; i < bytes; ++i)
      v |= static_cast<uint64_t>(in_[pos_ + i]) << (8 * i);
    pos_ += bytes;
    return v;
  }
  uint8_t u8() { return static_cast<uint8_t>(le(1)); }
  uint32_t u32() { return static_cast<uint32_t>(le(4)); }
  uint64_t u64() { return le(8); }
  Fp fp() {
    const uint64_t v = u64();
    if (v >= field::kModulus) {
      fail(DecodeError::non_canonical);
      return Fp::zero();
    }
    return Fp::from_canonical_unchecked(v);
  }
  Fp3 fp3() {
    const Fp c0 = fp(), c1 = fp(), c2 = fp();
    return Fp3(c0, c1, c2);
  }
  hash::Digest digest() {
    hash::Digest d;
    for (Fp& v : d.v)
      v = fp();
    return d;
  }
  /// A count of elements each at least `min_bytes` long, checked against the bytes left.
  size_t count(size_t min_bytes) {
    const uint32_t n = u32();
    if (!ok()) return 0;
    if (static_cast<uint64_t>(n) * min_bytes > remaining()) {
      fail(DecodeError::count_too_large);
      return 0;
    }
    return n;
  }
  template <class T, class F>
  void vec(std::vector<T>* v, size_t min_bytes, F&& read_one) {
    const size_t n = count(min_bytes);
    v->clear();
    v->reserve(n);
    for (size_t i = 0; i < n && ok(); ++i)
      v->push_back(read_one());
  }

 private:
  std::span<const uint8_t> in_;
  size_t pos_ = 0;
  DecodeError error_ = DecodeError::ok;
};

constexpr size_t kFpBytes = 8;
constexpr size_t kFp3Bytes = 24;
constexpr size_t kDigestBytes = 32;
constexpr size_t kCountBytes = 4;

void write_opening(Writer& w, const commit::Opening& o) {
  w.vec(o.rows, [&](const std::vector<Fp>& row) { w.vec(row, [&](const Fp& v) { w.fp(v); }); });
  w.vec(o.path.siblings, [&](const hash::Digest& d) { w.digest(d); });
}

commit::Opening read_opening(Reader& r) {
  commit::Opening o;
  r.vec(&o.rows, kCountBytes, [&] {
    std::vector<Fp> row;
    r.vec(&row, kFpBytes, [&] { return r.fp(); });
    return row;
  });
  r.vec(&o.path.siblings, kDigestBytes, [&] { return r.digest(); });
  return o;
}

}  // namespace

std::vector<uint8_t> serialize_proof(const Proof& p) {
  Writer w;
  for (uint8_t b : kProofMagic)
    w.u8(b);
  w.u32(kProofFormatVersion);
  auto fp3s = [&](const std::vector<Fp3>& v) { w.vec(v, [&](const Fp3& x) { w.fp3(x); }); };
  w.vec(p.log_heights, [&](uint8_t h) { w.u8(h); });
  w.vec(p.public_values, [&](const Fp& v) { w.fp(v); });
  w.digest(p.main_root);
  w.u8(p.logup_root.has_value() ? 1 : 0);
  if (p.logup_root.has_value()) w.digest(*p.logup_root);
  fp3s(p.local_sums);
  fp3s(p.global_sums);
  w.fp3(p.global_sum);
  w.digest(p.quotient_root);
  w.vec(p.opened, [&](const OpenedValues& o) {
    for (const auto* v : {&o.preprocessed_local, &o.preprocessed_next, &o.main_local, &o.main_next,
                          &o.logup_local, &o.logup_next, &o.quotient}) {
      fp3s(*v);
    }
  });
  w.vec(p.fri.layer_roots, [&](const hash::Digest& d) { w.digest(d); });
  fp3s(p.fri.final_poly);
  w.u64(p.fri.pow_witness);
  w.vec(p.fri.queries, [&](const fri::QueryProof& q) {
    w.vec(q.layers, [&](const fri::LayerOpening& l) {
      fp3s(l.siblings);
      w.vec(l.path.siblings, [&](const hash::Digest& d) { w.digest(d); });
    });
  });
  w.vec(p.queries, [&](const QueryOpenings& q) {
    w.vec(q.batches, [&](const commit::Opening& o) { write_opening(w, o); });
  });
  return std::move(w.out);
}

DecodeError deserialize_proof(std::span<const uint8_t> bytes, Proof* out) {
  if (bytes.size() < sizeof(kProofMagic) ||
      memcmp(bytes.data(), kProofMagic, sizeof(kProofMagic)) != 0) {
    return DecodeError::bad_magic;
  }
  Reader r(bytes.subspan(sizeof(kProofMagic)));
  const uint32_t version = r.u32();
  if (!r.ok()) return r.error();
  if (version != kProofFormatVersion) return DecodeError::bad_version;

  Proof p;
  auto fp3s = [&](std::vector<Fp3>* v) { r.vec(v, kFp3Bytes, [&] { return r.fp3(); }); };
  r.vec(&p.log_heights, 1, [&] { return r.u8(); });
  r.vec(&p.public_values, kFpBytes, [&] { return r.fp(); });
  p.main_root = r.digest();
  const uint8_t has_logup = r.u8();
  if (has_logup > 1) r.fail(DecodeError::bad_value);
  if (has_logup == 1) p.logup_root = r.digest();
  fp3s(&p.local_sums);
  fp3s(&p.global_sums);
  p.global_sum = r.fp3();
  p.quotient_root = r.digest();
  r.vec(&p.opened, 7 * kCountBytes, [&] {
    OpenedValues o;
    for (auto* v : {&o.preprocessed_local, &o.preprocessed_next, &o.main_local, &o.main_next,
                    &o.logup_local, &o.logup_next, &o.quotient}) {
      fp3s(v);
    }
    return o;
  });
  r.vec(&p.fri.layer_roots, kDigestBytes, [&] { return r.digest(); });
  fp3s(&p.fri.final_poly);
  p.fri.pow_witness = r.u64();
  r.vec(&p.fri.queries, kCountBytes, [&] {
    fri::QueryProof q;
    r.vec(&q.layers, 2 * kCountBytes, [&] {
      fri::LayerOpening l;
      fp3s(&l.siblings);
      r.vec(&l.path.siblings, kDigestBytes, [&] { return r.digest(); });
      return l;
    });
    return q;
  });
  r.vec(&p.queries, kCountBytes, [&] {
    QueryOpenings q;
    r.vec(&q.batches, 2 * kCountBytes, [&] { return read_opening(r); });
    return q;
  });
  if (!r.ok()) return r.error();
  if (r.remaining() != 0) return DecodeError::trailing_bytes;
  *out = std::move(p);
  return DecodeError::ok;
}

}  // namespace zkbatch::stark
