// SPDX-License-Identifier: Apache-2.0
// Transaction envelopes (EIP-2718) of all four types: the ethereum/tests TransactionTests,
// signing hashes checked by recovering the sender with an independent secp256k1 (OpenSSL),
// EIP-155's worked example, and strict rejection of malformed envelopes.
#include "eth/transaction.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "eth/rlp.hpp"
#include "eth_test_util.hpp"
#include "secp256k1_oracle.hpp"

namespace zkbatch::eth {
namespace {

using base::ByteSpan;
using base::Errc;
using test::Blob;
using test::from_hex;
using test::to_hex;
using test::view;

Blob u256_bytes(const base::U256& v) {
  Blob out(32);
  v.to_be_bytes(out.data());
  return out;
}

// The address that signed `tx`, through the independent oracle.
std::optional<Blob> sender_of(const Transaction& tx) {
  auto hash = signing_hash(tx);
  if (!hash.ok()) return std::nullopt;
  Blob r = u256_bytes(tx.r), s = u256_bytes(tx.s);
  return test::recover_sender(hash->bytes, r.data(), s.data(), tx.y_parity);
}

// Exceptions that make the bytes themselves invalid, so decoding must fail. The others
// (signature ranges, chain id, intrinsic gas, fee rules, EIP-2681's nonce cap) are validity
// rules checked when a block is validated, not by the decoder.
bool is_decoding_exception(const std::string& e) {
  static const std::set<std::string> kDecoding = {
      "TransactionException.ADDRESS_TOO_LONG",   "TransactionException.ADDRESS_TOO_SHORT",
      "TransactionException.TYPE_NOT_SUPPORTED", "TransactionException.NONCE_OVERFLOW",
      "TransactionException.GASLIMIT_OVERFLOW",  "TransactionException.GASPRICE_OVERFLOW",
      "TransactionException.VALUE_OVERFLOW",     "TransactionException.PRIORITY_OVERFLOW"};
  return e.rfind("TransactionException.RLP_", 0) == 0 || kDecoding.count(e) > 0;
}

// The newest fork a fixture has a result for (some were filled only up to Shanghai or London).
const nlohmann::json* latest_result(const nlohmann::json& result) {
  for (const char* fork : {"Cancun", "Shanghai", "Paris", "London", "Berlin"}) {
    if (result.contains(fork)) return &result[fork];
  }
  return nullptr;
}

class TransactionFixtures : public ::testing::TestWithParam<const char*> {};

// ethereum/tests TransactionTests/<folder>: valid transactions decode, re-encode to the same
// bytes, hash to the fixture's hash and recover the fixture's sender; transactions whose bytes
// are invalid are rejected.
TEST_P(TransactionFixtures, DecodeHashAndSender) {
  ZKB_REQUIRE_SHARED(dir, std::string("ethereum-tests/TransactionTests/") + GetParam());
  int valid = 0, rejected = 0, validity_only = 0;
  for (const auto& file : std::filesystem::directory_iterator(dir)) {
    auto fixtures = test::load_json(file.path());
    for (const auto& [name, entry] : fixtures.items()) {
      SCOPED_TRACE(file.path().filename().string() + ":" + name);
      Blob bytes = from_hex(entry["txbytes"].get<std::string>());
      const nlohmann::json* expected = latest_result(entry["result"]);
      ASSERT_NE(expected, nullptr);
      auto tx = decode_transaction(view(bytes));
      if (expected->contains("hash")) {
        ASSERT_TRUE(tx.ok()) << test::describe(tx.error());
        EXPECT_EQ(to_hex(transaction_hash(view(bytes)).span()),
                  (*expected)["hash"].get<std::string>());
        base::Bytes again;
        ASSERT_TRUE(encode_transaction(*tx, again).ok());
        EXPECT_EQ(to_hex(again.span()), to_hex(view(bytes)));
        auto sender = sender_of(*tx);
        ASSERT_TRUE(sender.has_value());
        EXPECT_EQ(to_hex(view(*sender)), (*expected)["sender"].get<std::string>());
        ++valid;
      } else {
        std::string exception = (*expected)["exception"].get<std::string>();
        if (is_decoding_exception(exception)) {
          EXPECT_FALSE(tx.ok()) << exception;
          ++rejected;
        } else {
          ++validity_only;
        }
      }
    }
  }
  std::cout << "[ " << GetParam() << " ] " << valid << " valid, " << rejected
            << " rejected by decoding, " << validity_only
            << " invalid only by validity rules (not a decoding matter)\n";
  EXPECT_GT(valid + rejected, 0);
}

INSTANTIATE_TEST_SUITE_P(Folders,
                         TransactionFixtures,
                         ::testing::Values("ttAddress",
                                           "ttData",
                                           "ttEIP1559",
                                           "ttEIP2028",
                                           "ttEIP2930",
                                           "ttEIP3860",
                                           "ttGasLimit",
                                           "ttGasPrice",
                                           "ttNonce",
                                           "ttRSValue",
                                           "ttSignature",
                                           "ttVValue",
                                           "ttValue",
                                           "ttWrongRLP"));

// EIP-155, "Example": nonce 9, gas price 20 gwei, gas 21000, to 0x35..35, value 1 ether, chain 1.
TEST(Transaction, Eip155Example) {
  Blob signed_tx = from_hex(
      "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025"
      "a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb70330"
      "4b3800ccf555c9f3dc64214b297fb1966a3b6d83");
  auto tx = decode_transaction(view(signed_tx));
  ASSERT_TRUE(tx.ok()) << test::describe(tx.error());
  EXPECT_EQ(tx->type, TxType::legacy);
  EXPECT_TRUE(tx->has_chain_id);
  EXPECT_EQ(tx->chain_id, 1u);
  EXPECT_EQ(tx->v, 37u);
  EXPECT_EQ(tx->y_parity, 0);
  EXPECT_EQ(tx->nonce, 9u);
  EXPECT_EQ(tx->gas_price, base::U256(20000000000ull));
  EXPECT_EQ(tx->gas_limit, 21000u);
  EXPECT_EQ(tx->value, base::U256(1000000000000000000ull));
  EXPECT_TRUE(tx->data.empty());
  auto hash = signing_hash(*tx);
  ASSERT_TRUE(hash.ok());
  // The EIP's signing data is ec098504a817c800...80018080; its Keccak-256 is below.
  EXPECT_EQ(to_hex(hash->span()),
            "0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
  // The EIP's private key is 0x4646..46; its address is 0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f.
  auto sender = sender_of(*tx);
  ASSERT_TRUE(sender.has_value());
  EXPECT_EQ(to_hex(view(*sender)), "0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f");
}

Transaction sample(TxType type) {
  Transaction tx;
  tx.type = type;
  tx.has_chain_id = true;
  tx.chain_id = 1;
  tx.nonce = 7;
  tx.gas_limit = 100000;
  tx.has_to = true;
  for (int i = 0; i < 20; ++i)
    tx.to.bytes[i] = static_cast<uint8_t>(0xa0 + i);
  tx.value = base::U256(12345);
  Blob data = from_hex("0xdeadbeef");
  EXPECT_TRUE(base::append(tx.data, view(data)).ok());
  if (type == TxType::access_list) tx.gas_price = base::U256(5);
  if (type == TxType::dynamic_fee || type == TxType::blob) {
    tx.max_priority_fee_per_gas = base::U256(2);
    tx.max_fee_per_gas = base::U256(300);
  }
  if (type != TxType::legacy) {
    AccessListEntry entry;
    entry.address = tx.to;
    entry.first_key = 0;
    entry.key_count = 2;
    EXPECT_TRUE(tx.access_list.push_back(entry));
    base::Bytes32 k{};
    k.bytes[31] = 1;
    EXPECT_TRUE(tx.access_list_keys.push_back(k));
    k.bytes[31] = 2;
    EXPECT_TRUE(tx.access_list_keys.push_back(k));
    AccessListEntry empty;
    empty.first_key = 2;
    EXPECT_TRUE(tx.access_list.push_back(empty));
  }
  if (type == TxType::blob) {
    tx.max_fee_per_blob_gas = base::U256(9);
    base::Bytes32 h{};
    h.bytes[0] = 1;
    EXPECT_TRUE(tx.blob_versioned_hashes.push_back(h));
  }
  tx.v = 1;
  tx.y_parity = 1;
  tx.r = base::U256(0x1234);
  tx.s = base::U256(0x5678);
  return tx;
}

TEST(Transaction, TypedRoundTripsAndFieldLayout) {
  for (TxType type : {TxType::access_list, TxType::dynamic_fee, TxType::blob}) {
    SCOPED_TRACE(static_cast<int>(type));
    Transaction tx = sample(type);
    base::Bytes bytes;
    ASSERT_TRUE(encode_transaction(tx, bytes).ok());
    ASSERT_EQ(bytes[0], static_cast<uint8_t>(type));
    auto back = decode_transaction(bytes.span());
    ASSERT_TRUE(back.ok()) << test::describe(back.error());
    EXPECT_EQ(back->chain_id, 1u);
    EXPECT_EQ(back->nonce, 7u);
    EXPECT_EQ(back->gas_price, tx.gas_price);
    EXPECT_EQ(back->max_fee_per_gas, tx.max_fee_per_gas);
    EXPECT_EQ(back->max_priority_fee_per_gas, tx.max_priority_fee_per_gas);
    EXPECT_EQ(back->to, tx.to);
    EXPECT_EQ(back->access_list.size(), 2u);
    EXPECT_EQ(back->access_list[0].key_count, 2u);
    EXPECT_EQ(back->access_list[1].key_count, 0u);
    EXPECT_EQ(back->access_list_keys[1].bytes[31], 2);
    EXPECT_EQ(back->blob_versioned_hashes.size(), type == TxType::blob ? 1u : 0u);
    EXPECT_EQ(back->y_parity, 1);
    EXPECT_EQ(back->r, base::U256(0x1234));
    // The field count of each type (EIP-2930: 11, EIP-1559: 12, EIP-4844: 14).
    auto fields = rlp::decode_list(bytes.span().subspan(1));
    ASSERT_TRUE(fields.ok());
    size_t count = 0;
    while (!fields->empty()) {
      ASSERT_TRUE(fields->read_item().ok());
      ++count;
    }
    EXPECT_EQ(count, type == TxType::access_list ? 11u : type == TxType::dynamic_fee ? 12u : 14u);
    // The signing payload is type || rlp(fields without the last three).
    auto hash = signing_hash(tx);
    ASSERT_TRUE(hash.ok());
    base::Bytes payload;
    rlp::Encoder e(payload);
    uint8_t t = static_cast<uint8_t>(type);
    e.raw(ByteSpan(&t, 1));
    auto all = rlp::decode_list(bytes.span().subspan(1));
    size_t mark = e.begin_list();
    for (size_t i = 0; i + 3 < count; ++i)
      e.raw(*all->read_raw());
    e.end_list(mark);
    EXPECT_EQ(to_hex(hash->span()), to_hex(view(test::ref_keccak_blob(payload.span()))));
  }
}

TEST(Transaction, MalformedEnvelopesAreRejected) {
  Transaction tx = sample(TxType::dynamic_fee);
  base::Bytes bytes;
  ASSERT_TRUE(encode_transaction(tx, bytes).ok());
  Blob good = test::to_blob(bytes.span());
  // Unknown type bytes, a bare string, an empty input.
  for (uint8_t type : {0x00, 0x04, 0x7f, 0x80}) {
    Blob b = good;
    b[0] = type;
    auto r = decode_transaction(view(b));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, Errc::malformed);
  }
  EXPECT_EQ(decode_transaction(ByteSpan()).error().code, Errc::truncated);
  // Trailing bytes after the list.
  Blob trailing = good;
  trailing.push_back(0x00);
  EXPECT_FALSE(decode_transaction(view(trailing)).ok());
  // A type-2 payload under type 1 has the wrong field count.
  Blob retyped = good;
  retyped[0] = 1;
  auto wrong_count = decode_transaction(view(retyped));
  ASSERT_FALSE(wrong_count.ok());
  EXPECT_STREQ(wrong_count.error().detail, "transaction has too many fields");
  // A blob transaction must have a recipient.
  Transaction blob = sample(TxType::blob);
  blob.has_to = false;
  base::Bytes blob_bytes;
  ASSERT_TRUE(encode_transaction(blob, blob_bytes).ok());
  auto no_to = decode_transaction(blob_bytes.span());
  ASSERT_FALSE(no_to.ok());
  EXPECT_STREQ(no_to.error().detail, "blob transaction cannot create a contract");
  // A typed y parity of 2.
  Transaction parity = sample(TxType::access_list);
  parity.v = 2;
  base::Bytes parity_bytes;
  ASSERT_TRUE(encode_transaction(parity, parity_bytes).ok());
  EXPECT_FALSE(decode_transaction(parity_bytes.span()).ok());
  // A legacy v of 30 is neither pre-EIP-155 nor EIP-155.
  Transaction legacy = sample(TxType::legacy);
  legacy.v = 30;
  base::Bytes legacy_bytes;
  ASSERT_TRUE(encode_transaction(legacy, legacy_bytes).ok());
  EXPECT_FALSE(decode_transaction(legacy_bytes.span()).ok());
  // Every truncation of a valid envelope is rejected, never read past its end.
  for (size_t n = 0; n < good.size(); ++n) {
    EXPECT_FALSE(decode_transaction(ByteSpan(good.data(), n)).ok()) << n;
  }
}

}  // namespace
}  // namespace zkbatch::eth
