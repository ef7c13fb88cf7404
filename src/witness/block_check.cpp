// SPDX-License-Identifier: Apache-2.0
// The checks of ../shared/reference/zk_evm_witness.md §3.7, numbered as there: (1) pre-state
// root, (2) post-state, transactions and receipts roots, (3) gas used, (4) block and parent
// hashes, (5) b_meta against the header, (6) withdrawals, (8) continuity between consecutive
// blocks of one file. Item 7 (roots between batches) does not apply: the replay runs the block
// as one batch, which yields the same final roots.
#include "witness/block_check.hpp"

#include <cstring>
#include <map>
#include <utility>

#include "eth/header.hpp"
#include "eth/withdrawal.hpp"
#include "hash/keccak.hpp"
#include "witness/compact.hpp"
#include "witness/error.hpp"
#include "witness/format.hpp"
#include "witness/pre_state.hpp"
#include "witness/replay.hpp"

namespace zkbatch::witness {

namespace {

class Checks {
 public:
  explicit Checks(std::vector<CheckResult>& out) : out_(out) {}

  void add(std::string name, std::string what, std::string expected, std::string actual) {
    bool ok = expected == actual;
    out_.push_back(
        CheckResult{std::move(name), std::move(what), ok, std::move(expected), std::move(actual)});
  }
  void hash(std::string name,
            std::string what,
            const base::Bytes32& expected,
            const base::Bytes32& actual) {
    add(std::move(name), std::move(what), to_hex(expected), to_hex(actual));
  }
  void number(std::string name, std::string what, uint64_t expected, uint64_t actual) {
    add(std::move(name), std::move(what), std::to_string(expected), std::to_string(actual));
  }

