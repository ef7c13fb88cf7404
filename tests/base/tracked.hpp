// SPDX-License-Identifier: Apache-2.0
// A non-trivial element type for container tests: it owns heap memory and counts live objects,
// so leaks, double destruction and use of moved-from objects show up (also under ASan).
#pragma once

#include <cstdint>
#include <cstdlib>

namespace zkbatch::base::testing {

class Tracked {
 public:
  static inline int live = 0;

  Tracked() : Tracked(0) {}
  explicit Tracked(int64_t v) : value_(static_cast<int64_t*>(std::malloc(sizeof(int64_t)))) {
    *value_ = v;
    ++live;
  }
  Tracked(const Tracked& other) : Tracked(other.value()) {}
  Tracked(Tracked&& other) noexcept : value_(other.value_) {
    other.value_ = nullptr;
    ++live;
  }
  Tracked& operator=(const Tracked& other) {
    if (this != &other) *value_ = other.value();
    return *this;
  }
  Tracked& operator=(Tracked&& other) noexcept {
    if (this != &other) {
      std::free(value_);
      value_ = other.value_;
      other.value_ = nullptr;
    }
    return *this;
  }
  ~Tracked() {
    std::free(value_);
    --live;
  }

  /// The value; -1 for a moved-from object.
  int64_t value() const { return value_ != nullptr ? *value_ : -1; }
  bool operator==(const Tracked& other) const { return value() == other.value(); }

 private:
  int64_t* value_;
};

}  // namespace zkbatch::base::testing
