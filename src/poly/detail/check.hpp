// SPDX-License-Identifier: Apache-2.0
// Error reporting shared by the src/poly sources (internal).
#pragma once

#include <stdexcept>
#include <string>

#include "kernels/backend.hpp"

namespace zkbatch::poly::detail {

/// Throws std::invalid_argument(what) unless `condition`: the caller broke a documented
/// precondition (a programming error, not bad proof data).
inline void require(bool condition, const char* what) {
  if (!condition) throw std::invalid_argument(what);
}

/// Throws std::runtime_error when a back-end call failed (device out of memory, driver error).
inline void check(kernels::Status status, const char* what) {
  if (status != kernels::Status::ok) {
    throw std::runtime_error(std::string(what) + ": " + kernels::status_message(status));
  }
}

/// log2(n) for a power of two n, else throws std::invalid_argument(what).
inline unsigned require_log2(size_t n, const char* what) {
  const int log = kernels::log2_exact(n);
  require(log >= 0, what);
  return static_cast<unsigned>(log);
}

}  // namespace zkbatch::poly::detail
