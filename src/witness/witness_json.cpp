// SPDX-License-Identifier: Apache-2.0
// Field names, types and meanings follow ../shared/reference/zk_evm_witness.md §1; each reader
// below cites the subsection it implements.
#include "witness/witness_json.hpp"

#include <algorithm>
#include <cstring>

#include "hash/keccak.hpp"
#include "witness/detail/json_reader.hpp"
#include "witness/error.hpp"

namespace zkbatch::witness {

namespace {

using detail::JsonReader;

// A plain `Vec<u8>` serializes as a JSON array of numbers (§1.1); a hex string is accepted too.
ByteVector read_byte_array(const JsonReader& r) {
  if (r.value().is_string()) return r.bytes();
  size_t n = r.array_size();
  ByteVector out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    JsonReader item = r.at(i);
    uint64_t v = item.u64_number();
    if (v > 255) item.fail("byte value " + std::to_string(v) + " exceeds 255");
    out.push_back(static_cast<uint8_t>(v));
  }
  return out;
}

// §1.2: `code_db` is absent, null (v0.6.0 files), a set of codes (HEAD) or a map hash → code
// (v0.6.0). The map's keys are checked against the codes' Keccak-256.
void read_code_db(const JsonReader& trace, BlockWitness& block) {
  std::optional<JsonReader> db = trace.optional_field("code_db");
  if (!db) {
    block.code_db_form = CodeDbForm::absent;
    return;
  }
  if (db->is_null()) {
    block.code_db_form = CodeDbForm::null;
    return;
  }
  if (db->value().is_array()) {
    block.code_db_form = CodeDbForm::array;
    size_t n = db->array_size();
    for (size_t i = 0; i < n; ++i)
      block.code_db.push_back(read_byte_array(db->at(i)));
    return;
  }
  if (!db->value().is_object()) db->fail("expected null, an array of codes or a hash → code map");
  block.code_db_form = CodeDbForm::map;
  for (const auto& [key, value] : db->value().items()) {
    JsonReader entry = db->member(key, value);
    nlohmann::json key_json = key;
    base::Bytes32 hash = JsonReader(key_json, entry.path(), entry.file()).bytes32();
    ByteVector code = read_byte_array(entry);
    if (hash::keccak256(base::ByteSpan(code.data(), code.size())) != hash) {
      entry.fail("code does not hash to its key");
    }
    block.code_db.push_back(std::move(code));
  }
}

// §1.3: one account's changes in one transaction. Absent and null fields mean "unchanged".
TxnTrace read_trace(const JsonReader& r) {
  r.expect_object();
  TxnTrace t;
  auto present = [&](std::string_view name) -> std::optional<JsonReader> {
    std::optional<JsonReader> f = r.optional_field(name);
    if (f && f->is_null()) return std::nullopt;
    return f;
  };
  if (auto f = present("balance")) t.balance = f->u256();
  if (auto f = present("nonce")) {
    base::U256 nonce = f->u256();
    if (!nonce.fits_uint64()) f->fail("nonce exceeds 2^64 - 1 (EIP-2681)");
    t.nonce = nonce.low64();
  }
  if (auto f = present("storage_read")) {
    size_t n = f->array_size();
    for (size_t i = 0; i < n; ++i)
      t.storage_read.push_back(f->at(i).bytes32());
  }
  if (auto f = present("storage_written")) {
    f->expect_object();
    for (const auto& [key, value] : f->value().items()) {
      JsonReader entry = f->member(key, value);
      nlohmann::json key_json = key;
      base::Bytes32 slot = JsonReader(key_json, entry.path(), entry.file()).bytes32();
      t.storage_written.push_back(StorageWrite{slot, entry.u256()});
    }
    auto by_slot = [](const auto& a, const auto& b) {
      return memcmp(a.slot.bytes, b.slot.bytes, 32) < 0;
    };
    std::sort(t.storage_written.begin(), t.storage_written.end(), by_slot);
    for (size_t i = 1; i < t.storage_written.size(); ++i) {
      if (t.storage_written[i - 1].slot == t.storage_written[i].slot) {
        f->fail("a storage slot is written twice (keys differing only in case)");
      }
    }
  }
  if (auto f = present("code_usage")) {
    f->expect_object();
    if (f->value().size() != 1) f->fail("expected exactly one of \"read\" or \"write\"");
    if (auto read = f->optional_field("read")) {
      t.code_usage.kind = CodeUsage::Kind::read;
      t.code_usage.read_hash = read->bytes32();
    } else if (auto write = f->optional_field("write")) {
      t.code_usage.kind = CodeUsage::Kind::write;
      t.code_usage.written_code = write->bytes();
    } else {
      f->fail("expected exactly one of \"read\" or \"write\"");
    }
  }
  if (auto f = present("self_destructed")) t.self_destructed = f->boolean();
  return t;
}

// §1.3 and §1.4: the traces map and the transaction's metadata.
TxnInfo read_txn(const JsonReader& r) {
  TxnInfo txn;
  JsonReader traces = r.field("traces");
  traces.expect_object();
  for (const auto& [key, value] : traces.value().items()) {
    JsonReader entry = traces.member(key, value);
    nlohmann::json key_json = key;
    eth::Address address = JsonReader(key_json, entry.path(), entry.file()).address();
    txn.traces.push_back(AccountTrace{address, read_trace(entry)});
  }
  // zk_evm applies the accounts in ascending address order (a BTreeMap at HEAD).
  std::sort(txn.traces.begin(), txn.traces.end(),
            [](const auto& a, const auto& b) { return a.address < b.address; });
  for (size_t i = 1; i < txn.traces.size(); ++i) {
    if (txn.traces[i - 1].address == txn.traces[i].address) {
      traces.fail("an address is listed twice (keys differing only in case)");
    }
  }

  JsonReader meta = r.field("meta");
  txn.byte_code = meta.field("byte_code").bytes();
  txn.receipt = meta.field("new_receipt_trie_node_byte").bytes();
  txn.gas_used = meta.field("gas_used").u64_number();
  if (auto dup = meta.optional_field("new_txn_trie_node_byte"); dup && !dup->is_null()) {
    txn.new_txn_trie_node_byte = dup->bytes();
    if (*txn.new_txn_trie_node_byte != txn.byte_code) {
      dup->fail("differs from byte_code (v0.6.0 writes the same bytes twice)");
    }
  }
  return txn;
}

// §1.5: b_meta, with the bloom rebuilt from 8 big-endian words.
BlockMetadata read_meta(const JsonReader& r) {
  BlockMetadata m;
  m.beneficiary = r.field("block_beneficiary").address();
  m.timestamp = r.field("block_timestamp").u64_quantity();
  m.number = r.field("block_number").u64_quantity();
  m.difficulty = r.field("block_difficulty").u256();
  m.random = r.field("block_random").bytes32();
  m.gas_limit = r.field("block_gaslimit").u64_quantity();
  m.chain_id = r.field("block_chain_id").u64_quantity();
  m.base_fee = r.field("block_base_fee").u256();
  m.gas_used = r.field("block_gas_used").u64_quantity();
  m.blob_gas_used = r.field("block_blob_gas_used").u64_quantity();
  m.excess_blob_gas = r.field("block_excess_blob_gas").u64_quantity();
  m.parent_beacon_block_root = r.field("parent_beacon_block_root").bytes32();
  JsonReader bloom = r.field("block_bloom");
  if (bloom.array_size() != 8) bloom.fail("expected 8 words of 32 bytes");
  for (size_t i = 0; i < 8; ++i) {
    base::U256 word = bloom.at(i).u256();
    word.to_be_bytes(m.bloom.data() + 32 * i);
  }
  return m;
}

BlockHashes read_hashes(const JsonReader& r) {
  BlockHashes h;
  JsonReader prev = r.field("prev_hashes");
  if (prev.array_size() != 256) {
    prev.fail("expected 256 hashes, found " + std::to_string(prev.array_size()));
  }
  for (size_t i = 0; i < 256; ++i)
    h.prev_hashes[i] = prev.at(i).bytes32();
  h.cur_hash = r.field("cur_hash").bytes32();
  return h;
}

void read_other_data(const JsonReader& r, BlockWitness& block) {
  JsonReader b_data = r.field("b_data");
  block.meta = read_meta(b_data.field("b_meta"));
  block.hashes = read_hashes(b_data.field("b_hashes"));
  JsonReader withdrawals = b_data.field("withdrawals");
  size_t n = withdrawals.array_size();
  for (size_t i = 0; i < n; ++i) {
    JsonReader pair = withdrawals.at(i);
    if (pair.array_size() != 2) pair.fail("expected [address, amount in Gwei]");
    WitnessWithdrawal w;
    w.address = pair.at(0).address();
    w.amount_gwei = pair.at(1).u64_quantity();
    block.withdrawals.push_back(w);
  }
  block.checkpoint_state_trie_root = r.field("checkpoint_state_trie_root").bytes32();
  if (auto hash = r.optional_field("checkpoint_consolidated_hash"); hash && !hash->is_null()) {
    if (hash->array_size() != 4) hash->fail("expected 4 Goldilocks elements");
    std::array<uint64_t, 4> elements{};
    for (size_t i = 0; i < 4; ++i)
      elements[i] = hash->at(i).u64_number();
    block.checkpoint_consolidated_hash = elements;
    block.version = FormatVersion::v0_7;
  } else {
    block.version = FormatVersion::v0_6;
  }
  if (auto burn = r.optional_field("burn_addr"); burn && !burn->is_null()) {
    block.burn_addr = burn->address();
  }
  if (auto ger = r.optional_field("ger_data"); ger && !ger->is_null()) {
    if (ger->array_size() != 2) ger->fail("expected [hash, hash]");
    block.ger_data = std::make_pair(ger->at(0).bytes32(), ger->at(1).bytes32());
  }
}

// §1.2: the pre-images. Only the jerigon "combined" form is supported.
void read_block_trace(const JsonReader& r, BlockWitness& block) {
  JsonReader pre = r.field("trie_pre_images");
  pre.expect_object();
  if (auto combined = pre.optional_field("combined")) {
    block.compact = combined->field("compact").bytes();
  } else if (pre.optional_field("separate")) {
    pre.fail(
        "the \"separate\" (native tracer) pre-image form is not supported; use a jerigon "
        "witness (\"combined\")");
  } else {
    pre.fail("expected \"combined\" pre-images");
  }
  read_code_db(r, block);
  JsonReader txns = r.field("txn_info");
  size_t n = txns.array_size();
  block.txns.reserve(n);
  for (size_t i = 0; i < n; ++i)
    block.txns.push_back(read_txn(txns.at(i)));
}

}  // namespace

std::vector<BlockWitness> parse_witness_json(const nlohmann::json& document,
                                             const std::string& source) {
  JsonReader root(document, "", source);
  if (!document.is_array()) {
    root.fail(std::string("expected a JSON array of blocks, found ") + document.type_name());
  }
  size_t n = root.array_size();
  if (n == 0) root.fail("the witness array holds no block");
  std::vector<BlockWitness> blocks(n);
  for (size_t i = 0; i < n; ++i) {
    JsonReader item = root.at(i);
    BlockWitness& block = blocks[i];
    block.json_path = item.path();
    read_block_trace(item.field("block_trace"), block);
    read_other_data(item.field("other_data"), block);
  }
  return blocks;
}

std::vector<BlockWitness> parse_witness_text(std::string_view text, const std::string& source) {
  return parse_witness_json(detail::parse_json_text(text, source), source);
}

std::vector<BlockWitness> read_witness_file(const std::string& path) {
  return parse_witness_json(detail::load_json_file(path), path);
}

}  // namespace zkbatch::witness
