// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace zkbatch::base {

/// A bump allocator over malloc'ed chunks. Allocation is a pointer increment; nothing is freed
/// one by one: `reset()` or the destructor releases everything at once. This suits the guest,
/// which builds its state once per block and then drops it, and avoids malloc per object.
/// Requests larger than the chunk size get a chunk of their own. Not thread-safe.
class Arena {
 public:
  /// The default chunk size: large enough that chunk headers are noise, small enough for the guest.
  static constexpr size_t kDefaultChunkSize = 64 * 1024;

  /// An empty arena; nothing is allocated until the first `allocate`.
  explicit Arena(size_t chunk_size = kDefaultChunkSize);
  ~Arena();
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  /// `size` bytes aligned to `align` (a power of two), valid until `reset()` or destruction.
  /// Returns nullptr when `align` is not a power of two, when size plus alignment overflows, or
  /// when malloc fails. A zero size gets a valid, distinct one-byte block.
  void* allocate(size_t size, size_t align);

  /// Frees every block at once. One standard chunk is kept for reuse, so an arena that is reset
  /// per block does not go back to malloc each time.
  void reset();

  /// Bytes handed out since construction or the last reset, alignment padding included.
  size_t bytes_used() const { return used_; }
  /// Bytes obtained from malloc and currently held (chunk headers included).
  size_t bytes_reserved() const { return reserved_; }

 private:
  /// Header at the start of each malloc'ed chunk; the usable bytes follow it.
  struct Chunk {
    Chunk* next;
    size_t size;  // total malloc'ed bytes, header included
  };

  /// Mallocs a chunk with at least `payload` usable bytes and links it in; nullptr on failure.
  Chunk* new_chunk(size_t payload);
  static uintptr_t payload_start(Chunk* chunk);

  Chunk* chunks_ = nullptr;  // every chunk, most recently allocated first
  uintptr_t cursor_ = 0;     // next free byte of the current chunk
  uintptr_t limit_ = 0;      // end of the current chunk
  size_t chunk_size_;
  size_t used_ = 0;
  size_t reserved_ = 0;
};

}  // namespace zkbatch::base
