// SPDX-License-Identifier: Apache-2.0
#include "eth/evm/precompile_dispatch.hpp"

#include "eth/precompiles/precompiles.hpp"

namespace zkbatch::eth::evm {

namespace pc = precompiles;

bool is_precompile(const Address& address) {
  return pc::is_precompile(address.bytes);
}

ExecutionResult run_precompile(const Address& address,
                               base::ByteSpan input,
                               int64_t gas,
                               base::Error* fatal) {
  const pc::Precompile* precompile = pc::find(address.bytes);
  if (precompile == nullptr) return ExecutionResult(EvmStatus::precompile_failure, 0);
  ExecutionResult result;
  pc::PrecompileResult r = precompile->execute(input, static_cast<uint64_t>(gas), result.output);
  switch (r.status) {
    case pc::Status::success:
      result.status = EvmStatus::success;
      result.gas_left = gas - static_cast<int64_t>(r.gas_used);
      return result;
    case pc::Status::out_of_gas:
      return ExecutionResult(EvmStatus::out_of_gas, 0);
    case pc::Status::failure:
      return ExecutionResult(EvmStatus::precompile_failure, 0);
    case pc::Status::out_of_memory:
      break;
  }
  *fatal = base::make_error(base::Errc::out_of_memory, 0, "precompile");
  return ExecutionResult(EvmStatus::fatal, 0);
}

}  // namespace zkbatch::eth::evm
