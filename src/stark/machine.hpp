// SPDX-License-Identifier: Apache-2.0
// A machine: the tables of one proof, the buses between them and the number of public values.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <memory>
#include <string>
#include <vector>

#include "stark/air.hpp"
#include "stark/builder.hpp"

namespace zkbatch::stark {

/// A bus the tables' interactions refer to by id.
struct BusSpec {
  uint32_t id = 0;
  BusKind kind = BusKind::local;
  std::string name;
};

/// What a verifying key is made from. Every table appears in every proof, in this order.
struct Machine {
  std::vector<std::shared_ptr<const Air>> tables;
  std::vector<BusSpec> buses;
  /// Public values of each proof (every table may read any of them).
  size_t num_public_values = 0;
};

}  // namespace zkbatch::stark
