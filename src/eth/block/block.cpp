// SPDX-License-Identifier: Apache-2.0
// validate_block as a flat sequence of the protocol's steps; each step records the first
// problem in the outcome and stops.
#include "eth/block/block.hpp"

#include "base/utility.hpp"
#include "eth/block/detail/text.hpp"
#include "eth/block/witness_state.hpp"
#include "eth/evm/block_env.hpp"
#include "eth/evm/sender.hpp"
#include "eth/evm/system_call.hpp"
#include "eth/evm/tx_execution.hpp"
#include "eth/header.hpp"
#include "eth/mpt.hpp"
#include "eth/receipt.hpp"
#include "eth/transaction.hpp"
#include "eth/withdrawal.hpp"
#include "hash/keccak.hpp"

namespace zkbatch::eth {

namespace {

using block_detail::Text;

class Validator {
 public:
  Validator(const GuestInputView& input, BlockOutcome* out, BlockObserver* observer)
      : in_(input), out_(*out), observer_(observer), source_(&arena_) {}

  bool run() {
    out_.number = in_.number;
    out_.pre_state_root = in_.pre_state_root;
    out_.block_hash = in_.block_hash;
    if (!decode_header() || !check_header_fields() || !load_witness()) return false;
    setup_env();
    evm::State state(source_);
    if (!beacon_root(state)) return false;
    for (size_t i = 0; i < in_.transactions.size(); ++i) {
      if (!transaction(state, i)) return false;
    }
    if (!withdrawals(state) || !post_state(state) || !roots()) return false;
    return check_results();
  }

 private:
  // --- failures ---------------------------------------------------------------------------

  bool fail(BlockStatus status, const char* message) {
    out_.failure.status = status;
    Text(out_.failure.message).put(message);
    return false;
  }
  bool fail_tx(size_t index, BlockStatus status, const char* message) {
    out_.failure.has_tx = true;
    out_.failure.tx_index = static_cast<uint32_t>(index);
    return fail(status, message);
  }
  // A StateSource or memory failure during execution: the State names what it could not read.
  bool fail_execution(const evm::State& state, const base::Error& error, bool has_tx, size_t tx) {
    out_.failure.has_tx = has_tx;
    out_.failure.tx_index = static_cast<uint32_t>(tx);
    if (error.code == base::Errc::out_of_memory) return fail(BlockStatus::out_of_memory, "");
    out_.failure.status = error.code == base::Errc::not_found ? BlockStatus::witness_gap
                                                              : BlockStatus::malformed_input;
    state.describe_failure(error, out_.failure.message, sizeof(out_.failure.message));
    return false;
  }
  bool mismatch(const char* field, const char* source) {
    out_.failure.status = BlockStatus::mismatch;
    out_.failure.field = field;
    out_.failure.source = source;
    Text(out_.failure.message)
        .put(field)
        .put(": ")
        .put(source)
        .put(" says ")
        .put(out_.failure.expected)
        .put(", execution gives ")
        .put(out_.failure.actual);
    return false;
  }
  bool same(const char* field, const char* source, base::ByteSpan expected, base::ByteSpan actual) {
    if (base::equal(expected, actual)) return true;
    Text(out_.failure.expected).hex(expected);
    Text(out_.failure.actual).hex(actual);
    return mismatch(field, source);
  }
  bool same(const char* field,
            const char* source,
            const base::Bytes32& expected,
            const base::Bytes32& actual) {
    return same(field, source, expected.span(), actual.span());
  }
  bool same(const char* field, const char* source, uint64_t expected, uint64_t actual) {
    if (expected == actual) return true;
    Text(out_.failure.expected).number(expected);
    Text(out_.failure.actual).number(actual);
    return mismatch(field, source);
  }

  // --- steps ------------------------------------------------------------------------------

  // The header, when the input carries it: its hash is the block hash.
  bool decode_header() {
    if ((in_.flags & kGuestInputHasHeader) == 0) return true;
    base::Result<Header> header = eth::decode_header(in_.header_rlp);
    if (!header) return fail(BlockStatus::malformed_input, "the header RLP does not decode");
    header_ = *header;
    out_.block_hash = hash::keccak256(in_.header_rlp);
    out_.header_checked = true;
    return true;
  }

  // The input repeats header fields that execution reads (the EVM's block environment): they
  // must be the header's, or the execution would not be the block's. The header's hash and
  // parent hash are compared with the input's after execution (check_results).
  bool check_header_fields() {
    if (!out_.header_checked) return true;
    const Header& h = header_;
    const char* s = "header";
    if (!same("number", s, h.number, in_.number)) return false;
    if (!same("timestamp", s, h.timestamp, in_.timestamp)) return false;
    if (!same("gas_limit", s, h.gas_limit, in_.gas_limit)) return false;
    if (!same("beneficiary", s, h.beneficiary.span(), in_.beneficiary.span())) return false;
    if (!same("difficulty", s, h.difficulty.to_bytes32(), in_.difficulty)) return false;
    if (!same("prev_randao", s, h.mix_hash, in_.prev_randao)) return false;
    if (!h.has(HeaderFork::cancun)) {
      return fail(BlockStatus::malformed_input, "the header is not a Cancun header");
    }
    if (!same("base_fee", s, h.base_fee_per_gas.to_bytes32(), in_.base_fee)) return false;
    if (!same("excess_blob_gas", s, h.excess_blob_gas, in_.excess_blob_gas)) return false;
    return same("parent_beacon_block_root", s, h.parent_beacon_block_root,
                in_.parent_beacon_block_root);
  }

