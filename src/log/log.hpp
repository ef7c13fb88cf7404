// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>

namespace zkbatch::log {

/// Output format (DESIGN.md §7): human text by default, one JSON object per line with
/// `--log-format json`. Logs go to stderr; stdout is reserved for command results.
enum class Format { text, json };

/// Severity, lowest first.
enum class Level { debug, info, warn, error };

/// One structured field. Values are typed so JSON logs keep numbers as numbers.
struct Field {
  using Value = std::variant<int64_t, uint64_t, double, bool, std::string>;
  Field(std::string_view k, int v) : key(k), value(int64_t{v}) {}
  Field(std::string_view k, int64_t v) : key(k), value(v) {}
  Field(std::string_view k, uint64_t v) : key(k), value(v) {}
  Field(std::string_view k, unsigned v) : key(k), value(uint64_t{v}) {}
  Field(std::string_view k, double v) : key(k), value(v) {}
  Field(std::string_view k, bool v) : key(k), value(v) {}
  Field(std::string_view k, std::string_view v) : key(k), value(std::string(v)) {}
  Field(std::string_view k, const char* v) : key(k), value(std::string(v)) {}
  std::string key;
  Value value;
};

using Fields = std::initializer_list<Field>;

/// Parses "text" or "json"; false on anything else.
bool parse_format(std::string_view name, Format& out);
/// Parses "debug", "info", "warn" or "error"; false on anything else.
bool parse_level(std::string_view name, Level& out);

/// Configures the process-wide logger. `rank` is added to every line (MPI rank; 0 without MPI).
/// Safe to call again (tests switch formats).
void init(Format format, Level level, int rank = 0);

/// Renders the message and fields as one line without the timestamp and level: in text mode
/// `message key=value ...`, in JSON mode the members `"msg":...,"rank":...,key:value` (the caller's
/// logger wraps them in braces with ts and level). Exposed for tests.
std::string render(Format format, std::string_view message, Fields fields, int rank);

/// Writes one log line with structured fields, e.g.
/// `log::info("segment proved", {{"block", 19000000}, {"segment", 3}, {"elapsed_s", 1.25}})`.
void write(Level level, std::string_view message, Fields fields = {});
inline void debug(std::string_view m, Fields f = {}) {
  write(Level::debug, m, f);
}
inline void info(std::string_view m, Fields f = {}) {
  write(Level::info, m, f);
}
inline void warn(std::string_view m, Fields f = {}) {
  write(Level::warn, m, f);
}
inline void error(std::string_view m, Fields f = {}) {
  write(Level::error, m, f);
}

}  // namespace zkbatch::log
