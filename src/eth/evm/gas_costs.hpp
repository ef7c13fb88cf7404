// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// The gas schedule: named constants for the dynamic parts, and a base-cost table per fork that the
// dispatcher charges before an instruction runs (STYLE.md §4.7). Each fork's table copies the
// previous one and applies that fork's changes, starting from Berlin, the first fork with the
// EIP-2929 warm/cold split; a static_assert requires a cost for every defined opcode.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "eth/evm/opcode_traits.hpp"
#include "eth/evm/opcodes.hpp"
#include "eth/evm/revision.hpp"

namespace zkbatch::eth::evm {

/// Named gas amounts (Yellow Paper appendix G and the EIPs cited).
namespace gas {
inline constexpr int64_t kVeryLow = 3;         ///< G_verylow
inline constexpr int64_t kCopyWord = 3;        ///< G_copy, per 32-byte word copied
inline constexpr int64_t kMemoryWord = 3;      ///< G_memory, linear part of memory cost
inline constexpr int64_t kQuadDivisor = 512;   ///< quadratic memory cost divisor
inline constexpr int64_t kKeccakWord = 6;      ///< G_keccak256word
inline constexpr int64_t kExpByte = 50;        ///< G_expbyte (EIP-160)
inline constexpr int64_t kLogData = 8;         ///< G_logdata, per byte
inline constexpr int64_t kLogTopic = 375;      ///< G_logtopic
inline constexpr int64_t kWarmAccess = 100;    ///< WARM_STORAGE_READ_COST (EIP-2929)
inline constexpr int64_t kColdSload = 2100;    ///< COLD_SLOAD_COST (EIP-2929)
inline constexpr int64_t kColdAccount = 2600;  ///< COLD_ACCOUNT_ACCESS_COST (EIP-2929)
inline constexpr int64_t kSstoreSet = 20000;   ///< SSTORE_SET_GAS
inline constexpr int64_t kSstoreReset = 2900;  ///< SSTORE_RESET_GAS - COLD_SLOAD_COST (EIP-2929)
inline constexpr int64_t kSstoreClearsRefund = 4800;  ///< SSTORE_CLEARS_SCHEDULE (EIP-3529)
inline constexpr int64_t kSstoreSentry = 2300;        ///< EIP-2200: SSTORE fails at or below this
inline constexpr int64_t kCallValue = 9000;           ///< G_callvalue
inline constexpr int64_t kCallStipend = 2300;         ///< G_callstipend
inline constexpr int64_t kNewAccount = 25000;         ///< G_newaccount
inline constexpr int64_t kSelfdestructNewAccount = 25000;  ///< EIP-150
inline constexpr int64_t kCreate = 32000;                  ///< G_create
inline constexpr int64_t kCodeDeposit = 200;               ///< G_codedeposit, per byte
inline constexpr int64_t kInitcodeWord = 2;                ///< EIP-3860, per initcode word
inline constexpr int64_t kBlockhash = 20;                  ///< G_blockhash

inline constexpr int64_t kTransaction = 21000;          ///< G_transaction
inline constexpr int64_t kTxCreate = 32000;             ///< G_txcreate
inline constexpr int64_t kTxDataZero = 4;               ///< G_txdatazero
inline constexpr int64_t kTxDataNonZero = 16;           ///< G_txdatanonzero (EIP-2028)
inline constexpr int64_t kAccessListAddress = 2400;     ///< EIP-2930
inline constexpr int64_t kAccessListStorageKey = 1900;  ///< EIP-2930
inline constexpr uint64_t kMaxRefundQuotient = 5;       ///< EIP-3529: refund <= gas used / 5
}  // namespace gas

/// EIP-170: deployed code is at most 24576 bytes.
inline constexpr size_t kMaxCodeSize = 24576;
/// EIP-3860: initcode is at most twice the code limit.
inline constexpr size_t kMaxInitcodeSize = 2 * kMaxCodeSize;
/// Nested calls and creations stop at depth 1024 (Yellow Paper §8).
inline constexpr int kMaxCallDepth = 1024;

/// Marks an opcode without a cost: undefined in the table's fork.
inline constexpr int16_t kUndefinedGas = -1;

/// Base costs of every opcode in one fork; kUndefinedGas where the opcode does not exist.
struct GasTable {
  int16_t cost[256];
};

namespace detail {

constexpr void set_cost(GasTable& t, Op op, int16_t cost) {
  t.cost[op_byte(op)] = cost;
}

template <size_t N>
constexpr void set_costs(GasTable& t, const Op (&ops)[N], int16_t cost) {
  for (Op op : ops)
    set_cost(t, op, cost);
}

// Berlin: the Istanbul schedule (EIP-1884, EIP-2200) with EIP-2929's access costs, which charge
// the warm cost here and the cold surcharge in the instruction.
constexpr GasTable make_berlin() {
  GasTable t{};
  for (int i = 0; i < 256; ++i)
    t.cost[i] = kUndefinedGas;
  set_cost(t, Op::stop, 0);
  {
    const Op ops[] = {
        Op::add,    Op::sub,     Op::lt,           Op::gt,       Op::slt,           Op::sgt,
        Op::eq,     Op::iszero,  Op::and_,         Op::or_,      Op::xor_,          Op::not_,
        Op::byte,   Op::shl,     Op::shr,          Op::sar,      Op::calldataload,  Op::mload,
        Op::mstore, Op::mstore8, Op::calldatacopy, Op::codecopy, Op::returndatacopy};
    set_costs(t, ops, 3);
  }
  {
    const Op ops[] = {Op::mul,  Op::div,        Op::sdiv,       Op::mod,
                      Op::smod, Op::signextend, Op::selfbalance};
    set_costs(t, ops, 5);
  }
  set_cost(t, Op::addmod, 8);
  set_cost(t, Op::mulmod, 8);
  set_cost(t, Op::exp, 10);
  set_cost(t, Op::keccak256, 30);
  {
    const Op ops[] = {Op::address,      Op::origin,    Op::caller,   Op::callvalue,
                      Op::calldatasize, Op::codesize,  Op::gasprice, Op::returndatasize,
                      Op::coinbase,     Op::timestamp, Op::number,   Op::prevrandao,
                      Op::gaslimit,     Op::chainid,   Op::pop,      Op::pc,
                      Op::msize,        Op::gas};
    set_costs(t, ops, 2);
  }
  {
    const Op ops[] = {Op::balance, Op::extcodesize, Op::extcodecopy,  Op::extcodehash, Op::sload,
                      Op::call,    Op::callcode,    Op::delegatecall, Op::staticcall};
    set_costs(t, ops, static_cast<int16_t>(gas::kWarmAccess));
  }
  set_cost(t, Op::blockhash, static_cast<int16_t>(gas::kBlockhash));
  set_cost(t, Op::sstore, 0);
  set_cost(t, Op::jump, 8);
  set_cost(t, Op::jumpi, 10);
  set_cost(t, Op::jumpdest, 1);
  for (int i = 0; i < 32; ++i)
    t.cost[op_byte(Op::push1) + i] = 3;
  for (int i = 0; i < 16; ++i) {
    t.cost[op_byte(Op::dup1) + i] = 3;
    t.cost[op_byte(Op::swap1) + i] = 3;
  }
  for (int n = 0; n <= 4; ++n)
    t.cost[op_byte(Op::log0) + n] = static_cast<int16_t>(375 + 375 * n);
  set_cost(t, Op::create, static_cast<int16_t>(gas::kCreate));
  set_cost(t, Op::create2, static_cast<int16_t>(gas::kCreate));
  set_cost(t, Op::return_, 0);
  set_cost(t, Op::revert, 0);
  set_cost(t, Op::invalid, 0);
  set_cost(t, Op::selfdestruct, 5000);
  return t;
}

// London: EIP-3198 BASEFEE.
constexpr GasTable make_london() {
  GasTable t = make_berlin();
  set_cost(t, Op::basefee, 2);
  return t;
}

// Shanghai: EIP-3855 PUSH0.
constexpr GasTable make_shanghai() {
  GasTable t = make_london();
  set_cost(t, Op::push0, 2);
  return t;
}

// Cancun: EIP-1153 TLOAD/TSTORE, EIP-5656 MCOPY, EIP-4844 BLOBHASH, EIP-7516 BLOBBASEFEE.
constexpr GasTable make_cancun() {
  GasTable t = make_shanghai();
  set_cost(t, Op::tload, static_cast<int16_t>(gas::kWarmAccess));
  set_cost(t, Op::tstore, static_cast<int16_t>(gas::kWarmAccess));
  set_cost(t, Op::mcopy, 3);
  set_cost(t, Op::blobhash, 3);
  set_cost(t, Op::blobbasefee, 2);
  return t;
}

// Every opcode defined in `revision` has a cost, and no other byte has one.
constexpr bool table_matches_traits(const GasTable& t, Revision revision) {
  for (int i = 0; i < 256; ++i) {
    bool defined = is_defined(static_cast<uint8_t>(i), revision);
    if (defined != (t.cost[i] >= 0)) return false;
  }
  return true;
}

}  // namespace detail

/// Base costs for Cancun, the fork the interpreter runs.
inline constexpr GasTable kCancunGas = detail::make_cancun();

static_assert(detail::table_matches_traits(detail::make_berlin(), Revision::berlin));
static_assert(detail::table_matches_traits(detail::make_london(), Revision::london));
static_assert(detail::table_matches_traits(detail::make_shanghai(), Revision::shanghai));
static_assert(detail::table_matches_traits(kCancunGas, Revision::cancun));

}  // namespace zkbatch::eth::evm
