// SPDX-License-Identifier: Apache-2.0
// The HDF5 circuits file: round trip, and every kind of damage or mismatch is reported, never
// used: a flipped byte inside a dataset's raw data, a truncated file, another format, a file
// built for another program, parameters, segment size or key.
#include <gtest/gtest.h>

#include <hdf5.h>

#include <fstream>

#include "runner/circuits.hpp"
#include "runner_test_util.hpp"

namespace zkbatch::runner {
namespace {

CircuitsData sample() {
  CircuitsData d;
  d.elf = test::linking_program_elf();
  d.params = "test";
  d.segment_log2 = 6;
  for (size_t i = 0; i < 4; ++i)
    d.key_digest.v[i] = field::Fp(1000 + i);
  d.tables.push_back({"program", 3, 2, {1, 2, 3, 4, 5, 6}});
  d.tables.push_back({"preprocessed/0/lde", 2, 1, {7, 8}});
  d.tables.push_back({"merkle/0", 1, 4, {9, 10, 11, 12}});
  return d;
}

std::string expect_error(const std::string& path) {
  try {
    read_circuits(path);
  } catch (const CircuitsError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no error for " << path;
  return "";
}

TEST(Circuits, RoundTrip) {
  test::TempDir dir;
  const std::string path = (dir.path() / "c.h5").string();
  write_circuits(path, sample());
  EXPECT_EQ(read_circuits(path), sample());
  // Only the finished file is left (the temporary was renamed).
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                          std::filesystem::directory_iterator()),
            1);
}

TEST(Circuits, DigestCoversEveryField) {
  const std::string base = circuits_digest(sample());
  CircuitsData d = sample();
  d.tables[1].values[1] ^= 1;
  EXPECT_NE(circuits_digest(d), base);
  d = sample();
  d.tables[2].name = "merkle/1";
  EXPECT_NE(circuits_digest(d), base);
  d = sample();
  d.elf.back() ^= 1;
  EXPECT_NE(circuits_digest(d), base);
  d = sample();
  d.segment_log2 = 7;
  EXPECT_NE(circuits_digest(d), base);
}

TEST(Circuits, FlippedDataByteIsDetected) {
  test::TempDir dir;
  const std::string path = (dir.path() / "c.h5").string();
  write_circuits(path, sample());
  // Find the raw bytes of the "program" table in the file and flip one of them.
  haddr_t offset = HADDR_UNDEF;
  {
    hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    hid_t set = H5Dopen2(f, "tables/program", H5P_DEFAULT);
    offset = H5Dget_offset(set);
    H5Dclose(set);
    H5Fclose(f);
  }
  ASSERT_NE(offset, HADDR_UNDEF);
  std::vector<uint8_t> bytes = test::slurp(path);
  bytes[offset + 8] ^= 0x01;  // the second value, 2 -> 3
  dir.write("c.h5", bytes);
  EXPECT_NE(expect_error(path).find("digest mismatch"), std::string::npos);
}

TEST(Circuits, TruncatedMissingAndForeignFilesAreReported) {
  test::TempDir dir;
  const std::string path = (dir.path() / "c.h5").string();
  write_circuits(path, sample());
  std::vector<uint8_t> bytes = test::slurp(path);
  bytes.resize(bytes.size() / 2);
  dir.write("c.h5", bytes);
  EXPECT_NE(expect_error(path).find(path), std::string::npos);
  EXPECT_NE(expect_error((dir.path() / "none.h5").string()).find("no such file"),
            std::string::npos);
  const std::string text = dir.write("text.h5", {'h', 'e', 'l', 'l', 'o'});
  EXPECT_NE(expect_error(text).find("not an HDF5 file"), std::string::npos);
  // An HDF5 file that is not ours.
  const std::string other = (dir.path() / "other.h5").string();
  H5Fclose(H5Fcreate(other.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT));
  EXPECT_NE(expect_error(other).find("not a zkbatch circuits file"), std::string::npos);
}

TEST(Circuits, MismatchesAreNamed) {
  const CircuitsData d = sample();
  auto message = [&](const std::vector<uint8_t>& elf, const std::string& params, uint32_t log2,
                     const hash::Digest& key) {
    try {
      check_circuits_match("c.h5", d, elf, params, log2, key);
    } catch (const CircuitsError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(message(d.elf, "test", 6, d.key_digest), "");
  std::vector<uint8_t> other_elf = d.elf;
  other_elf[100] ^= 1;
  EXPECT_NE(message(other_elf, "test", 6, d.key_digest).find("another program"), std::string::npos);
  EXPECT_NE(message(d.elf, "default_100", 6, d.key_digest).find("parameters"), std::string::npos);
  EXPECT_NE(message(d.elf, "test", 8, d.key_digest).find("2^6"), std::string::npos);
  hash::Digest key = d.key_digest;
  key.v[0] = field::Fp(1);
  EXPECT_NE(message(d.elf, "test", 6, key).find("verifying key"), std::string::npos);
}

}  // namespace
}  // namespace zkbatch::runner
