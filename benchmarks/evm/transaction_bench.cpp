// SPDX-License-Identifier: Apache-2.0
// Transaction processing overhead: validation, gas purchase, warm-up of the access sets, refunds
// and EIP-161 clearing around an empty call, in transactions per second; and sender recovery
// (secp256k1 public-key recovery plus the signing hash), which every transaction of a block pays.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "eth/evm/sender.hpp"
#include "eth/transaction.hpp"
#include "evm_bench_support.hpp"

namespace zkbatch::eth::evm::bench {
namespace {

void BM_EmptyTransaction(benchmark::State& st) {
  BenchSource source({0x00});  // STOP
  for (auto _ : st)
    benchmark::DoNotOptimize(run_call(source, 100000));
  st.SetItemsProcessed(st.iterations());
}
BENCHMARK(BM_EmptyTransaction);

// EIP-155's example transaction (https://eips.ethereum.org/EIPS/eip-155).
void BM_RecoverSender(benchmark::State& st) {
  const char* hex =
      "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a0"
      "28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb70330"
      "4b3800ccf555c9f3dc64214b297fb1966a3b6d83";
  std::vector<uint8_t> bytes;
  for (size_t i = 0; hex[i] != '\0'; i += 2) {
    auto digit = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    bytes.push_back(static_cast<uint8_t>(digit(hex[i]) * 16 + digit(hex[i + 1])));
  }
  auto tx = decode_transaction(base::ByteSpan(bytes.data(), bytes.size()));
  if (!tx.ok()) {
    st.SkipWithError("decode failed");
    return;
  }
  for (auto _ : st) {
    auto sender = recover_sender(*tx, 1);
    benchmark::DoNotOptimize(sender);
  }
  st.SetItemsProcessed(st.iterations());
}
BENCHMARK(BM_RecoverSender);

}  // namespace
}  // namespace zkbatch::eth::evm::bench
