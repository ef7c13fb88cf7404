// SPDX-License-Identifier: Apache-2.0
#include "cli/build_info.hpp"

#include <fmt/format.h>

namespace zkbatch::cli {

std::string version_text(const BuildInfo& info) {
  return fmt::format(
      "zkbatch {}\n"
      "git commit:   {}\n"
      "build type:   {}{}\n"
      "compiler:     {}\n"
      "cpu features: {}\n"
      "cpu threads:  {}\n"
      "cuda archs:   {}\n",
      info.version, info.git_commit, info.build_type, info.sanitizers ? " (asan+ubsan)" : "",
      info.compiler, info.cpu_features, info.openmp_max_threads, info.cuda_architectures);
}

}  // namespace zkbatch::cli
