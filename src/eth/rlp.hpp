// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// Recursive Length Prefix, the serialization of every Ethereum consensus object (Yellow Paper
// appendix B). The decoder is strict: it accepts only the canonical encoding of each value, so
// that decoding and re-encoding give the same bytes and hashes taken over input bytes agree with
// hashes taken over our own encodings.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/span.hpp"
#include "base/u256.hpp"

namespace zkbatch::eth::rlp {

/// The deepest list nesting `validate` accepts. Consensus objects nest at most four levels (a
/// block's access-list keys); the bound keeps validation's state fixed-size on the guest.
inline constexpr size_t kMaxDepth = 64;

/// One decoded item: its kind, its payload, and where it sits in the input.
struct Item {
  bool is_list = false;
  /// The payload: the string's bytes, or the concatenated encodings of the list's items.
  base::ByteSpan payload;
  /// The whole encoding, header included.
  base::ByteSpan encoding;
  /// Offset of the item's first byte in the outermost input (for error positions).
  size_t position = 0;
};

/// A cursor over a sequence of RLP items: the whole input, or the payload of one list. Every read
/// checks the item's header for canonical form and bounds, and reports errors with the absolute
/// byte position of the offending item. Decoders are small values that point into the input,
/// which must outlive them.
class Decoder {
 public:
  Decoder() = default;
  /// A cursor over `data`, whose first byte is at offset `position` of the outermost input.
  explicit Decoder(base::ByteSpan data, size_t position = 0) : data_(data), base_(position) {}

  /// True when every item has been read.
  bool empty() const { return offset_ == data_.size(); }
  /// Bytes not yet read.
  size_t remaining() const { return data_.size() - offset_; }
  /// Absolute offset of the next item.
  size_t position() const { return base_ + offset_; }

  /// Reads the next item, string or list.
  base::Result<Item> read_item();
  /// Reads the next item, which must be a string; returns its payload.
  base::Result<base::ByteSpan> read_bytes();
  /// Reads the next item, which must be a string of exactly `out.size()` bytes (hashes,
  /// addresses, blooms), into `out`.
  base::Status read_fixed(base::MutableByteSpan out);
  /// Reads the next item, which must be a list; returns a cursor over its items.
  base::Result<Decoder> read_list();
  /// Reads the next item whatever it is and returns its whole encoding (header included).
  base::Result<base::ByteSpan> read_raw();
  /// Reads a canonical unsigned integer of at most 8 bytes: a big-endian string without leading
  /// zero bytes (zero is the empty string 0x80).
  base::Result<uint64_t> read_u64();
  /// Reads a canonical unsigned integer of at most 32 bytes.
  base::Result<base::U256> read_u256();
  /// Succeeds when the cursor is at the end; a malformed "trailing bytes" error otherwise.
  base::Status finish() const;

 private:
  base::ByteSpan data_;
  size_t offset_ = 0;
  size_t base_ = 0;
};

/// Decodes `input` as exactly one item (nothing may follow it). The item's own payload is not
/// inspected; use `validate` to check nested items too.
base::Result<Item> decode_item(base::ByteSpan input);
/// Decodes `input` as exactly one list and returns a cursor over its items.
base::Result<Decoder> decode_list(base::ByteSpan input);
/// Decodes `input` as exactly one string and returns its payload.
base::Result<base::ByteSpan> decode_bytes(base::ByteSpan input);
/// Checks that `input` is exactly one item and that every item nested in it is canonical and
/// exactly fills its parent list. Nesting deeper than kMaxDepth is an overflow error.
base::Status validate(base::ByteSpan input);

/// The size of an item header for a payload of `payload_size` bytes. A single byte below 0x80 is
/// its own encoding and has no header; `encoded_bytes_size` accounts for that.
size_t header_size(size_t payload_size);
/// The size of the encoding of the string `bytes`.
size_t encoded_bytes_size(base::ByteSpan bytes);
/// The size of the encoding of the integer `value`.
size_t encoded_uint_size(uint64_t value);

/// Appends RLP items to a byte buffer. A failed allocation makes the encoder sticky-failed: later
/// calls do nothing and `status()` reports out_of_memory, so callers check once at the end.
/// Lists are written payload first: `begin_list` marks the start, `end_list` inserts the header in
/// front of the payload once its size is known. Inputs must not view the output buffer (it may
/// move while an item is written).
class Encoder {
 public:
  /// An encoder that appends to `out` (existing bytes are kept).
  explicit Encoder(base::Bytes& out) : out_(out) {}

  /// Appends the string `bytes`.
  void bytes(base::ByteSpan bytes);
  /// Appends an integer: big-endian without leading zeros (zero is the empty string).
  void uint(uint64_t value);
  /// Appends a 256-bit integer, minimal big-endian like `uint`.
  void u256(const base::U256& value);
  /// Appends bytes that are already an RLP encoding (for example an embedded trie node).
  void raw(base::ByteSpan encoding);
  /// Appends a list or string header for a payload of `payload_size` bytes written separately.
  void header(bool list, size_t payload_size);
  /// Starts a list; returns the mark to pass to `end_list`.
  size_t begin_list() const { return out_.size(); }
  /// Closes the list started at `mark` by inserting its header in front of its payload.
  void end_list(size_t mark);

  bool ok() const { return ok_; }
  /// Success, or out_of_memory when an allocation failed.
  base::Status status() const;

 private:
  base::Bytes& out_;
  bool ok_ = true;
};

/// Writes the minimal big-endian bytes of `value` to `out` (at least 8 bytes of room); returns
/// how many were written (0 for zero).
size_t to_minimal_be(uint64_t value, uint8_t* out);

}  // namespace zkbatch::eth::rlp
