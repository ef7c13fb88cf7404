// SPDX-License-Identifier: Apache-2.0
// Host arrays handed to a back end: passed through for host memory, copied for device memory.
#pragma once

#include <stddef.h>

#include <type_traits>

#include "kernels/backend.hpp"
#include "kernels/device_buffer.hpp"

namespace zkbatch::kernels {

/// Makes `count` values at a host address visible to `backend`. A host-memory back end gets the
/// host pointer itself (no copy); a device-memory back end gets a device buffer, filled from the
/// host array when `copy_in`. After the kernels ran, `copy_out` brings the device contents back
/// and waits for the stream. This is how src/poly and src/commit call a back end on host data
/// without caring where the back end keeps its buffers; T may be const for inputs.
template <class T>
class StagedArray {
 public:
  StagedArray(Backend& backend, T* host, size_t count, bool copy_in, Stream stream)
      : backend_(backend), host_(host), count_(count), stream_(stream) {
    if (backend.memory_space() == MemorySpace::host || count == 0) {
      device_ = const_cast<std::remove_const_t<T>*>(host);
      return;
    }
    buffer_ = DeviceBuffer<std::remove_const_t<T>>::allocate(backend, count, &status_);
    device_ = buffer_.data();
    if (status_ == Status::ok && copy_in) {
      status_ = backend.upload(device_, host, count * sizeof(T), stream);
    }
  }
  StagedArray(const StagedArray&) = delete;
  StagedArray& operator=(const StagedArray&) = delete;

  /// Outcome of the allocation and upload; nothing else is valid unless it is ok.
  Status status() const { return status_; }
  /// The array in the back end's memory space.
  std::remove_const_t<T>* device() const { return device_; }

  /// Copies the device contents back into the host array and synchronizes the stream (only the
  /// synchronization for a host-memory back end).
  Status copy_out() {
    static_assert(!std::is_const_v<T>, "copy_out needs a writable host array");
    if (status_ != Status::ok) return status_;
    if (device_ != host_) {
      const Status s = backend_.download(host_, device_, count_ * sizeof(T), stream_);
      if (s != Status::ok) return s;
    }
    return backend_.synchronize(stream_);
  }

 private:
  Backend& backend_;
  T* host_;
  size_t count_;
  Stream stream_;
  Status status_ = Status::ok;
  DeviceBuffer<std::remove_const_t<T>> buffer_;
  std::remove_const_t<T>* device_ = nullptr;
};

}  // namespace zkbatch::kernels
