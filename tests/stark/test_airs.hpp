// SPDX-License-Identifier: Apache-2.0
// Example AIRs of the src/stark tests, with their trace generators:
//   * FibonacciAir: one table, public values (first two and last element);
//   * a multi-table machine: MulAir (z = x * y when active; x and y range-checked; products sent
//     on a bus), ProductsAir (receives the products, its own height), BytesAir (a preprocessed
//     table 0..255 with a multiplicity column receiving the range checks);
//   * TransferAir: values sent or received on a global bus, so two proofs can cancel.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "field/goldilocks.hpp"
#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "stark/machine.hpp"

namespace zkbatch::stark::testing {

using field::Fp;

/// Columns a, b: a' = b, b' = a + b; a = pv[0], b = pv[1] on the first row, b = pv[2] on the last.
class FibonacciAir final : public AirBase<FibonacciAir> {
 public:
  std::string name() const override { return "fibonacci"; }
  size_t width() const override { return 2; }

  template <class B>
  void eval(B& b) const {
    const auto a = b.main(0), v = b.main(1);
    b.when_first_row().assert_eq(a, b.public_value(0), "first a");
    b.when_first_row().assert_eq(v, b.public_value(1), "first b");
    b.when_transition().assert_eq(b.main_next(0), v, "a' = b");
    b.when_transition().assert_eq(b.main_next(1), a + v, "b' = a + b");
    b.when_last_row().assert_eq(v, b.public_value(2), "last b");
  }
};

/// The Fibonacci trace of 2^log_n rows from (a0, b0) and its public values.
inline poly::RowMajorMatrix fibonacci_trace(unsigned log_n,
                                            uint64_t a0,
                                            uint64_t b0,
                                            std::vector<Fp>* public_values) {
  poly::RowMajorMatrix m(2, size_t{1} << log_n);
  Fp a(a0), v(b0);
  for (size_t r = 0; r < m.height(); ++r) {
    m.at(r, 0) = a;
    m.at(r, 1) = v;
    const Fp next = a + v;
    a = v;
    v = next;
  }
  *public_values = {Fp(a0), Fp(b0), m.at(m.height() - 1, 1)};
  return m;
}

inline Machine fibonacci_machine() {
  Machine m;
  m.tables.push_back(std::make_shared<FibonacciAir>());
  m.num_public_values = 3;
  return m;
}

inline constexpr uint32_t kRangeBus = 1;
inline constexpr uint32_t kProductBus = 2;
inline constexpr uint32_t kGlobalBus = 7;

/// Columns x, y, z, active: active is boolean; active * (z - x y) = 0 (degree 3); x and y are
/// sent to the byte range check and (x, y, z) to the product bus, each with multiplicity active.
class MulAir final : public AirBase<MulAir> {
 public:
  std::string name() const override { return "mul"; }
  size_t width() const override { return 4; }

  template <class B>
  void eval(B& b) const {
    const auto x = b.main(0), y = b.main(1), z = b.main(2), active = b.main(3);
    b.assert_bool(active, "active is boolean");
    b.when(active).assert_eq(z, x * y, "z = x * y");
    b.send(kRangeBus, {x}, active);
    b.send(kRangeBus, {y}, active);
    b.send(kProductBus, {x, y, z}, active);
  }
};

/// Columns x, y, z, count: receives (x, y, z) from the product bus count times.
class ProductsAir final : public AirBase<ProductsAir> {
 public:
  std::string name() const override { return "products"; }
  size_t width() const override { return 4; }

  template <class B>
  void eval(B& b) const {
    b.receive(kProductBus, {b.main(0), b.main(1), b.main(2)}, b.main(3));
  }
};

/// Preprocessed column: 0..255. Main column: how many times each byte is looked up.
class BytesAir final : public AirBase<BytesAir> {
 public:
  std::string name() const override { return "bytes"; }
  size_t width() const override { return 1; }
  size_t preprocessed_width() const override { return 1; }
  poly::RowMajorMatrix preprocessed_trace() const override {
    poly::RowMajorMatrix m(1, 256);
    for (size_t r = 0; r < 256; ++r)
      m.at(r, 0) = Fp(r);
    return m;
  }

  template <class B>
  void eval(B& b) const {
    b.receive(kRangeBus, {b.preprocessed(0)}, b.main(0));
  }
};

inline Machine lookup_machine() {
  Machine m;
  m.tables = {std::make_shared<MulAir>(), std::make_shared<ProductsAir>(),
              std::make_shared<BytesAir>()};
  m.buses = {{kRangeBus, BusKind::local, "range"}, {kProductBus, BusKind::local, "products"}};
  return m;
}

/// Traces of lookup_machine: `count` active products of bytes (count <= 2^log_mul), each received
/// once by the products table (height 2^log_products >= count), bytes counted in the byte table.
inline std::vector<poly::RowMajorMatrix> lookup_traces(unsigned log_mul,
                                                       unsigned log_products,
                                                       size_t count) {
  poly::RowMajorMatrix mul(4, size_t{1} << log_mul), products(4, size_t{1} << log_products),
      bytes(1, 256);
  for (size_t i = 0; i < count; ++i) {
    const uint64_t x = (37 * i + 11) % 256, y = (101 * i + 3) % 256;
    mul.at(i, 0) = Fp(x);
    mul.at(i, 1) = Fp(y);
    mul.at(i, 2) = Fp(x * y);
    mul.at(i, 3) = Fp::one();
    products.at(i, 0) = Fp(x);
    products.at(i, 1) = Fp(y);
    products.at(i, 2) = Fp(x * y);
    products.at(i, 3) = Fp::one();
    bytes.at(x, 0) += Fp::one();
    bytes.at(y, 0) += Fp::one();
  }
  // Inactive mul rows hold junk that no constraint or bus sees.
  for (size_t i = count; i < mul.height(); ++i) {
    mul.at(i, 0) = Fp(1000 + i);
    mul.at(i, 2) = Fp(5);
  }
  return {std::move(mul), std::move(products), std::move(bytes)};
}

/// Columns value, send, receive: sends value on the global bus `send` times and receives it
/// `receive` times.
class TransferAir final : public AirBase<TransferAir> {
 public:
  std::string name() const override { return "transfer"; }
  size_t width() const override { return 3; }

  template <class B>
  void eval(B& b) const {
    b.send(kGlobalBus, {b.main(0)}, b.main(1));
    b.receive(kGlobalBus, {b.main(0)}, b.main(2));
  }
};

inline Machine transfer_machine() {
  Machine m;
  m.tables = {std::make_shared<TransferAir>()};
  m.buses = {{kGlobalBus, BusKind::global, "transfer"}};
  return m;
}

/// 2^log_n rows with value 3r + 1 sent (sending) or received (otherwise) once each.
inline poly::RowMajorMatrix transfer_trace(unsigned log_n, bool sending) {
  poly::RowMajorMatrix m(3, size_t{1} << log_n);
  for (size_t r = 0; r < m.height(); ++r) {
    m.at(r, 0) = Fp(3 * r + 1);
    m.at(r, sending ? 1 : 2) = Fp::one();
  }
  return m;
}

}  // namespace zkbatch::stark::testing
