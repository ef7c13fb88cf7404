// SPDX-License-Identifier: Apache-2.0
#include "eth/rlp.hpp"

#include <string.h>

namespace zkbatch::eth::rlp {

using base::ByteSpan;
using base::Errc;
using base::make_error;

namespace {

// Parses the item that starts at data[offset]; `base` is the absolute offset of data[0]. Checks
// the canonical-form rules of Yellow Paper appendix B: a single byte below 0x80 is its own
// encoding, short forms are used for payloads under 56 bytes, long lengths have no leading zero.
base::Status parse_item(ByteSpan data, size_t offset, size_t base, Item& item) {
  size_t at = base + offset;
  size_t left = data.size() - offset;
  if (left == 0) return make_error(Errc::truncated, at, "RLP item expected, input ended");
  const uint8_t* p = data.data() + offset;
  uint8_t prefix = p[0];
  item.position = at;
  if (prefix < 0x80) {
    item.is_list = false;
    item.payload = ByteSpan(p, 1);
    item.encoding = ByteSpan(p, 1);
    return {};
  }
  item.is_list = prefix >= 0xc0;
  uint8_t short_base = item.is_list ? 0xc0 : 0x80;
  size_t header = 1;
  size_t length = 0;
  if (prefix - short_base <= 55) {
    length = prefix - short_base;
  } else {
    size_t length_size = static_cast<size_t>(prefix - short_base - 55);
    if (left < 1 + length_size) {
      return make_error(Errc::truncated, at, "RLP length bytes run past the end");
    }
    if (p[1] == 0) return make_error(Errc::malformed, at, "RLP length has a leading zero byte");
    uint64_t wide = 0;
    for (size_t i = 0; i < length_size; ++i)
      wide = (wide << 8) | p[1 + i];
    if (wide < 56) return make_error(Errc::malformed, at, "RLP long form used for a short payload");
    header += length_size;
    if (wide > left - header)
      return make_error(Errc::truncated, at, "RLP payload runs past the end");
    length = static_cast<size_t>(wide);
  }
  if (length > left - header)
    return make_error(Errc::truncated, at, "RLP payload runs past the end");
  if (!item.is_list && length == 1 && p[1] < 0x80) {
    return make_error(Errc::malformed, at, "RLP single byte below 0x80 must encode itself");
  }
  item.payload = ByteSpan(p + header, length);
  item.encoding = ByteSpan(p, header + length);
  return {};
}

}  // namespace

base::Result<Item> Decoder::read_item() {
  Item item;
  if (base::Status s = parse_item(data_, offset_, base_, item); !s) return s.error();
  offset_ += item.encoding.size();
  return item;
}

base::Result<ByteSpan> Decoder::read_bytes() {
  size_t at = position();
  base::Result<Item> item = read_item();
  if (!item) return item.error();
  if (item->is_list) return make_error(Errc::malformed, at, "RLP string expected, found a list");
  return item->payload;
}

base::Status Decoder::read_fixed(base::MutableByteSpan out) {
  size_t at = position();
  base::Result<ByteSpan> bytes = read_bytes();
  if (!bytes) return bytes.error();
  if (bytes->size() != out.size()) {
    return make_error(Errc::malformed, at, "RLP string has the wrong length for a fixed field");
  }
  if (!out.empty()) memcpy(out.data(), bytes->data(), out.size());
  return {};
}

base::Result<Decoder> Decoder::read_list() {
  size_t at = position();
  base::Result<Item> item = read_item();
  if (!item) return item.error();
  if (!item->is_list) return make_error(Errc::malformed, at, "RLP list expected, found a string");
  size_t header = item->encoding.size() - item->payload.size();
  return Decoder(item->payload, at + header);
}

base::Result<ByteSpan> Decoder::read_raw() {
  base::Result<Item> item = read_item();
  if (!item) return item.error();
  return item->encoding;
}

base::Result<uint64_t> Decoder::read_u64() {
  size_t at = position();
  base::Result<ByteSpan> bytes = read_bytes();
  if (!bytes) return bytes.error();
  if (bytes->size() > 8) return make_error(Errc::overflow, at, "RLP integer wider than 64 bits");
  if (!bytes->empty() && (*bytes)[0] == 0) {
    return make_error(Errc::malformed, at, "RLP integer has a leading zero byte");
  }
  uint64_t value = 0;
  for (uint8_t b : *bytes)
    value = (value << 8) | b;
  return value;
}

base::Result<base::U256> Decoder::read_u256() {
  size_t at = position();
  base::Result<ByteSpan> bytes = read_bytes();
  if (!bytes) return bytes.error();
  if (bytes->size() > 32) return make_error(Errc::overflow, at, "RLP integer wider than 256 bits");
  if (!bytes->empty() && (*bytes)[0] == 0) {
    return make_error(Errc::malformed, at, "RLP integer has a leading zero byte");
  }
  return base::U256::from_be_bytes(*bytes);
}

base::Status Decoder::finish() const {
  if (!empty()) return make_error(Errc::malformed, position(), "trailing bytes after RLP item");
  return {};
}

base::Result<Item> decode_item(ByteSpan input) {
  Decoder decoder(input);
  base::Result<Item> item = decoder.read_item();
  if (!item) return item;
  if (base::Status s = decoder.finish(); !s) return s.error();
  return item;
}

base::Result<Decoder> decode_list(ByteSpan input) {
  Decoder decoder(input);
  base::Result<Decoder> list = decoder.read_list();
  if (!list) return list;
  if (base::Status s = decoder.finish(); !s) return s.error();
  return list;
}

base::Result<ByteSpan> decode_bytes(ByteSpan input) {
  Decoder decoder(input);
  base::Result<ByteSpan> bytes = decoder.read_bytes();
  if (!bytes) return bytes;
  if (base::Status s = decoder.finish(); !s) return s.error();
  return bytes;
}

base::Status validate(ByteSpan input) {
  // Walks the items in order, keeping the end offset of every open list. An item must end
  // inside its parent; a list is complete when the walk reaches its end exactly.
  size_t ends[kMaxDepth + 1];
  size_t depth = 0;
  ends[0] = input.size();
  size_t offset = 0;
  bool first = true;
  while (true) {
    while (depth > 0 && offset == ends[depth])
      --depth;
    if (offset == input.size() && !first) return {};
    if (depth == 0 && !first) {
      return make_error(Errc::malformed, offset, "trailing bytes after RLP item");
    }
    first = false;
    ByteSpan scope(input.data(), ends[depth]);
    Item item;
    if (base::Status s = parse_item(scope, offset, 0, item); !s) return s;
    if (item.is_list) {
      if (depth == kMaxDepth) return make_error(Errc::overflow, offset, "RLP nested too deep");
      size_t header = item.encoding.size() - item.payload.size();
      ends[++depth] = offset + item.encoding.size();
      offset += header;
    } else {
      offset += item.encoding.size();
    }
  }
}

size_t header_size(size_t payload_size) {
  if (payload_size <= 55) return 1;
  size_t n = 1;
  for (size_t v = payload_size; v > 0; v >>= 8)
    ++n;
  return n;
}

size_t encoded_bytes_size(ByteSpan bytes) {
  if (bytes.size() == 1 && bytes[0] < 0x80) return 1;
  return header_size(bytes.size()) + bytes.size();
}

size_t to_minimal_be(uint64_t value, uint8_t* out) {
  uint8_t be[8];
  for (size_t i = 0; i < 8; ++i)
    be[i] = static_cast<uint8_t>(value >> (56 - 8 * i));
  size_t skip = 0;
  while (skip < 8 && be[skip] == 0)
    ++skip;
  memcpy(out, be + skip, 8 - skip);
  return 8 - skip;
}

size_t encoded_uint_size(uint64_t value) {
  uint8_t be[8];
  size_t n = to_minimal_be(value, be);
  return encoded_bytes_size(ByteSpan(be, n));
}

namespace {

// Writes the header for a payload of `payload_size` bytes to `out` (9 bytes of room); returns
// its size.
size_t write_header(bool list, size_t payload_size, uint8_t* out) {
  uint8_t short_base = list ? 0xc0 : 0x80;
  if (payload_size <= 55) {
    out[0] = static_cast<uint8_t>(short_base + payload_size);
    return 1;
  }
  size_t n = to_minimal_be(payload_size, out + 1);
  out[0] = static_cast<uint8_t>(short_base + 55 + n);
  return 1 + n;
}

}  // namespace

void Encoder::header(bool list, size_t payload_size) {
  uint8_t head[9];
  size_t n = write_header(list, payload_size, head);
  raw(ByteSpan(head, n));
}

void Encoder::raw(ByteSpan encoding) {
  if (ok_ && !base::append(out_, encoding)) ok_ = false;
}

void Encoder::bytes(ByteSpan bytes) {
  if (bytes.size() == 1 && bytes[0] < 0x80) {
    raw(bytes);
    return;
  }
  header(false, bytes.size());
  raw(bytes);
}

void Encoder::uint(uint64_t value) {
  uint8_t be[8];
  size_t n = to_minimal_be(value, be);
  bytes(ByteSpan(be, n));
}

void Encoder::u256(const base::U256& value) {
  uint8_t be[32];
  value.to_be_bytes(be);
  size_t skip = 0;
  while (skip < 32 && be[skip] == 0)
    ++skip;
  bytes(ByteSpan(be + skip, 32 - skip));
}

void Encoder::end_list(size_t mark) {
  if (!ok_) return;
  size_t payload = out_.size() - mark;
  uint8_t head[9];
  size_t n = write_header(true, payload, head);
  if (!out_.resize(out_.size() + n)) {
    ok_ = false;
    return;
  }
  uint8_t* start = out_.data() + mark;
  memmove(start + n, start, payload);
  memcpy(start, head, n);
}

base::Status Encoder::status() const {
  if (!ok_) return make_error(Errc::out_of_memory, out_.size(), "RLP encoding buffer");
  return {};
}

}  // namespace zkbatch::eth::rlp
