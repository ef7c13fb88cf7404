// SPDX-License-Identifier: Apache-2.0
#include "eth/precompiles/modexp.hpp"

#include <string.h>

#include "base/u256.hpp"
#include "base/vector.hpp"
#include "eth/precompiles/detail/bignum.hpp"
#include "eth/precompiles/detail/run.hpp"

namespace zkbatch::eth::precompiles {

namespace {

namespace bn = detail::bignum;
using base::U256;

constexpr uint64_t kSaturated = UINT64_MAX;
// Operands above this many bytes are refused (out_of_memory) even when paid for: the gas
// schedule makes such calls cost far more than a block holds, and the guest's size_t is 32 bits.
constexpr uint64_t kMaxOperandBytes = uint64_t{1} << 26;

uint64_t mul_saturating(uint64_t a, uint64_t b) {
  if (a != 0 && b > kSaturated / a) return kSaturated;
  return a * b;
}

uint64_t add_saturating(uint64_t a, uint64_t b) {
  return a > kSaturated - b ? kSaturated : a + b;
}

// A 256-bit length, or kSaturated when it does not fit 64 bits.
uint64_t clamp(const U256& value) {
  return value.fits_uint64() ? value.low64() : kSaturated;
}

struct Header {
  U256 base_len, exp_len, mod_len;
};

Header read_header(base::ByteSpan input) {
  uint8_t word[32];
  Header h;
  detail::read_padded(input, 0, word, 32);
  h.base_len = U256::from_be_bytes(base::ByteSpan(word, 32));
  detail::read_padded(input, 32, word, 32);
  h.exp_len = U256::from_be_bytes(base::ByteSpan(word, 32));
  detail::read_padded(input, 64, word, 32);
  h.mod_len = U256::from_be_bytes(base::ByteSpan(word, 32));
  return h;
}

// The first min(Elen, 32) bytes of the exponent as a number (EIP-198's "head").
U256 exponent_head(base::ByteSpan input, const Header& h) {
  uint64_t offset = add_saturating(96, clamp(h.base_len));
  uint64_t length = h.exp_len < U256(32) ? h.exp_len.low64() : 32;
  uint8_t head[32];
  detail::read_padded(input, offset, head, static_cast<size_t>(length));
  return U256::from_be_bytes(base::ByteSpan(head, static_cast<size_t>(length)));
}

// EIP-198/EIP-2565 adjusted exponent length, at least 1.
uint64_t iteration_count(base::ByteSpan input, const Header& h) {
  unsigned head_bits = exponent_head(input, h).bit_length();
  uint64_t top_bit = head_bits > 0 ? head_bits - 1 : 0;
  uint64_t count = top_bit;
  if (h.exp_len > U256(32)) {
    count = add_saturating(mul_saturating(8, clamp(h.exp_len - U256(32))), top_bit);
  }
  return count > 0 ? count : 1;
}

// The computation once the gas is paid: result[0, mn) = base^exponent mod m.
class Engine {
 public:
  Engine(const uint64_t* m, size_t mn, uint64_t* scratch) : m_(m), mn_(mn), scratch_(scratch) {
    odd_ = (m[0] & 1) != 0;
    m_inv_ = odd_ ? bn::montgomery_inverse(m[0]) : 0;
  }

  // Scratch limbs the engine needs for a modulus of mn limbs.
  static size_t scratch_size(size_t mn) { return 2 * mn + bn::remainder_scratch(2 * mn + 1, mn); }

  // Brings b (< m) into the working representation (Montgomery form for odd moduli).
  void enter(const uint64_t* b, uint64_t* out) {
    if (!odd_) {
      memcpy(out, b, mn_ * sizeof(uint64_t));
      return;
    }
    // b R mod m, with R = 2^(64 mn): reduce b shifted up by mn limbs.
    uint64_t* wide = scratch_;
    memset(wide, 0, mn_ * sizeof(uint64_t));
    memcpy(wide + mn_, b, mn_ * sizeof(uint64_t));
    bn::remainder(wide, 2 * mn_, m_, mn_, out, scratch_ + 2 * mn_);
  }

  // The working representation of 1 (R mod m for odd moduli); m > 1.
  void one(uint64_t* out) {
    memset(out, 0, mn_ * sizeof(uint64_t));
    if (!odd_) {
      out[0] = 1;
      return;
    }
    uint64_t* wide = scratch_;
    memset(wide, 0, mn_ * sizeof(uint64_t));
    wide[mn_] = 1;
    bn::remainder(wide, mn_ + 1, m_, mn_, out, scratch_ + 2 * mn_);
  }

