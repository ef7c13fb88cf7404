// SPDX-License-Identifier: Apache-2.0
#include "runner/segment_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>

#include "hash/keccak.hpp"
#include "log/log.hpp"
#include "runner/messages.hpp"

namespace zkbatch::runner {
namespace {

constexpr char kRecordMagic[8] = {'Z', 'K', 'B', 'S', 'E', 'G', '0', '1'};
constexpr size_t kHeaderBytes = 8 + 4 + 32 + 32 + 8 + 8;

void put_le(std::vector<uint8_t>& out, uint64_t v, int n) {
  for (int i = 0; i < n; ++i)
    out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}

uint64_t get_le(const uint8_t* p, int n) {
  uint64_t v = 0;
  for (int i = 0; i < n; ++i)
    v |= uint64_t{p[i]} << (8 * i);
  return v;
}

std::string to_hex(const uint8_t* bytes, size_t n) {
  std::string s;
  s.reserve(2 * n);
  for (size_t i = 0; i < n; ++i)
    s += fmt::format("{:02x}", bytes[i]);
  return s;
}

std::string record_name(uint32_t segment) {
  return fmt::format("segment-{:06d}.bin", segment);
}

}  // namespace

std::vector<uint8_t> serialize_record(const SegmentRecord& record) {
  std::vector<uint8_t> out(kRecordMagic, kRecordMagic + 8);
  put_le(out, record.segment, 4);
  append_digest(out, record.commitment);
  append_digest(out, record.seed);
  put_le(out, record.cycles, 8);
  put_le(out, record.proof.size(), 8);
  out.insert(out.end(), record.proof.begin(), record.proof.end());
  uint8_t sum[hash::kKeccak256Bytes];
  hash::keccak256(base::ByteSpan(out.data(), out.size()), sum);
  out.insert(out.end(), sum, sum + sizeof sum);
  return out;
}

bool deserialize_record(const std::vector<uint8_t>& bytes, SegmentRecord& out) {
  if (bytes.size() < kHeaderBytes + hash::kKeccak256Bytes) return false;
  if (std::memcmp(bytes.data(), kRecordMagic, 8) != 0) return false;
  const uint64_t proof_len = get_le(bytes.data() + kHeaderBytes - 8, 8);
  if (proof_len != bytes.size() - kHeaderBytes - hash::kKeccak256Bytes) return false;
  const size_t body = bytes.size() - hash::kKeccak256Bytes;
  uint8_t sum[hash::kKeccak256Bytes];
  hash::keccak256(base::ByteSpan(bytes.data(), body), sum);
  if (std::memcmp(sum, bytes.data() + body, sizeof sum) != 0) return false;
  try {
    out.segment = static_cast<uint32_t>(get_le(bytes.data() + 8, 4));
    out.commitment = read_digest(std::span(bytes).subspan(12, 32));
    out.seed = read_digest(std::span(bytes).subspan(44, 32));
  } catch (const ProtocolError&) {
    return false;
  }
  out.cycles = get_le(bytes.data() + 76, 8);
  out.proof.assign(bytes.begin() + kHeaderBytes, bytes.begin() + static_cast<ptrdiff_t>(body));
  return true;
}

std::string resume_key(const hash::Digest& key_digest,
                       uint32_t segment_log2,
                       const std::string& input_hash_hex) {
  std::vector<uint8_t> bytes(kRecordMagic, kRecordMagic + 8);
  append_digest(bytes, key_digest);
  put_le(bytes, segment_log2, 4);
  bytes.insert(bytes.end(), input_hash_hex.begin(), input_hash_hex.end());
  return keccak_hex(bytes);
}

std::string keccak_hex(const std::vector<uint8_t>& bytes) {
  uint8_t sum[hash::kKeccak256Bytes];
  hash::keccak256(base::ByteSpan(bytes.data(), bytes.size()), sum);
  return to_hex(sum, sizeof sum);
}

void write_file_atomically(const std::filesystem::path& path, const std::vector<uint8_t>& bytes) {
  const std::filesystem::path tmp = path.string() + fmt::format(".tmp.{}", ::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw std::runtime_error(fmt::format("{}: cannot create: {}", tmp.string(), strerror(errno)));
  }
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      throw std::runtime_error(fmt::format("{}: write failed: {}", tmp.string(), strerror(err)));
    }
    done += static_cast<size_t>(n);
  }
  // fsync before rename: after a crash the name points at complete bytes or at nothing.
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced || ::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw std::runtime_error(fmt::format("{}: cannot write: {}", path.string(), strerror(err)));
  }
}

std::optional<std::vector<uint8_t>> read_whole_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return bytes;
}

SegmentStore::SegmentStore(std::filesystem::path out_dir)
    : root_(std::move(out_dir) / ".zkbatch" / "segments") {}

std::filesystem::path SegmentStore::dir(const std::string& key) const {
  return root_ / key;
}

void SegmentStore::put(const std::string& key, const SegmentRecord& record) const {
  std::filesystem::create_directories(dir(key));
  write_file_atomically(dir(key) / record_name(record.segment), serialize_record(record));
}

std::map<uint32_t, SegmentRecord> SegmentStore::load(const std::string& key) const {
  std::map<uint32_t, SegmentRecord> records;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir(key), ec)) return records;
  for (const auto& entry : std::filesystem::directory_iterator(dir(key), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.find(".tmp.") != std::string::npos) {
      std::filesystem::remove(entry.path(), ec);  // left by a killed writer
      continue;
    }
    SegmentRecord record;
    auto bytes = read_whole_file(entry.path());
    if (!bytes || !deserialize_record(*bytes, record) || name != record_name(record.segment)) {
      log::warn("discarding a damaged segment record", {{"file", entry.path().string()}});
      std::filesystem::remove(entry.path(), ec);
      continue;
    }
    records.emplace(record.segment, std::move(record));
  }
  return records;
}

void SegmentStore::remove(const std::string& key) const {
  std::error_code ec;
  std::filesystem::remove_all(dir(key), ec);
}

}  // namespace zkbatch::runner
