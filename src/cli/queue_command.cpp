// SPDX-License-Identifier: Apache-2.0
// `zkbatch queue list|cancel|retry|clear --out DIR`: the operator's hands on the queue ledger of
// an output directory (DESIGN.md §7, docs/operations.md). `zkbatch prove` honours what they
// change: cancelled inputs are skipped (a running batch drops them within a second), failed
// inputs stay failed until retried, cleared inputs are proved from scratch. Exit codes: 0 done,
// 2 bad usage (no ledger, unknown input name, clear while a job runs).
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "runner/ledger.hpp"

namespace zkbatch::cli {
namespace {

struct QueueArgs {
  std::string out;
  std::vector<std::string> names;
  bool json = false;
};

int bad(const char* what, const std::string& message) {
  std::fprintf(stderr, "zkbatch queue %s: %s\n", what, message.c_str());
  return kExitBadInput;
}

// True while a `zkbatch prove` holds the output directory (its lock, see prove_job.cpp).
bool job_running(const std::string& out) {
  const std::filesystem::path lock = std::filesystem::path(out) / ".zkbatch" / "lock";
  const int fd = ::open(lock.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return false;
  const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
  ::close(fd);
  return held;
}

int run_list(const QueueArgs& args) {
  std::vector<runner::LedgerEntry> entries;
  try {
    entries = runner::Ledger(args.out, false).list();
  } catch (const runner::LedgerError& e) {
    return bad("list", e.what());
  }
  if (args.json) {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const auto& e : entries) {
      all.push_back({{"name", e.name},
                     {"state", runner::input_state_name(e.state)},
                     {"segments_proved", e.segments_proved},
                     {"segments_total", e.segments_total},
                     {"cycles", e.cycles},
                     {"attempts", e.attempts},
                     {"path", e.path},
                     {"input_keccak", e.input_hash},
                     {"updated_at", e.updated_at},
                     {"error", e.error}});
    }
    std::puts(all.dump(2).c_str());
    return kExitOk;
  }
  std::printf("%-24s %-10s %12s %14s %8s  %-20s  %s\n", "INPUT", "STATE", "SEGMENTS", "CYCLES",
              "ATTEMPTS", "UPDATED", "ERROR");
  for (const auto& e : entries) {
    std::printf("%-24s %-10s %12s %14llu %8llu  %-20s  %s\n", e.name.c_str(),
                runner::input_state_name(e.state),
                fmt::format("{}/{}", e.segments_proved, e.segments_total).c_str(),
                static_cast<unsigned long long>(e.cycles),
                static_cast<unsigned long long>(e.attempts), e.updated_at.c_str(), e.error.c_str());
  }
  return kExitOk;
}

// Applies `change` to the named entries (or, with no names, to every entry `pick` selects).
template <class Pick, class Change>
int update(const char* what, const QueueArgs& args, Pick pick, Change change) {
  try {
    runner::Ledger ledger(args.out, false);
    std::vector<std::string> names = args.names;
    if (names.empty()) {
      for (const auto& e : ledger.list()) {
        if (pick(e)) names.push_back(e.name);
      }
    }
    for (const std::string& name : names) {
      if (!ledger.find(name)) {
        return bad(what, fmt::format("{}: no input named {} in the ledger", args.out, name));
      }
    }
    for (const std::string& name : names) {
      change(ledger, name);
      std::printf("%s %s\n", what, name.c_str());
    }
  } catch (const runner::LedgerError& e) {
    return bad(what, e.what());
  }
  return kExitOk;
}

}  // namespace

void register_queue(CLI::App& app, CommandRegistry& registry) {
  CLI::App* queue = app.add_subcommand(
      "queue", "The queue ledger of an output directory (what zkbatch prove proves)");
  queue->require_subcommand(1);
  auto add = [&](const char* name, const char* help, bool takes_names) {
    auto args = std::make_shared<QueueArgs>();
    CLI::App* cmd = queue->add_subcommand(name, help);
    cmd->add_option("--out", args->out, "Output directory of zkbatch prove")->required();
    if (takes_names)
      cmd->add_option("names", args->names, "Input names (file name less extension)");
    return std::pair(cmd, args);
  };

  auto [list, list_args] = add("list", "List every input with its state and progress", false);
  list->add_flag("--json", list_args->json, "Print JSON");
  registry.commands.push_back({list, [a = list_args] { return run_list(*a); }});

  auto [cancel, cancel_args] =
      add("cancel", "Cancel inputs: prove skips them (a running job drops them)", true);
  registry.commands.push_back({cancel, [a = cancel_args] {
                                 if (a->names.empty()) return bad("cancel", "name the inputs");
                                 return update(
                                     "cancel", *a, [](const auto&) { return false; },
                                     [](runner::Ledger& l, const std::string& n) {
                                       l.set_state(n, runner::InputState::cancelled);
                                     });
                               }});

  auto [retry, retry_args] = add(
      "retry", "Queue failed or cancelled inputs again (all failed ones when none named)", true);
  registry.commands.push_back(
      {retry, [a = retry_args] {
         return update(
             "retry", *a,
             [](const runner::LedgerEntry& e) { return e.state == runner::InputState::failed; },
             [](runner::Ledger& l, const std::string& n) {
               l.set_state(n, runner::InputState::queued);
             });
       }});

  auto [clear, clear_args] =
      add("clear", "Forget inputs (all when none named) and their stored segment proofs", true);
  registry.commands.push_back({clear, [a = clear_args] {
                                 if (job_running(a->out)) {
                                   return bad("clear", a->out +
                                                           ": a zkbatch prove job is running "
                                                           "on this directory");
                                 }
                                 const int code = update(
                                     "clear", *a, [](const auto&) { return true; },
                                     [](runner::Ledger& l, const std::string& n) { l.remove(n); });
                                 if (code == kExitOk && a->names.empty()) {
                                   std::error_code ec;
                                   std::filesystem::remove_all(
                                       std::filesystem::path(a->out) / ".zkbatch" / "segments", ec);
                                 }
                                 return code;
                               }});
}

}  // namespace zkbatch::cli
