// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// The EVM's view of the world state during a block: accounts and storage read lazily from a
// StateSource and cached, with every change recorded in a journal so that a failed or reverted
// frame can be undone exactly (Yellow Paper §8, §9: the substate and checkpoints). Besides the
// accounts it holds what lives for one transaction: original storage values for EIP-2200 gas,
// EIP-1153 transient storage, EIP-2929 accessed addresses and slots, logs, and the accounts
// touched (EIP-161), created (EIP-6780) and self-destructed.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "base/arena.hpp"
#include "base/bytes.hpp"
#include "base/hash_map.hpp"
#include "base/result.hpp"
#include "base/span.hpp"
#include "base/u256.hpp"
#include "base/vector.hpp"
#include "eth/account.hpp"
#include "eth/address.hpp"
#include "eth/evm/state_source.hpp"
#include "eth/log.hpp"

namespace zkbatch::eth::evm {

/// One cached storage slot.
struct StorageSlot {
  /// The value now.
  base::U256 current;
  /// The value when the transaction started: EIP-2200's "original value".
  base::U256 original;
  /// True once the slot has been written in this block (its value goes to the post-state).
  bool dirty = false;
};

/// An account address and a storage slot: the key of warm slots and transient storage.
struct SlotKey {
  Address address{};
  base::U256 slot;
};

inline bool operator==(const SlotKey& a, const SlotKey& b) {
  return a.address == b.address && a.slot == b.slot;
}

/// Hashes the address and all 256 bits of the slot.
struct SlotKeyHash {
  uint64_t operator()(const SlotKey& key) const {
    uint64_t h = base::DefaultHash<Address>()(key.address);
    for (uint64_t w : key.slot.limb)
      h = base::mix64(h ^ w);
    return h;
  }
};

/// An account as the State caches it: the source's values overlaid with this block's changes.
/// Read its fields freely; change it only through State, which journals every change.
struct CachedAccount {
  Address address{};
  uint64_t nonce = 0;
  base::U256 balance;
  base::Bytes32 code_hash = kEmptyCodeHash;
  /// The code, once loaded (code_loaded) or set by a creation.
  base::ByteSpan code;
  bool code_loaded = false;

  /// The source had a leaf for this address.
  bool in_source = false;
  /// The source's storage root (kEmptyTrieRoot when the source had no account).
  base::Bytes32 source_storage_root = kEmptyTrieRoot;
  /// The source's storage no longer applies: the account was deleted in this block, so every
  /// slot not in `storage` is zero and the post-state storage trie starts empty.
  bool storage_cleared = false;
  /// Deleted in this block (self-destructed, or touched while empty) and not non-empty since.
  bool deleted = false;
  /// Written in this block: the account belongs in the post-state diff.
  bool dirty = false;

  // Transaction-scoped flags; all journaled.
  bool touched = false;     ///< EIP-161: changed or called in this transaction
  bool created = false;     ///< created in this transaction (EIP-6780)
  bool destructed = false;  ///< SELFDESTRUCT in this transaction deletes it at the end

  /// The transaction that last used this account (State bookkeeping).
  uint32_t tx_epoch = 0;

  /// Cached slots.
  base::HashMap<base::U256, StorageSlot> storage;

  explicit CachedAccount(base::Arena* arena) : storage(arena) {}

  /// EIP-161's empty account: no code, nonce 0 and balance 0.
  bool empty() const { return nonce == 0 && balance.is_zero() && code_hash == kEmptyCodeHash; }
  /// True when the account is in the state now (for the post-state): it has content, or it came
  /// from the source and has not been deleted.
  bool exists() const { return !empty() || (in_source && !deleted); }
};

/// What the State knows about a failed read from its source, to name it in messages.
struct SourceFailure {
  Address address{};
  bool has_slot = false;
  base::U256 slot;
  bool is_code = false;
  base::Bytes32 code_hash{};
};

/// A point to which the State can be reverted (a frame's checkpoint).
struct Snapshot {
  size_t journal_size = 0;
  size_t log_count = 0;
};

/// SSTORE needs the slot's original and current values before the write (EIP-2200).
struct StorageWrite {
  base::U256 original;
  base::U256 current;
};

/// The journaled state of one block's execution over a StateSource.
class State {
 public:
  /// A state over `source`, which must outlive it.
  explicit State(StateSource& source);
  ~State();
  State(const State&) = delete;
  State& operator=(const State&) = delete;

  // --- transactions -----------------------------------------------------------------------

  /// Starts a transaction: clears the previous transaction's logs. (Warm sets, transient storage
  /// and the journal were cleared when that transaction finished.)
  void begin_transaction();
  /// Ends a transaction (EIP-161, EIP-6780): deletes the accounts it self-destructed and those it
  /// touched that are empty; makes the current storage values the original ones; forgets warm
  /// addresses and slots, transient storage and the journal. Logs stay readable until the next
  /// begin_transaction.
  void finish_transaction();

  // --- accounts ---------------------------------------------------------------------------

  /// The account at `address`, loaded from the source on first use. Errors are the source's,
  /// with `failure()` naming the address.
  base::Result<CachedAccount*> account(const Address& address);
  /// The account's code, loaded from the source on first use.
  base::Result<base::ByteSpan> code(CachedAccount* account);

  // Every change below is journaled and marks the account touched (EIP-161) and dirty. They fail
  // only when memory for the journal runs out.