  // out = a * b mod m in the working representation; out may alias a or b.
  void multiply(const uint64_t* a, const uint64_t* b, uint64_t* out) {
    if (odd_) {
      bn::montgomery_multiply(a, b, m_, mn_, m_inv_, out, scratch_);
      return;
    }
    uint64_t* product = scratch_;
    bn::multiply(a, mn_, b, mn_, product);
    bn::remainder(product, 2 * mn_, m_, mn_, out, scratch_ + 2 * mn_);
  }

  // Leaves the working representation.
  void leave(const uint64_t* a, uint64_t* out) {
    if (!odd_) {
      memcpy(out, a, mn_ * sizeof(uint64_t));
      return;
    }
    uint64_t* unit = scratch_ + mn_ + 2;
    memset(unit, 0, mn_ * sizeof(uint64_t));
    unit[0] = 1;
    bn::montgomery_multiply(a, unit, m_, mn_, m_inv_, out, scratch_);
  }

 private:
  const uint64_t* m_;
  size_t mn_;
  uint64_t* scratch_;
  bool odd_ = false;
  uint64_t m_inv_ = 0;
};

Status modexp_body(base::ByteSpan input, base::Bytes& output) {
  Header h = read_header(input);
  if (h.mod_len.is_zero()) return Status::success;
  uint64_t base_len = clamp(h.base_len), mod_len = clamp(h.mod_len);
  if (base_len > kMaxOperandBytes || mod_len > kMaxOperandBytes) return Status::out_of_memory;
  // Lengths past 2^64 put the later operands beyond any input: they read as zeros.
  uint64_t exp_offset = 96 + base_len;
  uint64_t exp_len = clamp(h.exp_len);
  uint64_t mod_offset = add_saturating(exp_offset, exp_len);

  if (!output.resize(static_cast<size_t>(mod_len))) return Status::out_of_memory;
  memset(output.data(), 0, output.size());

  size_t mod_limbs = bn::limbs_for_bytes(static_cast<size_t>(mod_len));
  size_t base_limbs = bn::limbs_for_bytes(static_cast<size_t>(base_len));
  size_t work = base_limbs + 5 * mod_limbs + Engine::scratch_size(mod_limbs) +
                bn::remainder_scratch(base_limbs, mod_limbs);
  base::Vector<uint64_t> memory;
  if (!memory.resize(work)) return Status::out_of_memory;
  uint64_t* m = memory.data();
  uint64_t* b = m + mod_limbs;
  uint64_t* base_value = b + mod_limbs;
  uint64_t* acc = base_value + base_limbs;
  uint64_t* result = acc + mod_limbs;
  uint64_t* base_work = result + mod_limbs;
  uint64_t* scratch = base_work + mod_limbs;

  bn::load_be_padded(input, mod_offset, static_cast<size_t>(mod_len), m, mod_limbs);
  size_t mn = bn::significant_limbs(m, mod_limbs);
  if (mn == 0 || (mn == 1 && m[0] == 1)) return Status::success;  // x mod 0 = 0, x mod 1 = 0

  bn::load_be_padded(input, 96, static_cast<size_t>(base_len), base_value, base_limbs);
  bn::remainder(base_value, base_limbs, m, mn, b, scratch);

  Engine engine(m, mn, scratch);
  engine.one(acc);
  engine.enter(b, base_work);
  // Left-to-right square and multiply over the exponent's bytes. Exponent bytes past the end of
  // the input would be zeros, but then the modulus lies past the end too, is zero, and the call
  // has already returned: only the bytes present matter.
  bool started = false;
  size_t present = 0;
  if (exp_offset < input.size()) {
    uint64_t available = input.size() - exp_offset;
    present = static_cast<size_t>(available < exp_len ? available : exp_len);
  }
  for (size_t i = 0; i < present; ++i) {
    uint8_t byte = input[static_cast<size_t>(exp_offset) + i];
    for (int bit = 7; bit >= 0; --bit) {
      if (started) engine.multiply(acc, acc, acc);
      if (((byte >> bit) & 1) != 0) {
        engine.multiply(acc, base_work, acc);
        started = true;
      }
    }
  }
  engine.leave(acc, result);
  bn::store_be(result, mn, output.data(), output.size());
  return Status::success;
}

}  // namespace

uint64_t modexp_gas(base::ByteSpan input) {
  Header h = read_header(input);
  U256 max_len = h.base_len > h.mod_len ? h.base_len : h.mod_len;
  uint64_t length = clamp(max_len);
  uint64_t words = length / 8 + (length % 8 != 0 ? 1 : 0);
  uint64_t complexity = mul_saturating(words, words);
  uint64_t gas = mul_saturating(complexity, iteration_count(input, h));
  if (gas != kSaturated) gas /= 3;
  return gas > 200 ? gas : 200;
}

PrecompileResult modexp(base::ByteSpan input, uint64_t gas_limit, base::Bytes& output) {
  return detail::charge_and_run(modexp_gas(input), gas_limit, modexp_body, input, output);
}

}  // namespace zkbatch::eth::precompiles
