// SPDX-License-Identifier: Apache-2.0
#include "runner/collectives.hpp"

#include <stdexcept>

namespace zkbatch::runner {

std::unique_ptr<PendingGather> allgather_phase1_commitments(
    Communicator& comm,
    const std::vector<SegmentCommitment>& mine,
    const std::vector<uint32_t>& counts) {
  std::vector<int> sizes;
  for (uint32_t c : counts)
    sizes.push_back(static_cast<int>(c * kCommitmentEntryBytes));
  return comm.start_gather(encode_commitments(mine), sizes);
}

std::vector<SetupStatus> allgather_setup_status(Communicator& comm, const SetupStatus& mine) {
  std::vector<uint8_t> bytes(4 + mine.message.size());
  const uint32_t code = static_cast<uint32_t>(mine.exit_code);
  for (size_t i = 0; i < 4; ++i)
    bytes[i] = static_cast<uint8_t>(code >> (8 * i));
  for (size_t i = 0; i < mine.message.size(); ++i)
    bytes[4 + i] = static_cast<uint8_t>(mine.message[i]);
  std::vector<SetupStatus> all;
  for (const std::vector<uint8_t>& part : comm.allgather(bytes)) {
    if (part.size() < 4) throw ProtocolError("setup status too short");
    SetupStatus s;
    uint32_t value = 0;
    for (size_t i = 0; i < 4; ++i)
      value |= uint32_t{part[i]} << (8 * i);
    s.exit_code = static_cast<int>(value);
    s.message.assign(part.begin() + 4, part.end());
    all.push_back(std::move(s));
  }
  return all;
}

}  // namespace zkbatch::runner
