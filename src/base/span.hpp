// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace zkbatch::base {

/// A non-owning view of `size` contiguous values of type T (std::span is not available on the
/// guest). Indexing is unchecked; use `at` where the index comes from input.
template <class T>
class Span {
 public:
  constexpr Span() = default;
  constexpr Span(T* data, size_t size) : data_(data), size_(size) {}
  template <size_t N>
  constexpr Span(T (&array)[N]) : data_(array), size_(N) {}  // NOLINT: implicit by design
  /// A Span<const T> converts from a Span<T>.
  template <class U>
  constexpr Span(const Span<U>& other) : data_(other.data()), size_(other.size()) {}

  constexpr T* data() const { return data_; }
  constexpr size_t size() const { return size_; }
  constexpr bool empty() const { return size_ == 0; }
  constexpr T* begin() const { return data_; }
  constexpr T* end() const { return data_ + size_; }
  constexpr T& operator[](size_t i) const { return data_[i]; }

  /// The sub-view [offset, offset + count), clamped to the view's bounds.
  constexpr Span subspan(size_t offset, size_t count = static_cast<size_t>(-1)) const {
    if (offset > size_) offset = size_;
    if (count > size_ - offset) count = size_ - offset;
    return Span(data_ + offset, count);
  }
  constexpr Span first(size_t count) const { return subspan(0, count); }

 private:
  T* data_ = nullptr;
  size_t size_ = 0;
};

/// Read-only bytes: the input type of every hash and decoder.
using ByteSpan = Span<const uint8_t>;
/// Writable bytes.
using MutableByteSpan = Span<uint8_t>;

/// Views the bytes of a NUL-terminated string (without the terminator).
inline ByteSpan bytes_of(const char* text) {
  size_t n = 0;
  while (text[n] != '\0')
    ++n;
  return ByteSpan(reinterpret_cast<const uint8_t*>(text), n);
}

}  // namespace zkbatch::base
