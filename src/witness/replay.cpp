// SPDX-License-Identifier: Apache-2.0
// Each step cites ../shared/reference/zk_evm_witness.md §3.3 (per-transaction application, in
// the order of zk_evm's `middle` in trace_decoder/src/core.rs) or §3.5 (system operations).
#include "witness/replay.hpp"

#include <cstring>
#include <utility>

#include "eth/account.hpp"
#include "eth/mpt.hpp"
#include "eth/transaction.hpp"
#include "hash/keccak.hpp"
#include "witness/error.hpp"
#include "witness/format.hpp"
#include "witness/receipt_bytes.hpp"

namespace zkbatch::witness {

namespace {

class Replayer {
 public:
  Replayer(const BlockWitness& block, PreState& pre, const std::string& file)
      : block_(block), pre_(pre), file_(file) {
    // zk_evm's tries collapse a branch next to a hash node into an extension to it
    // (CollapseToExtension, reference §3.1).
    pre_.state.set_collapse_policy(eth::CollapsePolicy::extension_to_hash);
    for (auto& [hashed, trie] : pre_.storage) {
      trie.set_collapse_policy(eth::CollapsePolicy::extension_to_hash);
    }
  }

  ReplayResult run() {
    ReplayResult result;
    std::vector<base::ByteSpan> txn_values;
    std::vector<base::ByteSpan> receipt_values;
    std::vector<ReceiptSummary> receipts(block_.txns.size());
    std::string txns_path = block_.json_path + ".block_trace.txn_info";

    // §3.5: EIP-4788 runs before the first transaction (also for a block without any).
    result.beacon_root_written = beacon_root();

    for (size_t i = 0; i < block_.txns.size(); ++i) {
      const TxnInfo& txn = block_.txns[i];
      std::string path = txns_path + "[" + std::to_string(i) + "]";
      bool real = !txn.byte_code.empty();
      bool status = true;
      result.gas_used += txn.gas_used;
      if (real) {
        ReceiptSummary& r = receipts[i];
        try {
          r = read_witness_receipt(base::ByteSpan(txn.receipt.data(), txn.receipt.size()));
        } catch (const BlobError& e) {
          throw InputError(
              file_, path + ".meta.new_receipt_trie_node_byte, byte " + std::to_string(e.offset()),
              e.problem());
        }
        base::Result<eth::Transaction> tx =
            eth::decode_transaction(base::ByteSpan(txn.byte_code.data(), txn.byte_code.size()));
        if (!tx) {
          throw InputError(file_,
                           path + ".meta.byte_code, byte " + std::to_string(tx.error().position),
                           "not a valid transaction envelope: " + describe(tx.error()));
        }
        status = r.status;
        txn_values.emplace_back(txn.byte_code.data(), txn.byte_code.size());
        receipt_values.push_back(r.trie_value);
        for (size_t b = 0; b < 256; ++b)
          result.logs_bloom[b] |= r.bloom[b];
        if (r.cumulative_gas_used != result.gas_used && !result.cumulative_gas_mismatch) {
          result.cumulative_gas_mismatch =
              CumulativeGasMismatch{i, r.cumulative_gas_used, result.gas_used};
        }
        ++result.transactions;
      }
      for (const AccountTrace& entry : txn.traces) {
        apply(entry, status, path + ".traces[\"" + to_hex(entry.address) + "\"]");
      }
    }

    // §3.3 step 4: withdrawals after the last transaction, Gwei scaled to Wei.
    for (size_t i = 0; i < block_.withdrawals.size(); ++i) {
      withdraw(block_.withdrawals[i],
               block_.json_path + ".other_data.b_data.withdrawals[" + std::to_string(i) + "]");
    }

    result.post_state_root = root(pre_.state, block_.json_path);
    result.transactions_root = ordered_root(txn_values);
    result.receipts_root = ordered_root(receipt_values);
    return result;
  }

 private:
  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    throw InputError(file_, path, problem);
  }

  base::Bytes32 root(eth::Trie& trie, const std::string& path) {
    base::Result<base::Bytes32> r = trie.root_hash();
    if (!r) fail(path, "cannot hash trie: " + describe(r.error()));
    return *r;
  }

  base::Bytes32 ordered_root(const std::vector<base::ByteSpan>& values) {
    base::Result<base::Bytes32> r =
        eth::ordered_trie_root(base::Span<const base::ByteSpan>(values.data(), values.size()));
    if (!r) fail(block_.json_path, "cannot build trie: " + describe(r.error()));
    return *r;
  }

  // The account at keccak(address), or nullopt when absent. A lookup that runs into a hash node
  // also counts as absent, as in zk_evm (§3.3, `born`); a later write there then fails.
  std::optional<eth::Account> lookup(const base::Bytes32& hashed, const std::string& path) {
    base::Result<base::ByteSpan> value = pre_.state.get(hashed.span());
    if (!value) {
      if (value.error().code == base::Errc::not_found) return std::nullopt;
      fail(path, "state trie lookup: " + describe(value.error()));
    }
    if (value->empty()) return std::nullopt;
    base::Result<eth::Account> account = eth::decode_account(*value);
    if (!account)
      fail(path, "the state trie holds an invalid account: " + describe(account.error()));
    return *account;
  }

