// SPDX-License-Identifier: Apache-2.0
// The witness's per-transaction expectations are read as ../shared/reference/zk_evm_witness.md
// §3.3-§3.4 describe them (and as witness/replay.cpp applies them): the receipt's trie value,
// the transaction's own gas, and per account the new balance, nonce, code and written slots, or
// its self-destruction.
#include "cli/execute.hpp"

#include <chrono>
#include <cstring>
#include <exception>
#include <map>
#include <utility>

#include "eth/account.hpp"
#include "eth/guest_input.hpp"
#include "eth/header.hpp"
#include "hash/keccak.hpp"
#include "witness/compact.hpp"
#include "witness/error.hpp"
#include "witness/format.hpp"
#include "witness/pre_state.hpp"
#include "witness/receipt_bytes.hpp"

namespace zkbatch::cli {

namespace {

using witness::InputError;
using witness::to_hex;

struct AddressLess {
  bool operator()(const eth::Address& a, const eth::Address& b) const {
    return std::memcmp(a.bytes, b.bytes, 20) < 0;
  }
};

std::string u256_hex(const base::U256& value) {
  return witness::quantity_hex(value);
}

// Compares every transaction with the witness as the validator finishes it and keeps the first
// difference.
class WitnessComparison final : public eth::BlockObserver {
 public:
  WitnessComparison(const witness::BlockWitness& block,
                    const std::string& file,
                    witness::PreState& pre)
      : block_(block), file_(file), pre_(pre) {
    for (size_t i = 0; i < block.txns.size(); ++i) {
      const witness::TxnInfo& txn = block.txns[i];
      if (txn.byte_code.empty()) continue;  // a dummy padding entry (reference §1.4)
      txn_index_.push_back(i);
      try {
        receipts_.push_back(
            witness::read_witness_receipt(base::ByteSpan(txn.receipt.data(), txn.receipt.size())));
      } catch (const witness::BlobError& e) {
        throw InputError(
            file_, path(i) + ".meta.new_receipt_trie_node_byte, byte " + std::to_string(e.offset()),
            e.problem());
      }
    }
  }

  void transaction_executed(size_t index,
                            const eth::evm::State& state,
                            const eth::TxOutcome& outcome) override {
    if (mismatch_ || error_ || index >= txn_index_.size()) return;
    auto start = std::chrono::steady_clock::now();
    // The validator is built without exceptions: none may unwind through it, so an exception
    // is kept and rethrown once it has returned.
    try {
      compare(index, state, outcome);
    } catch (...) {
      error_ = std::current_exception();
    }
    seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }

  /// Rethrows what a comparison threw, if anything.
  void rethrow() const {
    if (error_) std::rethrow_exception(error_);
  }

  const std::optional<ExecuteMismatch>& mismatch() const { return mismatch_; }
  size_t checked() const { return checked_; }
  /// Wall time spent in the comparisons, which the report leaves out of execution time.
  double seconds() const { return seconds_; }
  /// Witness txn_info index of the block's transaction `index`.
  size_t txn_index(size_t index) const {
    return index < txn_index_.size() ? txn_index_[index] : index;
  }
  std::string path(size_t txn) const {
    return block_.json_path + ".block_trace.txn_info[" + std::to_string(txn) + "]";
  }

 private:
  void compare(size_t index, const eth::evm::State& state, const eth::TxOutcome& outcome) {
    ++checked_;
    const witness::TxnInfo& txn = block_.txns[txn_index_[index]];
    std::string at = path(txn_index_[index]);
    if (!witness_bytes_equal(receipts_[index].trie_value, outcome.receipt)) {
      return differ(index, at + ".meta.new_receipt_trie_node_byte", "receipt",
                    to_hex(receipts_[index].trie_value), to_hex(outcome.receipt));
    }
    if (txn.gas_used != outcome.gas_used) {
      return differ(index, at + ".meta.gas_used", "gas_used", std::to_string(txn.gas_used),
                    std::to_string(outcome.gas_used));
    }
    index_accounts(state);
    bool success = outcome.status == eth::evm::EvmStatus::success;
    for (const witness::AccountTrace& entry : txn.traces) {
      if (!compare_account(index, at + ".traces[\"" + to_hex(entry.address) + "\"]", entry,
                           success)) {
        return;
      }
    }
  }

  static bool witness_bytes_equal(base::ByteSpan a, base::ByteSpan b) {
    return a.size() == b.size() &&
           (a.size() == 0 || std::memcmp(a.data(), b.data(), a.size()) == 0);
  }

  void differ(size_t index,
              std::string location,
              std::string field,
              std::string expected,
              std::string actual) {
    mismatch_ = ExecuteMismatch{index, std::move(location), std::move(field), std::move(expected),
                                std::move(actual)};
  }