  bool load_witness() {
    base::Status s = source_.load(in_.pre_state_root, in_.trie_nodes.span(), in_.codes.span());
    if (s) return true;
    if (s.error().code == base::Errc::out_of_memory) return fail(BlockStatus::out_of_memory, "");
    Text(out_.failure.message)
        .put("trie node ")
        .number(s.error().position)
        .put(" does not decode: ")
        .put(s.error().detail != nullptr ? s.error().detail : base::errc_message(s.error().code));
    out_.failure.status = BlockStatus::malformed_input;
    return false;
  }

  void setup_env() {
    // BLOCKHASH reads the most recent block first (BlockEnv::block_hashes).
    for (size_t i = 0; i < 256; ++i)
      hashes_[i] = in_.prev_hash(255 - i);
    env_.coinbase = in_.beneficiary;
    env_.number = in_.number;
    env_.timestamp = in_.timestamp;
    env_.gas_limit = in_.gas_limit;
    env_.prev_randao = in_.prev_randao;
    env_.base_fee = base::U256::from_bytes32(in_.base_fee);
    env_.excess_blob_gas = in_.excess_blob_gas;
    env_.chain_id = in_.chain_id;
    size_t known = in_.number < 256 ? static_cast<size_t>(in_.number) : 256;
    env_.block_hashes = base::Span<const base::Bytes32>(hashes_, known);
  }

  // EIP-4788: before the first transaction, the parent beacon block root goes into the
  // beacon-roots contract's ring buffer.
  bool beacon_root(evm::State& state) {
    base::Result<evm::ExecutionResult> r =
        evm::process_beacon_root(state, env_, in_.parent_beacon_block_root);
    if (!r) return fail_execution(state, r.error(), false, 0);
    return true;
  }

  bool transaction(evm::State& state, size_t index) {
    base::ByteSpan envelope = in_.transactions[index];
    base::Result<Transaction> tx = decode_transaction(envelope);
    if (!tx) {
      if (tx.error().code == base::Errc::out_of_memory)
        return fail_tx(index, BlockStatus::out_of_memory, "");
      return fail_tx(index, BlockStatus::malformed_input, "the transaction does not decode");
    }
    base::Result<evm::SenderRecovery> sender = evm::recover_sender(*tx, in_.chain_id);
    if (!sender) return fail_tx(index, BlockStatus::out_of_memory, "");
    if (sender->error != evm::TxError::none) return invalid(index, sender->error);
    base::Result<evm::TransactionResult> r = evm::execute_transaction(
        state, env_, *tx, sender->sender, out_.gas_used, out_.blob_gas_used);
    if (!r) return fail_execution(state, r.error(), true, index);
    if (r->error != evm::TxError::none) return invalid(index, r->error);

    out_.gas_used += r->gas_used;
    out_.blob_gas_used += r->blob_gas_used;
    Receipt receipt = evm::make_receipt(*tx, *r, out_.gas_used);
    bloom_merge(out_.logs_bloom, receipt.logs_bloom);
    receipt_bytes_.clear();
    if (!encode_receipt(receipt, receipt_bytes_))
      return fail_tx(index, BlockStatus::out_of_memory, "");
    void* copy = out_.arena.allocate(receipt_bytes_.size(), 1);
    if (copy == nullptr) return fail_tx(index, BlockStatus::out_of_memory, "");
    memcpy(copy, receipt_bytes_.data(), receipt_bytes_.size());

    TxOutcome t;
    t.sender = sender->sender;
    t.status = r->status;
    t.gas_used = r->gas_used;
    t.cumulative_gas_used = out_.gas_used;
    t.blob_gas_used = r->blob_gas_used;
    t.receipt = base::ByteSpan(static_cast<const uint8_t*>(copy), receipt_bytes_.size());
    if (!out_.transactions.push_back(t)) return fail_tx(index, BlockStatus::out_of_memory, "");
    if (observer_ != nullptr)
      observer_->transaction_executed(index, state, out_.transactions.back());
    return true;
  }

  bool invalid(size_t index, evm::TxError error) {
    out_.failure.tx_error = error;
    return fail_tx(index, BlockStatus::invalid_transaction, evm::tx_error_message(error));
  }

