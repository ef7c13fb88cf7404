// SPDX-License-Identifier: Apache-2.0
// Test support for the EVM: a StateSource over plain maps (with optional "witness gaps"), applying
// a State's changes back to the maps, and the state root and logs hash that state tests compare.
#pragma once

#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/bytes.hpp"
#include "base/u256.hpp"
#include "eth/account.hpp"
#include "eth/address.hpp"
#include "eth/evm/state.hpp"
#include "eth/evm/state_source.hpp"
#include "eth/log.hpp"

namespace zkbatch::eth::evm::test {

using Blob = std::vector<uint8_t>;
using base::U256;

/// Bytes from hex text with or without 0x; throws std::invalid_argument on bad input.
Blob from_hex(std::string_view text);
/// Lowercase 0x-prefixed hex.
std::string to_hex(base::ByteSpan bytes);
inline std::string to_hex(const Blob& b) {
  return to_hex(base::ByteSpan(b.data(), b.size()));
}
inline std::string to_hex(const base::Bytes32& b) {
  return to_hex(b.span());
}
/// A U256 from 0x-hex (any number of digits, "0x" alone is zero) or decimal.
U256 u256(std::string_view text);
/// Hex of a U256 ("0x" + shortest digits).
std::string to_hex(const U256& v);
/// An address from 0x-hex of 40 digits (fewer digits are left-padded).
Address address(std::string_view text);
/// The address whose last eight bytes are `n` (big-endian): address_of(0x1000) = 0x…1000.
Address address_of(uint64_t n);
std::string to_hex(const Address& a);
inline base::ByteSpan view(const Blob& b) {
  return base::ByteSpan(b.data(), b.size());
}

/// An account of a test pre-state.
struct TestAccount {
  uint64_t nonce = 0;
  U256 balance;
  Blob code;
  std::map<U256, U256> storage;  ///< non-zero slots only
};

/// Accounts by address, ordered for reproducible output.
using TestWorld = std::map<Address, TestAccount>;

/// A StateSource over a TestWorld. Addresses in `missing_accounts`, slots in `missing_slots` and
/// codes of accounts in `missing_code` fail as a witness without those nodes would.
class MapStateSource final : public StateSource {
 public:
  TestWorld world;
  std::set<Address> missing_accounts;
  std::set<std::pair<Address, U256>> missing_slots;
  std::set<Address> missing_code;
  /// How many reads reached the source (the State must cache).
  int account_reads = 0;
  int storage_reads = 0;
  int code_reads = 0;

  base::Result<SourceAccount> account(const Address& address) override;
  base::Result<U256> storage(const Address& address, const U256& slot) override;
  base::Result<base::ByteSpan> code(const Address& address, const base::Bytes32& hash) override;
};

/// The storage root of `storage` (keccak(slot) -> rlp(value) in a trie).
base::Bytes32 storage_root(const std::map<U256, U256>& storage);
/// The state root of `world`: keccak(address) -> rlp([nonce, balance, storage root, code hash]).
base::Bytes32 state_root(const TestWorld& world);
/// Applies the post-state of `state` (its dirty accounts) to `world`.
void apply_post_state(const State& state, TestWorld& world);
/// keccak256(rlp(logs)), each log rlp([address, [topics...], data]): the "logs" of state tests.
base::Bytes32 logs_hash(base::Span<const Log> logs);

}  // namespace zkbatch::eth::evm::test