  // The State appends accounts as it first reads them and keeps them at fixed addresses, so the
  // index grows by the new tail only.
  void index_accounts(const eth::evm::State& state) {
    base::Span<eth::evm::CachedAccount* const> all = state.accounts();
    for (; indexed_ < all.size(); ++indexed_)
      accounts_[all[indexed_]->address] = all[indexed_];
  }

  bool compare_account(size_t index,
                       const std::string& at,
                       const witness::AccountTrace& entry,
                       bool success) {
    const witness::TxnTrace& t = entry.trace;
    if (t.is_pure_access()) return true;
    auto found = accounts_.find(entry.address);
    const eth::evm::CachedAccount* a = found == accounts_.end() ? nullptr : found->second;
    bool exists = a != nullptr && a->exists();
    if (t.self_destructed) {
      if (!exists) return true;
      differ(index, at + ".self_destructed", "self_destructed", "true", "false");
      return false;
    }
    // A creation that reverted leaves no account, though the trace may list its would-be
    // balance and nonce (replay.cpp skips them the same way).
    if (!success && !exists) return true;
    if (a == nullptr) {
      differ(index, at, "account", "changed by the transaction", "not accessed by execution");
      return false;
    }
    if (t.balance && *t.balance != a->balance) {
      differ(index, at + ".balance", "balance", u256_hex(*t.balance), u256_hex(a->balance));
      return false;
    }
    if (t.nonce && *t.nonce != a->nonce) {
      differ(index, at + ".nonce", "nonce", std::to_string(*t.nonce), std::to_string(a->nonce));
      return false;
    }
    if (t.code_usage.kind == witness::CodeUsage::Kind::write) {
      const witness::ByteVector& code = t.code_usage.written_code;
      base::Bytes32 h = hash::keccak256(base::ByteSpan(code.data(), code.size()));
      if (h != a->code_hash) {
        differ(index, at + ".code_usage", "code_hash", to_hex(h), to_hex(a->code_hash));
        return false;
      }
    }
    for (const witness::StorageWrite& w : t.storage_written) {
      base::U256 slot = base::U256::from_bytes32(w.slot);
      const eth::evm::StorageSlot* cached = a->storage.find(slot);
      std::string actual;
      if (cached != nullptr) {
        if (cached->current == w.value) continue;
        actual = u256_hex(cached->current);
      } else {
        // A slot execution never touched (or whose touch was reverted) keeps its value before
        // the block.
        base::Result<base::U256> before = pre_value(*a, w.slot);
        if (!before) {
          actual = "not accessed by execution";
        } else if (*before == w.value) {
          continue;
        } else {
          actual = u256_hex(*before);
        }
      }
      differ(index, at + ".storage_written[\"" + to_hex(w.slot) + "\"]", "storage",
             u256_hex(w.value), actual);
      return false;
    }
    return true;
  }

  // The value of `slot` before the block, from the witness's storage tries.
  base::Result<base::U256> pre_value(const eth::evm::CachedAccount& a, const base::Bytes32& slot) {
    if (a.storage_cleared || !a.in_source || a.source_storage_root == eth::kEmptyTrieRoot) {
      return base::U256();
    }
    auto trie = pre_.storage.find(hash::keccak256(a.address.span()));
    if (trie == pre_.storage.end()) return base::make_error(base::Errc::not_found);
    base::Bytes32 key = hash::keccak256(slot.span());
    base::Result<base::ByteSpan> value = trie->second.get(key.span());
    if (!value) return value.error();
    if (value->empty()) return base::U256();
    return eth::decode_storage_value(*value);
  }

