// SPDX-License-Identifier: Apache-2.0
// The compact encoding, byte by byte: ../shared/reference/zk_evm_witness.md §2.2 (framing and
// CBOR items), §2.3 (keys), §2.4 (opcodes) and §2.5 (the stack machine).
#include "witness/compact.hpp"

#include <bit>
#include <string>

#include "witness/error.hpp"

namespace zkbatch::witness {

namespace {

const char* opcode_name(uint8_t op) {
  switch (op) {
    case 0x00:
      return "LEAF";
    case 0x01:
      return "EXTENSION";
    case 0x02:
      return "BRANCH";
    case 0x03:
      return "HASH";
    case 0x04:
      return "CODE";
    case 0x05:
      return "ACCOUNT_LEAF";
    case 0x06:
      return "EMPTY_ROOT";
    case 0x07:
      return "SMT_LEAF";
    case 0xBB:
      return "NEW_TRIE";
    default:
      return "?";
  }
}

const char* kind_name(CompactNodeKind kind) {
  switch (kind) {
    case CompactNodeKind::empty:
      return "empty root";
    case CompactNodeKind::hash:
      return "hash";
    case CompactNodeKind::leaf:
      return "leaf";
    case CompactNodeKind::extension:
      return "extension";
    case CompactNodeKind::branch:
      return "branch";
    case CompactNodeKind::code:
      return "code";
    case CompactNodeKind::account:
      return "account leaf";
  }
  return "?";
}

// Reads the blob front to back. Every read checks the bounds first and reports the offset of the
// item it was reading.
class Reader {
 public:
  explicit Reader(base::ByteSpan blob) : blob_(blob) {}

  bool at_end() const { return pos_ == blob_.size(); }
  // The offset of `bytes` in the blob, or `fallback` when they were copied out of it (a CBOR
  // array of integers).
  size_t offset_of(base::ByteSpan bytes, size_t fallback) const {
    const uint8_t* p = bytes.data();
    bool inside = p >= blob_.data() && p < blob_.data() + blob_.size();
    return inside ? static_cast<size_t>(p - blob_.data()) : fallback;
  }
  size_t pos() const { return pos_; }
  size_t remaining() const { return blob_.size() - pos_; }

  uint8_t byte(const char* what) {
    if (at_end()) throw BlobError(pos_, std::string("truncated: expected ") + what);
    return blob_[pos_++];
  }

  base::ByteSpan raw(size_t count, const char* what) {
    if (count > remaining()) {
      throw BlobError(pos_, std::string("truncated: ") + what + " needs " + std::to_string(count) +
                                " bytes, " + std::to_string(remaining()) + " left");
    }
    base::ByteSpan out = blob_.subspan(pos_, count);
    pos_ += count;
    return out;
  }

  // A CBOR head (RFC 8949 §3): major type and argument. Definite lengths only (§2.2).
  void head(uint8_t* major, uint64_t* argument, const char* what) {
    size_t start = pos_;
    uint8_t initial = byte(what);
    *major = initial >> 5;
    uint8_t info = initial & 31;
    if (info < 24) {
      *argument = info;
      return;
    }
    if (info == 31) throw BlobError(start, std::string(what) + ": indefinite-length CBOR item");
    if (info > 27) throw BlobError(start, std::string(what) + ": reserved CBOR additional info");
    size_t width = size_t{1} << (info - 24);
    base::ByteSpan bytes = raw(width, what);
    uint64_t value = 0;
    for (uint8_t b : bytes)
      value = (value << 8) | b;
    *argument = value;
  }

  uint64_t cbor_uint(const char* what) {
    size_t start = pos_;
    uint8_t major = 0;
    uint64_t value = 0;
    head(&major, &value, what);
    if (major != 0) {
      throw BlobError(start, std::string(what) +
                                 ": expected a CBOR unsigned integer, found major "
                                 "type " +
                                 std::to_string(major));
    }
    return value;
  }

  // A CBOR byte string, or an array of integers below 256 (which ciborium also reads as bytes).
  base::ByteSpan cbor_bytes(const char* what, std::deque<std::vector<uint8_t>>& owned) {
    size_t start = pos_;
    uint8_t major = 0;
    uint64_t length = 0;
    head(&major, &length, what);
    if (major == 2) {
      if (length > remaining()) {
        throw BlobError(start, std::string("truncated: ") + what + " of " + std::to_string(length) +
                                   " bytes, " + std::to_string(remaining()) + " left");
      }
      return raw(static_cast<size_t>(length), what);
    }
    if (major == 4) {
      if (length > remaining()) {  // every element takes at least one byte
        throw BlobError(start, std::string("truncated: ") + what + " array of " +
                                   std::to_string(length) + " items");
      }
      std::vector<uint8_t>& out = owned.emplace_back();
      out.reserve(static_cast<size_t>(length));
      for (uint64_t i = 0; i < length; ++i) {
        size_t at = pos_;
        uint64_t v = cbor_uint(what);
        if (v > 255) throw BlobError(at, std::string(what) + ": array element exceeds 255");
        out.push_back(static_cast<uint8_t>(v));
      }
      return base::ByteSpan(out.data(), out.size());
    }
    throw BlobError(start, std::string(what) + ": expected a CBOR byte string, found major type " +
                               std::to_string(major));
  }

