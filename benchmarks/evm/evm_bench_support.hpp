// SPDX-License-Identifier: Apache-2.0
// A minimal in-memory world for the EVM benchmarks: one sender with funds and one contract.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "eth/evm/evm.hpp"
#include "hash/keccak.hpp"

namespace zkbatch::eth::evm::bench {

inline Address bench_address(uint8_t n) {
  Address a{};
  a.bytes[19] = n;
  return a;
}

/// A StateSource with a funded sender (0x..a0) and `code` at 0x..c0; no storage.
class BenchSource final : public StateSource {
 public:
  explicit BenchSource(std::vector<uint8_t> code) : code_(std::move(code)) {}

  base::Result<SourceAccount> account(const Address& a) override {
    SourceAccount out;
    if (a == bench_address(0xa0)) {
      out.exists = true;
      out.account.balance = base::U256(1) << 120;
    } else if (a == bench_address(0xc0)) {
      out.exists = true;
      out.account.nonce = 1;
      out.account.code_hash = hash::keccak256(base::ByteSpan(code_.data(), code_.size()));
    }
    return out;
  }
  base::Result<base::U256> storage(const Address&, const base::U256&) override {
    return base::U256();
  }
  base::Result<base::ByteSpan> code(const Address&, const base::Bytes32&) override {
    return base::ByteSpan(code_.data(), code_.size());
  }

 private:
  std::vector<uint8_t> code_;
};

/// A loop that runs `body` `iterations` times:
///   PUSH4 n, JUMPDEST, body, PUSH1 1, SWAP1, SUB, DUP1, PUSH1 5, JUMPI, STOP
/// (the counter stays on the stack below whatever `body` leaves balanced).
inline std::vector<uint8_t> loop(uint32_t iterations, const std::vector<uint8_t>& body) {
  std::vector<uint8_t> code = {0x63,
                               static_cast<uint8_t>(iterations >> 24),
                               static_cast<uint8_t>(iterations >> 16),
                               static_cast<uint8_t>(iterations >> 8),
                               static_cast<uint8_t>(iterations),
                               0x5b};
  code.insert(code.end(), body.begin(), body.end());
  const std::vector<uint8_t> tail = {0x60, 0x01, 0x90, 0x03, 0x80, 0x60, 0x05, 0x57, 0x00};
  code.insert(code.end(), tail.begin(), tail.end());
  return code;
}

/// Executes one call transaction from the sender to the contract on a fresh State; returns the
/// gas used (0 when the transaction did not succeed).
inline uint64_t run_call(BenchSource& source, uint64_t gas_limit) {
  State state(source);
  BlockEnv block;
  block.gas_limit = 30000000;
  block.number = 1;
  Transaction tx;
  tx.gas_limit = gas_limit;
  tx.has_to = true;
  tx.to = bench_address(0xc0);
  tx.gas_price = base::U256(1);
  auto r = execute_transaction(state, block, tx, bench_address(0xa0), 0, 0);
  return r.ok() && r->success() ? r->gas_used : 0;
}

}  // namespace zkbatch::eth::evm::bench
