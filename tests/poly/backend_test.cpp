// SPDX-License-Identifier: Apache-2.0
// The back-end contract: argument checks of the CPU back end, and the staging path that a
// device-memory back end takes, exercised with a stand-in that keeps its own copies.
#include <gtest/gtest.h>

#include <cstring>
#include <set>
#include <string>

#include "fake_device_backend.hpp"
#include "kernels/kernels.hpp"
#include "poly/lde.hpp"
#include "poly/ntt.hpp"
#include "poly_test_util.hpp"

namespace zkbatch::poly {
namespace {

using field::Fp;
using kernels::Backend;
using kernels::MemorySpace;
using kernels::Status;
using kernels::Stream;
using testing::FakeDeviceBackend;

TEST(BackendTest, DeviceMemoryBackEndGivesTheSameResults) {
  std::mt19937_64 rng(testing::kSeed + 50);
  const RowMajorMatrix x = testing::random_matrix(rng, 5, 256);
  FakeDeviceBackend device;

  RowMajorMatrix on_cpu = x, on_device = x;
  ntt(on_cpu, RowOrder::natural, RowOrder::bit_reversed, Backend::cpu());
  ntt(on_device, RowOrder::natural, RowOrder::bit_reversed, device);
  EXPECT_EQ(on_device, on_cpu);
  coset_intt(on_cpu, Fp(7), RowOrder::bit_reversed, Backend::cpu());
  coset_intt(on_device, Fp(7), RowOrder::bit_reversed, device);
  EXPECT_EQ(on_device, on_cpu);
  EXPECT_EQ(coset_lde(x, 2, Fp(7), RowOrder::natural, device),
            coset_lde(x, 2, Fp(7), RowOrder::natural, Backend::cpu()));
  EXPECT_GE(device.allocations, 4);
  EXPECT_GE(device.uploads, 3);
  EXPECT_GE(device.downloads, 3);
}

TEST(BackendTest, DefaultBackendCanBeReplaced) {
  EXPECT_EQ(&kernels::default_backend(), &Backend::cpu());
  FakeDeviceBackend device;
  kernels::set_default_backend(device);
  RowMajorMatrix m(2, 8);
  ntt(m);
  kernels::set_default_backend(Backend::cpu());
  EXPECT_EQ(device.uploads, 1);
  EXPECT_EQ(&kernels::default_backend(), &Backend::cpu());
}

TEST(BackendTest, CpuBackEndRejectsBadArguments) {
  Backend& cpu = Backend::cpu();
  EXPECT_STREQ(cpu.name(), "cpu");
  EXPECT_EQ(cpu.memory_space(), MemorySpace::host);
  Stream stream{reinterpret_cast<void*>(1)};
  EXPECT_EQ(cpu.create_stream(&stream), Status::ok);
  EXPECT_EQ(stream.handle, nullptr);
  EXPECT_EQ(cpu.create_stream(nullptr), Status::invalid_argument);
  cpu.destroy_stream(stream);
  std::vector<Fp> data(64);
  using kernels::NttDirection;
  // Height 6 is not a power of two; a null pointer with a nonzero size.
  EXPECT_EQ(
      cpu.ntt({data.data(), 1, 6}, NttDirection::forward, RowOrder::natural, RowOrder::natural, {}),
      Status::invalid_argument);
  EXPECT_EQ(
      cpu.ntt({nullptr, 1, 8}, NttDirection::forward, RowOrder::natural, RowOrder::natural, {}),
      Status::invalid_argument);
  EXPECT_EQ(cpu.bit_reverse_rows({data.data(), 2, 0}, {}), Status::invalid_argument);
  // LDE: output too small, overlapping buffers, a shift inside the extended subgroup.
  EXPECT_EQ(
      cpu.coset_lde({data.data(), 1, 8}, 1, Fp(7), RowOrder::natural, {data.data() + 16, 1, 8}, {}),
      Status::invalid_argument);
  EXPECT_EQ(
      cpu.coset_lde({data.data(), 1, 8}, 1, Fp(7), RowOrder::natural, {data.data() + 4, 1, 16}, {}),
      Status::invalid_argument);
  EXPECT_EQ(cpu.coset_lde({data.data(), 1, 8}, 1, Fp::one(), RowOrder::natural,
                          {data.data() + 16, 1, 16}, {}),
            Status::invalid_argument);
  EXPECT_EQ(cpu.coset_lde({data.data(), 1, 8}, 1, Fp(7), RowOrder::natural,
                          {data.data() + 16, 1, 16}, {}),
            Status::ok);
  // Merkle kernels: no matrices, unequal heights, empty rows, overlapping layers.
  std::vector<hash::Digest> digests(8);
  const kernels::ConstMatrixRef two[] = {{data.data(), 1, 8}, {data.data(), 1, 4}};
  EXPECT_EQ(cpu.hash_rows(two, 0, digests.data(), {}), Status::invalid_argument);
  EXPECT_EQ(cpu.hash_rows(two, 2, digests.data(), {}), Status::invalid_argument);
  const kernels::ConstMatrixRef empty[] = {{data.data(), 0, 8}};
  EXPECT_EQ(cpu.hash_rows(empty, 1, digests.data(), {}), Status::invalid_argument);
  EXPECT_EQ(cpu.compress_layer(digests.data(), 4, nullptr, digests.data() + 2, {}),
            Status::invalid_argument);
  EXPECT_EQ(cpu.compress_layer(digests.data(), 2, nullptr, digests.data() + 4, {}), Status::ok);
}

TEST(BackendTest, StatusMessagesAreDistinct) {
  std::set<std::string> messages;
  for (Status s : {Status::ok, Status::invalid_argument, Status::out_of_memory,
                   Status::device_error, Status::unsupported}) {
    messages.insert(kernels::status_message(s));
  }
  EXPECT_EQ(messages.size(), 5u);
}

TEST(BackendTest, ReverseBits) {
  for (unsigned log_n : {0u, 1u, 5u, 17u, 32u}) {
    for (size_t i : {size_t{0}, size_t{1}, size_t{3}, size_t{12345}}) {
      const size_t masked = log_n == 0 ? 0 : i & ((size_t{1} << log_n) - 1);
      EXPECT_EQ(kernels::reverse_bits(masked, log_n), testing::reference_reverse(masked, log_n));
    }
  }
  EXPECT_EQ(kernels::log2_exact(1), 0);
  EXPECT_EQ(kernels::log2_exact(1024), 10);
  EXPECT_EQ(kernels::log2_exact(0), -1);
  EXPECT_EQ(kernels::log2_exact(96), -1);
}

}  // namespace
}  // namespace zkbatch::poly
