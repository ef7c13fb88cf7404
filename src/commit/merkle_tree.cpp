// SPDX-License-Identifier: Apache-2.0
#include "commit/merkle_tree.hpp"

#include <memory>
#include <stdexcept>
#include <string>

#include "commit/detail/layout.hpp"
#include "commit/dimensions.hpp"
#include "kernels/staged_array.hpp"

namespace zkbatch::commit {

using field::Fp;
using hash::Digest;
using kernels::Backend;
using kernels::StagedArray;

namespace {

void check(kernels::Status status, const char* what) {
  if (status != kernels::Status::ok) {
    throw std::runtime_error(std::string(what) + ": " + kernels::status_message(status));
  }
}

/// Row digests of one height group, computed on the back end into `out` (host memory).
void hash_group(Backend& backend,
                std::span<const poly::RowMajorMatrix> matrices,
                const detail::HeightGroup& group,
                std::vector<Digest>& out) {
  std::vector<std::unique_ptr<StagedArray<const Fp>>> staged;
  std::vector<kernels::ConstMatrixRef> refs;
  for (size_t m : group.members) {
    const poly::RowMajorMatrix& matrix = matrices[m];
    staged.push_back(std::make_unique<StagedArray<const Fp>>(
        backend, matrix.values().data(), matrix.values().size(), true, kernels::Stream{}));
    check(staged.back()->status(), "staging a matrix for hashing");
    refs.push_back({staged.back()->device(), matrix.width(), matrix.height()});
  }
  out.resize(size_t{1} << group.log_height);
  StagedArray<Digest> digests(backend, out.data(), out.size(), false, {});
  check(digests.status(), "staging row digests");
  check(backend.hash_rows(refs.data(), refs.size(), digests.device(), {}), "hashing rows");
  check(digests.copy_out(), "copying row digests back");
}

}  // namespace

MerkleTree MerkleTree::build(std::span<const poly::RowMajorMatrix> matrices, Backend& backend) {
  std::vector<Dimensions> dims;
  for (const poly::RowMajorMatrix& m : matrices)
    dims.push_back({m.width(), m.height()});
  const CommitError error = check_dimensions(dims);
  if (error != CommitError::ok) {
    throw std::invalid_argument(std::string("MerkleTree::build: ") + commit_error_message(error));
  }
  const std::vector<detail::HeightGroup> groups = detail::group_by_height(dims);
  const unsigned depth = groups[0].log_height;

  MerkleTree tree;
  tree.layers_.resize(depth + 1);
  hash_group(backend, matrices, groups[0], tree.layers_[0]);
  size_t next_group = 1;
  std::vector<Digest> inject;
  for (unsigned k = 1; k <= depth; ++k) {
    const unsigned log_size = depth - k;
    const bool injecting = next_group < groups.size() && groups[next_group].log_height == log_size;
    if (injecting) hash_group(backend, matrices, groups[next_group++], inject);

    std::vector<Digest>& children = tree.layers_[k - 1];
    std::vector<Digest>& layer = tree.layers_[k];
    layer.resize(size_t{1} << log_size);
    StagedArray<const Digest> in(backend, children.data(), children.size(), true, {});
    check(in.status(), "staging a tree layer");
    StagedArray<const Digest> rows(backend, injecting ? inject.data() : nullptr,
                                   injecting ? inject.size() : 0, true, {});
    check(rows.status(), "staging injected row digests");
    StagedArray<Digest> out(backend, layer.data(), layer.size(), false, {});
    check(out.status(), "staging a tree layer");
    check(backend.compress_layer(in.device(), layer.size(), injecting ? rows.device() : nullptr,
                                 out.device(), {}),
          "compressing a tree layer");
    check(out.copy_out(), "copying a tree layer back");
  }
  return tree;
}

MerklePath MerkleTree::path(size_t index) const {
  if (layers_.empty() || index >= layers_[0].size()) {
    throw std::out_of_range("MerkleTree::path: leaf index out of range");
  }
  MerklePath path;
  path.siblings.reserve(depth());
  for (unsigned k = 0; k < depth(); ++k)
    path.siblings.push_back(layers_[k][(index >> k) ^ 1]);
  return path;
}

}  // namespace zkbatch::commit