  // EIP-4895: after the last transaction, each withdrawal credits amount × 10^9 wei, outside the
  // EVM (no gas, no code runs).
  bool withdrawals(evm::State& state) {
    state.begin_transaction();
    for (const GuestWithdrawal& w : in_.withdrawals) {
      base::Result<evm::CachedAccount*> account = state.account(w.address);
      if (!account) return fail_execution(state, account.error(), false, 0);
      base::U256 wei = base::mul(base::U256(w.amount_gwei), base::U256(1000000000));
      if (!state.add_balance(*account, wei)) return fail(BlockStatus::out_of_memory, "");
    }
    state.finish_transaction();
    return true;
  }

  bool post_state(const evm::State& state) {
    base::Result<base::Bytes32> root = source_.commit(state);
    if (root) {
      out_.post_state_root = *root;
      return true;
    }
    if (root.error().code == base::Errc::out_of_memory) return fail(BlockStatus::out_of_memory, "");
    const CommitFailure& f = source_.failure();
    out_.failure.status = root.error().code == base::Errc::not_found ? BlockStatus::witness_gap
                                                                     : BlockStatus::malformed_input;
    Text text(out_.failure.message);
    text.put(root.error().detail != nullptr ? root.error().detail
                                            : base::errc_message(root.error().code))
        .put(" for account ")
        .hex(f.address.span());
    if (f.has_slot) text.put(" slot ").hex(f.slot.to_bytes32().span());
    return false;
  }

  bool roots() {
    base::Result<base::Bytes32> txs = ordered_trie_root(in_.transactions.span());
    if (!txs) return fail(BlockStatus::out_of_memory, "");
    out_.transactions_root = *txs;

    base::Vector<base::ByteSpan> receipts;
    if (!receipts.reserve(out_.transactions.size())) return fail(BlockStatus::out_of_memory, "");
    for (const TxOutcome& t : out_.transactions)
      receipts.push_back(t.receipt);
    base::Result<base::Bytes32> rs = ordered_trie_root(receipts.span());
    if (!rs) return fail(BlockStatus::out_of_memory, "");
    out_.receipts_root = *rs;

    if ((in_.flags & kGuestInputWithdrawalIndices) != 0) {
      base::Vector<Withdrawal> list;
      if (!list.reserve(in_.withdrawals.size())) return fail(BlockStatus::out_of_memory, "");
      for (const GuestWithdrawal& g : in_.withdrawals) {
        list.push_back(Withdrawal{g.index, g.validator_index, g.address, g.amount_gwei});
      }
      base::Result<base::Bytes32> ws = withdrawals_root(list.span());
      if (!ws) return fail(BlockStatus::out_of_memory, "");
      out_.withdrawals_root = *ws;
      out_.has_withdrawals_root = true;
    }
    return true;
  }

  // What execution derived against what the header commits to, then against the input's own
  // copies of the header fields (which are all a guest without the header has).
  bool check_results() {
    if (out_.header_checked) {
      const Header& h = header_;
      const char* s = "header";
      if (!same("state_root", s, h.state_root, out_.post_state_root)) return false;
      if (!same("transactions_root", s, h.transactions_root, out_.transactions_root)) return false;
      if (!same("receipts_root", s, h.receipts_root, out_.receipts_root)) return false;
      if (!same("gas_used", s, h.gas_used, out_.gas_used)) return false;
      if (!same("logs_bloom", s, h.logs_bloom.span(), out_.logs_bloom.span())) return false;
      if (!same("blob_gas_used", s, h.blob_gas_used, out_.blob_gas_used)) return false;
      if (out_.has_withdrawals_root &&
          !same("withdrawals_root", s, h.withdrawals_root, out_.withdrawals_root)) {
        return false;
      }
      // Last, so that a header with a wrong root names the root rather than its own hash.
      if (!same("block_hash", s, in_.block_hash, out_.block_hash)) return false;
      if (!same("parent_hash", s, h.parent_hash, in_.prev_hash(255))) return false;
    }
    const char* s = "input";
    if (!same("gas_used", s, in_.gas_used, out_.gas_used)) return false;
    if (!same("blob_gas_used", s, in_.blob_gas_used, out_.blob_gas_used)) return false;
    return same("logs_bloom", s, in_.logs_bloom, out_.logs_bloom.span());
  }

  const GuestInputView& in_;
  BlockOutcome& out_;
  BlockObserver* observer_;
  base::Arena arena_;
  WitnessState source_;
  Header header_;
  evm::BlockEnv env_;
  base::Bytes32 hashes_[256];
  base::Bytes receipt_bytes_;
};

}  // namespace

const char* block_status_message(BlockStatus status) {
  switch (status) {
    case BlockStatus::valid:
      return "valid";
    case BlockStatus::malformed_input:
      return "malformed input";
    case BlockStatus::invalid_transaction:
      return "invalid transaction";
    case BlockStatus::witness_gap:
      return "witness lacks data";
    case BlockStatus::mismatch:
      return "mismatch";
    case BlockStatus::out_of_memory:
      return "out of memory";
  }
  return "unknown";
}

bool validate_block(const GuestInputView& input, BlockOutcome* out, BlockObserver* observer) {
  Validator v(input, out, observer);
  return v.run();
}

}  // namespace zkbatch::eth
