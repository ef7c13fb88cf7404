// SPDX-License-Identifier: Apache-2.0
// Merkle-Patricia tries (Yellow Paper appendix D): the official ethereum/tests trie vectors,
// random update sequences against an independent recompute-from-scratch root, and tries built
// from partial node sets (witnesses) with their missing-node errors and collapse rules.
#include "eth/mpt.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "eth/account.hpp"
#include "eth/rlp.hpp"
#include "eth_test_util.hpp"
#include "hash/keccak.hpp"
#include "mpt_reference.hpp"

namespace zkbatch::eth {
namespace {

using base::Bytes32;
using base::ByteSpan;
using base::Errc;
using test::Blob;
using test::from_hex;
using test::to_hex;
using test::view;

// Fixture keys and values are hex when they start with 0x, else raw text.
Blob fixture_bytes(const std::string& s) {
  if (s.rfind("0x", 0) == 0) return from_hex(s);
  return Blob(s.begin(), s.end());
}

Blob keccak_blob(const Blob& data) {
  return test::ref_keccak(data);
}

std::string root_hex(Trie& trie) {
  auto root = trie.root_hash();
  EXPECT_TRUE(root.ok());
  return to_hex(root->span());
}

TEST(Mpt, EmptyTrieRootIsKeccakOfEmptyString) {
  Trie trie;
  EXPECT_TRUE(trie.empty());
  EXPECT_EQ(root_hex(trie), "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
  EXPECT_EQ(to_hex(kEmptyTrieRoot.span()), to_hex(view(keccak_blob({0x80}))));
  EXPECT_EQ(to_hex(kEmptyCodeHash.span()), to_hex(view(keccak_blob({}))));
}

// Runs one trietest-style sequence (null value = delete) and compares with "root".
void run_sequence(const nlohmann::json& entry, bool secure) {
  Trie trie;
  test::BlobMap model;
  for (const auto& op : entry["in"]) {
    Blob key = fixture_bytes(op[0].get<std::string>());
    if (secure) key = keccak_blob(key);
    if (op[1].is_null()) {
      ASSERT_TRUE(trie.erase(view(key)).ok());
      model.erase(key);
    } else {
      Blob value = fixture_bytes(op[1].get<std::string>());
      ASSERT_TRUE(trie.insert(view(key), view(value)).ok());
      model[key] = value;
    }
  }
  EXPECT_EQ(root_hex(trie), entry["root"].get<std::string>());
  EXPECT_EQ(to_hex(view(test::ref_trie_root(model))), entry["root"].get<std::string>());
  for (const auto& [k, v] : model) {
    auto got = trie.get(view(k));
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(test::to_blob(*got), v);
  }
}

// ethereum/tests TrieTests/trietest.json and trietest_secureTrie.json: ordered inserts and
// deletes (null values).
TEST(MptFixtures, TrieTestSequences) {
  for (const char* file : {"trietest.json", "trietest_secureTrie.json"}) {
    ZKB_REQUIRE_SHARED(path, std::string("ethereum-tests/TrieTests/") + file);
    bool secure = std::string(file).find("secure") != std::string::npos;
    auto fixtures = test::load_json(path);
    ASSERT_FALSE(fixtures.empty());
    for (const auto& [name, entry] : fixtures.items()) {
      SCOPED_TRACE(std::string(file) + ":" + name);
      run_sequence(entry, secure);
    }
  }
}

// ethereum/tests TrieTests/trieanyorder*.json and hex_encoded_securetrie_test.json: the root
// does not depend on the insertion order (checked on several shuffles).
TEST(MptFixtures, AnyOrderAndHexEncodedSecureTries) {
  struct File {
    const char* name;
    bool secure;
  };
  for (File file : {File{"trieanyorder.json", false}, File{"trieanyorder_secureTrie.json", true},
                    File{"hex_encoded_securetrie_test.json", true}}) {
    ZKB_REQUIRE_SHARED(path, std::string("ethereum-tests/TrieTests/") + file.name);
    auto fixtures = test::load_json(path);
    ASSERT_FALSE(fixtures.empty());
    std::mt19937 rng(7);
    for (const auto& [name, entry] : fixtures.items()) {
      SCOPED_TRACE(std::string(file.name) + ":" + name);
      std::vector<std::pair<Blob, Blob>> pairs;
      for (const auto& [k, v] : entry["in"].items()) {
        Blob key = fixture_bytes(k);
        pairs.emplace_back(file.secure ? keccak_blob(key) : key,
                           fixture_bytes(v.get<std::string>()));
      }
      for (int shuffle = 0; shuffle < 4; ++shuffle) {
        Trie trie;
        for (const auto& [k, v] : pairs)
          ASSERT_TRUE(trie.insert(view(k), view(v)).ok());
        EXPECT_EQ(root_hex(trie), entry["root"].get<std::string>());
        std::shuffle(pairs.begin(), pairs.end(), rng);
      }
    }
  }
}

Blob random_blob(std::mt19937_64& rng, size_t n) {
  Blob b(n);
  for (auto& x : b)
    x = static_cast<uint8_t>(rng());
  return b;
}

// Keys of mixed lengths with shared prefixes exercise every node kind, branch values included.
Blob random_key(std::mt19937_64& rng, bool fixed_length) {
  if (fixed_length) return random_blob(rng, 32);
  Blob key = random_blob(rng, 1 + rng() % 4);
  for (auto& b : key)
    b &= 0x13;  // few distinct nibbles: many shared prefixes
  return key;
}

// Values short enough to embed nodes (< 32 bytes of RLP) and long enough to hash them.
Blob random_value(std::mt19937_64& rng) {
  static const size_t sizes[] = {1, 2, 5, 20, 40, 100};
  Blob v = random_blob(rng, sizes[rng() % 6]);
  return v;
}

class MptRandom : public ::testing::TestWithParam<bool> {};

// Insert N keys, delete half of them in random order (with interleaved overwrites and deletes of
// absent keys): every few steps the incremental root equals the independent recomputation, and
// at the end it equals the root of a fresh trie built from the remaining keys.
TEST_P(MptRandom, UpdatesMatchRecomputeFromScratch) {
  const bool fixed = GetParam();
  const uint64_t seed = fixed ? 1001 : 2002;
  std::mt19937_64 rng(seed);
  for (int round = 0; round < 8; ++round) {
    SCOPED_TRACE("seed " + std::to_string(seed) + " round " + std::to_string(round));
    Trie trie;
    test::BlobMap model;
    size_t n = 1 + rng() % 120;
    for (size_t i = 0; i < n; ++i) {
      Blob key = random_key(rng, fixed);
      Blob value = random_value(rng);
      ASSERT_TRUE(trie.insert(view(key), view(value)).ok());
      model[key] = value;
      if (i % 16 == 0) {
        ASSERT_EQ(root_hex(trie), to_hex(view(test::ref_trie_root(model))));
      }
    }
    ASSERT_EQ(root_hex(trie), to_hex(view(test::ref_trie_root(model))));
    std::vector<Blob> keys;
    for (const auto& [k, v] : model)
      keys.push_back(k);
    std::shuffle(keys.begin(), keys.end(), rng);
    keys.resize(keys.size() / 2);
    for (size_t i = 0; i < keys.size(); ++i) {
      const Blob& key = keys[i];
      ASSERT_TRUE(trie.erase(view(key)).ok());
      model.erase(key);
      Blob absent = random_key(rng, fixed);
      if (!model.count(absent)) {
        ASSERT_TRUE(trie.erase(view(absent)).ok());
      }
      if (i % 4 == 0 || i + 1 == keys.size()) {
        ASSERT_EQ(root_hex(trie), to_hex(view(test::ref_trie_root(model))));
      }
    }
    Trie fresh;
    for (const auto& [k, v] : model)
      ASSERT_TRUE(fresh.insert(view(k), view(v)).ok());
    EXPECT_EQ(root_hex(trie), root_hex(fresh));
    for (const auto& [k, v] : model) {
      auto got = trie.get(view(k));
      ASSERT_TRUE(got.ok());
      EXPECT_EQ(test::to_blob(*got), v);
    }
    for (const Blob& key : keys) {
      auto got = trie.get(view(key));
      ASSERT_TRUE(got.ok());
      EXPECT_TRUE(got->empty());
    }
    // Deleting everything gives the empty trie back.
    for (const auto& [k, v] : model)
      ASSERT_TRUE(trie.erase(view(k)).ok());
    EXPECT_TRUE(trie.empty());
    EXPECT_EQ(root_hex(trie), to_hex(kEmptyTrieRoot.span()));
  }
}

INSTANTIATE_TEST_SUITE_P(KeyShapes,
                         MptRandom,
                         ::testing::Values(true, false),
                         [](const auto& param_info) {
                           return param_info.param ? "Keys32" : "ShortKeys";
                         });

TEST(Mpt, EmptyValueErasesAndOverwriteReplaces) {
  Trie trie;
  Blob a = from_hex("0xabcd"), b = from_hex("0xabce");
  ASSERT_TRUE(trie.insert(view(a), view(std::string_view("one"))).ok());
  ASSERT_TRUE(trie.insert(view(b), view(std::string_view("two"))).ok());
  ASSERT_TRUE(trie.insert(view(a), view(std::string_view("uno"))).ok());
  EXPECT_EQ(test::to_blob(*trie.get(view(a))), Blob({'u', 'n', 'o'}));
  ASSERT_TRUE(trie.insert(view(a), ByteSpan()).ok());
  EXPECT_TRUE(trie.get(view(a))->empty());
  test::BlobMap model{{b, Blob({'t', 'w', 'o'})}};
  EXPECT_EQ(root_hex(trie), to_hex(view(test::ref_trie_root(model))));
}

// Builds a trie of `count` random 32-byte keys (a state-like trie), returns the model.
test::BlobMap fill(Trie& trie, std::mt19937_64& rng, size_t count) {
  test::BlobMap model;
  for (size_t i = 0; i < count; ++i) {
    Blob key = random_blob(rng, 32);
    Blob value = random_blob(rng, 40);  // leaves of 32+ bytes: every node hashed
    EXPECT_TRUE(trie.insert(view(key), view(value)).ok());
    model[key] = value;
  }
  return model;
}

TEST(MptNodes, ExportedNodesRebuildTheSameTrie) {
  std::mt19937_64 rng(31337);
  Trie full;
  auto model = fill(full, rng, 200);
  auto root = full.root_hash();
  ASSERT_TRUE(root.ok());
  base::Vector<base::Bytes> nodes;
  ASSERT_TRUE(full.export_nodes(nodes).ok());
  NodeSet set;
  for (const auto& node : nodes)
    ASSERT_TRUE(set.add(node.span()).ok());
  auto rebuilt = Trie::from_nodes(*root, set);
  ASSERT_TRUE(rebuilt.ok()) << test::describe(rebuilt.error());
  EXPECT_EQ(root_hex(*rebuilt), to_hex(root->span()));
  for (const auto& [k, v] : model) {
    auto got = rebuilt->get(view(k));
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(test::to_blob(*got), v);
  }
  // Updates on the rebuilt trie agree with the same updates on the original.
  auto it = model.begin();
  for (int i = 0; i < 50; ++i, ++it) {
    ASSERT_TRUE(full.erase(view(it->first)).ok());
    ASSERT_TRUE(rebuilt->erase(view(it->first)).ok());
    Blob key = random_blob(rng, 32), value = random_blob(rng, 3);
    ASSERT_TRUE(full.insert(view(key), view(value)).ok());
    ASSERT_TRUE(rebuilt->insert(view(key), view(value)).ok());
  }
  EXPECT_EQ(root_hex(*rebuilt), root_hex(full));
  // The empty root and an unknown root.
  auto empty = Trie::from_nodes(kEmptyTrieRoot, set);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
  Bytes32 unknown = test::bytes32("0x" + std::string(64, '7'));
  auto opaque = Trie::from_nodes(unknown, set);
  ASSERT_TRUE(opaque.ok());
  EXPECT_EQ(root_hex(*opaque), to_hex(unknown.span()));
  auto read = opaque->get(view(model.begin()->first));
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, Errc::not_found);
  EXPECT_STREQ(read.error().detail, kMissingTrieNode);
}

// A witness holds only the nodes on the paths a block touches: reads and writes there work and
// give the full trie's roots; anything else is a missing-node error that leaves the trie intact.
TEST(MptNodes, PartialNodeSetReadsKnownPathsAndRejectsTheRest) {
  std::mt19937_64 rng(4242);
  Trie full;
  auto model = fill(full, rng, 300);
  Bytes32 root = *full.root_hash();
  std::vector<Blob> keys;
  for (const auto& [k, v] : model)
    keys.push_back(k);
  // The witness of a few keys: the nodes of a trie in which every other key is hashed out is
  // exactly what a proof of those keys contains. Collect it from the nodes on their paths.
  std::vector<Blob> touched(keys.begin(), keys.begin() + 5);
  base::Vector<base::Bytes> all;
  ASSERT_TRUE(full.export_nodes(all).ok());
  NodeSet everything;
  for (const auto& n : all)
    ASSERT_TRUE(everything.add(n.span()).ok());
  // Walk each touched key from the root through `everything`, keeping the nodes it passes.
  std::vector<Blob> witness;
  for (const Blob& key : touched) {
    auto nibbles = test::ref_nibbles(key);
    Blob hash(root.bytes, root.bytes + 32);
    size_t depth = 0;
    while (true) {
      Bytes32 h;
      std::copy(hash.begin(), hash.end(), h.bytes);
      const ByteSpan* enc = everything.find(h);
      ASSERT_NE(enc, nullptr);
      witness.push_back(test::to_blob(*enc));
      auto list = rlp::decode_list(*enc);
      std::vector<rlp::Item> items;
      while (!list->empty())
        items.push_back(*list->read_item());
      if (items.size() == 17) {
        hash = test::to_blob(items[nibbles[depth]].payload);
        depth += 1;
      } else {
        uint8_t flag = items[0].payload[0] >> 4;
        if (flag >= 2) break;  // leaf
        size_t len = 2 * items[0].payload.size() - 1 - (flag & 1 ? 0 : 1);
        depth += len;
        hash = test::to_blob(items[1].payload);
      }
      ASSERT_EQ(hash.size(), 32u);
    }
  }
  NodeSet set;
  for (const Blob& n : witness)
    ASSERT_TRUE(set.add(view(n)).ok());
  auto partial = Trie::from_nodes(root, set);
  ASSERT_TRUE(partial.ok()) << test::describe(partial.error());
  EXPECT_EQ(root_hex(*partial), to_hex(root.span()));
  for (const Blob& key : touched) {
    auto got = partial->get(view(key));
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(test::to_blob(*got), model[key]);
  }
  // Keys outside the witness: a missing-node error, not an absent key.
  int missing = 0;
  for (size_t i = 5; i < keys.size(); ++i) {
    auto got = partial->get(view(keys[i]));
    if (!got.ok()) {
      EXPECT_EQ(got.error().code, Errc::not_found);
      EXPECT_STREQ(got.error().detail, kMissingTrieNode);
      ++missing;
    }
  }
  EXPECT_GT(missing, 250);
  // A write below a hash node fails and changes nothing.
  Blob value = from_hex("0x01");
  base::Status s = partial->insert(view(keys[200]), view(value));
  ASSERT_FALSE(s.ok());
  EXPECT_STREQ(s.error().detail, kMissingTrieNode);
  EXPECT_EQ(root_hex(*partial), to_hex(root.span()));
  // Writes on the witnessed paths give the same roots as on the full trie.
  for (size_t i = 0; i < 5; ++i) {
    Blob v = random_blob(rng, 7);
    ASSERT_TRUE(partial->insert(view(touched[i]), view(v)).ok());
    ASSERT_TRUE(full.insert(view(touched[i]), view(v)).ok());
  }
  EXPECT_EQ(root_hex(*partial), root_hex(full));
}

// Two leaves under one branch deep in the trie; deleting one must merge the other (a leaf) into
// the branch's place. With the sibling known only by hash the witness lacks the node needed.
TEST(MptNodes, DeleteNextToAHashNodeNeedsTheSibling) {
  Trie full;
  Blob k1 = from_hex("0x1000000000000000000000000000000000000000000000000000000000000000");
  Blob k2 = from_hex("0x1100000000000000000000000000000000000000000000000000000000000000");
  Blob k3 = from_hex("0x2000000000000000000000000000000000000000000000000000000000000000");
  // 32+ byte leaves are referenced by hash; distinct values keep the leaves distinct.
  Blob v1(40, 0xa1), v2(40, 0xa2), v3(40, 0xa3);
  ASSERT_TRUE(full.insert(view(k1), view(v1)).ok());
  ASSERT_TRUE(full.insert(view(k2), view(v2)).ok());
  ASSERT_TRUE(full.insert(view(k3), view(v3)).ok());
  Bytes32 root = *full.root_hash();
  base::Vector<base::Bytes> nodes;
  ASSERT_TRUE(full.export_nodes(nodes).ok());
  // Drop the leaf of k2 from the witness.
  NodeSet set;
  int dropped = 0;
  for (const auto& n : nodes) {
    auto list = rlp::decode_list(n.span());
    std::vector<rlp::Item> items;
    while (!list->empty())
      items.push_back(*list->read_item());
    if (items.size() == 2 && test::to_blob(items[1].payload) == v2) {
      ++dropped;
      continue;
    }
    ASSERT_TRUE(set.add(n.span()).ok());
  }
  ASSERT_EQ(dropped, 1);
  auto partial = Trie::from_nodes(root, set);
  ASSERT_TRUE(partial.ok());
  base::Status s = partial->erase(view(k1));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Errc::not_found);
  EXPECT_STREQ(s.error().detail, kWitnessLacksNode);
  EXPECT_EQ(root_hex(*partial), to_hex(root.span()));  // unchanged
  EXPECT_EQ(test::to_blob(*partial->get(view(k1))), v1);
  // zk_evm's policy assumes a branch: here the sibling is a leaf, so the root comes out wrong,
  // and a header comparison would reject it.
  partial->set_collapse_policy(CollapsePolicy::extension_to_hash);
  ASSERT_TRUE(partial->erase(view(k1)).ok());
  ASSERT_TRUE(full.erase(view(k1)).ok());
  EXPECT_NE(root_hex(*partial), root_hex(full));
}

TEST(MptNodes, CollapseToAHashedBranchIsExactUnderBothPolicies) {
  // k1 alone under nibble 1; under nibble 2 a subtree of two keys (a branch), known by hash.
  Trie full;
  Blob k1 = from_hex("0x1000000000000000000000000000000000000000000000000000000000000000");
  Blob k2 = from_hex("0x2100000000000000000000000000000000000000000000000000000000000000");
  Blob k3 = from_hex("0x2200000000000000000000000000000000000000000000000000000000000000");
  Blob value(40, 0xcd);
  for (const Blob* k : {&k1, &k2, &k3})
    ASSERT_TRUE(full.insert(view(*k), view(value)).ok());
  Bytes32 root = *full.root_hash();
  base::Vector<base::Bytes> nodes;
  ASSERT_TRUE(full.export_nodes(nodes).ok());
  ASSERT_EQ(nodes.size(), 5u);  // root branch, k1 leaf, inner branch, two leaves
  NodeSet set;
  ASSERT_TRUE(set.add(nodes[0].span()).ok());  // the root only: every child is a hash node
  ASSERT_TRUE(set.add(nodes[1].span()).ok());  // and k1's leaf
  ASSERT_TRUE(full.erase(view(k1)).ok());
  for (CollapsePolicy policy : {CollapsePolicy::strict, CollapsePolicy::extension_to_hash}) {
    auto partial = Trie::from_nodes(root, set);
    ASSERT_TRUE(partial.ok());
    partial->set_collapse_policy(policy);
    base::Status s = partial->erase(view(k1));
    if (policy == CollapsePolicy::strict) {
      // Strict mode cannot know that the hidden sibling is a branch.
      ASSERT_FALSE(s.ok());
      EXPECT_STREQ(s.error().detail, kWitnessLacksNode);
    } else {
      ASSERT_TRUE(s.ok());
      EXPECT_EQ(root_hex(*partial), root_hex(full));
    }
  }
}

TEST(MptNodes, MalformedNodesAreRejected) {
  Bytes32 root;
  auto try_node = [&](const Blob& node) {
    NodeSet set;
    EXPECT_TRUE(set.add(view(node)).ok());
    hash::keccak256(view(node), root.bytes);
    return Trie::from_nodes(root, set);
  };
  Blob h(32, 0x55);
  auto ref = [&]() { return test::ref_rlp_string(h); };
  auto empty = test::ref_rlp_string({});
  // A branch with a single child is not canonical.
  std::vector<Blob> fields(17, empty);
  fields[3] = ref();
  auto one_child = try_node(test::ref_rlp_list(fields));
  ASSERT_FALSE(one_child.ok());
  EXPECT_EQ(one_child.error().code, Errc::malformed);
  // A well-formed branch with two hashed children decodes.
  fields[9] = ref();
  EXPECT_TRUE(try_node(test::ref_rlp_list(fields)).ok());
  // A child reference of 31 bytes.
  fields[9] = test::ref_rlp_string(Blob(31, 1));
  EXPECT_FALSE(try_node(test::ref_rlp_list(fields)).ok());
  // Three items.
  EXPECT_FALSE(try_node(test::ref_rlp_list({empty, empty, empty})).ok());
  // An extension with an empty path, and one over a leaf.
  EXPECT_FALSE(try_node(test::ref_rlp_list({test::ref_rlp_string({0x00}), ref()})).ok());
  Blob leaf = test::ref_rlp_list({test::ref_rlp_string({0x20}), test::ref_rlp_string({0x05})});
  EXPECT_FALSE(try_node(test::ref_rlp_list({test::ref_rlp_string({0x12}), leaf})).ok());
  // Bad hex-prefix flags, an empty leaf value, non-canonical RLP inside the node.
  EXPECT_FALSE(try_node(test::ref_rlp_list({test::ref_rlp_string({0x41}), ref()})).ok());
  EXPECT_FALSE(try_node(test::ref_rlp_list({test::ref_rlp_string({0x01}), ref()})).ok());
  EXPECT_FALSE(try_node(test::ref_rlp_list({test::ref_rlp_string({0x20}), empty})).ok());
  EXPECT_FALSE(try_node(from_hex("0xc4820020"
                                 "8105"))
                   .ok());
  // The smallest valid leaf decodes and keeps its hash.
  Blob good = test::ref_rlp_list({test::ref_rlp_string({0x20}), test::ref_rlp_string(Blob(40, 7))});
  auto ok = try_node(good);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(root_hex(*ok), to_hex(root.span()));
  EXPECT_EQ(test::to_blob(*ok->get(ByteSpan())), Blob(40, 7));
}

TEST(MptNodes, StructuralConstructionMatchesInsertion) {
  // {0x12: "a", 0x13: "b"} is extension [1] -> branch {2: leaf [], 3: leaf []}.
  Trie built;
  uint8_t one[] = {1};
  auto leaf_a = built.make_leaf(NibbleSpan(), view(std::string_view("a")));
  auto leaf_b = built.make_leaf(NibbleSpan(), view(std::string_view("b")));
  ASSERT_TRUE(leaf_a.ok() && leaf_b.ok());
  Node* children[16] = {};
  children[2] = *leaf_a;
  children[3] = *leaf_b;
  auto branch = built.make_branch(children, ByteSpan());
  ASSERT_TRUE(branch.ok());
  auto ext = built.make_extension(NibbleSpan(one, 1), *branch);
  ASSERT_TRUE(ext.ok());
  built.set_root(*ext);
  Trie inserted;
  ASSERT_TRUE(inserted.insert(view(from_hex("0x12")), view(std::string_view("a"))).ok());
  ASSERT_TRUE(inserted.insert(view(from_hex("0x13")), view(std::string_view("b"))).ok());
  EXPECT_EQ(root_hex(built), root_hex(inserted));
  EXPECT_FALSE(built.make_extension(NibbleSpan(), *branch).ok());
  EXPECT_FALSE(built.make_leaf(NibbleSpan(one, 1), ByteSpan()).ok());
}

TEST(MptOrdered, OrderedRootMatchesRlpIndexKeys) {
  std::mt19937_64 rng(99);
  for (size_t n : {0u, 1u, 2u, 127u, 128u, 129u, 300u}) {
    SCOPED_TRACE(n);
    std::vector<Blob> values;
    std::vector<ByteSpan> views;
    test::BlobMap model;
    for (size_t i = 0; i < n; ++i)
      values.push_back(random_blob(rng, 1 + rng() % 60));
    for (size_t i = 0; i < n; ++i) {
      views.push_back(view(values[i]));
      base::Bytes key;
      rlp::Encoder e(key);
      e.uint(i);
      model[test::to_blob(key.span())] = values[i];
    }
    auto root = ordered_trie_root(base::Span<const ByteSpan>(views.data(), views.size()));
    ASSERT_TRUE(root.ok());
    EXPECT_EQ(to_hex(root->span()), to_hex(view(test::ref_trie_root(model))));
  }
}

}  // namespace
}  // namespace zkbatch::eth