 private:
  base::ByteSpan blob_;
  size_t pos_ = 0;
};

class Machine {
 public:
  explicit Machine(base::ByteSpan blob) : in_(blob) {}

  CompactTree run() {
    size_t header_at = in_.pos();
    tree_.header = in_.byte("the header byte");
    if (tree_.header > 1) {
      throw BlobError(header_at,
                      "header byte " + hex_byte(tree_.header) + " (expected 0x00 or 0x01)");
    }
    while (!in_.at_end()) {
      size_t at = in_.pos();
      uint8_t op = in_.byte("an opcode");
      switch (op) {
        case 0x00:
          leaf(at);
          break;
        case 0x01:
          extension(at);
          break;
        case 0x02:
          branch(at);
          break;
        case 0x03:
          hash(at);
          break;
        case 0x04:
          code(at);
          break;
        case 0x05:
          account(at);
          break;
        case 0x06:
          ++tree_.stats.empty_root;
          push(make(CompactNodeKind::empty, at));
          break;
        case 0x07:
          throw BlobError(at, "SMT_LEAF (0x07) belongs to type-2 witnesses, not type 1");
        case 0xBB:
          if (!in_.at_end()) {
            throw BlobError(at,
                            "NEW_TRIE (0xbb) followed by more bytes: a type-1 witness holds "
                            "exactly one trie");
          }
          break;
        default:
          throw BlobError(at, "unknown opcode " + hex_byte(op));
      }
    }
    if (stack_.size() != 1) {
      throw BlobError(in_.pos(), "the stream ends with " + std::to_string(stack_.size()) +
                                     " nodes on the stack (expected exactly 1)");
    }
    const CompactNode& root = tree_.nodes[stack_[0]];
    if (root.kind == CompactNodeKind::hash || root.kind == CompactNodeKind::code) {
      throw BlobError(root.offset, std::string("the stream ends with a lone ") +
                                       kind_name(root.kind) + " node (expected a trie node)");
    }
    tree_.root = stack_[0];
    return std::move(tree_);
  }

 private:
  uint32_t make(CompactNodeKind kind, size_t at) {
    CompactNode n;
    n.kind = kind;
    n.offset = static_cast<uint32_t>(at);
    tree_.nodes.push_back(n);
    return static_cast<uint32_t>(tree_.nodes.size() - 1);
  }
  void push(uint32_t index) { stack_.push_back(index); }
  uint32_t pop(size_t at, uint8_t op) {
    if (stack_.empty()) {
      throw BlobError(at, std::string("stack underflow: ") + opcode_name(op) +
                              " pops a node from an empty stack");
    }
    uint32_t top = stack_.back();
    stack_.pop_back();
    return top;
  }

  // §2.3: a CBOR byte string; one byte is a bare nibble, otherwise a flags byte (bit 0 odd, bit
  // 1 terminated, which is ignored) followed by packed nibbles, high nibble first.
  void key(CompactNode& n) {
    size_t at = in_.pos();
    base::ByteSpan k = in_.cbor_bytes("a key", tree_.owned);
    size_t data_at = in_.offset_of(k, at);  // where the key's bytes start
    n.key_begin = static_cast<uint32_t>(tree_.nibbles.size());
    if (k.empty()) throw BlobError(at, "empty key");
    if (k.size() == 1) {
      if (k[0] > 15)
        throw BlobError(data_at, "single-byte key " + hex_byte(k[0]) + " is not a nibble");
      tree_.nibbles.push_back(k[0]);
      n.key_size = 1;
      return;
    }
    uint8_t flags = k[0];
    if ((flags & ~3u) != 0) {
      throw BlobError(data_at,
                      "key flags " + hex_byte(flags) + " have bits other than odd/terminated");
    }
    bool odd = (flags & 1) != 0;
    for (size_t i = 1; i < k.size(); ++i) {
      tree_.nibbles.push_back(k[i] >> 4);
      bool last = i + 1 == k.size();
      if (last && odd) {
        if ((k[i] & 0x0f) != 0) {
          throw BlobError(data_at + i,
                          "odd key's last byte " + hex_byte(k[i]) + " has a non-zero low nibble");
        }
      } else {
        tree_.nibbles.push_back(k[i] & 0x0f);
      }
    }
    n.key_size = static_cast<uint32_t>(tree_.nibbles.size() - n.key_begin);
  }

