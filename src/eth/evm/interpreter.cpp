// SPDX-License-Identifier: Apache-2.0
#include "eth/evm/interpreter.hpp"

#include <string.h>

#include "eth/evm/frame.hpp"
#include "eth/evm/gas_costs.hpp"
#include "eth/evm/host.hpp"
#include "eth/evm/instructions_arithmetic.hpp"
#include "eth/evm/instructions_calls.hpp"
#include "eth/evm/instructions_control.hpp"
#include "eth/evm/instructions_environment.hpp"
#include "eth/evm/instructions_log.hpp"
#include "eth/evm/instructions_memory.hpp"
#include "eth/evm/instructions_stack.hpp"
#include "eth/evm/instructions_storage.hpp"
#include "eth/evm/opcode_traits.hpp"

namespace zkbatch::eth::evm {

bool analyze_jumpdests(base::ByteSpan code, base::Bytes& out) {
  if (!out.resize(code.size())) return false;
  if (code.empty()) return true;
  memset(out.data(), 0, code.size());
  for (size_t i = 0; i < code.size(); ++i) {
    uint8_t op = code[i];
    if (op == op_byte(Op::jumpdest)) {
      out[i] = 1;
    } else if (op >= op_byte(Op::push1) && op <= op_byte(Op::push32)) {
      i += static_cast<size_t>(op - op_byte(Op::push1) + 1);
    }
  }
  return true;
}

EvmStatus expand_memory(Frame& frame, uint64_t end) {
  uint64_t new_words = num_words(end);
  uint64_t old_words = frame.memory.size() / 32;
  if (!charge(frame, memory_cost(new_words) - memory_cost(old_words))) return EvmStatus::out_of_gas;
  if (!frame.memory.grow(static_cast<size_t>(new_words * 32)))
    return fail(frame, base::make_error(base::Errc::out_of_memory, 0, "EVM memory"));
  return EvmStatus::success;
}

namespace {

// What the dispatcher checks before every instruction, folded from the opcode and gas tables into
// one 8-byte entry per byte: the base cost (negative when undefined), the stack height needed,
// the largest height that leaves room for the outputs, and the height change.
struct Check {
  int16_t gas;
  int16_t min_height;
  int16_t max_height;
  int16_t change;
};

struct CheckTable {
  Check entries[256];
};

constexpr CheckTable make_checks() {
  CheckTable table{};
  for (int i = 0; i < 256; ++i) {
    const OpcodeTraits& t = kOpcodeTraits.entries[i];
    Check& c = table.entries[i];
    c.gas = kCancunGas.cost[i];
    c.min_height = t.stack_in;
    c.max_height = static_cast<int16_t>(kStackLimit + t.stack_in - t.stack_out);
    c.change = static_cast<int16_t>(t.stack_out - t.stack_in);
  }
  return table;
}

constexpr CheckTable kChecks = make_checks();
static_assert(kChecks.entries[op_byte(Op::push0)].max_height == kStackLimit - 1);
static_assert(kChecks.entries[op_byte(Op::call)].change == -6);

}  // namespace

EvmStatus run_frame(Frame& f) {
  const base::ByteSpan code = f.code;
  base::U256* const stack_base = f.stack_base;
  base::U256* top = f.top;  // the top item; the guard slot below the base when empty
  size_t pc = f.pc;
  for (;;) {
    if (pc >= code.size()) return EvmStatus::success;  // running off the end is STOP
    const uint8_t byte = code[pc];
    const Check check = kChecks.entries[byte];
    // The checks every instruction shares, in the order of Yellow Paper §9.4.2's Z.
    if (check.gas < 0) return EvmStatus::undefined_instruction;
    const ptrdiff_t height = top - stack_base + 1;
    if (height < check.min_height) return EvmStatus::stack_underflow;
    if (height > check.max_height) return EvmStatus::stack_overflow;
    if ((f.gas_left -= check.gas) < 0) return EvmStatus::out_of_gas;

    StackTop s(top);
    EvmStatus st = EvmStatus::success;
    size_t next = pc + 1;
    const Op op = static_cast<Op>(byte);
    switch (op) {
      case Op::stop:
        return EvmStatus::success;
      case Op::add:
        instr::add(s);
        break;
      case Op::mul:
        instr::mul(s);
        break;
      case Op::sub:
        instr::sub(s);
        break;
      case Op::div:
        instr::div(s);
        break;
      case Op::sdiv:
        instr::sdiv(s);
        break;
      case Op::mod:
        instr::mod(s);
        break;
      case Op::smod:
        instr::smod(s);
        break;
      case Op::addmod:
        instr::addmod(s);
        break;
      case Op::mulmod:
        instr::mulmod(s);
        break;
      case Op::exp:
        st = instr::exp(s, f);
        break;
      case Op::signextend:
        instr::signextend(s);
        break;
      case Op::lt:
        instr::lt(s);
        break;
      case Op::gt:
        instr::gt(s);
        break;
      case Op::slt:
        instr::slt(s);
        break;
      case Op::sgt:
        instr::sgt(s);
        break;
      case Op::eq:
        instr::eq(s);
        break;
      case Op::iszero:
        instr::iszero(s);
        break;
      case Op::and_:
        instr::bit_and(s);
        break;
      case Op::or_:
        instr::bit_or(s);
        break;
      case Op::xor_:
        instr::bit_xor(s);
        break;
      case Op::not_:
        instr::bit_not(s);
        break;
      case Op::byte:
        instr::byte(s);
        break;
      case Op::shl:
        instr::shl(s);
        break;
      case Op::shr:
        instr::shr(s);
        break;
      case Op::sar:
        instr::sar(s);
        break;
      case Op::keccak256:
        st = instr::keccak256(s, f);
        break;

      case Op::address:
        instr::address(s, f);
        break;
      case Op::balance:
        st = instr::balance(s, f);
        break;
      case Op::origin:
        instr::origin(s, f.host);
        break;
      case Op::caller:
        instr::caller(s, f);
        break;
      case Op::callvalue:
        instr::callvalue(s, f);
        break;
      case Op::calldataload:
        instr::calldataload(s, f);
        break;
      case Op::calldatasize:
        instr::calldatasize(s, f);
        break;
      case Op::calldatacopy:
        st = instr::calldatacopy(s, f);
        break;
      case Op::codesize:
        instr::codesize(s, f);
        break;
      case Op::codecopy:
        st = instr::codecopy(s, f);
        break;
      case Op::gasprice:
        instr::gasprice(s, f.host);
        break;
      case Op::extcodesize:
        st = instr::extcodesize(s, f);
        break;
      case Op::extcodecopy:
        st = instr::extcodecopy(s, f);
        break;
      case Op::returndatasize:
        instr::returndatasize(s, f);
        break;
      case Op::returndatacopy:
        st = instr::returndatacopy(s, f);
        break;
      case Op::extcodehash:
        st = instr::extcodehash(s, f);
        break;

      case Op::blockhash:
        instr::blockhash(s, f.host);
        break;
      case Op::coinbase:
        instr::coinbase(s, f.host);
        break;
      case Op::timestamp:
        instr::timestamp(s, f.host);
        break;
      case Op::number:
        instr::number(s, f.host);
        break;
      case Op::prevrandao:
        instr::prevrandao(s, f.host);
        break;
      case Op::gaslimit:
        instr::gaslimit(s, f.host);
        break;
      case Op::chainid:
        instr::chainid(s, f.host);
        break;
      case Op::selfbalance:
        st = instr::selfbalance(s, f);
        break;
      case Op::basefee:
        instr::basefee(s, f.host);
        break;
      case Op::blobhash:
        instr::blobhash(s, f.host);
        break;
      case Op::blobbasefee:
        instr::blobbasefee(s, f.host);
        break;

      case Op::pop:
        break;
      case Op::mload:
        st = instr::mload(s, f);
        break;
      case Op::mstore:
        st = instr::mstore(s, f);
        break;
      case Op::mstore8:
        st = instr::mstore8(s, f);
        break;
      case Op::sload:
        st = instr::sload(s, f);
        break;
      case Op::sstore:
        st = instr::sstore(s, f);
        break;
      case Op::jump:
        st = instr::jump(s, f, &next);
        break;
      case Op::jumpi:
        next = pc;
        st = instr::jumpi(s, f, &next);
        break;
      case Op::pc:
        instr::pc(s, pc);
        break;
      case Op::msize:
        instr::msize(s, f);
        break;
      case Op::gas:
        instr::gas(s, f);
        break;
      case Op::jumpdest:
        break;
      case Op::tload:
        instr::tload(s, f);
        break;
      case Op::tstore:
        st = instr::tstore(s, f);
        break;
      case Op::mcopy:
        st = instr::mcopy(s, f);
        break;
      case Op::push0:
        instr::push0(s);
        break;

      case Op::create:
      case Op::create2:
      case Op::call:
      case Op::callcode:
      case Op::delegatecall:
      case Op::staticcall:
        st = (op == Op::create || op == Op::create2) ? instr::create(s, f, op)
                                                     : instr::call(s, f, op);
        if (st != EvmStatus::success) return st;
        // The instruction asked for a child frame: suspend here; the result goes to the new top.
        f.pc = next;
        f.top = top + check.change;
        return EvmStatus::success;
      case Op::return_:
        st = instr::set_output(s, f);
        return st;
      case Op::revert:
        st = instr::set_output(s, f);
        return st == EvmStatus::success ? EvmStatus::revert : st;
      case Op::invalid:
        return EvmStatus::invalid_instruction;
      case Op::selfdestruct:
        return instr::selfdestruct(s, f);

      default:
        if (byte >= op_byte(Op::push1) && byte <= op_byte(Op::push32)) {
          const size_t n = static_cast<size_t>(byte - op_byte(Op::push1) + 1);
          instr::push(s, code, pc, n);
          next = pc + 1 + n;
        } else if (byte >= op_byte(Op::dup1) && byte <= op_byte(Op::dup16)) {
          instr::dup(s, byte - op_byte(Op::dup1) + 1);
        } else if (byte >= op_byte(Op::swap1) && byte <= op_byte(Op::swap16)) {
          instr::swap(s, byte - op_byte(Op::swap1) + 1);
        } else if (byte >= op_byte(Op::log0) && byte <= op_byte(Op::log4)) {
          st = instr::log(s, f, byte - op_byte(Op::log0));
        } else {
          return EvmStatus::undefined_instruction;  // unreachable: the gas table said defined
        }
        break;
    }
    if (st != EvmStatus::success) return st;
    top += check.change;
    pc = next;
  }
}

}  // namespace zkbatch::eth::evm
