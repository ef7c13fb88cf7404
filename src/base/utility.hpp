// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
// The few <utility>/<memory>/<algorithm> pieces guest-safe code needs, because the rv32 guest
// toolchain ships no C++ standard library (DESIGN.md §2). Call them qualified (`base::move`) so
// that argument-dependent lookup never mixes them with the std:: versions in host code.
#pragma once

#include <stddef.h>

namespace zkbatch::base {

/// Tag that selects the project's own placement `operator new` below. <new> does not exist on
/// the guest, and declaring the standard `operator new(size_t, void*)` ourselves would clash with
/// <new> on the host; a tagged overload is legal on both.
struct PlacementTag {};

}  // namespace zkbatch::base

/// Placement new without <new>: constructs in the storage at `where`.
inline void* operator new(size_t, zkbatch::base::PlacementTag, void* where) noexcept {
  return where;
}
/// Matching placement delete; called only if a constructor throws (host code), and does nothing.
inline void operator delete(void*, zkbatch::base::PlacementTag, void*) noexcept {}

namespace zkbatch::base {

/// T with any reference removed (std::remove_reference).
template <class T>
struct RemoveReference {
  using Type = T;
};
template <class T>
struct RemoveReference<T&> {
  using Type = T;
};
template <class T>
struct RemoveReference<T&&> {
  using Type = T;
};

/// True when objects of T may be copied with memcpy (compiler builtin, as std:: uses it).
template <class T>
inline constexpr bool is_trivially_copyable = __is_trivially_copyable(T);

/// Casts to an rvalue reference, like std::move.
template <class T>
constexpr typename RemoveReference<T>::Type&& move(T&& value) noexcept {
  return static_cast<typename RemoveReference<T>::Type&&>(value);
}

/// Perfect forwarding, like std::forward.
template <class T>
constexpr T&& forward(typename RemoveReference<T>::Type& value) noexcept {
  return static_cast<T&&>(value);
}
template <class T>
constexpr T&& forward(typename RemoveReference<T>::Type&& value) noexcept {
  return static_cast<T&&>(value);
}

/// Exchanges two values by moves.
template <class T>
constexpr void swap(T& a, T& b) noexcept {
  T tmp = base::move(a);
  a = base::move(b);
  b = base::move(tmp);
}

/// The smaller of two values (the first when equal), like std::min.
template <class T>
constexpr const T& min(const T& a, const T& b) {
  return b < a ? b : a;
}

/// The larger of two values (the first when equal), like std::max.
template <class T>
constexpr const T& max(const T& a, const T& b) {
  return a < b ? b : a;
}

/// Constructs a T in the uninitialized storage at `where` and returns it (std::construct_at).
template <class T, class... Args>
T* construct_at(T* where, Args&&... args) {
  return ::new (PlacementTag{}, static_cast<void*>(where)) T(base::forward<Args>(args)...);
}

/// Ends the lifetime of the object at `where` without freeing its storage (std::destroy_at).
template <class T>
void destroy_at(T* where) {
  where->~T();
}

}  // namespace zkbatch::base
