// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// The EVM opcodes by byte value (Yellow Paper appendix H.2, with the EIPs that added opcodes
// since: EIP-7 DELEGATECALL, EIP-140 REVERT, EIP-145 shifts, EIP-211 return data, EIP-214
// STATICCALL, EIP-1014 CREATE2, EIP-1052 EXTCODEHASH, EIP-1344 CHAINID, EIP-1884 SELFBALANCE,
// EIP-3198 BASEFEE, EIP-3855 PUSH0, EIP-1153 TLOAD/TSTORE, EIP-5656 MCOPY, EIP-4844 BLOBHASH,
// EIP-7516 BLOBBASEFEE).
#pragma once

#include <stdint.h>

namespace zkbatch::eth::evm {

/// One byte of EVM code. The numbering is the consensus encoding; unassigned values are undefined
/// instructions (opcode_traits.hpp says which are defined).
enum class Op : uint8_t {
  stop = 0x00,
  add = 0x01,
  mul = 0x02,
  sub = 0x03,
  div = 0x04,
  sdiv = 0x05,
  mod = 0x06,
  smod = 0x07,
  addmod = 0x08,
  mulmod = 0x09,
  exp = 0x0a,
  signextend = 0x0b,

  lt = 0x10,
  gt = 0x11,
  slt = 0x12,
  sgt = 0x13,
  eq = 0x14,
  iszero = 0x15,
  and_ = 0x16,
  or_ = 0x17,
  xor_ = 0x18,
  not_ = 0x19,
  byte = 0x1a,
  shl = 0x1b,
  shr = 0x1c,
  sar = 0x1d,

  keccak256 = 0x20,

  address = 0x30,
  balance = 0x31,
  origin = 0x32,
  caller = 0x33,
  callvalue = 0x34,
  calldataload = 0x35,
  calldatasize = 0x36,
  calldatacopy = 0x37,
  codesize = 0x38,
  codecopy = 0x39,
  gasprice = 0x3a,
  extcodesize = 0x3b,
  extcodecopy = 0x3c,
  returndatasize = 0x3d,
  returndatacopy = 0x3e,
  extcodehash = 0x3f,

  blockhash = 0x40,
  coinbase = 0x41,
  timestamp = 0x42,
  number = 0x43,
  prevrandao = 0x44,
  gaslimit = 0x45,
  chainid = 0x46,
  selfbalance = 0x47,
  basefee = 0x48,
  blobhash = 0x49,
  blobbasefee = 0x4a,

  pop = 0x50,
  mload = 0x51,
  mstore = 0x52,
  mstore8 = 0x53,
  sload = 0x54,
  sstore = 0x55,
  jump = 0x56,
  jumpi = 0x57,
  pc = 0x58,
  msize = 0x59,
  gas = 0x5a,
  jumpdest = 0x5b,
  tload = 0x5c,
  tstore = 0x5d,
  mcopy = 0x5e,
  push0 = 0x5f,

  push1 = 0x60,
  push32 = 0x7f,
  dup1 = 0x80,
  dup16 = 0x8f,
  swap1 = 0x90,
  swap16 = 0x9f,
  log0 = 0xa0,
  log1 = 0xa1,
  log2 = 0xa2,
  log3 = 0xa3,
  log4 = 0xa4,

  create = 0xf0,
  call = 0xf1,
  callcode = 0xf2,
  return_ = 0xf3,
  delegatecall = 0xf4,
  create2 = 0xf5,
  staticcall = 0xfa,
  revert = 0xfd,
  invalid = 0xfe,
  selfdestruct = 0xff,
};

/// The byte value of an opcode.
constexpr uint8_t op_byte(Op op) {
  return static_cast<uint8_t>(op);
}

}  // namespace zkbatch::eth::evm
