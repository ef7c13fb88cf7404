// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// The seam between the EVM and wherever the pre-state lives: the block validator implements it
// over the witness tries, tests over a plain map. Every read may fail, and a failure is a value
// (a witness that lacks the node for an account, a slot or a code), never a guess.
#pragma once

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/span.hpp"
#include "base/u256.hpp"
#include "eth/account.hpp"
#include "eth/address.hpp"

namespace zkbatch::eth::evm {

/// Detail strings for StateSource errors (Errc::not_found), so that messages read
/// "witness lacks node for account 0x… slot 0x…" once the State adds what was asked for.
inline constexpr const char* kSourceLacksNode = "witness lacks node";
inline constexpr const char* kSourceLacksCode = "witness lacks code";

/// An account as the backing state holds it before the block: `exists` is false for an address
/// with no leaf in the state trie (then `account` is the empty account).
struct SourceAccount {
  bool exists = false;
  Account account;
};

/// Read access to the state before the block. The State asks for each account, slot and code at
/// most once and caches the answer, so implementations need no cache of their own.
///
/// Implementations override all three functions (the defaults fail, so that a missing override
/// shows as an error rather than as an empty state) and are `final` or have a protected
/// destructor: the interface has no virtual destructor, since the guest has no operator delete.
class StateSource {
 public:
  /// The account at `address`. Errors: the witness does not cover the path to its leaf.
  virtual base::Result<SourceAccount> account(const Address& address) {
    (void)address;
    return base::make_error(base::Errc::not_found, 0, kSourceLacksNode);
  }
  /// The value of storage `slot` of the account at `address` (zero when absent). Called only for
  /// accounts that exist with a non-empty storage root. Errors: the witness does not cover the
  /// path to the slot in that account's storage trie.
  virtual base::Result<base::U256> storage(const Address& address, const base::U256& slot) {
    (void)address;
    (void)slot;
    return base::make_error(base::Errc::not_found, 0, kSourceLacksNode);
  }
  /// The code whose Keccak-256 is `code_hash`, belonging to the account at `address`. Called only
  /// for hashes other than keccak256(""). The bytes must stay valid as long as the source.
  /// Errors: the witness lacks the code.
  virtual base::Result<base::ByteSpan> code(const Address& address,
                                            const base::Bytes32& code_hash) {
    (void)address;
    (void)code_hash;
    return base::make_error(base::Errc::not_found, 0, kSourceLacksCode);
  }

 protected:
  StateSource() = default;
  StateSource(const StateSource&) = default;
  StateSource& operator=(const StateSource&) = default;
  ~StateSource() = default;
};

}  // namespace zkbatch::eth::evm
