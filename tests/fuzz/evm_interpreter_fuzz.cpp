// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the EVM interpreter on random bytecode and call data. The input is split into a
// header byte (value and static flags), call data and code; the code runs as a transaction's
// call with a bounded gas limit, against a small world where a few neighbouring accounts run the
// same code, so random CALLs, CREATEs, SELFDESTRUCTs and storage writes reach real frames.
// Properties: no crash, no sanitizer report, no hang (gas bounds the work); a valid transaction
// always executes with gas used within its limit; an exceptional halt of the outer frame uses
// all gas and keeps no logs; running the same input twice gives the same result.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <vector>

#include "eth/evm/evm.hpp"
#include "hash/keccak.hpp"

namespace {

using namespace zkbatch;
using eth::Address;
using eth::evm::EvmStatus;

constexpr uint64_t kGasLimit = 3000000;

Address small_address(uint8_t n) {
  Address a{};
  a.bytes[19] = n;
  return a;
}

struct FuzzAccount {
  eth::Account account;
  std::vector<uint8_t> code;
  std::map<base::U256, base::U256> storage;
};

// A world of a few accounts, fixed apart from the code under test.
class FuzzSource final : public eth::evm::StateSource {
 public:
  explicit FuzzSource(base::ByteSpan code) {
    std::vector<uint8_t> bytes(code.begin(), code.end());
    for (uint8_t n = 0x10; n <= 0x13; ++n) {
      FuzzAccount& a = accounts_[small_address(n)];
      a.code = bytes;
      a.account.nonce = 1;
      a.account.balance = base::U256(1000000);
      a.account.code_hash = hash::keccak256(code);
      a.storage[base::U256(0)] = base::U256(n);
      a.storage[base::U256(1)] = base::U256(0);
      // Any non-empty root will do: storage reads are answered from the map.
      a.account.storage_root = a.account.code_hash;
    }
    FuzzAccount& sender = accounts_[small_address(0x20)];
    sender.account.balance = base::U256(1) << 100;
    accounts_[small_address(0x21)].account.balance = base::U256(1);  // a plain account
  }

  base::Result<eth::evm::SourceAccount> account(const Address& address) override {
    eth::evm::SourceAccount out;
    auto it = accounts_.find(address);
    if (it == accounts_.end()) return out;
    out.exists = true;
    out.account = it->second.account;
    return out;
  }
  base::Result<base::U256> storage(const Address& address, const base::U256& slot) override {
    auto it = accounts_.find(address);
    if (it == accounts_.end()) return base::U256();
    auto s = it->second.storage.find(slot);
    return s == it->second.storage.end() ? base::U256() : s->second;
  }
  base::Result<base::ByteSpan> code(const Address& address, const base::Bytes32&) override {
    auto it = accounts_.find(address);
    if (it == accounts_.end()) return base::ByteSpan();
    return base::ByteSpan(it->second.code.data(), it->second.code.size());
  }

 private:
  std::map<Address, FuzzAccount> accounts_;
};

struct Outcome {
  eth::evm::TxError error;
  EvmStatus status;
  uint64_t gas_used;
  size_t logs;
  std::vector<uint8_t> output;

  bool operator==(const Outcome& o) const {
    return error == o.error && status == o.status && gas_used == o.gas_used && logs == o.logs &&
           output == o.output;
  }
};

Outcome run_once(uint8_t flags, base::ByteSpan calldata, base::ByteSpan code) {
  FuzzSource source(code);
  eth::evm::State state(source);
  eth::evm::BlockEnv block;
  block.coinbase = small_address(0x30);
  block.number = 100;
  block.timestamp = 1700000000;
  block.gas_limit = 30000000;
  block.base_fee = base::U256(1);
  block.excess_blob_gas = flags & 0x40 ? 2314058 : 0;
  eth::Transaction tx;
  tx.type = eth::TxType::legacy;
  tx.gas_price = base::U256(2);
  tx.gas_limit = kGasLimit;
  tx.has_to = (flags & 0x80) == 0;  // otherwise the code is initcode
  tx.to = small_address(static_cast<uint8_t>(0x10 + (flags & 3)));
  tx.value = base::U256(flags & 0x04 ? 7 : 0);
  if (tx.has_to) {
    (void)tx.data.append(calldata);
  } else {
    (void)tx.data.append(code.first(eth::evm::kMaxInitcodeSize));
  }
  auto result = eth::evm::execute_transaction(state, block, tx, small_address(0x20), 0, 0);
  if (!result.ok()) std::abort();  // the source answers everything: no error may surface
  Outcome o{result->error, result->status, result->gas_used, result->logs.size(),
            std::vector<uint8_t>(result->output.begin(), result->output.end())};
  if (o.error == eth::evm::TxError::none) {
    if (o.gas_used > kGasLimit || o.gas_used < eth::evm::intrinsic_gas(tx)) std::abort();
    bool halted = o.status != EvmStatus::success && o.status != EvmStatus::revert;
    if (halted && (o.gas_used != kGasLimit || o.logs != 0 || !o.output.empty())) std::abort();
    if (o.status == EvmStatus::fatal) std::abort();
  }
  return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const uint8_t flags = data[0];
  const size_t calldata_size = data[1] < size - 2 ? data[1] : size - 2;
  base::ByteSpan calldata(data + 2, calldata_size);
  base::ByteSpan code(data + 2 + calldata_size, size - 2 - calldata_size);
  Outcome first = run_once(flags, calldata, code);
  Outcome second = run_once(flags, calldata, code);
  if (!(first == second)) std::abort();
  return 0;
}
