// SPDX-License-Identifier: Apache-2.0
// Writes the seed corpus of the fuzz targets into OUT/{compact,guest_input,witness_json}: a few
// hand-made inputs always, plus, when ZKB_SHARED_DIR/witnesses exists, the compact blob and the
// guest input of every real block and the smallest real witness files. Seeds are generated rather
// than checked in so that they follow format changes.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "witness/block_check.hpp"
#include "witness/guest_input.hpp"
#include "witness/witness_json.hpp"

namespace fs = std::filesystem;
using zkbatch::witness::ByteVector;

namespace {

void write(const fs::path& dir, const std::string& name, const ByteVector& bytes) {
  fs::create_directories(dir);
  std::ofstream out(dir / name, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

void write_text(const fs::path& dir, const std::string& name, const std::string& text) {
  write(dir, name, ByteVector(text.begin(), text.end()));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_seeds OUT_DIR\n");
    return 2;
  }
  fs::path out(argv[1]);
  // Hand-made: the empty state (EMPTY_ROOT), a hashed-out root under a branch, an empty guest
  // input, a JSON skeleton.
  write(out / "compact", "empty_root", {0x00, 0x06});
  ByteVector branch = {0x01, 0x03};
  branch.insert(branch.end(), 32, 0x11);
  branch.push_back(0x03);
  branch.insert(branch.end(), 32, 0x22);
  branch.insert(branch.end(), {0x02, 0x19, 0x80, 0x01});
  write(out / "compact", "branch_of_hashes", branch);
  write(out / "guest_input", "empty", zkbatch::witness::encode_guest_input({}));
  write_text(out / "witness_json", "skeleton",
             "[{\"block_trace\":{\"trie_pre_images\":{\"combined\":{\"compact\":\"0x0006\"}},"
             "\"txn_info\":[]},\"other_data\":{}}]");

  const char* shared = std::getenv("ZKB_SHARED_DIR");
  fs::path witnesses = shared != nullptr ? fs::path(shared) / "witnesses" : fs::path();
  size_t real = 0;
  if (shared != nullptr && fs::is_directory(witnesses)) {
    for (const auto& entry : fs::recursive_directory_iterator(witnesses)) {
      std::string name = entry.path().filename().string();
      bool witness = name.ends_with(".witness.json") ||
                     (entry.path().parent_path().filename() == "zk_evm_cases" &&
                      !name.ends_with("_header.json"));
      if (!witness) continue;
      std::string stem = entry.path().stem().string();
      try {
        std::vector<zkbatch::witness::BlockWitness> blocks =
            zkbatch::witness::read_witness_file(entry.path().string());
        zkbatch::witness::CheckOptions options;
        options.guest_inputs = true;
        std::vector<zkbatch::witness::BlockReport> reports =
            zkbatch::witness::check_blocks(blocks, entry.path().string(), options);
        for (size_t i = 0; i < blocks.size(); ++i) {
          write(out / "compact", stem, blocks[i].compact);
          write(out / "guest_input", stem,
                zkbatch::witness::encode_guest_input(*reports[i].guest_input));
        }
        if (fs::file_size(entry.path()) < 100000) {
          std::ifstream in(entry.path(), std::ios::binary);
          write_text(
              out / "witness_json", stem,
              std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
        }
        ++real;
      } catch (const std::exception& e) {
        std::fprintf(stderr, "fuzz_seeds: %s\n", e.what());
        return 1;
      }
    }
  }
  std::printf("fuzz_seeds: wrote seeds to %s (%zu real witnesses)\n", out.string().c_str(), real);
  return 0;
}
