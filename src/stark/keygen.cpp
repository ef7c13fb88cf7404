// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <set>

#include "field/roots.hpp"
#include "hash/sponge.hpp"
#include "poly/lde.hpp"
#include "stark/keys.hpp"

namespace zkbatch::stark {

using field::Fp;

namespace {

/// Version of the verifying-key encoding hashed into the digest.
constexpr uint64_t kVerifyingKeyVersion = 1;

[[noreturn]] void fail(const std::string& table, const std::string& what) {
  throw AirError("table '" + table + "': " + what);
}

void push_digest(std::vector<Fp>& out, const hash::Digest& d) {
  out.insert(out.end(), d.v, d.v + hash::kDigestElements);
}

void push_string(std::vector<Fp>& out, const std::string& s) {
  push_digest(out, hash::hash_bytes({reinterpret_cast<const uint8_t*>(s.data()), s.size()}));
}

/// Hashes every field of the key that the verifier relies on.
hash::Digest compute_digest(const VerifyingKey& vk) {
  std::vector<Fp> e;
  auto put = [&](uint64_t v) { e.push_back(Fp(v)); };
  put(kVerifyingKeyVersion);
  push_string(e, vk.params.name);
  put(vk.params.fri.log_blowup);
  put(vk.params.fri.log_final_poly_len);
  put(vk.params.fri.num_queries);
  put(vk.params.fri.query_pow_bits);
  put(vk.params.fri.log_folding_arity);
  put(vk.params.test_only ? 1 : 0);
  put(vk.tables.size());
  for (const TableInfo& t : vk.tables) {
    push_string(e, t.name);
    put(t.width);
    put(t.preprocessed_width);
    put(t.log_preprocessed_height);
    put(t.symbolic.constraints.size());
    for (const ConstraintInfo& c : t.symbolic.constraints)
      put(static_cast<uint64_t>(c.degree));
    put(t.symbolic.interactions.size());
    for (size_t j = 0; j < t.symbolic.interactions.size(); ++j) {
      const InteractionInfo& i = t.symbolic.interactions[j];
      put(i.bus);
      put(static_cast<uint64_t>(i.direction));
      put(i.tuple_len);
      put(static_cast<uint64_t>(i.tuple_degree));
      put(static_cast<uint64_t>(i.multiplicity_degree));
      put(static_cast<uint64_t>(t.logup.kinds[j]));
    }
    put(t.log_quotient_chunks);
  }
  put(vk.buses.size());
  for (const BusSpec& b : vk.buses) {
    put(b.id);
    put(static_cast<uint64_t>(b.kind));
    push_string(e, b.name);
  }
  put(vk.num_public_values);
  put(vk.preprocessed_tables.size());
  if (!vk.preprocessed_tables.empty()) push_digest(e, vk.preprocessed_root);
  return hash::hash_elements(e.data(), e.size());
}

}  // namespace

TableInfo analyze_table(const Air& air,
                        const std::vector<BusSpec>& buses,
                        size_t num_public_values) {
  TableInfo info;
  info.name = air.name();
  info.width = air.width();
  info.preprocessed_width = air.preprocessed_width();
  if (info.width == 0) fail(info.name, "a table needs at least one main column");

  SymbolicBuilder builder(info.width, info.preprocessed_width, num_public_values);
  air.eval_symbolic(builder);
  info.symbolic = builder.take_report();
  if (!info.symbolic.problem.empty()) fail(info.name, info.symbolic.problem);
  for (size_t j = 0; j < info.symbolic.constraints.size(); ++j) {
    const ConstraintInfo& c = info.symbolic.constraints[j];
    if (c.degree > kMaxConstraintDegree) {
      fail(info.name, "constraint " + std::to_string(j) +
                          (c.label.empty() ? "" : " ('" + c.label + "')") + " has degree " +
                          std::to_string(c.degree) + "; the maximum is " +
                          std::to_string(kMaxConstraintDegree));
    }
  }

  std::vector<BusKind> kinds;
  for (const InteractionInfo& i : info.symbolic.interactions) {
    auto bus =
        std::find_if(buses.begin(), buses.end(), [&](const BusSpec& b) { return b.id == i.bus; });
    if (bus == buses.end())
      fail(info.name, "interaction on undeclared bus " + std::to_string(i.bus));
    kinds.push_back(bus->kind);
  }
  const std::string problem = make_logup_layout(info.symbolic.interactions, kinds, &info.logup);
  if (!problem.empty()) fail(info.name, problem);

  info.num_constraints = info.symbolic.constraints.size() + info.logup.num_constraints;
  info.max_degree = std::max(info.symbolic.max_degree, info.logup.max_degree);
  // The combined constraint has degree <= d (n - 1) + 1 (see symbolic.hpp), so the quotient by
  // Z_H (degree n) has degree < (d - 1) n: one chunk of n coefficients up to d = 2, two for d = 3.
  info.log_quotient_chunks = info.max_degree >= 3 ? 1 : 0;
  return info;
}

std::vector<TableReport> symbolic_report(const Machine& machine) {
  std::vector<TableReport> out;
  for (const auto& air : machine.tables) {
    const TableInfo info = analyze_table(*air, machine.buses, machine.num_public_values);
    TableReport r;
    r.name = info.name;
    r.num_constraints = info.symbolic.constraints.size();
    r.num_logup_constraints = info.logup.num_constraints;
    r.num_interactions = info.symbolic.interactions.size();
    r.num_logup_columns = info.logup.num_columns;
    r.max_degree = info.max_degree;
    out.push_back(std::move(r));
  }
  return out;
}

ProvingKey keygen(const Machine& machine, const StarkParams& params) {
  if (fri::validate(params.fri) != fri::FriError::ok) {
    throw std::invalid_argument("keygen: FRI parameters out of bounds");
  }
  if (machine.tables.empty()) throw AirError("keygen: a machine needs at least one table");
  std::set<uint32_t> ids;
  for (const BusSpec& b : machine.buses) {
    if (!ids.insert(b.id).second) throw AirError("keygen: bus id declared twice");
  }

  ProvingKey pk;
  VerifyingKey& vk = pk.vk;
  vk.params = params;
  vk.airs = machine.tables;
  vk.buses = machine.buses;
  vk.num_public_values = machine.num_public_values;
  std::vector<poly::RowMajorMatrix> ldes;
  for (size_t t = 0; t < machine.tables.size(); ++t) {
    const Air& air = *machine.tables[t];
    TableInfo info = analyze_table(air, machine.buses, machine.num_public_values);
    for (const InteractionInfo& i : info.symbolic.interactions) {
      vk.max_tuple_len = std::max<size_t>(vk.max_tuple_len, i.tuple_len);
    }
    poly::RowMajorMatrix pre;
    if (info.preprocessed_width > 0) {
      pre = air.preprocessed_trace();
      const int log_h = kernels::log2_exact(pre.height());
      if (pre.width() != info.preprocessed_width || log_h < 1 ||
          log_h > static_cast<int>(kMaxLogTableHeight)) {
        fail(info.name,
             "preprocessed trace must have preprocessed_width() columns and a "
             "power-of-two height in [2, 2^24]");
      }
      info.log_preprocessed_height = static_cast<unsigned>(log_h);
      ldes.push_back(poly::coset_lde(pre, params.fri.log_blowup, field::multiplicative_generator(),
                                     kernels::RowOrder::bit_reversed));
      vk.preprocessed_tables.push_back(t);
      vk.preprocessed_dims.push_back({ldes.back().width(), ldes.back().height()});
    }
    pk.preprocessed_traces.push_back(std::move(pre));
    vk.tables.push_back(std::move(info));
  }
  if (!ldes.empty()) {
    pk.preprocessed = commit::MatrixCommitment::commit(std::move(ldes));
    vk.preprocessed_root = pk.preprocessed->root();
  }
  vk.digest = compute_digest(vk);
  return pk;
}

}  // namespace zkbatch::stark
