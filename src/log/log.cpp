// SPDX-License-Identifier: Apache-2.0
#include "log/log.hpp"

#include <cmath>
#include <iterator>
#include <memory>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

namespace zkbatch::log {
namespace {

struct State {
  Format format = Format::text;
  int rank = 0;
  std::shared_ptr<spdlog::logger> logger;
};

State& state() {
  static State s;
  return s;
}

spdlog::level::level_enum to_spdlog(Level level) {
  switch (level) {
    case Level::debug:
      return spdlog::level::debug;
    case Level::info:
      return spdlog::level::info;
    case Level::warn:
      return spdlog::level::warn;
    case Level::error:
      return spdlog::level::err;
  }
  return spdlog::level::info;
}

// Text values that contain spaces or quotes are quoted so `key=value` stays parseable.
std::string text_value(const Field::Value& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          if (v.find_first_of(" \"=") == std::string::npos && !v.empty()) return v;
          return nlohmann::json(v).dump();
        } else if constexpr (std::is_same_v<T, bool>) {
          return v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, double>) {
          return fmt::format("{:.3f}", v);
        } else {
          return std::to_string(v);
        }
      },
      value);
}

nlohmann::json json_value(const Field::Value& value) {
  return std::visit(
      [](const auto& v) -> nlohmann::json {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, double>) {
          if (!std::isfinite(v)) return nullptr;  // JSON has no NaN or infinity
        }
        return nlohmann::json(v);
      },
      value);
}

}  // namespace

bool parse_format(std::string_view name, Format& out) {
  if (name == "text") return out = Format::text, true;
  if (name == "json") return out = Format::json, true;
  return false;
}

bool parse_level(std::string_view name, Level& out) {
  if (name == "debug") return out = Level::debug, true;
  if (name == "info") return out = Level::info, true;
  if (name == "warn") return out = Level::warn, true;
  if (name == "error") return out = Level::error, true;
  return false;
}

void init(Format format, Level level, int rank) {
  State& s = state();
  s.format = format;
  s.rank = rank;
  if (!s.logger) {
    s.logger = std::make_shared<spdlog::logger>("zkbatch",
                                                std::make_shared<spdlog::sinks::stderr_sink_mt>());
  }
  // Timestamps are UTC with milliseconds, so lines from ranks on different nodes sort together.
  if (format == Format::json) {
    s.logger->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})",
                          spdlog::pattern_time_type::utc);
  } else {
    s.logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %-5l %v", spdlog::pattern_time_type::utc);
  }
  s.logger->set_level(to_spdlog(level));
  s.logger->flush_on(spdlog::level::debug);
}

std::string render(Format format, std::string_view message, Fields fields, int rank) {
  std::string out;
  if (format == Format::json) {
    // Members only; the pattern supplies the braces, ts and level.
    out = fmt::format("\"msg\":{},\"rank\":{}", nlohmann::json(std::string(message)).dump(), rank);
    for (const Field& f : fields) {
      fmt::format_to(std::back_inserter(out), ",{}:{}", nlohmann::json(f.key).dump(),
                     json_value(f.value).dump());
    }
    return out;
  }
  out = fmt::format("{} rank={}", message, rank);
  for (const Field& f : fields) {
    fmt::format_to(std::back_inserter(out), " {}={}", f.key, text_value(f.value));
  }
  return out;
}

void write(Level level, std::string_view message, Fields fields) {
  State& s = state();
  if (!s.logger) init(Format::text, Level::info, 0);
  if (!s.logger->should_log(to_spdlog(level))) return;
  s.logger->log(to_spdlog(level), "{}", render(s.format, message, fields, s.rank));
}

}  // namespace zkbatch::log
