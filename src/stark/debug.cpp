// SPDX-License-Identifier: Apache-2.0
#include "stark/debug.hpp"

#include <map>
#include <stdexcept>
#include <utility>

#include "kernels/backend.hpp"
#include "stark/detail/trace_pass.hpp"

namespace zkbatch::stark {

using field::Fp;

std::string DebugFailure::message() const {
  if (kind == Kind::constraint) {
    return "table '" + table_name + "' row " + std::to_string(row) + ": constraint " +
           std::to_string(constraint) + (label.empty() ? "" : " ('" + label + "')") +
           " is not satisfied";
  }
  std::string t;
  for (size_t i = 0; i < tuple.size(); ++i) {
    t += (i == 0 ? "" : ", ") + std::to_string(tuple[i].value());
  }
  return "bus " + std::to_string(bus) + " unbalanced for tuple (" + t +
         "): sends minus receives = " + std::to_string(net_multiplicity.value());
}

namespace {

/// (bus, tuple) -> sends minus receives.
using Balance = std::map<std::pair<uint32_t, std::vector<uint64_t>>, Fp>;

/// Checks one witness's constraints and adds its local interactions to `local` and its global
/// ones to `global` (skipped when null).
std::optional<DebugFailure> check_witness(const ProvingKey& pk,
                                          const std::vector<poly::RowMajorMatrix>& traces,
                                          std::span<const Fp> public_values,
                                          Balance* local,
                                          Balance* global) {
  const VerifyingKey& vk = pk.vk;
  if (traces.size() != vk.tables.size() || public_values.size() != vk.num_public_values) {
    throw std::invalid_argument("debug_check: wrong number of traces or public values");
  }
  for (size_t t = 0; t < traces.size(); ++t) {
    const TableInfo& info = vk.tables[t];
    const poly::RowMajorMatrix& trace = traces[t];
    const int log_h = kernels::log2_exact(trace.height());
    if (trace.width() != info.width || log_h < 1 ||
        (info.preprocessed_width > 0 &&
         static_cast<unsigned>(log_h) != info.log_preprocessed_height)) {
      throw std::invalid_argument("debug_check: table '" + info.name + "' has the wrong shape");
    }
    const poly::RowMajorMatrix* pre =
        info.preprocessed_width > 0 ? &pk.preprocessed_traces[t] : nullptr;
    const detail::RowPass pass = detail::run_rows(*vk.airs[t], info, trace, pre, public_values);
    if (pass.failed) {
      DebugFailure f;
      f.kind = DebugFailure::Kind::constraint;
      f.table = t;
      f.table_name = info.name;
      f.row = pass.row;
      f.constraint = pass.constraint;
      f.label = pass.label;
      return f;
    }
    const LogupLayout& l = info.logup;
    for (size_t r = 0; r < trace.height(); ++r) {
      const Fp* row = pass.captured.data() + r * l.capture_len;
      for (size_t j = 0; j < l.capture_offsets.size(); ++j) {
        Balance* balance = l.kinds[j] == BusKind::local ? local : global;
        if (balance == nullptr) continue;
        const size_t offset = l.capture_offsets[j];
        const size_t end =
            j + 1 < l.capture_offsets.size() ? l.capture_offsets[j + 1] : l.capture_len;
        std::vector<uint64_t> tuple;
        for (size_t k = offset + 1; k < end; ++k)
          tuple.push_back(row[k].value());
        Fp& net = (*balance)[{l.buses[j], std::move(tuple)}];
        net = l.signs[j] > 0 ? net + row[offset] : net - row[offset];
      }
    }
  }
  return std::nullopt;
}

/// The first (bus, tuple) whose net multiplicity is not zero.
std::optional<DebugFailure> first_imbalance(const Balance& balance) {
  for (const auto& [key, net] : balance) {
    if (net.is_zero()) continue;
    DebugFailure f;
    f.kind = DebugFailure::Kind::bus;
    f.bus = key.first;
    for (uint64_t v : key.second)
      f.tuple.push_back(Fp(v));
    f.net_multiplicity = net;
    return f;
  }
  return std::nullopt;
}

}  // namespace

std::optional<DebugFailure> debug_check(const ProvingKey& pk,
                                        const std::vector<poly::RowMajorMatrix>& traces,
                                        std::span<const Fp> public_values) {
  Balance local;
  if (auto f = check_witness(pk, traces, public_values, &local, nullptr)) return f;
  return first_imbalance(local);
}

std::optional<DebugFailure> debug_check_batch(const ProvingKey& pk,
                                              std::span<const Witness> witnesses) {
  Balance global;
  for (size_t w = 0; w < witnesses.size(); ++w) {
    Balance local;
    std::optional<DebugFailure> f =
        check_witness(pk, witnesses[w].traces, witnesses[w].public_values, &local, &global);
    if (!f) f = first_imbalance(local);
    if (f) {
      f->witness = w;
      return f;
    }
  }
  return first_imbalance(global);
}

}  // namespace zkbatch::stark
