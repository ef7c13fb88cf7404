// SPDX-License-Identifier: Apache-2.0
// `statetests`: the ethereum/tests fixtures, one GoogleTest case per fixture file. Arguments
// (after GoogleTest's own) name what to register: "GeneralStateTests/<folder>[/<subfolder>]" or
// "TransactionTests"; with none, everything: every Cancun entry of GeneralStateTests and every
// TransactionTests file, followed by a table of cases passed per top folder (the figures of
// docs/conformance.md). CTest runs a fixed subset of folders, one test per folder (label evm);
// `cmake --build BUILD --target run_statetests` runs all of them.
//   ZKB_SHARED_DIR=../shared build/evm/tests/evm/statetests [GeneralStateTests/stExample ...]
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "statetest_registry.hpp"

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  namespace t = zkbatch::eth::evm::test;
  const std::string state_prefix = "GeneralStateTests/";
  std::vector<std::string> folders;
  bool transactions = argc == 1;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "TransactionTests") {
      transactions = true;
    } else if (arg.rfind(state_prefix, 0) == 0 && arg.size() > state_prefix.size()) {
      folders.push_back(arg.substr(state_prefix.size()));
    } else {
      std::fprintf(stderr, "statetests: unknown fixture folder %s\n", arg.c_str());
      return 2;
    }
  }
  if (argc == 1 || !folders.empty()) t::register_state_tests(folders);
  if (transactions) t::register_transaction_tests();
  int status = RUN_ALL_TESTS();
  if (t::folder_counts().empty()) return status;
  size_t cases = 0;
  size_t passed = 0;
  std::printf("\n%-40s %8s %8s %8s\n", "GeneralStateTests folder", "files", "cases", "passed");
  for (const auto& [folder, counts] : t::folder_counts()) {
    std::printf("%-40s %8zu %8zu %8zu\n", folder.c_str(), counts.files, counts.cases,
                counts.passed);
    cases += counts.cases;
    passed += counts.passed;
  }
  std::printf("%-40s %8s %8zu %8zu\n", "total", "", cases, passed);
  return status;
}
