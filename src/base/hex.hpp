// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
// Strict hex: every byte string in the witness JSON and the test fixtures is "0x"-prefixed
// hex, and a lenient parser would let malformed input through silently.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/span.hpp"

namespace zkbatch::base {

/// Whether hex text must, may or must not start with the (lowercase) "0x" prefix.
enum class HexPrefix : uint8_t { required, optional, forbidden };

/// Checks the "0x" prefix rule on `text`; on success `*digits_start` is the offset of the first
/// digit (2 or 0). A missing required prefix is bad_hex at the first character that differs from
/// "0x"; a forbidden one is bad_hex at the 'x'.
Status check_hex_prefix(const char* text, size_t length, HexPrefix prefix, size_t* digits_start);

/// The value of one hex digit (0-9, a-f, A-F), or -1 for any other character.
int hex_digit_value(char c);

/// Decodes `length` characters of hex into `out` (replacing its contents). Checks, in this
/// order: the prefix (bad_hex at the first character that breaks it), an even digit count
/// (odd_length, position = length), then each digit (bad_hex, position = offset of the character
/// in `text`). Upper- and lowercase digits are accepted. On error `out` is left empty.
Status decode_hex(const char* text, size_t length, Bytes& out, HexPrefix prefix);

/// Decodes hex that must hold exactly `out.size()` bytes into `out`. Checks the prefix, an even
/// digit count (odd_length), the digit count (invalid_argument; position = length when the text
/// is short, the offset of the first extra digit when it is long), then each digit (bad_hex).
/// On error `out`'s contents are unspecified.
Status decode_hex_fixed(const char* text, size_t length, MutableByteSpan out, HexPrefix prefix);

/// Writes `bytes` as lowercase hex, "0x"-prefixed when `with_prefix`, NUL-terminated. Returns the
/// number of characters written (without the NUL), or 0 when `out_capacity` is too small.
size_t encode_hex(ByteSpan bytes, char* out, size_t out_capacity, bool with_prefix);

/// Characters `encode_hex` needs for `count` bytes, NUL included (0 if that overflows size_t).
size_t encoded_hex_capacity(size_t count, bool with_prefix);

}  // namespace zkbatch::base
