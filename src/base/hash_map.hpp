// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.hpp"
#include "base/default_hash.hpp"
#include "base/utility.hpp"

namespace zkbatch::base {

/// A hash map with open addressing and linear probing (the guest has no std::unordered_map).
/// Slots live in one power-of-two table kept at most 3/4 full; each slot has a control byte
/// (0 = empty, else 0x80 | 7 hash bits) so most mismatches are rejected without comparing keys.
/// Erase shifts the following run back (no tombstones), so lookups never slow down with churn.
/// Memory comes from an Arena (old tables stay there until reset) or from malloc/free.
/// DefaultHash covers integers and Bytes32 (default_hash.hpp) and U256 (u256.hpp).
/// Keys are compared with ==. Iteration is in slot order, which is deterministic for a given
/// sequence of operations. Pointers to values stay valid until the next insert or erase.
template <class K, class V, class Hasher = DefaultHash<K>>
class HashMap {
 public:
  /// One key-value pair. Iteration hands these out by reference; do not change `key`.
  struct Entry {
    K key;
    V value;
  };

  /// An empty map that allocates from `arena`, or from malloc when `arena` is null.
  explicit HashMap(Arena* arena = nullptr, Hasher hasher = Hasher())
      : arena_(arena), hasher_(hasher) {}
  ~HashMap() { release(); }

  HashMap(const HashMap&) = delete;
  HashMap& operator=(const HashMap&) = delete;
  /// Takes the other map's table; `other` is left empty.
  HashMap(HashMap&& other) noexcept { take(other); }
  HashMap& operator=(HashMap&& other) noexcept {
    if (this != &other) {
      release();
      take(other);
    }
    return *this;
  }

  /// The value stored under `key`, or nullptr.
  V* find(const K& key) {
    size_t i = 0;
    return locate(key, hasher_(key), &i) ? &slots_[i].value : nullptr;
  }
  const V* find(const K& key) const { return const_cast<HashMap*>(this)->find(key); }
  /// True when `key` has an entry.
  bool contains(const K& key) const { return find(key) != nullptr; }

  /// Stores `value` under `key`, replacing any previous value. Returns the stored value, or
  /// nullptr when the table had to grow and memory ran out (the map is then unchanged).
  V* insert_or_assign(const K& key, V value) {
    uint64_t hash = hasher_(key);
    size_t i = 0;
    if (locate(key, hash, &i)) {
      slots_[i].value = base::move(value);
      return &slots_[i].value;
    }
    if (!make_room()) return nullptr;
    return &insert_new(key, hash, base::move(value))->value;
  }

  /// The value under `key`; if there is none, first stores a value-initialized V. nullptr when
  /// memory runs out. `inserted`, when given, tells whether a new entry was made.
  V* find_or_insert(const K& key, bool* inserted = nullptr) {
    uint64_t hash = hasher_(key);
    size_t i = 0;
    if (inserted != nullptr) *inserted = false;
    if (locate(key, hash, &i)) return &slots_[i].value;
    if (!make_room()) return nullptr;
    if (inserted != nullptr) *inserted = true;
    return &insert_new(key, hash, V())->value;
  }

  /// Removes `key`; false when it was not there. Shifts the rest of the probe run back into the
  /// hole, so every remaining key stays reachable from its home slot without tombstones.
  bool erase(const K& key) {
    size_t hole = 0;
    if (!locate(key, hasher_(key), &hole)) return false;
    base::destroy_at(&slots_[hole]);
    control_[hole] = 0;
    --size_;
    size_t mask = capacity_ - 1;
    for (size_t j = (hole + 1) & mask; control_[j] != 0; j = (j + 1) & mask) {
      size_t home = static_cast<size_t>(hasher_(slots_[j].key)) & mask;
      // j may move to the hole unless its home lies cyclically in (hole, j].
      if (((j - home) & mask) < ((j - hole) & mask)) continue;
      base::construct_at(&slots_[hole], base::move(slots_[j]));
      base::destroy_at(&slots_[j]);
      control_[hole] = control_[j];
      control_[j] = 0;
      hole = j;
    }
    return true;
  }

  /// Removes every entry; the table keeps its capacity.
  void clear() {
    for (size_t i = 0; i < capacity_; ++i) {
      if (control_[i] != 0) base::destroy_at(&slots_[i]);
    }
    if (capacity_ > 0) memset(control_, 0, capacity_);
    size_ = 0;
  }

  /// Grows the table so that `count` entries fit without rehashing; false on overflow or when
  /// memory runs out.
  bool reserve(size_t count) {
    size_t wanted = capacity_ == 0 ? kMinCapacity : capacity_;
    while (!fits(count, wanted)) {
      if (wanted > max_capacity() / 2) return false;
      wanted *= 2;
    }
    return wanted == capacity_ || rehash(wanted);
  }

  /// Number of entries, and whether there are none.
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  /// Slots in the table (a power of two, or 0 before the first insert).
  size_t capacity() const { return capacity_; }
  /// The arena this map allocates from, or null for malloc.
  Arena* arena() const { return arena_; }

