// SPDX-License-Identifier: Apache-2.0
// The official fixtures of ../shared/ethereum-tests (ethereum/tests, commit
// 4c87ebbf024a3e9ec842bcce90564f629a3bcd82) that call a precompile with the transaction's data,
// or name the expected outcome: the state tests themselves need an EVM (tests/evm runs them
// whole); here each precompile input is run directly and checked against the outcome its test
// name or label states, or against GMP. Read at run time from ZKB_SHARED_DIR; never copied.
#include <gmp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "eth/precompiles/bn254.hpp"
#include "eth/precompiles/kzg.hpp"
#include "eth/precompiles/modexp.hpp"
#include "precompiles_test_util.hpp"

namespace zkbatch::eth::precompiles::test {
namespace {

namespace fs = std::filesystem;

// The GeneralStateTests folder, or empty (the caller skips) when the fixtures are absent.
fs::path state_tests() {
  fs::path shared = shared_dir();
  if (shared.empty()) return {};
  fs::path dir = shared / "ethereum-tests" / "GeneralStateTests";
  return fs::is_directory(dir) ? dir : fs::path();
}

nlohmann::json load(const fs::path& file) {
  std::ifstream in(file);
  nlohmann::json j;
  in >> j;
  return j;
}

#define ZKB_REQUIRE_FIXTURES(dir) \
  fs::path dir = state_tests();   \
  if (dir.empty()) GTEST_SKIP() << "ZKB_SHARED_DIR/ethereum-tests is not available"

// The bytes a contract of the form CALLDATACOPY(0, 0, CALLDATASIZE) + CALL forwards: the data.
Blob tx_data(const nlohmann::json& test, size_t index = 0) {
  return from_hex(test["transaction"]["data"][index].get<std::string>());
}

// ABI-encoded `bytes` after a 4-byte selector: offset word, length word, then the bytes.
Blob abi_bytes(const Blob& data) {
  size_t length = 0;
  for (int i = 0; i < 32; ++i)
    length = length * 256 + data.at(4 + 32 + i);
  return Blob(data.begin() + 68, data.begin() + 68 + static_cast<std::ptrdiff_t>(length));
}

TEST(Fixtures, KzgPointEvaluationExternalVectors) {
  // Pyspecs/cancun/eip4844_blobs: go-kzg-4844's verify_kzg_proof vectors sent to 0x0a; the case
  // name says whether the proof is correct (success) or not (incorrect_proof, invalid_*: failure).
  ZKB_REQUIRE_FIXTURES(dir);
  nlohmann::json j = load(dir /
                          "Pyspecs/cancun/eip4844_blobs/"
                          "point_evaluation_precompile_external_vectors.json");
  int correct = 0, rejected = 0;
  for (auto& [name, test] : j.items()) {
    bool expect_ok = name.find("case_correct_proof") != std::string::npos;
    Call c = call(point_evaluation, tx_data(test), 50000);
    if (expect_ok) {
      EXPECT_EQ(c.status, Status::success) << name;
      EXPECT_EQ(c.output.size(), 64u) << name;
      ++correct;
    } else {
      EXPECT_EQ(c.status, Status::failure) << name;
      ++rejected;
    }
  }
  EXPECT_EQ(correct, 54);
  EXPECT_EQ(rejected, 68);
}

TEST(Fixtures, Bn254PairingLabelledInputs) {
  // stZeroKnowledge/ecpairing_inputs.json: each data index is labelled positive (output 1),
  // negative (output 0), or invalid_g1_point / invalid_g2_point / invalid_g2_subgroup (failure).
  ZKB_REQUIRE_FIXTURES(dir);
  nlohmann::json j = load(dir / "stZeroKnowledge/ecpairing_inputs.json");
  std::map<std::string, int> seen;
  for (auto& [name, test] : j.items()) {
    const auto& labels = test["_info"]["labels"];
    for (size_t i = 0; i < test["transaction"]["data"].size(); ++i) {
      std::string label = labels[std::to_string(i)].get<std::string>();
      Blob in = tx_data(test, i);
      Call c = call(bn254_pairing, in);
      ++seen[label];
      if (label == "positive" || label == "negative") {
        ASSERT_EQ(c.status, Status::success) << name << " #" << i << " " << label;
        EXPECT_EQ(c.output.back(), label == "positive" ? 1 : 0) << name << " #" << i;
        EXPECT_EQ(c.gas_used, 45000 + 34000 * (in.size() / 192));
      } else {
        EXPECT_EQ(c.status, Status::failure) << name << " #" << i << " " << label;
      }
    }
  }
  EXPECT_GT(seen["positive"], 0);
  EXPECT_GT(seen["negative"], 0);
  EXPECT_GT(seen["invalid_g2_subgroup"], 0);
  EXPECT_EQ(seen["positive"] + seen["negative"] + seen["invalid_g1_point"] +
                seen["invalid_g2_point"] + seen["invalid_g2_subgroup"],
            144);
}

TEST(Fixtures, Bn254PairingNamedCases) {
  // stZeroKnowledge/ecpairing_*.json send ABI-encoded bytes to a contract that calls 0x08; the
  // file name states the outcome: *match* and the zero-point cases give 1, *fail* gives 0,
  // bad lengths, points off the curve or outside G2, and perturbed points fail.
  ZKB_REQUIRE_FIXTURES(dir);
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(dir / "stZeroKnowledge")) {
    std::string file = entry.path().filename().string();
    if (file.rfind("ecpairing_", 0) != 0 || file == "ecpairing_inputs.json") continue;
    if (file.find("gas") != std::string::npos || file.find("oog") != std::string::npos) continue;
    if (file.find("two_points_with_one_g2_zero") != std::string::npos) continue;  // not named
    int expected;  // 1, 0, or -1 for failure
    if (file.find("bad_length") != std::string::npos || file.find("perturb") != std::string::npos ||
        file.find("not_in_subgroup") != std::string::npos ||
        file.find("invalid") != std::string::npos) {
      expected = -1;
    } else if (file.find("match") != std::string::npos || file.find("empty") != std::string::npos ||
               file.find("_zero") != std::string::npos) {
      expected = 1;
    } else if (file.find("fail") != std::string::npos) {
      expected = 0;
    } else {
      continue;
    }
    nlohmann::json j = load(entry.path());
    for (auto& [name, test] : j.items()) {
      Call c = call(bn254_pairing, abi_bytes(tx_data(test)));
      if (expected < 0) {
        EXPECT_EQ(c.status, Status::failure) << file;
      } else {
        ASSERT_EQ(c.status, Status::success) << file;
        EXPECT_EQ(c.output.back(), expected) << file;
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 20);
}

// y^2 = x^3 + 3 mod p, or (0, 0), with both coordinates below p: EIP-196's validity, with GMP.
bool g1_valid(const uint8_t* bytes) {
  mpz_t p, x, y, lhs, rhs;
  mpz_inits(p, x, y, lhs, rhs, nullptr);
  mpz_set_str(p, "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47", 16);
  mpz_import(x, 32, 1, 1, 1, 0, bytes);
  mpz_import(y, 32, 1, 1, 1, 0, bytes + 32);
  bool ok = mpz_cmp(x, p) < 0 && mpz_cmp(y, p) < 0;
  if (ok && !(mpz_sgn(x) == 0 && mpz_sgn(y) == 0)) {
    mpz_mul(lhs, y, y);
    mpz_mod(lhs, lhs, p);
    mpz_powm_ui(rhs, x, 3, p);
    mpz_add_ui(rhs, rhs, 3);
    mpz_mod(rhs, rhs, p);
    ok = mpz_cmp(lhs, rhs) == 0;
  }
  mpz_clears(p, x, y, lhs, rhs, nullptr);
  return ok;
}

TEST(Fixtures, Bn254AddAndMulInputs) {
  // stZeroKnowledge2/ecadd_*, ecmul_* and stZeroKnowledge/ecmul_*: ABI-encoded inputs to 0x06 and
  // 0x07 (some truncated or padded). Success exactly when every point read is valid (checked here
  // with GMP), and then the output is a valid point.
  ZKB_REQUIRE_FIXTURES(dir);
  int valid = 0, invalid = 0;
  for (const char* folder : {"stZeroKnowledge", "stZeroKnowledge2"}) {
    for (const auto& entry : fs::directory_iterator(dir / folder)) {
      std::string file = entry.path().filename().string();
      bool is_add = file.rfind("ecadd_", 0) == 0, is_mul = file.rfind("ecmul_", 0) == 0;
      if (!is_add && !is_mul) continue;
      nlohmann::json j = load(entry.path());
      for (auto& [name, test] : j.items()) {
        Blob in = abi_bytes(tx_data(test));
        Blob padded = in;
        padded.resize(128, 0);
        bool ok = g1_valid(padded.data()) && (!is_add || g1_valid(padded.data() + 64));
        Call c = call(is_add ? bn254_add : bn254_mul, in);
        if (ok) {
          ASSERT_EQ(c.status, Status::success) << file;
          ASSERT_EQ(c.output.size(), 64u);
          EXPECT_TRUE(g1_valid(c.output.data())) << file;
          ++valid;
        } else {
          EXPECT_EQ(c.status, Status::failure) << file;
          ++invalid;
        }
      }
    }
  }
  EXPECT_GT(valid, 50);
  EXPECT_GT(invalid, 10);
}

// B^E mod M per EIP-198 with GMP, reading the input with zero padding; empty when Mlen = 0.
Blob reference_modexp(const Blob& in) {
  auto read = [&](size_t offset, size_t n) {
    Blob out(n, 0);
    for (size_t i = 0; i < n; ++i)
      if (offset + i < in.size()) out[i] = in[offset + i];
    return out;
  };
  auto length = [&](size_t offset) {
    Blob w = read(offset, 32);
    uint64_t v = 0;
    for (int i = 24; i < 32; ++i)
      v = v * 256 + w[i];
    return static_cast<size_t>(v);
  };
  size_t bl = length(0), el = length(32), ml = length(64);
  Blob b = read(96, bl), e = read(96 + bl, el), m = read(96 + bl + el, ml);
  mpz_t base, exp, mod, r;
  mpz_inits(base, exp, mod, r, nullptr);
  mpz_import(base, b.size(), 1, 1, 1, 0, b.data());
  mpz_import(exp, e.size(), 1, 1, 1, 0, e.data());
  mpz_import(mod, m.size(), 1, 1, 1, 0, m.data());
  Blob out(ml, 0);
  if (mpz_sgn(mod) != 0) {
    mpz_powm(r, base, exp, mod);
    size_t count = 0;
    Blob raw(ml + 8);
    mpz_export(raw.data(), &count, 1, 1, 1, 0, r);
    std::copy(raw.begin(), raw.begin() + count, out.end() - count);
  }
  mpz_clears(base, exp, mod, r, nullptr);
  return out;
}

TEST(Fixtures, ModexpPyspecs) {
  // Pyspecs/byzantium/eip198_modexp_precompile/modexp.json (Cancun cases): the data goes to 0x05
  // as is. Names "...ExpectedOutput_call_return_code_0x01-returned_data_0x<hex>" state the output;
  // every case is also compared with GMP.
  ZKB_REQUIRE_FIXTURES(dir);
  nlohmann::json j = load(dir / "Pyspecs/byzantium/eip198_modexp_precompile/modexp.json");
  int cases = 0, named_cases = 0;
  for (auto& [name, test] : j.items()) {
    if (name.find("fork_Cancun") == std::string::npos) continue;
    Blob in = tx_data(test);
    uint64_t tx_gas =
        std::stoull(test["transaction"]["gasLimit"][0].get<std::string>(), nullptr, 16);
    Call c = call(modexp, in, tx_gas);
    if (name.find("out-of-gas") != std::string::npos) {
      // EIP-198 case 3: a 2^256 - 1 byte exponent; no transaction can pay for it.
      EXPECT_EQ(c.status, Status::out_of_gas) << name;
      ++cases;
      continue;
    }
    ASSERT_EQ(c.status, Status::success) << name;
    EXPECT_EQ(to_hex(c.output), to_hex(reference_modexp(in))) << name;
    const std::string marker = "returned_data_0x";
    size_t at = name.find(marker);
    if (at != std::string::npos) {
      size_t begin = at + marker.size();
      EXPECT_EQ(to_hex(c.output), name.substr(begin, name.find(']', begin) - begin)) << name;
      ++named_cases;
    }
    ++cases;
  }
  EXPECT_EQ(cases, 16);
  EXPECT_EQ(named_cases, 11);
}

TEST(Fixtures, ModexpStateTestInputs) {
  // stPreCompiledContracts/modexpTests.json: each data is a selector and three 32-byte words
  // (base, exponent, modulus) that the contract passes to 0x05 with lengths 32, 32, 32.
  ZKB_REQUIRE_FIXTURES(dir);
  nlohmann::json j = load(dir / "stPreCompiledContracts/modexpTests.json");
  int cases = 0;
  for (auto& [name, test] : j.items()) {
    for (const auto& d : test["transaction"]["data"]) {
      Blob data = from_hex(d.get<std::string>());
      ASSERT_GE(data.size(), 4u + 96u);
      Blob in(96, 0);
      in[31] = in[63] = in[95] = 32;
      in.insert(in.end(), data.begin() + 4, data.begin() + 4 + 96);
      Call c = call(modexp, in);
      ASSERT_EQ(c.status, Status::success) << name;
      EXPECT_EQ(to_hex(c.output), to_hex(reference_modexp(in))) << name << " " << to_hex(in);
      ++cases;
    }
  }
  EXPECT_EQ(cases, 127);
}

}  // namespace
}  // namespace zkbatch::eth::precompiles::test