 private:
  std::vector<CheckResult>& out_;
};

base::Bytes32 header_hash(const eth::Header& header, const std::string& source) {
  base::Result<base::Bytes32> h = eth::block_hash(header);
  if (!h) throw InputError(source, "", "cannot encode the header: " + describe(h.error()));
  return *h;
}

std::string withdrawal_list(const std::vector<WitnessWithdrawal>& list) {
  std::string out;
  for (const WitnessWithdrawal& w : list) {
    if (!out.empty()) out += ",";
    out += to_hex(w.address) + ":" + std::to_string(w.amount_gwei);
  }
  return "[" + out + "]";
}

std::string hash_list(const std::vector<base::Bytes32>& list) {
  if (list.empty()) return "[]";
  // Long lists are summarized by count and a digest of the concatenation.
  std::vector<uint8_t> all;
  for (const base::Bytes32& h : list)
    all.insert(all.end(), h.bytes, h.bytes + 32);
  return std::to_string(list.size()) + " hashes, keccak " +
         to_hex(hash::keccak256(base::ByteSpan(all.data(), all.size())));
}

// §3.7 items 1-6 against a real header of this block.
void check_header(const BlockWitness& block,
                  const ReplayResult& r,
                  const HeaderJson& hj,
                  Checks& c) {
  const eth::Header& h = hj.header;
  const BlockMetadata& m = block.meta;
  c.hash("state_root", "post-state root vs header stateRoot", h.state_root, r.post_state_root);
  c.hash("transactions_root", "transactions root vs header transactionsRoot", h.transactions_root,
         r.transactions_root);
  c.hash("receipts_root", "receipts root vs header receiptsRoot", h.receipts_root, r.receipts_root);
  c.number("gas_used", "Σ gas_used vs header gasUsed", h.gas_used, r.gas_used);
  c.add("logs_bloom", "union of receipt blooms vs header logsBloom", to_hex(h.logs_bloom.span()),
        to_hex(base::ByteSpan(r.logs_bloom.data(), 256)));
  c.hash("block_hash", "keccak(rlp(header)) vs header hash", hj.hash, header_hash(h, hj.source));
  c.hash("cur_hash", "b_hashes.cur_hash vs header hash", hj.hash, block.hashes.cur_hash);
  c.hash("parent_hash", "b_hashes.prev_hashes[255] vs header parentHash", h.parent_hash,
         block.hashes.prev_hashes[255]);

  // §1.5: b_meta mirrors the header (block_chain_id comes from eth_chainId, not the header).
  c.add("b_meta.block_beneficiary", "b_meta vs header miner", to_hex(h.beneficiary),
        to_hex(m.beneficiary));
  c.number("b_meta.block_timestamp", "b_meta vs header timestamp", h.timestamp, m.timestamp);
  c.number("b_meta.block_number", "b_meta vs header number", h.number, m.number);
  c.add("b_meta.block_difficulty", "b_meta vs header difficulty", quantity_hex(h.difficulty),
        quantity_hex(m.difficulty));
  c.hash("b_meta.block_random", "b_meta vs header mixHash", h.mix_hash, m.random);
  c.number("b_meta.block_gaslimit", "b_meta vs header gasLimit", h.gas_limit, m.gas_limit);
  c.number("b_meta.block_gas_used", "b_meta vs header gasUsed", h.gas_used, m.gas_used);
  c.add("b_meta.block_bloom", "b_meta vs header logsBloom", to_hex(h.logs_bloom.span()),
        to_hex(base::ByteSpan(m.bloom.data(), 256)));
  if (h.has(eth::HeaderFork::london)) {
    c.add("b_meta.block_base_fee", "b_meta vs header baseFeePerGas",
          quantity_hex(h.base_fee_per_gas), quantity_hex(m.base_fee));
  }
  if (h.has(eth::HeaderFork::cancun)) {
    c.number("b_meta.block_blob_gas_used", "b_meta vs header blobGasUsed", h.blob_gas_used,
             m.blob_gas_used);
    c.number("b_meta.block_excess_blob_gas", "b_meta vs header excessBlobGas", h.excess_blob_gas,
             m.excess_blob_gas);
    c.hash("b_meta.parent_beacon_block_root", "b_meta vs header parentBeaconBlockRoot",
           h.parent_beacon_block_root, m.parent_beacon_block_root);
  }

  // §3.7 item 6: the witness's (address, Gwei) pairs are the header's withdrawals.
  if (hj.withdrawals) {
    std::vector<WitnessWithdrawal> expected;
    for (const eth::Withdrawal& w : *hj.withdrawals) {
      expected.push_back(WitnessWithdrawal{w.address, w.amount_gwei});
    }
    c.add("withdrawals", "witness withdrawals vs header withdrawals (address:Gwei)",
          withdrawal_list(expected), withdrawal_list(block.withdrawals));
    if (h.has(eth::HeaderFork::shanghai)) {
      base::Result<base::Bytes32> root = eth::withdrawals_root(
          base::Span<const eth::Withdrawal>(hj.withdrawals->data(), hj.withdrawals->size()));
      if (!root) throw InputError(hj.source, "withdrawals", describe(root.error()));
      c.hash("withdrawals_root", "root of the header's withdrawals vs header withdrawalsRoot",
             h.withdrawals_root, *root);
    }
  }
  if (hj.transaction_hashes) {
    std::vector<base::Bytes32> ours;
    for (const TxnInfo& txn : block.txns) {
      if (txn.byte_code.empty()) continue;
      ours.push_back(hash::keccak256(base::ByteSpan(txn.byte_code.data(), txn.byte_code.size())));
    }
    c.add("transaction_hashes", "hashes of the witness's transactions vs header transactions",
          hash_list(*hj.transaction_hashes), hash_list(ours));
  }
}

// The parent's header, for the first block: §3.7 items 1 and 4 against it.
void check_parent(const BlockWitness& block,
                  const BlockReport& report,
                  const HeaderJson& parent,
                  Checks& c) {
  c.hash("pre_state_root", "pre-state root vs parent header stateRoot", parent.header.state_root,
         report.pre_state_root);
  c.hash("parent.block_hash", "keccak(rlp(parent header)) vs parent header hash", parent.hash,
         header_hash(parent.header, parent.source));
  c.hash("parent.hash", "b_hashes.prev_hashes[255] vs parent header hash", parent.hash,
         block.hashes.prev_hashes[255]);
  c.number("parent.number", "parent header number + 1 vs block number", parent.header.number + 1,
           block.meta.number);
}

// §3.7 item 8: block i continues block i - 1 of the same file.
void check_continuity(const BlockWitness& prev,
                      const BlockReport& prev_report,
                      const BlockWitness& block,
                      const BlockReport& report,
                      Checks& c) {
  c.hash("pre_state_root", "pre-state root vs previous block's post-state root",
         prev_report.post_state_root, report.pre_state_root);
  c.number("chain.number", "previous block number + 1 vs block number", prev.meta.number + 1,
           block.meta.number);
  c.hash("chain.parent_hash", "previous block's cur_hash vs prev_hashes[255]", prev.hashes.cur_hash,
         block.hashes.prev_hashes[255]);
  bool shifted = true;
  for (size_t i = 0; i + 1 < 256; ++i) {
    shifted = shifted && block.hashes.prev_hashes[i] == prev.hashes.prev_hashes[i + 1];
  }
  c.add("chain.prev_hashes", "prev_hashes shifted by one from the previous block", "shifted",
        shifted ? "shifted" : "not shifted");
  c.hash("chain.checkpoint_root", "checkpoint root vs the previous block's",
         prev.checkpoint_state_trie_root, block.checkpoint_state_trie_root);
}

}  // namespace

bool BlockReport::ok() const {
  return first_failure() == nullptr;
}

const CheckResult* BlockReport::first_failure() const {
  for (const CheckResult& c : checks) {
    if (!c.ok) return &c;
  }
  return nullptr;
}

std::vector<BlockReport> check_blocks(const std::vector<BlockWitness>& blocks,
                                      const std::string& file,
                                      const CheckOptions& options) {
  std::map<uint64_t, const HeaderJson*> headers;
  for (const HeaderJson& h : options.headers) {
    if (!headers.emplace(h.header.number, &h).second) {
      throw InputError(h.source, "number",
                       "a second header for block " + std::to_string(h.header.number));
    }
  }
  for (const auto& [number, h] : headers) {
    bool found = false;
    for (const BlockWitness& b : blocks)
      found = found || b.meta.number == number;
    if (!found) {
      throw InputError(h->source, "number",
                       "block " + std::to_string(number) + " is not in " + file);
    }
  }

  std::vector<BlockReport> reports(blocks.size());
  for (size_t i = 0; i < blocks.size(); ++i) {
    const BlockWitness& block = blocks[i];
    BlockReport& report = reports[i];
    report.number = block.meta.number;
    report.hash = block.hashes.cur_hash;

    CompactTree tree = decode_block_compact(block, file);
    PreState pre = build_block_pre_state(block, tree, file);
    report.pre_state_root = pre.state_root;
    if (options.guest_inputs) report.guest_input = make_guest_input(block, pre);

    ReplayResult r = replay_block(block, pre, file);
    report.transactions = r.transactions;
    report.gas_used = r.gas_used;
    report.post_state_root = r.post_state_root;
    report.transactions_root = r.transactions_root;
    report.receipts_root = r.receipts_root;
    report.beacon_root_written = r.beacon_root_written;

    Checks c(report.checks);
    if (i > 0) {
      check_continuity(blocks[i - 1], reports[i - 1], block, report, c);
    } else if (options.parent_header) {
      check_parent(block, report, *options.parent_header, c);
    } else {
      c.hash("pre_state_root", "pre-state root vs checkpoint_state_trie_root",
             block.checkpoint_state_trie_root, report.pre_state_root);
    }
    c.number("gas_used.b_meta", "Σ gas_used vs b_meta.block_gas_used", block.meta.gas_used,
             r.gas_used);
    if (r.cumulative_gas_mismatch) {
      const CumulativeGasMismatch& g = *r.cumulative_gas_mismatch;
      c.add("receipts.cumulative_gas",
            "txn_info[" + std::to_string(g.txn) + "] receipt cumulative gas vs running Σ gas_used",
            std::to_string(g.running_total), std::to_string(g.receipt_cumulative));
    } else {
      c.add("receipts.cumulative_gas", "every receipt's cumulative gas vs running Σ gas_used",
            "equal", "equal");
    }
    c.add("logs_bloom.b_meta", "union of receipt blooms vs b_meta.block_bloom",
          to_hex(base::ByteSpan(block.meta.bloom.data(), 256)),
          to_hex(base::ByteSpan(r.logs_bloom.data(), 256)));

    auto header = headers.find(block.meta.number);
    if (header != headers.end()) {
      report.header_checked = true;
      check_header(block, r, *header->second, c);
      if (report.guest_input) {
        const HeaderJson& hj = *header->second;
        base::Bytes rlp;
        base::Status s = eth::encode_header(hj.header, rlp);
        if (!s) throw InputError(hj.source, "", "cannot encode the header: " + describe(s.error()));
        report.guest_input->header_rlp.assign(rlp.begin(), rlp.end());
        if (hj.withdrawals && hj.withdrawals->size() == block.withdrawals.size()) {
          report.guest_input->withdrawals.clear();
          for (const eth::Withdrawal& w : *hj.withdrawals) {
            report.guest_input->withdrawals.push_back(
                GuestWithdrawal{w.index, w.validator_index, w.address, w.amount_gwei});
          }
          report.guest_input->withdrawal_indices_known = true;
        }
      }
    }
  }
  return reports;
}

}  // namespace zkbatch::witness
