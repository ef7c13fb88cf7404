// SPDX-License-Identifier: Apache-2.0
// runner_mpi_driver: run_prove in real processes under mpirun with the fake prover of
// runner_test_util, so that mpi_runner_test.sh checks the MPI communicator, MPI_Abort on a
// failing rank, kill -9 and resume, metrics scraped by Prometheus and JSON logs in seconds.
//
//   runner_mpi_driver fixture DIR           writes DIR/guest.elf and DIR/in{0..3}.bin
//   runner_mpi_driver prove [--log-format json] --elf E --out D --input F... [--delay-ms N]
//       [--fail-rank R] [--metrics-port P] [--metrics-linger S] [--progress-interval S]
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "log/log.hpp"
#include "runner/communicator.hpp"
#include "runner/prove_job.hpp"
#include "runner_test_util.hpp"

namespace {

using namespace zkbatch;

int fixture(const std::string& dir) {
  std::FILE* f = std::fopen((dir + "/guest.elf").c_str(), "wb");
  if (f == nullptr) return 2;
  const std::vector<uint8_t> elf = runner::test::linking_program_elf();
  std::fwrite(elf.data(), 1, elf.size(), f);
  std::fclose(f);
  const uint32_t loops[] = {300, 60, 150, 200};
  for (int i = 0; i < 4; ++i) {
    const std::vector<uint8_t> in =
        runner::test::program_input(static_cast<uint8_t>(i), static_cast<uint8_t>(i + 1), loops[i]);
    f = std::fopen((dir + "/in" + std::to_string(i) + ".bin").c_str(), "wb");
    if (f == nullptr) return 2;
    std::fwrite(in.data(), 1, in.size(), f);
    std::fclose(f);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 2 && args[0] == "fixture") return fixture(args[1]);
  if (args.empty() || args[0] != "prove") {
    std::fputs("usage: runner_mpi_driver fixture DIR | prove ...\n", stderr);
    return 2;
  }
  runner::ProveConfig config;
  runner::test::FakeOptions fake;
  log::Format format = log::Format::text;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return args[++i];
    };
    if (a == "--elf") {
      config.elf = value();
    } else if (a == "--out") {
      config.out_dir = value();
    } else if (a == "--input") {
      while (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0)
        config.inputs.push_back(args[++i]);
    } else if (a == "--delay-ms") {
      fake.delay_ms = std::atoi(value().c_str());
    } else if (a == "--fail-rank") {
      fake.fail_rank = std::atoi(value().c_str());
      fake.fail_segment = runner::test::kEverySegment;
    } else if (a == "--metrics-port") {
      config.metrics_port = std::atoi(value().c_str());
    } else if (a == "--metrics-linger") {
      config.metrics_linger_s = std::atof(value().c_str());
    } else if (a == "--progress-interval") {
      config.progress_interval_s = std::atof(value().c_str());
    } else if (a == "--log-format") {
      if (!log::parse_format(value(), format)) return 2;
    } else {
      std::fprintf(stderr, "unknown argument %s\n", a.c_str());
      return 2;
    }
  }
  runner::MpiSession session;
  runner::Communicator& world = session.world();
  log::init(format, log::Level::info, world.rank());
  const int rank = world.rank();
  return runner::run_prove(world, config, [&](const runner::ProverSpec& spec) {
    return runner::test::make_fake_prover(spec, fake, rank);
  });
}
