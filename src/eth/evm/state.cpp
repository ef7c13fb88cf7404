// SPDX-License-Identifier: Apache-2.0
#include "eth/evm/state.hpp"

#include <string.h>

#include "base/hex.hpp"
#include "base/utility.hpp"
#include "hash/keccak.hpp"

namespace zkbatch::eth::evm {

namespace {

using base::Errc;
using base::make_error;
using base::Status;
using base::U256;

// The RIPEMD-160 precompile, whose touch survives a revert (see State::touch).
bool is_ripemd_address(const Address& a) {
  for (int i = 0; i < 19; ++i) {
    if (a.bytes[i] != 0) return false;
  }
  return a.bytes[19] == 3;
}

base::Error oom() {
  return make_error(Errc::out_of_memory, 0, "state journal");
}

// Appends `text` to out[*length] within capacity (NUL kept).
void put(char* out, size_t capacity, size_t* length, const char* text) {
  while (*text != '\0' && *length + 1 < capacity)
    out[(*length)++] = *text++;
  out[*length] = '\0';
}

void put_hex(char* out, size_t capacity, size_t* length, base::ByteSpan bytes) {
  char buffer[2 * 32 + 3];
  if (base::encode_hex(bytes, buffer, sizeof(buffer), true) > 0) put(out, capacity, length, buffer);
}

}  // namespace

State::State(StateSource& source)
    : source_(source),
      by_address_(nullptr),
      accounts_(nullptr),
      tx_accounts_(nullptr),
      warm_accounts_(nullptr),
      warm_slots_(nullptr),
      transient_(nullptr),
      journal_(nullptr),
      logs_(nullptr) {}

State::~State() {
  for (CachedAccount* account : accounts_)
    base::destroy_at(account);
}

// --- transactions -------------------------------------------------------------------------

void State::begin_transaction() {
  logs_.clear();
}

void State::finish_transaction() {
  for (CachedAccount* account : tx_accounts_) {
    // EIP-6780: only accounts created in this transaction are deleted by SELFDESTRUCT (the
    // instruction marks no others); EIP-161: touched accounts that are empty are deleted.
    if (account->destructed || (account->touched && account->empty())) delete_account(account);
    account->touched = false;
    account->created = false;
    account->destructed = false;
    for (auto& entry : account->storage)
      entry.value.original = entry.value.current;
  }
  tx_accounts_.clear();
  warm_accounts_.clear();
  warm_slots_.clear();
  transient_.clear();
  journal_.clear();
  ++tx_epoch_;
}

void State::delete_account(CachedAccount* account) {
  account->nonce = 0;
  account->balance = U256();
  account->code_hash = kEmptyCodeHash;
  account->code = base::ByteSpan();
  account->code_loaded = true;
  account->storage.clear();
  account->storage_cleared = true;
  account->deleted = true;
  account->dirty = true;
}

void State::enter_transaction(CachedAccount* account) {
  if (account->tx_epoch == tx_epoch_) return;
  account->tx_epoch = tx_epoch_;
  if (!tx_accounts_.push_back(account)) oom_ = true;
}

void State::mark_dirty(CachedAccount* account) {
  account->dirty = true;
  enter_transaction(account);
}

// --- accounts -----------------------------------------------------------------------------

base::Result<CachedAccount*> State::account(const Address& address) {
  if (CachedAccount** found = by_address_.find(address)) {
    enter_transaction(*found);
    if (oom_) return oom();
    return *found;
  }
  auto loaded = source_.account(address);
  if (!loaded.ok()) {
    failure_ = SourceFailure{};
    failure_.address = address;
    return loaded.error();
  }
  void* memory = arena_.allocate(sizeof(CachedAccount), alignof(CachedAccount));
  if (memory == nullptr) return oom();
  CachedAccount* account = base::construct_at(static_cast<CachedAccount*>(memory), &arena_);
  account->address = address;
  if (loaded->exists) {
    account->in_source = true;
    account->nonce = loaded->account.nonce;
    account->balance = loaded->account.balance;
    account->code_hash = loaded->account.code_hash;
    account->source_storage_root = loaded->account.storage_root;
  }
  account->code_loaded = account->code_hash == kEmptyCodeHash;
  if (!accounts_.push_back(account) || by_address_.insert_or_assign(address, account) == nullptr) {
    base::destroy_at(account);
    return oom();
  }
  enter_transaction(account);
  if (oom_) return oom();
  return account;
}

base::Result<base::ByteSpan> State::code(CachedAccount* account) {
  if (account->code_loaded) return account->code;
  auto loaded = source_.code(account->address, account->code_hash);
  if (!loaded.ok()) {
    failure_ = SourceFailure{};
    failure_.address = account->address;
    failure_.is_code = true;
    failure_.code_hash = account->code_hash;
    return loaded.error();
  }
  account->code = *loaded;
  account->code_loaded = true;
  return account->code;
}

bool State::record(const JournalEntry& entry) {
  if (!journal_.push_back(entry)) return false;
  mark_dirty(entry.account);
  return !oom_;
}

Status State::add_balance(CachedAccount* account, const U256& amount) {
  JournalEntry e{};
  e.change = Change::balance;
  e.account = account;
  e.old_value = account->balance;
  if (!record(e)) return oom();
  account->balance = account->balance + amount;
  return touch(account);
}

Status State::sub_balance(CachedAccount* account, const U256& amount) {
  JournalEntry e{};
  e.change = Change::balance;
  e.account = account;
  e.old_value = account->balance;
  if (!record(e)) return oom();
  account->balance = account->balance - amount;
  return touch(account);
}

Status State::set_nonce(CachedAccount* account, uint64_t nonce) {
  JournalEntry e{};
  e.change = Change::nonce;
  e.account = account;
  e.old_nonce = account->nonce;
  if (!record(e)) return oom();
  account->nonce = nonce;
  return touch(account);
}

Status State::set_code(CachedAccount* account, base::ByteSpan code) {
  uint8_t* copy = nullptr;
  if (!code.empty()) {
    copy = static_cast<uint8_t*>(arena_.allocate(code.size(), 1));
    if (copy == nullptr) return oom();
    memcpy(copy, code.data(), code.size());
  }
  JournalEntry e{};
  e.change = Change::code;
  e.account = account;
  e.old_code_hash = account->code_hash;
  e.old_code = account->code;
  e.old_flag = account->code_loaded;
  if (!record(e)) return oom();
  account->code = base::ByteSpan(copy, code.size());
  account->code_hash = hash::keccak256(code);
  account->code_loaded = true;
  return touch(account);
}

Status State::touch(CachedAccount* account) {
  if (account->touched) return {};
  JournalEntry e{};
  e.change = Change::touched;
  e.account = account;
  if (!record(e)) return oom();
  account->touched = true;
  return {};
}

Status State::mark_created(CachedAccount* account) {
  JournalEntry e{};
  e.change = Change::created;
  e.account = account;
  e.old_flag = account->created;
  if (!record(e)) return oom();
  account->created = true;
  return touch(account);
}

Status State::mark_destructed(CachedAccount* account) {
  if (account->destructed) return {};
  JournalEntry e{};
  e.change = Change::destructed;
  e.account = account;
  if (!record(e)) return oom();
  account->destructed = true;
  return touch(account);
}

bool State::has_storage(const CachedAccount* account) const {
  if (!account->storage_cleared && account->in_source &&
      account->source_storage_root != kEmptyTrieRoot) {
    return true;
  }
  for (const auto& entry : account->storage) {
    if (!entry.value.current.is_zero()) return true;
  }
  return false;
}

// --- storage ------------------------------------------------------------------------------

base::Result<U256> State::storage(CachedAccount* account, const U256& slot) {
  if (const StorageSlot* cached = account->storage.find(slot)) return cached->current;
  U256 value;
  // Only an account that the source holds, with storage, and not deleted since, can have a
  // non-zero slot in the source: new accounts never reach the witness's storage tries.
  if (account->in_source && !account->storage_cleared &&
      account->source_storage_root != kEmptyTrieRoot) {
    auto loaded = source_.storage(account->address, slot);
    if (!loaded.ok()) {
      failure_ = SourceFailure{};
      failure_.address = account->address;
      failure_.has_slot = true;
      failure_.slot = slot;
      return loaded.error();
    }
    value = *loaded;
  }
  StorageSlot fresh;
  fresh.current = value;
  fresh.original = value;
  if (account->storage.insert_or_assign(slot, fresh) == nullptr) return oom();
  return value;
}

base::Result<StorageWrite> State::set_storage(CachedAccount* account,
                                              const U256& slot,
                                              const U256& value) {
  auto current = storage(account, slot);
  if (!current.ok()) return current.error();
  StorageSlot* cached = account->storage.find(slot);
  StorageWrite write{cached->original, cached->current};
  JournalEntry e{};
  e.change = Change::storage;
  e.account = account;
  e.slot = slot;
  e.old_value = cached->current;
  e.old_flag = cached->dirty;
  if (!record(e)) return oom();
  cached->current = value;
  cached->dirty = true;
  return write;
}

U256 State::transient(const Address& address, const U256& slot) const {
  const U256* value = transient_.find(SlotKey{address, slot});
  return value != nullptr ? *value : U256();
}

Status State::set_transient(const Address& address, const U256& slot, const U256& value) {
  bool inserted = false;
  U256* stored = transient_.find_or_insert(SlotKey{address, slot}, &inserted);
  if (stored == nullptr) return oom();
  JournalEntry e{};
  e.change = Change::transient;
  e.address = address;
  e.slot = slot;
  e.old_value = *stored;
  if (!journal_.push_back(e)) return oom();
  *stored = value;
  return {};
}

// --- access sets --------------------------------------------------------------------------

base::Result<bool> State::access_account(const Address& address) {
  bool inserted = false;
  if (warm_accounts_.find_or_insert(address, &inserted) == nullptr) return oom();
  if (!inserted) return true;
  JournalEntry e{};
  e.change = Change::warm_account;
  e.address = address;
  if (!journal_.push_back(e)) return oom();
  return false;
}

base::Result<bool> State::access_slot(const Address& address, const U256& slot) {
  bool inserted = false;
  if (warm_slots_.find_or_insert(SlotKey{address, slot}, &inserted) == nullptr) return oom();
  if (!inserted) return true;
  JournalEntry e{};
  e.change = Change::warm_slot;
  e.address = address;
  e.slot = slot;
  if (!journal_.push_back(e)) return oom();
  return false;
}

// --- logs ---------------------------------------------------------------------------------

Status State::add_log(const Address& address,
                      base::Span<const base::Bytes32> topics,
                      base::ByteSpan data) {
  Log log;
  log.address = address;
  log.topic_count =
      static_cast<uint8_t>(topics.size() < kMaxLogTopics ? topics.size() : kMaxLogTopics);
  for (size_t i = 0; i < log.topic_count; ++i)
    log.topics[i] = topics[i];
  if (!data.empty()) {
    uint8_t* copy = static_cast<uint8_t*>(arena_.allocate(data.size(), 1));
    if (copy == nullptr) return oom();
    memcpy(copy, data.data(), data.size());
    log.data = base::ByteSpan(copy, data.size());
  }
  if (!logs_.push_back(log)) return oom();
  return {};
}

// --- checkpoints --------------------------------------------------------------------------

void State::undo(const JournalEntry& e) {
  switch (e.change) {
    case Change::balance:
      e.account->balance = e.old_value;
      break;
    case Change::nonce:
      e.account->nonce = e.old_nonce;
      break;
    case Change::code:
      e.account->code_hash = e.old_code_hash;
      e.account->code = e.old_code;
      e.account->code_loaded = e.old_flag;
      break;
    case Change::storage: {
      StorageSlot* slot = e.account->storage.find(e.slot);
      if (slot != nullptr) {
        slot->current = e.old_value;
        slot->dirty = e.old_flag;
      }
      break;
    }
    case Change::transient: {
      U256* value = transient_.find(SlotKey{e.address, e.slot});
      if (value != nullptr) *value = e.old_value;
      break;
    }
    case Change::touched:
      if (!is_ripemd_address(e.account->address)) e.account->touched = false;
      break;
    case Change::created:
      e.account->created = e.old_flag;
      break;
    case Change::destructed:
      e.account->destructed = false;
      break;
    case Change::warm_account:
      warm_accounts_.erase(e.address);
      break;
    case Change::warm_slot:
      warm_slots_.erase(SlotKey{e.address, e.slot});
      break;
  }
}

void State::revert(const Snapshot& snapshot) {
  while (journal_.size() > snapshot.journal_size) {
    undo(journal_.back());
    journal_.pop_back();
  }
  while (logs_.size() > snapshot.log_count)
    logs_.pop_back();
}

size_t State::describe_failure(const base::Error& error, char* out, size_t capacity) const {
  if (capacity == 0) return 0;
  size_t length = 0;
  out[0] = '\0';
  put(out, capacity, &length,
      error.detail != nullptr ? error.detail : base::errc_message(error.code));
  put(out, capacity, &length, " for account ");
  put_hex(out, capacity, &length, failure_.address.span());
  if (failure_.has_slot) {
    put(out, capacity, &length, " slot ");
    base::Bytes32 slot = failure_.slot.to_bytes32();
    put_hex(out, capacity, &length, slot.span());
  }
  if (failure_.is_code) {
    put(out, capacity, &length, " code ");
    put_hex(out, capacity, &length, failure_.code_hash.span());
  }
  return length;
}

}  // namespace zkbatch::eth::evm
