// SPDX-License-Identifier: Apache-2.0
// Host only. Text forms of the values reports print: lowercase 0x-hex as JSON-RPC writes it.
#pragma once

#include <cstdint>
#include <string>

#include "base/bytes.hpp"
#include "base/span.hpp"
#include "base/u256.hpp"
#include "eth/address.hpp"

namespace zkbatch::witness {

/// "0x" and two lowercase hex digits per byte.
std::string to_hex(base::ByteSpan bytes);
inline std::string to_hex(const base::Bytes32& value) {
  return to_hex(value.span());
}
inline std::string to_hex(const eth::Address& value) {
  return to_hex(value.span());
}
/// A quantity: "0x" and the shortest hex digits ("0x0" for zero), as JSON-RPC writes numbers.
std::string quantity_hex(const base::U256& value);

}  // namespace zkbatch::witness
