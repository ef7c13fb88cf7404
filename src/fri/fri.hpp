// SPDX-License-Identifier: Apache-2.0
// Public header of src/fri: the FRI low-degree test over the cubic extension and the transcript
// it shares with src/stark.
#pragma once

#include "fri/errors.hpp"
#include "fri/fold.hpp"
#include "fri/params.hpp"
#include "fri/proof.hpp"
#include "fri/prover.hpp"
#include "fri/transcript.hpp"
#include "fri/verifier.hpp"
