// SPDX-License-Identifier: Apache-2.0
// Owning handle for an array in a back end's memory.
#pragma once

#include <stddef.h>

#include <utility>

#include "kernels/backend.hpp"

namespace zkbatch::kernels {

/// `count` values of type T in `backend`'s memory, freed on destruction. Move-only. The contents
/// are uninitialized. Used by host code to stage data for device-memory back ends; a host-memory
/// back end can use it as a plain scratch array.
template <class T>
class DeviceBuffer {
 public:
  DeviceBuffer() = default;
  DeviceBuffer(const DeviceBuffer&) = delete;
  DeviceBuffer& operator=(const DeviceBuffer&) = delete;
  DeviceBuffer(DeviceBuffer&& other) noexcept { swap(other); }
  DeviceBuffer& operator=(DeviceBuffer&& other) noexcept {
    DeviceBuffer tmp(std::move(other));
    swap(tmp);
    return *this;
  }
  ~DeviceBuffer() { reset(); }

  /// Allocates `count` values on `backend`; on failure *status is set and the buffer is empty.
  static DeviceBuffer allocate(Backend& backend, size_t count, Status* status) {
    DeviceBuffer buffer;
    void* raw = nullptr;
    *status = backend.allocate(count * sizeof(T), &raw);
    if (*status == Status::ok) {
      buffer.backend_ = &backend;
      buffer.data_ = static_cast<T*>(raw);
      buffer.count_ = count;
    }
    return buffer;
  }

  /// The buffer's address in the back end's memory space.
  T* data() const { return data_; }
  /// Number of values.
  size_t size() const { return count_; }

  /// Frees the buffer (if any) and leaves this handle empty.
  void reset() {
    if (backend_ != nullptr) backend_->deallocate(data_);
    backend_ = nullptr;
    data_ = nullptr;
    count_ = 0;
  }

 private:
  void swap(DeviceBuffer& other) noexcept {
    std::swap(backend_, other.backend_);
    std::swap(data_, other.data_);
    std::swap(count_, other.count_);
  }

  Backend* backend_ = nullptr;
  T* data_ = nullptr;
  size_t count_ = 0;
};

}  // namespace zkbatch::kernels
