// SPDX-License-Identifier: Apache-2.0
#include "eth/evm/instructions_calls.hpp"

#include <string.h>

#include "base/utility.hpp"
#include "eth/evm/gas_costs.hpp"
#include "eth/evm/host.hpp"
#include "eth/evm/instructions_environment.hpp"
#include "eth/evm/state.hpp"

namespace zkbatch::eth::evm::instr {

using base::U256;

namespace {

// All but one 64th of the gas left (EIP-150), and no more than `requested`.
int64_t capped_gas(int64_t gas_left, const U256& requested) {
  int64_t cap = gas_left - gas_left / 64;
  if (requested.fits_uint64() && requested.low64() < static_cast<uint64_t>(cap))
    return static_cast<int64_t>(requested.low64());
  return cap;
}

base::ByteSpan memory_span(Frame& f, const U256& offset, const U256& size) {
  if (size.is_zero()) return base::ByteSpan();
  return base::ByteSpan(f.memory.data() + offset.low64(), static_cast<size_t>(size.low64()));
}

}  // namespace

EvmStatus call(StackTop s, Frame& f, Op op) {
  const bool has_value_arg = op == Op::call || op == Op::callcode;
  const U256 gas_arg = s[0];
  const Address target = to_address(s[1]);
  const U256 value = has_value_arg ? s[2] : U256();
  const int args = has_value_arg ? 3 : 2;
  const U256 args_offset = s[args];
  const U256 args_size = s[args + 1];
  const U256 ret_offset = s[args + 2];
  const U256 ret_size = s[args + 3];
  const bool transfers = has_value_arg && !value.is_zero();

  f.return_data.clear();
  EvmStatus st = access_account(f, target, gas::kColdAccount - gas::kWarmAccess);
  if (st != EvmStatus::success) return st;
  if ((st = check_memory(f, args_offset, args_size)) != EvmStatus::success) return st;
  if ((st = check_memory(f, ret_offset, ret_size)) != EvmStatus::success) return st;
  if (op == Op::call && transfers && f.msg.is_static) return EvmStatus::static_mode_violation;
  if (transfers) {
    if (!charge(f, gas::kCallValue)) return EvmStatus::out_of_gas;
    if (op == Op::call) {
      // EIP-161: value sent to an empty account pays for creating it.
      auto account = f.state.account(target);
      if (!account.ok()) return fail(f, account.error());
      if ((*account)->empty() && !charge(f, gas::kNewAccount)) return EvmStatus::out_of_gas;
    }
  }
  int64_t gas = capped_gas(f.gas_left, gas_arg);
  f.gas_left -= gas;
  if (transfers) gas += gas::kCallStipend;  // given to the callee, never charged to the caller

  Message& msg = f.child.msg;
  msg = Message();
  msg.kind = op == Op::callcode       ? CallKind::callcode
             : op == Op::delegatecall ? CallKind::delegatecall
                                      : CallKind::call;
  msg.is_static = f.msg.is_static || op == Op::staticcall;
  msg.depth = f.msg.depth + 1;
  msg.gas = gas;
  msg.code_address = target;
  msg.input = memory_span(f, args_offset, args_size);
  if (op == Op::delegatecall) {
    msg.recipient = f.msg.recipient;
    msg.sender = f.msg.sender;
    msg.value = f.msg.value;
  } else {
    msg.recipient = op == Op::callcode ? f.msg.recipient : target;
    msg.sender = f.msg.recipient;
    msg.value = value;
  }
  f.child.active = true;
  f.child.op = op;
  f.child.ret_offset = ret_size.is_zero() ? 0 : ret_offset.low64();
  f.child.ret_size = ret_size.is_zero() ? 0 : ret_size.low64();
  return EvmStatus::success;
}

EvmStatus create(StackTop s, Frame& f, Op op) {
  if (f.msg.is_static) return EvmStatus::static_mode_violation;
  const U256 value = s[0];
  const U256 offset = s[1];
  const U256 size = s[2];
  EvmStatus st = check_memory(f, offset, size);
  if (st != EvmStatus::success) return st;
  // EIP-3860: initcode above the limit is an exceptional halt; each word costs 2 gas, plus 6 for
  // hashing it under CREATE2 (EIP-1014).
  if (!size.is_zero() && size.low64() > kMaxInitcodeSize) return EvmStatus::out_of_gas;
  int64_t words = static_cast<int64_t>(num_words(size.is_zero() ? 0 : size.low64()));
  int64_t word_cost = gas::kInitcodeWord + (op == Op::create2 ? gas::kKeccakWord : 0);
  if (!charge(f, word_cost * words)) return EvmStatus::out_of_gas;

  f.return_data.clear();
  int64_t gas = f.gas_left - f.gas_left / 64;
  f.gas_left -= gas;

  Message& msg = f.child.msg;
  msg = Message();
  msg.kind = op == Op::create2 ? CallKind::create2 : CallKind::create;
  msg.depth = f.msg.depth + 1;
  msg.gas = gas;
  msg.sender = f.msg.recipient;
  msg.value = value;
  msg.input = memory_span(f, offset, size);
  if (op == Op::create2) msg.salt = s[3].to_bytes32();
  f.child.active = true;
  f.child.op = op;
  f.child.ret_offset = 0;
  f.child.ret_size = 0;
  return EvmStatus::success;
}

void finish_child(Frame& f, ExecutionResult& result) {
  const bool created = f.child.op == Op::create || f.child.op == Op::create2;
  f.child.active = false;
  f.gas_left += result.gas_left;
  const bool success = result.status == EvmStatus::success;
  if (success) f.gas_refund += result.gas_refund;
  if (created) {
    *f.top = success ? to_word(result.create_address) : U256();
    if (result.status == EvmStatus::revert) f.return_data = base::move(result.output);
    return;
  }
  if (f.child.ret_size > 0 && !result.output.empty()) {
    size_t n = static_cast<size_t>(
        base::min<uint64_t>(f.child.ret_size, static_cast<uint64_t>(result.output.size())));
    memcpy(f.memory.data() + f.child.ret_offset, result.output.data(), n);
  }
  f.return_data = base::move(result.output);
  *f.top = U256(success ? 1 : 0);
}

EvmStatus selfdestruct(StackTop s, Frame& f) {
  if (f.msg.is_static) return EvmStatus::static_mode_violation;
  const Address beneficiary_address = to_address(s[0]);
  // EIP-2929: a cold beneficiary costs the full COLD_ACCOUNT_ACCESS_COST on top of the base.
  EvmStatus st = access_account(f, beneficiary_address, gas::kColdAccount);
  if (st != EvmStatus::success) return st;
  auto self = f.state.account(f.msg.recipient);
  if (!self.ok()) return fail(f, self.error());
  auto beneficiary = f.state.account(beneficiary_address);
  if (!beneficiary.ok()) return fail(f, beneficiary.error());
  const U256 balance = (*self)->balance;
  if (!balance.is_zero() && (*beneficiary)->empty() && !charge(f, gas::kSelfdestructNewAccount)) {
    return EvmStatus::out_of_gas;
  }
  base::Status moved = f.state.sub_balance(*self, balance);
  if (moved.ok()) moved = f.state.add_balance(*beneficiary, balance);
  if (moved.ok() && (*self)->created) {
    // EIP-6780: only an account created in this transaction goes away, and with it any ether it
    // still holds (also when it names itself as beneficiary).
    moved = f.state.mark_destructed(*self);
    if (moved.ok() && !(*self)->balance.is_zero())
      moved = f.state.sub_balance(*self, (*self)->balance);
  }
  if (!moved.ok()) return fail(f, moved.error());
  return EvmStatus::success;
}

}  // namespace zkbatch::eth::evm::instr