  /// Forward iteration over the occupied slots, as Entry& (or const Entry&).
  template <class MapT, class EntryT>
  class Iterator {
   public:
    Iterator(MapT* map, size_t index) : map_(map), index_(index) { skip_empty(); }
    EntryT& operator*() const { return map_->slots_[index_]; }
    EntryT* operator->() const { return &map_->slots_[index_]; }
    Iterator& operator++() {
      ++index_;
      skip_empty();
      return *this;
    }
    bool operator==(const Iterator& other) const { return index_ == other.index_; }
    bool operator!=(const Iterator& other) const { return index_ != other.index_; }

   private:
    void skip_empty() {
      while (index_ < map_->capacity_ && map_->control_[index_] == 0)
        ++index_;
    }
    MapT* map_;
    size_t index_;
  };
  using iterator = Iterator<HashMap, Entry>;
  using const_iterator = Iterator<const HashMap, const Entry>;

  /// Iteration in slot order; invalidated by insert and erase (do not erase while iterating).
  iterator begin() { return iterator(this, 0); }
  iterator end() { return iterator(this, capacity_); }
  const_iterator begin() const { return const_iterator(this, 0); }
  const_iterator end() const { return const_iterator(this, capacity_); }

 private:
  static constexpr size_t kMinCapacity = 8;
  static_assert(alignof(Entry) <= alignof(max_align_t), "malloc alignment is not enough");

  static constexpr size_t max_capacity() {
    // The table holds capacity entries plus capacity control bytes in one block.
    size_t limit = SIZE_MAX / (sizeof(Entry) + 1);
    size_t p = 1;
    while (p <= limit / 2)
      p *= 2;
    return p;
  }
  // At most 3/4 full: linear probing degrades quickly above that.
  static constexpr bool fits(size_t count, size_t capacity) { return count <= capacity / 4 * 3; }
  static uint8_t tag_of(uint64_t hash) { return static_cast<uint8_t>(0x80 | (hash >> 57)); }

  // Finds key: true and its slot, or false and the empty slot that ends its probe run.
  bool locate(const K& key, uint64_t hash, size_t* index) const {
    if (capacity_ == 0) return false;
    size_t mask = capacity_ - 1;
    uint8_t tag = tag_of(hash);
    for (size_t i = static_cast<size_t>(hash) & mask;; i = (i + 1) & mask) {
      if (control_[i] == 0) {
        *index = i;
        return false;
      }
      if (control_[i] == tag && slots_[i].key == key) {
        *index = i;
        return true;
      }
    }
  }

  // Ensures one more entry fits.
  bool make_room() { return fits(size_ + 1, capacity_) || reserve(size_ + 1); }

  // Places a key known to be absent; the table has room.
  Entry* insert_new(const K& key, uint64_t hash, V&& value) {
    size_t mask = capacity_ - 1;
    size_t i = static_cast<size_t>(hash) & mask;
    while (control_[i] != 0)
      i = (i + 1) & mask;
    Entry* entry = base::construct_at(&slots_[i], Entry{key, base::move(value)});
    control_[i] = tag_of(hash);
    ++size_;
    return entry;
  }

  // Moves every entry into a fresh table of `count` slots.
  bool rehash(size_t count) {
    size_t bytes = count * sizeof(Entry) + count;
    void* memory = arena_ != nullptr ? arena_->allocate(bytes, alignof(Entry)) : malloc(bytes);
    if (memory == nullptr) return false;
    Entry* old_slots = slots_;
    uint8_t* old_control = control_;
    size_t old_capacity = capacity_;
    slots_ = static_cast<Entry*>(memory);
    control_ = reinterpret_cast<uint8_t*>(slots_ + count);
    memset(control_, 0, count);
    capacity_ = count;
    size_t mask = count - 1;
    for (size_t j = 0; j < old_capacity; ++j) {
      if (old_control[j] == 0) continue;
      uint64_t hash = hasher_(old_slots[j].key);
      size_t i = static_cast<size_t>(hash) & mask;
      while (control_[i] != 0)
        i = (i + 1) & mask;
      base::construct_at(&slots_[i], base::move(old_slots[j]));
      base::destroy_at(&old_slots[j]);
      control_[i] = old_control[j];
    }
    if (arena_ == nullptr) free(old_slots);
    return true;
  }

  void release() {
    clear();
    if (arena_ == nullptr) free(slots_);
    slots_ = nullptr;
    control_ = nullptr;
    capacity_ = 0;
  }

  void take(HashMap& other) {
    slots_ = other.slots_;
    control_ = other.control_;
    capacity_ = other.capacity_;
    size_ = other.size_;
    arena_ = other.arena_;
    hasher_ = other.hasher_;
    other.slots_ = nullptr;
    other.control_ = nullptr;
    other.capacity_ = other.size_ = 0;
  }

  Entry* slots_ = nullptr;
  uint8_t* control_ = nullptr;
  size_t capacity_ = 0;
  size_t size_ = 0;
  Arena* arena_ = nullptr;
  Hasher hasher_{};
};

}  // namespace zkbatch::base
