// SPDX-License-Identifier: Apache-2.0
// HDF5 layout (docs/operations.md): root attributes `format` ("zkbatch-circuits"), `version`,
// `params`, `segment_log2`, `digest` and `tables` (the table names, newline-separated, in order);
// datasets `/elf` (u8), `/key_digest` (4 x u64) and one 2-D u64 dataset per table under
// `/tables/`. The library is not thread-safe, so every call holds one process-wide mutex.
#include "runner/circuits.hpp"

#include <hdf5.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <mutex>
#include <sstream>

#include <fmt/format.h>

#include "runner/messages.hpp"
#include "runner/segment_store.hpp"

namespace zkbatch::runner {
namespace {

constexpr const char* kFormat = "zkbatch-circuits";

std::mutex& hdf5_mutex() {
  static std::mutex m;
  return m;
}

// Closes an HDF5 handle with the matching function.
class Handle {
 public:
  Handle(hid_t id, herr_t (*close)(hid_t)) : id_(id), close_(close) {}
  ~Handle() {
    if (id_ >= 0) close_(id_);
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  hid_t get() const { return id_; }
  bool ok() const { return id_ >= 0; }

 private:
  hid_t id_;
  herr_t (*close_)(hid_t);
};

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw CircuitsError(fmt::format("{}: {}", path, what));
}

void put_u64(std::vector<uint8_t>& out, uint64_t v) {
  for (int i = 0; i < 8; ++i)
    out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}

void put_string(std::vector<uint8_t>& out, const std::string& s) {
  put_u64(out, s.size());
  out.insert(out.end(), s.begin(), s.end());
}

void write_string_attr(hid_t obj, const char* name, const std::string& value) {
  Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(type.get(), value.empty() ? 1 : value.size());
  Handle space(H5Screate(H5S_SCALAR), H5Sclose);
  Handle attr(H5Acreate2(obj, name, type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
  H5Awrite(attr.get(), type.get(), value.empty() ? "" : value.c_str());
}

void write_u32_attr(hid_t obj, const char* name, uint32_t value) {
  Handle space(H5Screate(H5S_SCALAR), H5Sclose);
  Handle attr(H5Acreate2(obj, name, H5T_STD_U32LE, space.get(), H5P_DEFAULT, H5P_DEFAULT),
              H5Aclose);
  H5Awrite(attr.get(), H5T_NATIVE_UINT32, &value);
}

bool read_string_attr(hid_t obj, const char* name, std::string& out) {
  if (H5Aexists(obj, name) <= 0) return false;
  Handle attr(H5Aopen(obj, name, H5P_DEFAULT), H5Aclose);
  Handle type(H5Aget_type(attr.get()), H5Tclose);
  if (!attr.ok() || H5Tget_class(type.get()) != H5T_STRING || H5Tis_variable_str(type.get()) > 0) {
    return false;
  }
  const size_t size = H5Tget_size(type.get());
  std::string buf(size, '\0');
  Handle mem(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(mem.get(), size);
  if (H5Aread(attr.get(), mem.get(), buf.data()) < 0) return false;
  out.assign(buf.c_str());  // stored null-padded
  return true;
}

bool read_u32_attr(hid_t obj, const char* name, uint32_t& out) {
  if (H5Aexists(obj, name) <= 0) return false;
  Handle attr(H5Aopen(obj, name, H5P_DEFAULT), H5Aclose);
  return attr.ok() && H5Aread(attr.get(), H5T_NATIVE_UINT32, &out) >= 0;
}

template <class T>
void write_dataset(hid_t loc,
                   const std::string& name,
                   hid_t file_type,
                   hid_t mem_type,
                   const std::vector<T>& values,
                   uint64_t rows,
                   uint64_t cols,
                   int rank) {
  const hsize_t dims[2] = {rows, cols};
  Handle space(H5Screate_simple(rank, dims, nullptr), H5Sclose);
  Handle lcpl(H5Pcreate(H5P_LINK_CREATE), H5Pclose);
  H5Pset_create_intermediate_group(lcpl.get(), 1);
  Handle set(
      H5Dcreate2(loc, name.c_str(), file_type, space.get(), lcpl.get(), H5P_DEFAULT, H5P_DEFAULT),
      H5Dclose);
  if (!set.ok()) throw CircuitsError("cannot create dataset " + name);
  if (!values.empty() &&
      H5Dwrite(set.get(), mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0) {
    throw CircuitsError("cannot write dataset " + name);
  }
}

// Reads a dataset of `rank` dimensions as `mem_type`; false if missing or of another shape.
template <class T>
bool read_dataset(hid_t loc,
                  const std::string& name,
                  hid_t mem_type,
                  int rank,
                  std::vector<T>& out,
                  hsize_t dims[2]) {
  if (H5Lexists(loc, name.c_str(), H5P_DEFAULT) <= 0) return false;
  Handle set(H5Dopen2(loc, name.c_str(), H5P_DEFAULT), H5Dclose);
  if (!set.ok()) return false;
  Handle space(H5Dget_space(set.get()), H5Sclose);
  if (H5Sget_simple_extent_ndims(space.get()) != rank) return false;
  dims[1] = 1;
  H5Sget_simple_extent_dims(space.get(), dims, nullptr);
  const hsize_t n = rank == 2 ? dims[0] * dims[1] : dims[0];
  if (n > (hsize_t{1} << 36)) return false;  // absurd sizes are damage, not data
  out.resize(static_cast<size_t>(n));
  return n == 0 || H5Dread(set.get(), mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) >= 0;
}

}  // namespace

std::string circuits_digest(const CircuitsData& data) {
  std::vector<uint8_t> bytes;
  put_string(bytes, kFormat);
  put_u64(bytes, kCircuitsVersion);
  put_u64(bytes, data.elf.size());
  bytes.insert(bytes.end(), data.elf.begin(), data.elf.end());
  put_string(bytes, data.params);
  put_u64(bytes, data.segment_log2);
  append_digest(bytes, data.key_digest);
  put_u64(bytes, data.tables.size());
  for (const CircuitsTable& t : data.tables) {
    put_string(bytes, t.name);
    put_u64(bytes, t.rows);
    put_u64(bytes, t.cols);
    for (uint64_t v : t.values)
      put_u64(bytes, v);
  }
  return keccak_hex(bytes);
}

void write_circuits(const std::string& path, const CircuitsData& data) {
  std::lock_guard lock(hdf5_mutex());
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  const std::string tmp = fmt::format("{}.tmp.{}", path, ::getpid());
  try {
    Handle file(H5Fcreate(tmp.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
    if (!file.ok()) fail(path, "cannot create the file");
    std::string names;
    for (const CircuitsTable& t : data.tables) {
      if (t.name.empty() || t.name.find('\n') != std::string::npos ||
          t.values.size() != t.rows * t.cols) {
        fail(path, "bad table " + t.name);
      }
      names += (names.empty() ? "" : "\n") + t.name;
      write_dataset(file.get(), "tables/" + t.name, H5T_STD_U64LE, H5T_NATIVE_UINT64, t.values,
                    t.rows, t.cols, 2);
    }
    write_dataset(file.get(), "elf", H5T_STD_U8LE, H5T_NATIVE_UINT8, data.elf, data.elf.size(), 1,
                  1);
    std::vector<uint64_t> digest;
    for (const field::Fp& e : data.key_digest.v)
      digest.push_back(e.value());
    write_dataset(file.get(), "key_digest", H5T_STD_U64LE, H5T_NATIVE_UINT64, digest, 4, 1, 1);
    write_string_attr(file.get(), "format", kFormat);
    write_u32_attr(file.get(), "version", kCircuitsVersion);
    write_string_attr(file.get(), "params", data.params);
    write_u32_attr(file.get(), "segment_log2", data.segment_log2);
    write_string_attr(file.get(), "tables", names);
    write_string_attr(file.get(), "digest", circuits_digest(data));
    if (H5Fflush(file.get(), H5F_SCOPE_GLOBAL) < 0) fail(path, "cannot flush the file");
  } catch (...) {
    std::remove(tmp.c_str());
    throw;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    fail(path, "cannot rename the file into place: " + ec.message());
  }
}

CircuitsData read_circuits(const std::string& path) {
  std::lock_guard lock(hdf5_mutex());
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  if (!std::filesystem::exists(path)) fail(path, "no such file");
  if (H5Fis_hdf5(path.c_str()) <= 0) fail(path, "not an HDF5 file (damaged or another format)");
  Handle fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
  // No file locks: read-only opens from many ranks on a shared NFS volume (Filestore) can hang
  // on them (infra notes §4.4), and nothing writes the file while jobs read it.
  H5Pset_file_locking(fapl.get(), 0, 1);
  Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, fapl.get()), H5Fclose);
  if (!file.ok()) fail(path, "cannot open the HDF5 file (damaged?)");
  std::string format, names, digest;
  uint32_t version = 0;
  CircuitsData data;
  if (!read_string_attr(file.get(), "format", format) || format != kFormat) {
    fail(path, "not a zkbatch circuits file (no format attribute)");
  }
  if (!read_u32_attr(file.get(), "version", version) || version != kCircuitsVersion) {
    fail(path, fmt::format("circuits format version {} (this build reads {})", version,
                           kCircuitsVersion));
  }
  if (!read_string_attr(file.get(), "params", data.params) ||
      !read_u32_attr(file.get(), "segment_log2", data.segment_log2) ||
      !read_string_attr(file.get(), "tables", names) ||
      !read_string_attr(file.get(), "digest", digest)) {
    fail(path, "missing attributes (damaged file)");
  }
  hsize_t dims[2] = {0, 0};
  std::vector<uint64_t> key;
  if (!read_dataset(file.get(), "elf", H5T_NATIVE_UINT8, 1, data.elf, dims) ||
      !read_dataset(file.get(), "key_digest", H5T_NATIVE_UINT64, 1, key, dims) || key.size() != 4) {
    fail(path, "missing or damaged program or key digest (damaged file)");
  }
  for (size_t i = 0; i < 4; ++i) {
    if (key[i] >= field::kModulus) fail(path, "key digest is not a digest (damaged file)");
    data.key_digest.v[i] = field::Fp::from_canonical_unchecked(key[i]);
  }
  std::istringstream lines(names);
  for (std::string name; std::getline(lines, name);) {
    CircuitsTable t;
    t.name = name;
    if (!read_dataset(file.get(), "tables/" + name, H5T_NATIVE_UINT64, 2, t.values, dims)) {
      fail(path, "missing or damaged table " + name);
    }
    t.rows = dims[0];
    t.cols = dims[1];
    data.tables.push_back(std::move(t));
  }
  if (circuits_digest(data) != digest) {
    fail(path, "digest mismatch: the file is damaged or was modified after it was built");
  }
  return data;
}

void check_circuits_match(const std::string& path,
                          const CircuitsData& data,
                          const std::vector<uint8_t>& elf,
                          const std::string& params,
                          uint32_t segment_log2,
                          const hash::Digest& key_digest) {
  if (data.elf != elf) fail(path, "built for another program (its ELF differs from --elf)");
  if (data.params != params) {
    fail(path, fmt::format("built for parameters {}, the job uses {}", data.params, params));
  }
  if (data.segment_log2 != segment_log2) {
    fail(path, fmt::format("built for segments of 2^{} cycles, the job uses 2^{}",
                           data.segment_log2, segment_log2));
  }
  if (data.key_digest != key_digest) {
    fail(path, "its verifying key differs from this build's (rebuild it with circuits build)");
  }
}

}  // namespace zkbatch::runner
