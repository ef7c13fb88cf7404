// SPDX-License-Identifier: Apache-2.0
#include "witness/error.hpp"

#include <cstdio>
#include <utility>

namespace zkbatch::witness {

namespace {

std::string join(const std::string& file, const std::string& location, const std::string& problem) {
  std::string out = file;
  if (!location.empty()) out += ": " + location;
  out += ": " + problem;
  return out;
}

}  // namespace

InputError::InputError(std::string file, std::string location, std::string problem)
    : std::runtime_error(join(file, location, problem)),
      file_(std::move(file)),
      location_(std::move(location)),
      problem_(std::move(problem)) {}

BlobError::BlobError(size_t offset, std::string problem)
    : std::runtime_error("byte " + std::to_string(offset) + ": " + problem),
      offset_(offset),
      problem_(std::move(problem)) {}

std::string describe(const base::Error& error) {
  std::string out = base::errc_message(error.code);
  if (error.detail != nullptr) out += std::string(" (") + error.detail + ")";
  return out;
}

std::string hex_byte(unsigned value) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02x", value & 0xffu);
  return text;
}

}  // namespace zkbatch::witness