  void leaf(size_t at) {
    ++tree_.stats.leaf;
    uint32_t index = make(CompactNodeKind::leaf, at);
    CompactNode n = tree_.nodes[index];
    key(n);
    size_t value_at = in_.pos();
    n.data = in_.cbor_bytes("a leaf value", tree_.owned);
    if (n.data.empty()) throw BlobError(value_at, "empty leaf value");
    tree_.nodes[index] = n;
    push(index);
  }

  void extension(size_t at) {
    ++tree_.stats.extension;
    uint32_t index = make(CompactNodeKind::extension, at);
    CompactNode n = tree_.nodes[index];
    key(n);
    n.child[0] = pop(at, 0x01);
    tree_.nodes[index] = n;
    push(index);
  }

  // §2.5: children are popped from index 15 down to 0, so the writer pushed them ascending.
  void branch(size_t at) {
    ++tree_.stats.branch;
    size_t mask_at = in_.pos();
    uint64_t mask = in_.cbor_uint("a branch mask");
    if ((mask >> 16) != 0) throw BlobError(mask_at, "branch mask has bits above bit 15");
    size_t needed = static_cast<size_t>(std::popcount(mask));
    if (needed > stack_.size()) {
      throw BlobError(at, "stack underflow: BRANCH needs " + std::to_string(needed) +
                              " children, the stack holds " + std::to_string(stack_.size()));
    }
    std::array<uint32_t, 16> children;
    children.fill(kNoNode);
    for (int i = 15; i >= 0; --i) {
      if ((mask >> i) & 1) children[static_cast<size_t>(i)] = pop(at, 0x02);
    }
    uint32_t index = make(CompactNodeKind::branch, at);
    tree_.nodes[index].branch = static_cast<uint32_t>(tree_.branches.size());
    tree_.branches.push_back(children);
    push(index);
  }

  void hash(size_t at) {
    ++tree_.stats.hash;
    uint32_t index = make(CompactNodeKind::hash, at);
    tree_.nodes[index].data = in_.raw(32, "a 32-byte hash");
    push(index);
  }

  void code(size_t at) {
    ++tree_.stats.code;
    uint32_t index = make(CompactNodeKind::code, at);
    tree_.nodes[index].data = in_.cbor_bytes("code", tree_.owned);
    push(index);
  }

  // §2.4: key, flags, [nonce] [balance] [code length]; pops the storage root node first (with
  // HAS_STORAGE), then the code or code-hash node (with HAS_CODE).
  void account(size_t at) {
    ++tree_.stats.account_leaf;
    uint32_t index = make(CompactNodeKind::account, at);
    CompactNode n = tree_.nodes[index];
    key(n);
    size_t flags_at = in_.pos();
    n.account_flags = in_.byte("account flags");
    if ((n.account_flags & 0xf0) != 0) {
      throw BlobError(flags_at,
                      "account flags " + hex_byte(n.account_flags) + " have unknown bits");
    }
    if (n.account_flags & kAccountHasNonce) n.nonce = in_.cbor_uint("an account nonce");
    if (n.account_flags & kAccountHasBalance) {
      size_t balance_at = in_.pos();
      base::ByteSpan balance = in_.cbor_bytes("an account balance", tree_.owned);
      if (balance.size() > 32) throw BlobError(balance_at, "account balance longer than 32 bytes");
      n.balance = base::U256::from_be_bytes(balance);
    }
    if (n.account_flags & kAccountHasCode) (void)in_.cbor_uint("a code length");
    if (n.account_flags & kAccountHasStorage) n.child[0] = pop(at, 0x05);
    if (n.account_flags & kAccountHasCode) {
      uint32_t code = pop(at, 0x05);
      CompactNodeKind kind = tree_.nodes[code].kind;
      if (kind != CompactNodeKind::code && kind != CompactNodeKind::hash) {
        throw BlobError(at, std::string("ACCOUNT_LEAF with code pops the ") + kind_name(kind) +
                                " node (expected code or a code hash)");
      }
      n.child[1] = code;
    }
    tree_.nodes[index] = n;
    push(index);
  }

  Reader in_;
  CompactTree tree_;
  std::vector<uint32_t> stack_;
};

}  // namespace

CompactTree decode_compact(base::ByteSpan blob) {
  if (blob.size() > UINT32_MAX) throw BlobError(0, "compact blob larger than 4 GiB");
  return Machine(blob).run();
}

std::string compact_path(const BlockWitness& block) {
  return block.json_path + ".block_trace.trie_pre_images.combined.compact";
}

CompactTree decode_block_compact(const BlockWitness& block, const std::string& file) {
  try {
    return decode_compact(base::ByteSpan(block.compact.data(), block.compact.size()));
  } catch (const BlobError& e) {
    throw InputError(file, compact_path(block) + ", byte " + std::to_string(e.offset()),
                     e.problem());
  }
}

}  // namespace zkbatch::witness
