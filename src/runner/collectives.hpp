// SPDX-License-Identifier: Apache-2.0
// The job's collectives, named after their purpose (STYLE.md §4 item 16), on top of the
// communicator's byte-level operations.
#pragma once

#include <stdint.h>

#include <memory>
#include <string>
#include <vector>

#include "runner/communicator.hpp"
#include "runner/messages.hpp"

namespace zkbatch::runner {

/// Starts the one gather of a proof (DESIGN.md §3, "global bus"): every rank contributes the
/// phase-one commitments of the segments it committed (`counts[r]` of them from rank r, known
/// to all from rank 0's gather task); once complete, merge_commitments over the parts gives
/// every segment's commitment in order, and stark::derive_global_seed the proof's seed. It does
/// not block, so rank 0 keeps scheduling while slower ranks finish their task and join.
std::unique_ptr<PendingGather> allgather_phase1_commitments(
    Communicator& comm,
    const std::vector<SegmentCommitment>& mine,
    const std::vector<uint32_t>& counts);

/// How a rank's setup went: exit code 0, or the code and one line saying what is wrong.
struct SetupStatus {
  int exit_code = 0;
  std::string message;
};

/// Every rank's setup status, in rank order (blocking): after it, all ranks go on or all stop
/// with the first failing rank's code, and none waits for a rank that could not start.
std::vector<SetupStatus> allgather_setup_status(Communicator& comm, const SetupStatus& mine);

}  // namespace zkbatch::runner
