// SPDX-License-Identifier: Apache-2.0
// The MPI batch runner (DESIGN.md §6-7): proving jobs across ranks, circuits files, the queue
// ledger, progress and metrics. What src/cli needs; see README.md.
#pragma once

#include "runner/circuits.hpp"
#include "runner/communicator.hpp"
#include "runner/ledger.hpp"
#include "runner/metrics.hpp"
#include "runner/proof_files.hpp"
#include "runner/prove_job.hpp"
#include "runner/segment_prover.hpp"
