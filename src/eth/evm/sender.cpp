// SPDX-License-Identifier: Apache-2.0
#include "eth/evm/sender.hpp"

#include <string.h>

#include "base/u256.hpp"
#include "eth/precompiles/secp256k1.hpp"
#include "hash/keccak.hpp"

namespace zkbatch::eth::evm {

namespace {

using base::U256;

// The order n of secp256k1's generator (SEC 2 v2 §2.4.1), and n / 2 for EIP-2's low-s rule.
constexpr U256 kSecp256k1Order = U256::from_limbs(0xbfd25e8cd0364141,
                                                  0xbaaedce6af48a03b,
                                                  0xfffffffffffffffe,
                                                  0xffffffffffffffff);
constexpr U256 kSecp256k1HalfOrder = U256::from_limbs(0xdfe92f46681b20a0,
                                                      0x5d576e7357a4501d,
                                                      0xffffffffffffffff,
                                                      0x7fffffffffffffff);

}  // namespace

base::Result<SenderRecovery> recover_sender(const Transaction& tx, uint64_t chain_id) {
  SenderRecovery out;
  if ((tx.type != TxType::legacy || tx.has_chain_id) && tx.chain_id != chain_id) {
    out.error = TxError::chain_id_mismatch;
    return out;
  }
  if (tx.r.is_zero() || tx.s.is_zero() || tx.r >= kSecp256k1Order || tx.s > kSecp256k1HalfOrder ||
      tx.y_parity > 1) {
    out.error = TxError::invalid_signature;
    return out;
  }
  auto hash = signing_hash(tx);
  if (!hash.ok()) return hash.error();
  uint8_t r[32];
  uint8_t s[32];
  tx.r.to_be_bytes(r);
  tx.s.to_be_bytes(s);
  uint8_t public_key[64];
  if (!precompiles::secp256k1::recover(hash->bytes, r, s, tx.y_parity, public_key)) {
    out.error = TxError::invalid_signature;
    return out;
  }
  base::Bytes32 digest = hash::keccak256(base::ByteSpan(public_key, 64));
  memcpy(out.sender.bytes, digest.bytes + 12, 20);
  return out;
}

}  // namespace zkbatch::eth::evm
