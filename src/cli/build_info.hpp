// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace zkbatch::cli {

/// What this binary is and what it was built with; printed by `zkbatch --version` (DESIGN.md §7)
/// so an operator can tell which build produced a proof or a crash.
struct BuildInfo {
  std::string version;             ///< project version, e.g. "0.1.0"
  std::string git_commit;          ///< commit the build was configured from ("unknown" outside git)
  std::string build_type;          ///< Release, Debug, RelWithDebInfo
  std::string compiler;            ///< compiler id and version
  std::string cpu_features;        ///< instruction-set extensions compiled in, e.g. "avx2 bmi2 adx"
  std::string cuda_architectures;  ///< CUDA architectures compiled, or "none"
  bool sanitizers = false;         ///< ASan + UBSan build
  int openmp_max_threads = 1;      ///< threads OpenMP will use by default on this machine
};

/// The build information of this binary.
BuildInfo build_info();

/// `zkbatch --version` text: one "key: value" line per field.
std::string version_text(const BuildInfo& info);

}  // namespace zkbatch::cli
