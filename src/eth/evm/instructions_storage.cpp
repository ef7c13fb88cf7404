// SPDX-License-Identifier: Apache-2.0
#include "eth/evm/instructions_storage.hpp"

#include "eth/evm/gas_costs.hpp"
#include "eth/evm/host.hpp"
#include "eth/evm/state.hpp"

namespace zkbatch::eth::evm::instr {

using base::U256;

SstoreCost sstore_cost(const U256& original, const U256& current, const U256& value, bool cold) {
  SstoreCost c;
  if (cold) c.gas += gas::kColdSload;
  if (current == value) {
    c.gas += gas::kWarmAccess;  // no-op write
    return c;
  }
  if (original == current) {  // first write to a clean slot in this transaction
    if (original.is_zero()) {
      c.gas += gas::kSstoreSet;
    } else {
      c.gas += gas::kSstoreReset;
      if (value.is_zero()) c.refund += gas::kSstoreClearsRefund;
    }
    return c;
  }
  c.gas += gas::kWarmAccess;  // dirty slot
  if (!original.is_zero()) {
    if (current.is_zero()) {
      c.refund -= gas::kSstoreClearsRefund;  // undo the clearing refund given earlier
    } else if (value.is_zero()) {
      c.refund += gas::kSstoreClearsRefund;
    }
  }
  if (original == value) {  // back to the original value: refund the first write's excess
    c.refund += original.is_zero() ? gas::kSstoreSet - gas::kWarmAccess
                                   : gas::kSstoreReset - gas::kWarmAccess;
  }
  return c;
}

EvmStatus sload(StackTop s, Frame& f) {
  auto warm = f.state.access_slot(f.msg.recipient, s[0]);
  if (!warm.ok()) return fail(f, warm.error());
  if (!*warm && !charge(f, gas::kColdSload - gas::kWarmAccess)) return EvmStatus::out_of_gas;
  auto account = f.state.account(f.msg.recipient);
  if (!account.ok()) return fail(f, account.error());
  auto value = f.state.storage(*account, s[0]);
  if (!value.ok()) return fail(f, value.error());
  s[0] = *value;
  return EvmStatus::success;
}

EvmStatus sstore(StackTop s, Frame& f) {
  if (f.msg.is_static) return EvmStatus::static_mode_violation;
  if (f.gas_left <= gas::kSstoreSentry) return EvmStatus::out_of_gas;
  auto warm = f.state.access_slot(f.msg.recipient, s[0]);
  if (!warm.ok()) return fail(f, warm.error());
  auto account = f.state.account(f.msg.recipient);
  if (!account.ok()) return fail(f, account.error());
  auto write = f.state.set_storage(*account, s[0], s[1]);
  if (!write.ok()) return fail(f, write.error());
  SstoreCost cost = sstore_cost(write->original, write->current, s[1], !*warm);
  if (!charge(f, cost.gas)) return EvmStatus::out_of_gas;
  f.gas_refund += cost.refund;
  return EvmStatus::success;
}

void tload(StackTop s, Frame& f) {
  s[0] = f.state.transient(f.msg.recipient, s[0]);
}

EvmStatus tstore(StackTop s, Frame& f) {
  if (f.msg.is_static) return EvmStatus::static_mode_violation;
  base::Status st = f.state.set_transient(f.msg.recipient, s[0], s[1]);
  if (!st.ok()) return fail(f, st.error());
  return EvmStatus::success;
}

}  // namespace zkbatch::eth::evm::instr
