// SPDX-License-Identifier: Apache-2.0
#include "test_state.hpp"

#include "eth/mpt.hpp"
#include "eth/rlp.hpp"
#include "hash/keccak.hpp"

namespace zkbatch::eth::evm::test {

namespace {

int digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  throw std::invalid_argument("bad hex digit");
}

std::string_view strip_0x(std::string_view text) {
  if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
    text.remove_prefix(2);
  return text;
}

void check(const base::Status& s) {
  if (!s.ok()) throw std::runtime_error("trie operation failed");
}

}  // namespace

Blob from_hex(std::string_view text) {
  text = strip_0x(text);
  if (text.size() % 2 != 0) throw std::invalid_argument("odd hex length");
  Blob out(text.size() / 2);
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<uint8_t>(digit(text[2 * i]) * 16 + digit(text[2 * i + 1]));
  return out;
}

std::string to_hex(base::ByteSpan bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out = "0x";
  for (uint8_t b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

U256 u256(std::string_view text) {
  if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    std::string_view digits = strip_0x(text);
    U256 v;
    for (char c : digits)
      v = (v << 4) | U256(static_cast<uint64_t>(digit(c)));
    if (digits.size() > 64) throw std::invalid_argument("hex integer above 256 bits");
    return v;
  }
  auto r = U256::from_decimal(text.data(), text.size());
  if (!r.ok()) throw std::invalid_argument("bad integer");
  return *r;
}

std::string to_hex(const U256& v) {
  char buffer[U256::kMaxHexChars];
  v.to_hex(buffer, sizeof(buffer));
  return buffer;
}

Address address(std::string_view text) {
  Blob b = from_hex(text);
  if (b.size() > 20) throw std::invalid_argument("address longer than 20 bytes");
  Address a{};
  std::memcpy(a.bytes + 20 - b.size(), b.data(), b.size());
  return a;
}

Address address_of(uint64_t n) {
  Address a{};
  for (int i = 0; i < 8; ++i)
    a.bytes[19 - i] = static_cast<uint8_t>(n >> (8 * i));
  return a;
}

std::string to_hex(const Address& a) {
  return to_hex(a.span());
}

base::Result<SourceAccount> MapStateSource::account(const Address& address) {
  ++account_reads;
  if (missing_accounts.count(address) != 0)
    return base::make_error(base::Errc::not_found, 0, kSourceLacksNode);
  SourceAccount out;
  auto it = world.find(address);
  if (it == world.end()) return out;
  out.exists = true;
  out.account.nonce = it->second.nonce;
  out.account.balance = it->second.balance;
  out.account.code_hash = hash::keccak256(view(it->second.code));
  out.account.storage_root = storage_root(it->second.storage);
  return out;
}

base::Result<U256> MapStateSource::storage(const Address& address, const U256& slot) {
  ++storage_reads;
  if (missing_slots.count({address, slot}) != 0)
    return base::make_error(base::Errc::not_found, 0, kSourceLacksNode);
  auto it = world.find(address);
  if (it == world.end()) return U256();
  auto s = it->second.storage.find(slot);
  return s == it->second.storage.end() ? U256() : s->second;
}

base::Result<base::ByteSpan> MapStateSource::code(const Address& address,
                                                  const base::Bytes32& hash) {
  ++code_reads;
  if (missing_code.count(address) != 0)
    return base::make_error(base::Errc::not_found, 0, kSourceLacksCode);
  auto it = world.find(address);
  if (it == world.end() || hash::keccak256(view(it->second.code)) != hash)
    return base::make_error(base::Errc::not_found, 0, kSourceLacksCode);
  return view(it->second.code);
}

base::Bytes32 storage_root(const std::map<U256, U256>& storage) {
  if (storage.empty()) return kEmptyTrieRoot;
  Trie trie;
  base::Bytes value;
  for (const auto& [slot, v] : storage) {
    if (v.is_zero()) continue;
    base::Bytes32 key = hash::keccak256(slot.to_bytes32().span());
    value.clear();
    check(encode_storage_value(v, value));
    check(trie.insert(key.span(), value.span()));
  }
  auto root = trie.root_hash();
  if (!root.ok()) throw std::runtime_error("storage root");
  return *root;
}

base::Bytes32 state_root(const TestWorld& world) {
  Trie trie;
  base::Bytes value;
  for (const auto& [address, account] : world) {
    Account a;
    a.nonce = account.nonce;
    a.balance = account.balance;
    a.code_hash = hash::keccak256(view(account.code));
    a.storage_root = storage_root(account.storage);
    value.clear();
    check(encode_account(a, value));
    base::Bytes32 key = hash::keccak256(address.span());
    check(trie.insert(key.span(), value.span()));
  }
  auto root = trie.root_hash();
  if (!root.ok()) throw std::runtime_error("state root");
  return *root;
}

void apply_post_state(const State& state, TestWorld& world) {
  for (const CachedAccount* cached : state.accounts()) {
    if (!cached->dirty) continue;
    if (!cached->exists()) {
      world.erase(cached->address);
      continue;
    }
    TestAccount& account = world[cached->address];
    account.nonce = cached->nonce;
    account.balance = cached->balance;
    if (cached->code_loaded) account.code.assign(cached->code.begin(), cached->code.end());
    if (cached->storage_cleared) account.storage.clear();
    for (const auto& entry : cached->storage) {
      if (!entry.value.dirty) continue;
      if (entry.value.current.is_zero()) {
        account.storage.erase(entry.key);
      } else {
        account.storage[entry.key] = entry.value.current;
      }
    }
  }
}

base::Bytes32 logs_hash(base::Span<const Log> logs) {
  base::Bytes out;
  rlp::Encoder e(out);
  size_t list = e.begin_list();
  for (const Log& log : logs) {
    size_t item = e.begin_list();
    e.bytes(log.address.span());
    size_t topics = e.begin_list();
    for (const base::Bytes32& t : log.topic_span())
      e.bytes(t.span());
    e.end_list(topics);
    e.bytes(log.data);
    e.end_list(item);
  }
  e.end_list(list);
  check(e.status());
  return hash::keccak256(out.span());
}

}  // namespace zkbatch::eth::evm::test
