// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// Instructions that read the message, the transaction, the block and other accounts (Yellow
// Paper appendix H.2, 0x30-0x4a). Account reads charge EIP-2929's cold surcharge on first access.
#pragma once

#include <stdint.h>

#include "base/u256.hpp"
#include "eth/evm/frame.hpp"
#include "eth/evm/gas_costs.hpp"
#include "eth/evm/host.hpp"
#include "eth/evm/instructions_memory.hpp"
#include "eth/evm/state.hpp"

namespace zkbatch::eth::evm::instr {

using base::U256;

/// Charges EIP-2929's cold-access surcharge (COLD_ACCOUNT_ACCESS_COST minus the warm cost the
/// dispatcher charged) when `address` is not yet accessed, and marks it accessed.
inline EvmStatus access_account(Frame& f, const Address& address, int64_t surcharge) {
  auto warm = f.state.access_account(address);
  if (!warm.ok()) return fail(f, warm.error());
  if (!*warm && !charge(f, surcharge)) return EvmStatus::out_of_gas;
  return EvmStatus::success;
}

inline void address(StackTop s, const Frame& f) {
  s[-1] = to_word(f.msg.recipient);
}
inline void caller(StackTop s, const Frame& f) {
  s[-1] = to_word(f.msg.sender);
}
inline void callvalue(StackTop s, const Frame& f) {
  s[-1] = f.msg.value;
}
inline void origin(StackTop s, Host& h) {
  s[-1] = to_word(h.tx().origin);
}
inline void gasprice(StackTop s, Host& h) {
  s[-1] = h.tx().gas_price;
}
inline void coinbase(StackTop s, Host& h) {
  s[-1] = to_word(h.block().coinbase);
}
inline void timestamp(StackTop s, Host& h) {
  s[-1] = U256(h.block().timestamp);
}
inline void number(StackTop s, Host& h) {
  s[-1] = U256(h.block().number);
}
/// PREVRANDAO (EIP-4399): the beacon chain's randomness, in the header's mix hash.
inline void prevrandao(StackTop s, Host& h) {
  s[-1] = U256::from_bytes32(h.block().prev_randao);
}
inline void gaslimit(StackTop s, Host& h) {
  s[-1] = U256(h.block().gas_limit);
}
inline void chainid(StackTop s, Host& h) {
  s[-1] = U256(h.block().chain_id);
}
/// BASEFEE (EIP-3198).
inline void basefee(StackTop s, Host& h) {
  s[-1] = h.block().base_fee;
}
/// BLOBBASEFEE (EIP-7516).
inline void blobbasefee(StackTop s, Host& h) {
  s[-1] = h.tx().blob_base_fee;
}

/// BLOBHASH (EIP-4844): the transaction's versioned hash at the index, zero past the end.
inline void blobhash(StackTop s, Host& h) {
  base::Span<const base::Bytes32> hashes = h.tx().blob_hashes;
  if (s[0].fits_uint64() && s[0].low64() < hashes.size()) {
    s[0] = U256::from_bytes32(hashes[static_cast<size_t>(s[0].low64())]);
  } else {
    s[0] = U256();
  }
}

/// BLOCKHASH: the hash of one of the 256 most recent complete blocks, zero for any other number.
inline void blockhash(StackTop s, Host& h) {
  const BlockEnv& b = h.block();
  U256 result;
  if (s[0].fits_uint64() && s[0].low64() < b.number) {
    uint64_t distance = b.number - 1 - s[0].low64();  // 0 for the parent
    if (distance < 256 && distance < b.block_hashes.size())
      result = U256::from_bytes32(b.block_hashes[static_cast<size_t>(distance)]);
  }
  s[0] = result;
}

/// SELFBALANCE (EIP-1884).
inline EvmStatus selfbalance(StackTop s, Frame& f) {
  auto account = f.state.account(f.msg.recipient);
  if (!account.ok()) return fail(f, account.error());
  s[-1] = (*account)->balance;
  return EvmStatus::success;
}

inline EvmStatus balance(StackTop s, Frame& f) {
  Address a = to_address(s[0]);
  EvmStatus st = access_account(f, a, gas::kColdAccount - gas::kWarmAccess);
  if (st != EvmStatus::success) return st;
  auto account = f.state.account(a);
  if (!account.ok()) return fail(f, account.error());
  s[0] = (*account)->balance;
  return EvmStatus::success;
}

inline EvmStatus extcodesize(StackTop s, Frame& f) {
  Address a = to_address(s[0]);
  EvmStatus st = access_account(f, a, gas::kColdAccount - gas::kWarmAccess);
  if (st != EvmStatus::success) return st;
  auto account = f.state.account(a);
  if (!account.ok()) return fail(f, account.error());
  auto code = f.state.code(*account);
  if (!code.ok()) return fail(f, code.error());
  s[0] = U256(code->size());
  return EvmStatus::success;
}

/// EXTCODEHASH (EIP-1052): zero for an empty account (EIP-161), else the code hash.
inline EvmStatus extcodehash(StackTop s, Frame& f) {
  Address a = to_address(s[0]);
  EvmStatus st = access_account(f, a, gas::kColdAccount - gas::kWarmAccess);
  if (st != EvmStatus::success) return st;
  auto account = f.state.account(a);
  if (!account.ok()) return fail(f, account.error());
  s[0] = (*account)->empty() ? U256() : U256::from_bytes32((*account)->code_hash);
  return EvmStatus::success;
}

inline EvmStatus extcodecopy(StackTop s, Frame& f) {
  Address a = to_address(s[0]);
  EvmStatus st = check_memory(f, s[1], s[3]);
  if (st != EvmStatus::success) return st;
  st = access_account(f, a, gas::kColdAccount - gas::kWarmAccess);
  if (st != EvmStatus::success) return st;
  if (s[3].is_zero()) return EvmStatus::success;
  auto account = f.state.account(a);
  if (!account.ok()) return fail(f, account.error());
  auto code = f.state.code(*account);
  if (!code.ok()) return fail(f, code.error());
  return copy_to_memory(s, 1, f, *code);
}

}  // namespace zkbatch::eth::evm::instr
