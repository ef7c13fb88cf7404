// SPDX-License-Identifier: Apache-2.0
#include "base/result.hpp"

namespace zkbatch::base {

const char* errc_message(Errc code) {
  switch (code) {
    case Errc::ok:
      return "ok";
    case Errc::invalid_argument:
      return "invalid argument";
    case Errc::bad_hex:
      return "invalid hex";
    case Errc::odd_length:
      return "odd number of hex digits";
    case Errc::truncated:
      return "truncated input";
    case Errc::overflow:
      return "value or size too large";
    case Errc::out_of_memory:
      return "out of memory";
    case Errc::not_found:
      return "not found";
    case Errc::malformed:
      return "malformed input";
  }
  return "unknown error";
}

}  // namespace zkbatch::base
