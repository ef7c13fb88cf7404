// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stdint.h>

#include "base/bytes.hpp"
#include "base/span.hpp"
#include "eth/address.hpp"

namespace zkbatch::eth {

/// The most topics a log can carry: LOG0..LOG4 (Yellow Paper §9.4.3, appendix H.2).
inline constexpr size_t kMaxLogTopics = 4;

/// A log entry (Yellow Paper §4.3.1, O = (O_a, O_t, O_d)). Topics are stored inline (at most
/// four); `data` is a view whose bytes belong to whoever produced the log (the EVM's output
/// buffer, or the receipt bytes it was decoded from).
struct Log {
  Address address{};
  uint8_t topic_count = 0;
  base::Bytes32 topics[kMaxLogTopics]{};
  base::ByteSpan data;

  /// The topics in use.
  base::Span<const base::Bytes32> topic_span() const {
    return base::Span<const base::Bytes32>(topics, topic_count);
  }
};

}  // namespace zkbatch::eth
