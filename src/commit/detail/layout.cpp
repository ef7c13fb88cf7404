// SPDX-License-Identifier: Apache-2.0
#include "commit/detail/layout.hpp"

#include <algorithm>

#include "hash/sponge.hpp"
#include "kernels/backend.hpp"

namespace zkbatch::commit {

CommitError check_dimensions(std::span<const Dimensions> dims) {
  if (dims.empty()) return CommitError::no_matrices;
  for (const Dimensions& d : dims) {
    if (d.width == 0) return CommitError::zero_width;
    const int log = kernels::log2_exact(d.height);
    if (log < 0 || static_cast<unsigned>(log) > kMaxLogHeight) return CommitError::bad_height;
  }
  return CommitError::ok;
}

namespace detail {

std::vector<HeightGroup> group_by_height(std::span<const Dimensions> dims) {
  std::vector<HeightGroup> groups;
  for (size_t i = 0; i < dims.size(); ++i) {
    const auto log = static_cast<unsigned>(kernels::log2_exact(dims[i].height));
    auto it = std::find_if(groups.begin(), groups.end(),
                           [log](const HeightGroup& g) { return g.log_height == log; });
    if (it == groups.end()) {
      groups.push_back(HeightGroup{log, {}});
      it = groups.end() - 1;
    }
    it->members.push_back(i);
  }
  std::sort(groups.begin(), groups.end(),
            [](const HeightGroup& a, const HeightGroup& b) { return a.log_height > b.log_height; });
  return groups;
}

hash::Digest hash_group_rows(const HeightGroup& group,
                             std::span<const std::vector<field::Fp>> rows) {
  if (group.members.size() == 1) {
    const std::vector<field::Fp>& row = rows[group.members[0]];
    return hash::hash_elements(row.data(), row.size());
  }
  std::vector<field::Fp> joined;
  for (size_t m : group.members)
    joined.insert(joined.end(), rows[m].begin(), rows[m].end());
  return hash::hash_elements(joined.data(), joined.size());
}

}  // namespace detail
}  // namespace zkbatch::commit
