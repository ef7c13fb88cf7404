// SPDX-License-Identifier: Apache-2.0
// Differential tests of the compact decoder and the trie builder: random states written in the
// compact encoding by the test's own writer (compact_writer.hpp) decode to the root that the
// Yellow Paper reference of tests/eth/mpt_reference.hpp computes from the key set alone, with any
// subset of the nodes hashed out; and every real witness survives decode → export → re-encode →
// decode with the same root and the same nodes.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "compact_writer.hpp"
#include "eth/account.hpp"
#include "eth/mpt.hpp"
#include "eth/mpt_reference.hpp"
#include "hash/keccak.hpp"
#include "witness/compact.hpp"
#include "witness/pre_state.hpp"
#include "witness/witness_json.hpp"
#include "witness_test_util.hpp"

namespace zkbatch::witness {
namespace {

using test::Blob;
using test::NodeMap;

// A random state: accounts at keccak(i), some with storage and code.
struct RandomState {
  eth::test::BlobMap accounts;  // hashed address -> rlp(account), for the reference root
  NodeMap nodes;                // every node of the state and storage tries
  CodeMap codes;
  base::Bytes32 root{};
};

Blob keccak_blob(const Blob& data) {
  base::Bytes32 h = hash::keccak256(base::ByteSpan(data.data(), data.size()));
  return Blob(h.bytes, h.bytes + 32);
}

void export_into(eth::Trie& trie, NodeMap& nodes) {
  base::Vector<base::Bytes> list;
  ASSERT_TRUE(trie.export_nodes(list).ok());
  for (const base::Bytes& n : list)
    nodes.emplace(hash::keccak256(n.span()), Blob(n.begin(), n.end()));
}

RandomState make_state(uint32_t seed, size_t count) {
  std::mt19937_64 rng(seed);
  RandomState s;
  eth::Trie state;
  for (size_t i = 0; i < count; ++i) {
    Blob key = keccak_blob(
        Blob{static_cast<uint8_t>(i), static_cast<uint8_t>(i >> 8), static_cast<uint8_t>(seed)});
    eth::Account a;
    a.nonce = rng() % 3 == 0 ? 0 : rng() % 1000;
    a.balance = rng() % 4 == 0 ? base::U256() : base::U256::from_limbs(rng(), rng() % 7, 0, 0);
    if (rng() % 3 == 0) {
      eth::test::BlobMap slots;
      eth::Trie storage;
      size_t n = 1 + rng() % 20;
      for (size_t j = 0; j < n; ++j) {
        Blob slot = keccak_blob(Blob{static_cast<uint8_t>(j), static_cast<uint8_t>(i)});
        uint64_t v = 1 + rng() % 100000;
        base::Bytes value;
        EXPECT_TRUE(eth::encode_storage_value(base::U256(v), value).ok());
        slots[slot] = Blob(value.begin(), value.end());
        EXPECT_TRUE(storage.insert(base::ByteSpan(slot.data(), 32), value.span()).ok());
      }
      Blob ref = eth::test::ref_trie_root(slots);
      std::memcpy(a.storage_root.bytes, ref.data(), 32);
      export_into(storage, s.nodes);
    }
    if (rng() % 4 == 0) {
      Blob code(1 + rng() % 300);
      for (uint8_t& b : code)
        b = static_cast<uint8_t>(rng());
      a.code_hash = add_code(s.codes, base::ByteSpan(code.data(), code.size()));
    }
    base::Bytes rlp;
    EXPECT_TRUE(eth::encode_account(a, rlp).ok());
    s.accounts[key] = Blob(rlp.begin(), rlp.end());
    EXPECT_TRUE(state.insert(base::ByteSpan(key.data(), 32), rlp.span()).ok());
  }
  export_into(state, s.nodes);
  Blob ref = eth::test::ref_trie_root(s.accounts);
  std::memcpy(s.root.bytes, ref.data(), 32);
  return s;
}

base::Bytes32 decoded_root(const Blob& blob, size_t* hash_nodes = nullptr) {
  PreState pre = build_pre_state(decode_compact(test::view(blob)));
  if (hash_nodes != nullptr) *hash_nodes = pre.hash_nodes;
  return pre.state_root;
}

TEST(TrieRoundTrip, RandomStatesMatchTheReferenceRoot) {
  for (uint32_t seed = 1; seed <= 12; ++seed) {
    RandomState s = make_state(seed, 1 + seed * 7);
    Blob blob = test::compact_from_nodes(s.root, s.nodes, s.codes, seed % 2);
    EXPECT_EQ(decoded_root(blob), s.root) << "seed " << seed;
  }
}

// Hashing out any subset of nodes (and codes) keeps the root: the witness only hides subtrees.
TEST(TrieRoundTrip, HashedOutSubtreesKeepTheRoot) {
  for (uint32_t seed = 1; seed <= 12; ++seed) {
    RandomState s = make_state(seed, 40);
    std::mt19937 rng(seed);
    NodeMap partial;
    for (const auto& [h, node] : s.nodes) {
      if (h == s.root || rng() % 3 != 0) partial.emplace(h, node);
    }
    CodeMap some_codes;
    for (const auto& [h, code] : s.codes) {
      if (rng() % 2 == 0) some_codes.emplace(h, code);
    }
    size_t hash_nodes = 0;
    Blob blob = test::compact_from_nodes(s.root, partial, some_codes);
    EXPECT_EQ(decoded_root(blob, &hash_nodes), s.root) << "seed " << seed;
    EXPECT_GT(hash_nodes, 0u);
  }
}

TEST(TrieRoundTrip, RealWitnessesReencodeToTheSameNodes) {
  ZKB_REQUIRE_WITNESSES(dir);
  std::vector<std::filesystem::path> files;
  for (const std::string& name : test::zk_evm_cases())
    files.push_back(dir / "zk_evm_cases" / (name + ".json"));
  for (const char* name : {"1234", "20241214", "20241377", "blake", "512.eoa"}) {
    files.push_back(dir / "prover_infra" / (std::string(name) + ".witness.json"));
  }
  for (const auto& file : files) {
    for (const BlockWitness& block : read_witness_file(file.string())) {
      CompactTree tree = decode_compact(test::view(block.compact));
      PreState pre = build_pre_state(tree);
      NodeMap nodes = test::nodes_of(pre);
      Blob again = test::compact_from_nodes(pre.state_root, nodes, pre.codes, tree.header);
      PreState pre2 = build_pre_state(decode_compact(test::view(again)));
      EXPECT_EQ(pre2.state_root, pre.state_root) << file;
      EXPECT_EQ(test::nodes_of(pre2), nodes) << file;
      EXPECT_EQ(pre2.hash_nodes, pre.hash_nodes) << file;
      EXPECT_EQ(pre2.codes.size(), pre.codes.size()) << file;
    }
  }
}

}  // namespace
}  // namespace zkbatch::witness