  /// Adds `amount`, modulo 2^256 as the reference clients do (no real balance comes near it).
  base::Status add_balance(CachedAccount* account, const base::U256& amount);
  /// Subtracts `amount`, which must not exceed the balance (callers check).
  base::Status sub_balance(CachedAccount* account, const base::U256& amount);
  /// Sets the nonce.
  base::Status set_nonce(CachedAccount* account, uint64_t nonce);
  /// Sets the code of a new contract (a copy of `code` is kept) and its hash.
  base::Status set_code(CachedAccount* account, base::ByteSpan code);
  /// Marks the account touched (EIP-161) without changing it. A touch of the RIPEMD-160
  /// precompile's address is never undone, as in the reference clients (the consensus accident
  /// of mainnet block 2675119, which they all reproduce).
  base::Status touch(CachedAccount* account);
  /// Marks the account as created by this transaction (EIP-6780).
  base::Status mark_created(CachedAccount* account);
  /// Marks the account for deletion at the end of this transaction (SELFDESTRUCT, EIP-6780).
  base::Status mark_destructed(CachedAccount* account);
  /// True when the account has storage that a creation would collide with (EIP-7610): the
  /// source's non-empty storage (unless cleared since) or a non-zero cached slot.
  bool has_storage(const CachedAccount* account) const;

  // --- storage ----------------------------------------------------------------------------

  /// The current value of `slot`.
  base::Result<base::U256> storage(CachedAccount* account, const base::U256& slot);
  /// Writes `value` to `slot` and returns the original and previous values (for SSTORE gas).
  base::Result<StorageWrite> set_storage(CachedAccount* account,
                                         const base::U256& slot,
                                         const base::U256& value);
  /// EIP-1153 transient storage of this transaction (zero when never written).
  base::U256 transient(const Address& address, const base::U256& slot) const;
  base::Status set_transient(const Address& address,
                             const base::U256& slot,
                             const base::U256& value);

  // --- EIP-2929 access sets ---------------------------------------------------------------

  /// Adds `address` to the accessed addresses; returns whether it was there already (warm).
  /// Fails only when memory runs out.
  base::Result<bool> access_account(const Address& address);
  /// Adds (address, slot) to the accessed slots; returns whether it was there already.
  base::Result<bool> access_slot(const Address& address, const base::U256& slot);
  /// True when `address` is warm, without adding it.
  bool is_warm(const Address& address) const { return warm_accounts_.contains(address); }

  // --- logs -------------------------------------------------------------------------------

  /// Appends a log of the current transaction; the data is copied.
  base::Status add_log(const Address& address,
                       base::Span<const base::Bytes32> topics,
                       base::ByteSpan data);
  /// The logs of the current (or just finished) transaction, in order.
  base::Span<const Log> logs() const { return logs_.span(); }

  // --- checkpoints ------------------------------------------------------------------------

  /// A checkpoint of every change so far.
  Snapshot snapshot() const { return Snapshot{journal_.size(), logs_.size()}; }
  /// Undoes every change made after `snapshot`.
  void revert(const Snapshot& snapshot);

  // --- results ----------------------------------------------------------------------------

  /// Every account this State has cached, in the order first used. Those with `dirty` set make
  /// the post-state diff: `exists()` false means delete, otherwise write nonce, balance, code
  /// hash and the dirty slots (over an empty storage trie when `storage_cleared`).
  base::Span<CachedAccount* const> accounts() const { return accounts_.span(); }
  /// The read that failed last, to name it in an error message.
  const SourceFailure& failure() const { return failure_; }
  /// Writes "<detail> for account 0x… [slot 0x…|code 0x…]" for `error` (as returned by this
  /// State) into `out`, NUL-terminated and truncated to `capacity`; returns the length.
  size_t describe_failure(const base::Error& error, char* out, size_t capacity) const;
  /// The arena that holds cached accounts, code copies and log data.
  base::Arena* arena() { return &arena_; }

 private:
  enum class Change : uint8_t {
    balance,
    nonce,
    code,
    storage,
    transient,
    touched,
    created,
    destructed,
    warm_account,
    warm_slot,
  };
  struct JournalEntry {
    Change change;
    CachedAccount* account;
    base::U256 slot;
    base::U256 old_value;
    uint64_t old_nonce;
    bool old_flag;
    base::Bytes32 old_code_hash;
    base::ByteSpan old_code;
    Address address;
  };

  bool record(const JournalEntry& entry);
  void undo(const JournalEntry& entry);
  void enter_transaction(CachedAccount* account);
  void mark_dirty(CachedAccount* account);
  void delete_account(CachedAccount* account);

  StateSource& source_;
  base::Arena arena_;
  base::HashMap<Address, CachedAccount*> by_address_;
  base::Vector<CachedAccount*> accounts_;
  base::Vector<CachedAccount*> tx_accounts_;
  base::HashMap<Address, uint8_t> warm_accounts_;
  base::HashMap<SlotKey, uint8_t, SlotKeyHash> warm_slots_;
  base::HashMap<SlotKey, base::U256, SlotKeyHash> transient_;
  base::Vector<JournalEntry> journal_;
  base::Vector<Log> logs_;
  uint32_t tx_epoch_ = 1;
  SourceFailure failure_;
  bool oom_ = false;
};

}  // namespace zkbatch::eth::evm