  const witness::BlockWitness& block_;
  const std::string& file_;
  witness::PreState& pre_;
  std::vector<size_t> txn_index_;
  std::vector<witness::ReceiptSummary> receipts_;
  std::map<eth::Address, const eth::evm::CachedAccount*, AddressLess> accounts_;
  size_t indexed_ = 0;
  size_t checked_ = 0;
  double seconds_ = 0;
  std::exception_ptr error_;
  std::optional<ExecuteMismatch> mismatch_;
};

// The JSON-RPC name of a header field the validator compares (eth_getBlockByNumber).
std::string json_name(const std::string& field) {
  static const std::map<std::string, std::string> names = {
      {"state_root", "stateRoot"},
      {"transactions_root", "transactionsRoot"},
      {"receipts_root", "receiptsRoot"},
      {"withdrawals_root", "withdrawalsRoot"},
      {"gas_used", "gasUsed"},
      {"blob_gas_used", "blobGasUsed"},
      {"logs_bloom", "logsBloom"},
      {"block_hash", "hash"},
      {"parent_hash", "parentHash"},
      {"gas_limit", "gasLimit"},
      {"beneficiary", "miner"},
      {"prev_randao", "mixHash"},
      {"base_fee", "baseFeePerGas"},
      {"excess_blob_gas", "excessBlobGas"},
      {"parent_beacon_block_root", "parentBeaconBlockRoot"},
  };
  auto found = names.find(field);
  return found == names.end() ? field : found->second;
}

std::string header_location(const witness::HeaderJson& header, const std::string& field) {
  return header.source.empty() ? "header." + json_name(field)
                               : header.source + "." + json_name(field);
}

}  // namespace

witness::GuestInput make_block_input(const witness::BlockWitness& block,
                                     witness::PreState& pre,
                                     const witness::HeaderJson* header) {
  witness::GuestInput input = witness::make_guest_input(block, pre);
  if (header == nullptr) return input;
  base::Bytes rlp;
  base::Status s = eth::encode_header(header->header, rlp);
  if (!s) {
    throw InputError(header->source, "",
                     "cannot encode the header: " + witness::describe(s.error()));
  }
  input.header_rlp.assign(rlp.begin(), rlp.end());
  // The header knows the withdrawals' indices, which the witness lacks (reference §1.5): with
  // them the validator can check the withdrawals root too.
  if (header->withdrawals && header->withdrawals->size() == block.withdrawals.size()) {
    input.withdrawals.clear();
    for (const eth::Withdrawal& w : *header->withdrawals) {
      input.withdrawals.push_back(
          eth::GuestWithdrawal{w.index, w.validator_index, w.address, w.amount_gwei});
    }
    input.withdrawal_indices_known = true;
  }
  return input;
}

ExecuteReport execute_block(const witness::BlockWitness& block,
                            const witness::HeaderJson* header,
                            const std::string& file) {
  witness::CompactTree tree = witness::decode_block_compact(block, file);
  witness::PreState pre = witness::build_block_pre_state(block, tree, file);
  witness::ByteVector bytes = witness::encode_guest_input(make_block_input(block, pre, header));
  eth::GuestInputView view;
  base::Status decoded = eth::decode_guest_input(base::ByteSpan(bytes.data(), bytes.size()), view);
  if (!decoded) {
    throw InputError(file, block.json_path,
                     "the guest input does not decode: " + witness::describe(decoded.error()));
  }

  WitnessComparison comparison(block, file, pre);
  eth::BlockOutcome outcome;
  auto start = std::chrono::steady_clock::now();
  eth::validate_block(view, &outcome, &comparison);
  auto stop = std::chrono::steady_clock::now();
  comparison.rethrow();

  ExecuteReport r;
  r.number = outcome.number;
  r.block_hash = outcome.block_hash;
  r.transactions = view.transactions.size();
  r.gas_used = outcome.gas_used;
  r.blob_gas_used = outcome.blob_gas_used;
  r.pre_state_root = outcome.pre_state_root;
  r.post_state_root = outcome.post_state_root;
  r.transactions_root = outcome.transactions_root;
  r.receipts_root = outcome.receipts_root;
  if (outcome.has_withdrawals_root) r.withdrawals_root = outcome.withdrawals_root;
  r.header_checked = outcome.header_checked;
  r.transactions_checked = comparison.checked();
  r.seconds = std::chrono::duration<double>(stop - start).count() - comparison.seconds();

  // The first transaction that differs from the witness comes before anything the block as a
  // whole yields.
  if (comparison.mismatch()) {
    r.mismatch = comparison.mismatch();
    return r;
  }
  const eth::BlockFailure& f = outcome.failure;
  std::string tx_path;
  if (f.has_tx) {
    tx_path = comparison.path(comparison.txn_index(f.tx_index)) + ".meta.byte_code";
  }
  switch (f.status) {
    case eth::BlockStatus::valid:
      break;
    case eth::BlockStatus::malformed_input:
    case eth::BlockStatus::witness_gap:
    case eth::BlockStatus::out_of_memory: {
      std::string where = f.has_tx ? tx_path + " (transaction " + std::to_string(f.tx_index) + ")"
                                   : block.json_path;
      std::string problem =
          f.message[0] != '\0' ? std::string(f.message) : eth::block_status_message(f.status);
      if (f.status == eth::BlockStatus::witness_gap) problem += " (execution needs it)";
      throw InputError(file, where, problem);
    }
    case eth::BlockStatus::invalid_transaction:
      r.mismatch = ExecuteMismatch{f.tx_index, tx_path, "validity", "a valid transaction",
                                   std::string("invalid: ") + f.message};
      break;
    case eth::BlockStatus::mismatch: {
      std::string source = f.source != nullptr ? f.source : "";
      std::string location = source == "header" && header != nullptr
                                 ? header_location(*header, f.field)
                                 : block.json_path + ".other_data.b_data.b_meta";
      r.mismatch = ExecuteMismatch{std::nullopt, location, f.field, f.expected, f.actual};
      break;
    }
  }
  if (!r.mismatch && header != nullptr) {
    // The JSON's own `hash` field against the hash of the header it describes.
    if (header->hash != outcome.block_hash) {
      r.mismatch = ExecuteMismatch{std::nullopt, header_location(*header, "block_hash"),
                                   "block_hash", to_hex(header->hash), to_hex(outcome.block_hash)};
    }
  }
  return r;
}

}  // namespace zkbatch::cli
