// SPDX-License-Identifier: Apache-2.0
#include "cli/app.hpp"

#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/build_info.hpp"
#include "cli/commands.hpp"
#include "log/log.hpp"

namespace zkbatch::cli {

int run(int argc, char** argv) {
  CLI::App app{
      "zkbatch: batch STARK prover for Ethereum blocks.\n"
      "Exit codes: 0 success, 1 proof or check failed, 2 bad usage or bad input."};
  app.require_subcommand(0, 1);

  bool show_version = false;
  std::string log_format = "text";
  std::string log_level = "info";
  app.add_flag("--version", show_version,
               "Print version, git commit, build type, compiler, CPU features and CUDA "
               "architectures, then exit");
  app.add_option("--log-format", log_format, "Log format on stderr: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  app.add_option("--log-level", log_level, "Lowest level logged: debug, info, warn or error")
      ->check(CLI::IsMember({"debug", "info", "warn", "error"}))
      ->capture_default_str();

  CommandRegistry registry;
  register_commands(app, registry);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help or the usage error
    return code == 0 ? kExitOk : kExitBadInput;
  }

  if (show_version) {
    std::fputs(version_text(build_info()).c_str(), stdout);
    return kExitOk;
  }

  log::Format format = log::Format::text;
  log::Level level = log::Level::info;
  log::parse_format(log_format, format);
  log::parse_level(log_level, level);
  log::init(format, level, 0);

  for (const auto& command : registry.commands) {
    if (command.app->parsed()) return command.run();
  }
  std::fputs(app.help().c_str(), stdout);
  return kExitOk;
}

}  // namespace zkbatch::cli
