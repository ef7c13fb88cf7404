// SPDX-License-Identifier: Apache-2.0
#include "eth/block/witness_state.hpp"

#include "eth/account.hpp"
#include "hash/keccak.hpp"

namespace zkbatch::eth {

namespace {

using base::Errc;
using base::make_error;

// A read or write that ran into a subtree the witness hides.
bool is_gap(const base::Error& error) {
  return error.code == Errc::not_found;
}

base::Error lacks_node() {
  return make_error(Errc::not_found, 0, evm::kSourceLacksNode);
}

}  // namespace

WitnessState::WitnessState(base::Arena* arena)
    : arena_(arena), nodes_(arena), state_(arena), storage_(arena), codes_(arena) {}

base::Status WitnessState::load(const base::Bytes32& state_root,
                                base::Span<const base::ByteSpan> nodes,
                                base::Span<const base::ByteSpan> codes) {
  for (size_t i = 0; i < nodes.size(); ++i) {
    base::Status s = nodes_.add(nodes[i]);
    if (!s) return make_error(s.error().code, i, "trie node");
  }
  for (const base::ByteSpan& code : codes) {
    if (codes_.insert_or_assign(hash::keccak256(code), code) == nullptr) {
      return make_error(Errc::out_of_memory, 0, "codes");
    }
  }
  base::Result<Trie> trie = Trie::from_nodes(state_root, nodes_, arena_);
  if (!trie) return trie.error();
  state_ = base::move(*trie);
  // zk_evm's tries collapse a branch next to a hidden subtree into an extension to it
  // (CollapseToExtension); see commit().
  state_.set_collapse_policy(CollapsePolicy::extension_to_hash);
  return {};
}

base::Result<evm::SourceAccount> WitnessState::account(const Address& address) {
  base::Bytes32 key = hash::keccak256(address.span());
  base::Result<base::ByteSpan> value = state_.get(key.span());
  if (!value) return is_gap(value.error()) ? lacks_node() : value.error();
  evm::SourceAccount out;
  if (value->empty()) return out;
  base::Result<Account> decoded = decode_account(*value);
  if (!decoded) return make_error(Errc::malformed, 0, "witness holds an invalid account");
  out.exists = true;
  out.account = *decoded;
  return out;
}

base::Result<Trie*> WitnessState::storage_trie(const Address& address, const base::Bytes32& root) {
  if (Trie* found = storage_.find(address)) return found;
  Trie trie(arena_);
  if (root != kEmptyTrieRoot) {
    base::Result<Trie> built = Trie::from_nodes(root, nodes_, arena_);
    if (!built) return built.error();
    trie = base::move(*built);
  }
  trie.set_collapse_policy(CollapsePolicy::extension_to_hash);
  Trie* stored = storage_.insert_or_assign(address, base::move(trie));
  if (stored == nullptr) return make_error(Errc::out_of_memory);
  return stored;
}

base::Result<base::U256> WitnessState::storage(const Address& address, const base::U256& slot) {
  Trie* trie = storage_.find(address);
  if (trie == nullptr) {
    base::Result<evm::SourceAccount> account = this->account(address);
    if (!account) return account.error();
    base::Result<Trie*> loaded = storage_trie(address, account->account.storage_root);
    if (!loaded) return loaded.error();
    trie = *loaded;
  }
  base::Bytes32 key = hash::keccak256(slot.to_bytes32().span());
  base::Result<base::ByteSpan> value = trie->get(key.span());
  if (!value) return is_gap(value.error()) ? lacks_node() : value.error();
  if (value->empty()) return base::U256();
  base::Result<base::U256> decoded = decode_storage_value(*value);
  if (!decoded) return make_error(Errc::malformed, 0, "witness holds an invalid storage value");
  return *decoded;
}

base::Result<base::ByteSpan> WitnessState::code(const Address& address,
                                                const base::Bytes32& code_hash) {
  (void)address;
  const base::ByteSpan* found = codes_.find(code_hash);
  if (found == nullptr) return make_error(Errc::not_found, 0, evm::kSourceLacksCode);
  return *found;
}

base::Result<base::Bytes32> WitnessState::commit(const evm::State& state) {
  base::Bytes value;
  for (const evm::CachedAccount* cached : state.accounts()) {
    if (!cached->dirty) continue;
    failure_ = CommitFailure{};
    failure_.address = cached->address;
    base::Bytes32 key = hash::keccak256(cached->address.span());
    if (!cached->exists()) {
      base::Status s = state_.erase(key.span());
      if (!s) return is_gap(s.error()) ? lacks_node() : s.error();
      continue;
    }

    Account account;
    account.nonce = cached->nonce;
    account.balance = cached->balance;
    account.code_hash = cached->code_hash;
    account.storage_root = cached->source_storage_root;
    bool slots_written = false;
    for (const auto& entry : cached->storage)
      slots_written = slots_written || entry.value.dirty;
    if (cached->storage_cleared) account.storage_root = kEmptyTrieRoot;
    if (slots_written) {
      Trie fresh(arena_);
      Trie* trie = &fresh;
      if (!cached->storage_cleared) {
        base::Result<Trie*> loaded = storage_trie(cached->address, cached->source_storage_root);
        if (!loaded) return loaded.error();
        trie = *loaded;
      }
      fresh.set_collapse_policy(CollapsePolicy::extension_to_hash);
      for (const auto& entry : cached->storage) {
        if (!entry.value.dirty) continue;
        base::Bytes32 slot_key = hash::keccak256(entry.key.to_bytes32().span());
        base::Status s;
        if (entry.value.current.is_zero()) {
          s = trie->erase(slot_key.span());
        } else {
          value.clear();
          s = encode_storage_value(entry.value.current, value);
          if (s) s = trie->insert(slot_key.span(), value.span());
        }
        if (!s) {
          failure_.has_slot = true;
          failure_.slot = entry.key;
          return is_gap(s.error()) ? lacks_node() : s.error();
        }
      }
      base::Result<base::Bytes32> root = trie->root_hash();
      if (!root) return root.error();
      account.storage_root = *root;
    }
    value.clear();
    base::Status s = encode_account(account, value);
    if (s) s = state_.insert(key.span(), value.span());
    if (!s) return is_gap(s.error()) ? lacks_node() : s.error();
  }
  failure_ = CommitFailure{};
  return state_.root_hash();
}

}  // namespace zkbatch::eth
