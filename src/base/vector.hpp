// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.hpp"
#include "base/result.hpp"
#include "base/span.hpp"
#include "base/utility.hpp"

namespace zkbatch::base {

/// A growable array (the guest has no std::vector). Memory comes from an Arena when one is
/// given (old buffers then stay in the arena until it is reset) and from malloc/free otherwise.
/// Growth move-constructs the elements, so T may be non-trivial; T's moves must not fail.
/// Every operation that allocates reports failure (false, nullptr or a Status) instead of
/// aborting. Copies are explicit (`copy_from`): an accidental copy of a large buffer is a bug.
template <class T>
class Vector {
 public:
  /// An empty vector that allocates from `arena`, or from malloc when `arena` is null.
  explicit Vector(Arena* arena = nullptr) : arena_(arena) {}
  ~Vector() { release(); }

  Vector(const Vector&) = delete;
  Vector& operator=(const Vector&) = delete;
  /// Takes the other vector's buffer and arena; `other` is left empty.
  Vector(Vector&& other) noexcept
      : data_(other.data_), size_(other.size_), capacity_(other.capacity_), arena_(other.arena_) {
    other.data_ = nullptr;
    other.size_ = other.capacity_ = 0;
  }
  Vector& operator=(Vector&& other) noexcept {
    if (this != &other) {
      release();
      data_ = other.data_;
      size_ = other.size_;
      capacity_ = other.capacity_;
      arena_ = other.arena_;
      other.data_ = nullptr;
      other.size_ = other.capacity_ = 0;
    }
    return *this;
  }

  /// Appends a copy (or a move) of `value`; false when memory runs out. `value` may be an
  /// element of this vector.
  bool push_back(const T& value) { return emplace_back(value) != nullptr; }
  bool push_back(T&& value) { return emplace_back(base::move(value)) != nullptr; }

  /// Constructs an element at the end from `args`; the new element, or nullptr when memory runs
  /// out (the vector is then unchanged).
  template <class... Args>
  T* emplace_back(Args&&... args) {
    if (size_ < capacity_) {
      T* slot = base::construct_at(data_ + size_, base::forward<Args>(args)...);
      ++size_;
      return slot;
    }
    size_t wanted = grown_capacity(size_ + 1);
    if (wanted == 0) return nullptr;
    T* fresh = allocate(wanted);
    if (fresh == nullptr) return nullptr;
    // Construct the new element first: args may refer to elements of the old buffer.
    T* slot = base::construct_at(fresh + size_, base::forward<Args>(args)...);
    adopt(fresh, wanted);
    ++size_;
    return slot;
  }

  /// Removes the last element; does nothing on an empty vector.
  void pop_back() {
    if (size_ == 0) return;
    --size_;
    base::destroy_at(data_ + size_);
  }

  /// Grows with value-initialized elements or shrinks (destroying the tail) to `count`
  /// elements; false when memory runs out (the vector is then unchanged).
  bool resize(size_t count) {
    if (count > capacity_) {
      if (count > max_size() || !reserve(grown_capacity_at_least(count))) return false;
    }
    while (size_ > count)
      pop_back();
    while (size_ < count) {
      base::construct_at(data_ + size_);
      ++size_;
    }
    return true;
  }

  /// Makes room for `count` elements without reallocating; false when `count` elements would
  /// overflow size_t or memory runs out.
  bool reserve(size_t count) {
    if (count <= capacity_) return true;
    if (count > max_size()) return false;
    T* fresh = allocate(count);
    if (fresh == nullptr) return false;
    adopt(fresh, count);
    return true;
  }

  /// Destroys every element; the capacity stays.
  void clear() {
    while (size_ > 0)
      pop_back();
  }

  /// Replaces the contents with copies of `values` (which must not alias this vector).
  Status copy_from(Span<const T> values) {
    clear();
    if (!reserve(values.size())) return make_error(Errc::out_of_memory);
    for (const T& value : values)
      base::construct_at(data_ + size_++, value);
    return {};
  }

  /// Appends copies of `values`, which may be a view of this vector's own elements.
  Status append(Span<const T> values) {
    if (values.size() > max_size() - size_) return make_error(Errc::overflow, size_);
    const T* source = values.data();
    uintptr_t begin = reinterpret_cast<uintptr_t>(data_);
    uintptr_t where = reinterpret_cast<uintptr_t>(source);
    bool aliases = data_ != nullptr && where >= begin && where < begin + size_ * sizeof(T);
    size_t offset = aliases ? static_cast<size_t>(source - data_) : 0;
    if (size_ + values.size() > capacity_ &&
        !reserve(grown_capacity_at_least(size_ + values.size()))) {
      return make_error(Errc::out_of_memory);
    }
    if (aliases) source = data_ + offset;
    for (size_t i = 0; i < values.size(); ++i)
      base::construct_at(data_ + size_ + i, source[i]);
    size_ += values.size();
    return {};
  }

  /// Element count, allocated slots, and whether there are no elements.
  size_t size() const { return size_; }
  size_t capacity() const { return capacity_; }
  bool empty() const { return size_ == 0; }
  /// The first element (null before the first allocation).
  T* data() { return data_; }
  const T* data() const { return data_; }
  /// Unchecked indexing; callers check indices that come from input.
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  /// The last element; the vector must not be empty.
  T& back() { return data_[size_ - 1]; }
  const T& back() const { return data_[size_ - 1]; }
  /// Iteration and views over the elements; invalidated by any growth.
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  Span<T> span() { return Span<T>(data_, size_); }
  Span<const T> span() const { return Span<const T>(data_, size_); }
  /// The arena this vector allocates from, or null for malloc.
  Arena* arena() const { return arena_; }

  /// The largest element count whose byte size fits in size_t.
  static constexpr size_t max_size() { return SIZE_MAX / sizeof(T); }

 private:
  static_assert(alignof(T) <= alignof(max_align_t), "malloc alignment is not enough for T");

  // Capacity after growing to hold `needed` elements: doubling amortizes pushes to O(1).
  // 0 when `needed` cannot be represented.
  size_t grown_capacity(size_t needed) const {
    if (needed == 0 || needed > max_size()) return 0;
    return grown_capacity_at_least(needed);
  }
  size_t grown_capacity_at_least(size_t needed) const {
    size_t doubled = capacity_ > max_size() / 2 ? max_size() : capacity_ * 2;
    size_t wanted = doubled > needed ? doubled : needed;
    return wanted < 4 ? 4 : wanted;
  }

  T* allocate(size_t count) {
    size_t bytes = count * sizeof(T);  // count <= max_size(), checked by callers
    void* memory = arena_ != nullptr ? arena_->allocate(bytes, alignof(T)) : malloc(bytes);
    return static_cast<T*>(memory);
  }

  // Moves the elements into `fresh` (capacity `count`) and frees the old buffer.
  void adopt(T* fresh, size_t count) {
    if constexpr (is_trivially_copyable<T>) {
      if (size_ > 0)
        memcpy(static_cast<void*>(fresh), static_cast<const void*>(data_), size_ * sizeof(T));
    } else {
      for (size_t i = 0; i < size_; ++i) {
        base::construct_at(fresh + i, base::move(data_[i]));
        base::destroy_at(data_ + i);
      }
    }
    if (arena_ == nullptr) free(data_);
    data_ = fresh;
    capacity_ = count;
  }

  void release() {
    clear();
    if (arena_ == nullptr) free(data_);
    data_ = nullptr;
    capacity_ = 0;
  }

  T* data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
  Arena* arena_ = nullptr;
};

}  // namespace zkbatch::base
