// SPDX-License-Identifier: Apache-2.0
#include "runner/proof_files.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "runner/messages.hpp"
#include "runner/segment_store.hpp"

namespace zkbatch::runner {

std::string to_hex(const std::vector<uint8_t>& bytes) {
  std::string s;
  s.reserve(2 * bytes.size());
  for (uint8_t b : bytes)
    s += fmt::format("{:02x}", b);
  return s;
}

std::string digest_hex(const hash::Digest& digest) {
  std::vector<uint8_t> bytes;
  append_digest(bytes, digest);
  return to_hex(bytes);
}

std::string check_link(const std::vector<uint8_t>& previous_output,
                       const std::vector<uint8_t>& output) {
  if (previous_output.size() < 2 * kLinkBytes) {
    return fmt::format("the previous proof commits {} bytes of output; linking needs at least {}",
                       previous_output.size(), 2 * kLinkBytes);
  }
  if (output.size() < kLinkBytes) {
    return fmt::format("the proof commits {} bytes of output; linking needs at least {}",
                       output.size(), kLinkBytes);
  }
  const std::vector<uint8_t> expected(previous_output.begin() + kLinkBytes,
                                      previous_output.begin() + 2 * kLinkBytes);
  const std::vector<uint8_t> got(output.begin(), output.begin() + kLinkBytes);
  if (expected != got) {
    return fmt::format(
        "does not link: its output bytes 0..31 are {}, the previous proof's "
        "bytes 32..63 are {}",
        to_hex(got), to_hex(expected));
  }
  return "";
}

std::string summary_json(const ProofSummary& s) {
  nlohmann::ordered_json j;
  j["input"] = s.input;
  j["input_keccak"] = s.input_hash;
  j["elf"] = s.elf;
  j["key_digest"] = s.key_digest;
  j["params"] = s.params;
  j["segment_log2"] = s.segment_log2;
  j["segments"] = s.segments;
  j["segments_resumed"] = s.segments_resumed;
  j["cycles"] = s.cycles;
  j["public_output"] = to_hex(s.public_output);
  j["proof_bytes"] = s.proof_bytes;
  j["proof_keccak"] = s.proof_keccak;
  if (s.previous_proof.empty()) {
    j["previous_proof"] = nullptr;
  } else {
    j["previous_proof"] = {{"path", s.previous_proof}, {"proof_keccak", s.previous_proof_keccak}};
  }
  j["ranks"] = s.ranks;
  j["elapsed_s"] = s.elapsed_s;
  nlohmann::ordered_json phases;
  for (size_t p = 0; p < kPhaseCount; ++p) {
    phases[phase_name(static_cast<Phase>(p))] = s.phase_seconds.seconds[p];
  }
  j["phase_seconds"] = phases;
  return j.dump(2) + "\n";
}

std::string input_name(const std::string& input_path) {
  return std::filesystem::path(input_path).stem().string();
}

std::filesystem::path proof_path(const std::filesystem::path& out_dir, const std::string& name) {
  return out_dir / (name + ".proof");
}

std::filesystem::path summary_path(const std::filesystem::path& out_dir, const std::string& name) {
  return out_dir / (name + ".proof.json");
}

void write_proof_files(const std::filesystem::path& out_dir,
                       const std::string& name,
                       const std::vector<uint8_t>& proof,
                       const ProofSummary& summary) {
  write_file_atomically(proof_path(out_dir, name), proof);
  const std::string json = summary_json(summary);
  write_file_atomically(summary_path(out_dir, name),
                        std::vector<uint8_t>(json.begin(), json.end()));
}

}  // namespace zkbatch::runner
