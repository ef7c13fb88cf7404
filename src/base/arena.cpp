// SPDX-License-Identifier: Apache-2.0
#include "base/arena.hpp"

#include <stdlib.h>

namespace zkbatch::base {

namespace {

// Chunks start with a header; keep the payload aligned as malloc would align it.
constexpr size_t kHeaderAlign = 16;

constexpr size_t header_size(size_t header) {
  return (header + kHeaderAlign - 1) & ~(kHeaderAlign - 1);
}

}  // namespace

Arena::Arena(size_t chunk_size) : chunk_size_(chunk_size < 256 ? 256 : chunk_size) {}

Arena::~Arena() {
  Chunk* chunk = chunks_;
  while (chunk != nullptr) {
    Chunk* next = chunk->next;
    free(chunk);
    chunk = next;
  }
}

uintptr_t Arena::payload_start(Chunk* chunk) {
  return reinterpret_cast<uintptr_t>(chunk) + header_size(sizeof(Chunk));
}

Arena::Chunk* Arena::new_chunk(size_t payload) {
  size_t header = header_size(sizeof(Chunk));
  if (payload > SIZE_MAX - header) return nullptr;
  size_t total = header + payload;
  void* memory = malloc(total);
  if (memory == nullptr) return nullptr;
  Chunk* chunk = static_cast<Chunk*>(memory);
  chunk->size = total;
  chunk->next = chunks_;
  chunks_ = chunk;
  reserved_ += total;
  return chunk;
}

void* Arena::allocate(size_t size, size_t align) {
  if (align == 0 || (align & (align - 1)) != 0) return nullptr;
  if (size == 0) size = 1;
  // Fits in the current chunk? (computed without forming out-of-range pointers)
  uintptr_t aligned = (cursor_ + (align - 1)) & ~static_cast<uintptr_t>(align - 1);
  if (cursor_ != 0 && aligned >= cursor_ && aligned <= limit_ && size <= limit_ - aligned) {
    used_ += (aligned - cursor_) + size;
    cursor_ = aligned + size;
    return reinterpret_cast<void*>(aligned);
  }
  // Worst case padding is align - 1 bytes after the chunk header.
  if (size > SIZE_MAX - (align - 1)) return nullptr;
  size_t needed = size + (align - 1);
  if (needed > chunk_size_ / 4) {
    // Large request: a dedicated chunk, linked in behind the current one so that the current
    // chunk's remaining space stays in use.
    Chunk* current = chunks_;
    Chunk* chunk = new_chunk(needed);
    if (chunk == nullptr) return nullptr;
    if (current != nullptr) {
      chunks_ = current;
      chunk->next = current->next;
      current->next = chunk;
    }
    uintptr_t start = payload_start(chunk);
    uintptr_t result = (start + (align - 1)) & ~static_cast<uintptr_t>(align - 1);
    used_ += size;
    if (current == nullptr) {
      // No current chunk: this one becomes current (it is full after this request).
      cursor_ = result + size;
      limit_ = reinterpret_cast<uintptr_t>(chunk) + chunk->size;
    }
    return reinterpret_cast<void*>(result);
  }
  Chunk* chunk = new_chunk(chunk_size_);
  if (chunk == nullptr) return nullptr;
  cursor_ = payload_start(chunk);
  limit_ = reinterpret_cast<uintptr_t>(chunk) + chunk->size;
  return allocate(size, align);
}

void Arena::reset() {
  // Keep the first standard-sized chunk found; free the rest.
  Chunk* keep = nullptr;
  size_t header = header_size(sizeof(Chunk));
  Chunk* chunk = chunks_;
  while (chunk != nullptr) {
    Chunk* next = chunk->next;
    if (keep == nullptr && chunk->size == header + chunk_size_) {
      keep = chunk;
    } else {
      reserved_ -= chunk->size;
      free(chunk);
    }
    chunk = next;
  }
  chunks_ = keep;
  used_ = 0;
  if (keep != nullptr) {
    keep->next = nullptr;
    cursor_ = payload_start(keep);
    limit_ = reinterpret_cast<uintptr_t>(keep) + keep->size;
  } else {
    cursor_ = 0;
    limit_ = 0;
  }
}

}  // namespace zkbatch::base
