// SPDX-License-Identifier: Apache-2.0
// Field names are those of the Ethereum JSON-RPC block object (execution-apis, `Block` schema);
// the fork of the header follows from which optional fields are present, as the RLP layout does
// (eth/header.hpp).
#include "witness/header_json.hpp"

#include <cstring>

#include "witness/detail/json_reader.hpp"
#include "witness/error.hpp"

namespace zkbatch::witness {

namespace {

using detail::JsonReader;

template <size_t N>
void read_fixed(const JsonReader& r, uint8_t (&out)[N], const char* what) {
  ByteVector bytes = r.bytes(base::HexPrefix::required);
  if (bytes.size() != N) {
    r.fail(std::string("expected ") + what + " of " + std::to_string(N) + " bytes, found " +
           std::to_string(bytes.size()));
  }
  std::memcpy(out, bytes.data(), N);
}

std::optional<JsonReader> present(const JsonReader& r, std::string_view name) {
  std::optional<JsonReader> f = r.optional_field(name);
  if (f && f->is_null()) return std::nullopt;
  return f;
}

eth::Withdrawal read_withdrawal(const JsonReader& r) {
  eth::Withdrawal w;
  w.index = r.field("index").u64_quantity();
  w.validator_index = r.field("validatorIndex").u64_quantity();
  w.address = r.field("address").address();
  w.amount_gwei = r.field("amount").u64_quantity();
  return w;
}

HeaderJson read_block(const JsonReader& block) {
  block.expect_object();
  HeaderJson out;
  out.source = block.file() + (block.path().empty() ? "" : ": " + block.path());
  eth::Header& h = out.header;
  h.parent_hash = block.field("parentHash").bytes32();
  h.ommers_hash = block.field("sha3Uncles").bytes32();
  h.beneficiary = block.field("miner").address();
  h.state_root = block.field("stateRoot").bytes32();
  h.transactions_root = block.field("transactionsRoot").bytes32();
  h.receipts_root = block.field("receiptsRoot").bytes32();
  read_fixed(block.field("logsBloom"), h.logs_bloom.bytes, "a logs bloom");
  h.difficulty = block.field("difficulty").u256();
  h.number = block.field("number").u64_quantity();
  h.gas_limit = block.field("gasLimit").u64_quantity();
  h.gas_used = block.field("gasUsed").u64_quantity();
  h.timestamp = block.field("timestamp").u64_quantity();
  JsonReader extra = block.field("extraData");
  ByteVector extra_data = extra.bytes(base::HexPrefix::required);
  if (extra_data.size() > 32) extra.fail("extra data longer than 32 bytes");
  if (!extra_data.empty()) std::memcpy(h.extra_data, extra_data.data(), extra_data.size());
  h.extra_data_size = static_cast<uint8_t>(extra_data.size());
  h.mix_hash = block.field("mixHash").bytes32();
  read_fixed(block.field("nonce"), h.nonce, "a nonce");

  // The fork: each later field requires the earlier ones.
  h.fork = eth::HeaderFork::frontier;
  if (auto f = present(block, "baseFeePerGas")) {
    h.base_fee_per_gas = f->u256();
    h.fork = eth::HeaderFork::london;
    if (auto w = present(block, "withdrawalsRoot")) {
      h.withdrawals_root = w->bytes32();
      h.fork = eth::HeaderFork::shanghai;
      auto blob = present(block, "blobGasUsed");
      auto excess = present(block, "excessBlobGas");
      auto beacon = present(block, "parentBeaconBlockRoot");
      if (blob || excess || beacon) {
        if (!blob || !excess || !beacon) {
          block.fail("a Cancun header needs blobGasUsed, excessBlobGas and parentBeaconBlockRoot");
        }
        h.blob_gas_used = blob->u64_quantity();
        h.excess_blob_gas = excess->u64_quantity();
        h.parent_beacon_block_root = beacon->bytes32();
        h.fork = eth::HeaderFork::cancun;
        if (auto requests = present(block, "requestsHash")) {
          h.requests_hash = requests->bytes32();
          h.fork = eth::HeaderFork::prague;
        }
      }
    }
  }

  out.hash = block.field("hash").bytes32();
  if (auto list = present(block, "withdrawals")) {
    std::vector<eth::Withdrawal> withdrawals;
    size_t n = list->array_size();
    for (size_t i = 0; i < n; ++i)
      withdrawals.push_back(read_withdrawal(list->at(i)));
    out.withdrawals = std::move(withdrawals);
  }
  if (auto txs = present(block, "transactions")) {
    std::vector<base::Bytes32> hashes;
    size_t n = txs->array_size();
    for (size_t i = 0; i < n; ++i) {
      JsonReader item = txs->at(i);
      hashes.push_back(item.value().is_object() ? item.field("hash").bytes32() : item.bytes32());
    }
    out.transaction_hashes = std::move(hashes);
  }
  return out;
}

}  // namespace

std::vector<HeaderJson> parse_header_json(const nlohmann::json& document,
                                          const std::string& source) {
  JsonReader root(document, "", source);
  std::vector<HeaderJson> out;
  if (!document.is_array()) {
    out.push_back(read_block(root));
    return out;
  }
  size_t n = root.array_size();
  if (n == 0) root.fail("the header array holds no block");
  for (size_t i = 0; i < n; ++i)
    out.push_back(read_block(root.at(i)));
  return out;
}

std::vector<HeaderJson> parse_header_text(std::string_view text, const std::string& source) {
  return parse_header_json(detail::parse_json_text(text, source), source);
}

std::vector<HeaderJson> read_header_file(const std::string& path) {
  return parse_header_json(detail::load_json_file(path), path);
}

}  // namespace zkbatch::witness
