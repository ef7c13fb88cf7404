// SPDX-License-Identifier: Apache-2.0
// zkbatch: the command-line entry point. Exit codes (DESIGN.md §7): 0 success, 1 proving or
// verification failed, 2 bad usage or bad input.
#include <cstdio>

#include "cli/app.hpp"

int main(int argc, char** argv) {
  return zkbatch::cli::run(argc, argv);
}