  void store(const base::Bytes32& hashed, const eth::Account& account, const std::string& path) {
    base::Bytes value;
    base::Status encoded = eth::encode_account(account, value);
    if (!encoded) fail(path, "cannot encode account: " + describe(encoded.error()));
    base::Status s = pre_.state.insert(hashed.span(), value.span());
    if (!s)
      fail(path, "cannot update the account: " + describe(s.error()) +
                     " (the witness lacks "
                     "the trie nodes on its path)");
  }

  eth::Trie& fresh_storage(const base::Bytes32& hashed) {
    eth::Trie& trie = pre_.storage[hashed];
    trie = eth::Trie(pre_.arena.get());
    trie.set_collapse_policy(eth::CollapsePolicy::extension_to_hash);
    return trie;
  }

  eth::Trie& storage(const base::Bytes32& hashed) {
    auto it = pre_.storage.find(hashed);
    if (it != pre_.storage.end()) return it->second;
    return fresh_storage(hashed);
  }

  void write_slot(eth::Trie& trie,
                  const base::Bytes32& slot,
                  const base::U256& value,
                  const std::string& path) {
    base::Bytes32 key = hash::keccak256(slot.span());
    base::Status s;
    if (value.is_zero()) {
      s = trie.erase(key.span());
    } else {
      base::Bytes encoded;
      base::Status e = eth::encode_storage_value(value, encoded);
      if (!e) fail(path, "cannot encode storage value: " + describe(e.error()));
      s = trie.insert(key.span(), encoded.span());
    }
    if (!s) {
      fail(path, "cannot write the slot: " + describe(s.error()) +
                     " (the witness lacks the storage trie nodes on its path)");
    }
  }

  // §3.3: one account's changes in one transaction.
  void apply(const AccountTrace& entry, bool status, const std::string& path) {
    const TxnTrace& t = entry.trace;
    base::Bytes32 hashed = hash::keccak256(entry.address.span());
    std::optional<eth::Account> current = lookup(hashed, path);
    bool born = !current;
    if (born) fresh_storage(hashed);
    // A reverted creation leaves no account behind.
    bool do_writes = !t.is_pure_access() && (born ? status : true);
    if (do_writes) {
      eth::Account a = current.value_or(eth::Account{});
      if (t.balance) a.balance = *t.balance;
      if (t.nonce) a.nonce = *t.nonce;
      if (t.code_usage.kind == CodeUsage::Kind::read) {
        // An unknown code hash is tolerated for jerigon input (zk_evm issue #700).
        a.code_hash = t.code_usage.read_hash;
      } else if (t.code_usage.kind == CodeUsage::Kind::write) {
        const ByteVector& code = t.code_usage.written_code;
        a.code_hash = add_code(pre_.codes, base::ByteSpan(code.data(), code.size()));
      }
      if (!t.storage_written.empty()) {
        eth::Trie& trie = storage(hashed);
        for (const StorageWrite& w : t.storage_written) {
          write_slot(trie, w.slot, w.value, path + ".storage_written[\"" + to_hex(w.slot) + "\"]");
        }
        a.storage_root = root(trie, path + ".storage_written");
      }
      store(hashed, a, path);
    }
    if (t.self_destructed) {
      fresh_storage(hashed);
      base::Status s = pre_.state.erase(hashed.span());
      if (!s) {
        fail(path + ".self_destructed", "cannot delete the account: " + describe(s.error()) +
                                            " (the witness lacks the trie nodes around it)");
      }
    }
  }

  // §3.5, EIP-4788: slot ts % 8191 gets the timestamp, slot ts % 8191 + 8191 the parent beacon
  // block root; a zero value deletes the slot. The system call does nothing when the contract is
  // absent (EIP-4788: "if no code exists at BEACON_ROOTS_ADDRESS, the call must fail silently").
  bool beacon_root() {
    std::string path = block_.json_path + ".other_data.b_data.b_meta";
    base::Bytes32 hashed = hash::keccak256(kBeaconRootsAddress.span());
    std::optional<eth::Account> account = lookup(hashed, path);
    if (!account) return false;
    uint64_t ts = block_.meta.timestamp;
    uint64_t slot = ts % kBeaconHistoryLength;
    eth::Trie& trie = storage(hashed);
    write_slot(trie, base::U256(slot).to_bytes32(), base::U256(ts),
               path + ".block_timestamp (EIP-4788 write to slot " + std::to_string(slot) + ")");
    write_slot(trie, base::U256(slot + kBeaconHistoryLength).to_bytes32(),
               base::U256::from_bytes32(block_.meta.parent_beacon_block_root),
               path + ".parent_beacon_block_root (EIP-4788 write to slot " +
                   std::to_string(slot + kBeaconHistoryLength) + ")");
    account->storage_root = root(trie, path);
    store(hashed, *account, path);
    return true;
  }

  // §3.3 step 4 (EIP-4895): balance += amount × 10^9, creating the account when absent.
  void withdraw(const WitnessWithdrawal& w, const std::string& path) {
    base::Bytes32 hashed = hash::keccak256(w.address.span());
    std::optional<eth::Account> current = lookup(hashed, path);
    if (!current) fresh_storage(hashed);
    eth::Account a = current.value_or(eth::Account{});
    base::U256 wei = base::mul(base::U256(w.amount_gwei), base::U256(1000000000));
    a.balance = base::add(a.balance, wei);
    store(hashed, a, path);
  }

  const BlockWitness& block_;
  PreState& pre_;
  const std::string& file_;
};

}  // namespace

ReplayResult replay_block(const BlockWitness& block, PreState& pre, const std::string& file) {
  return Replayer(block, pre, file).run();
}

}  // namespace zkbatch::witness
