// SPDX-License-Identifier: Apache-2.0
// Public header of src/stark: AIRs and their interpreters, keys, the two-phase prover, the
// verifier, proofs and their file format, parameters and their security.
#pragma once

#include "stark/air.hpp"
#include "stark/builder.hpp"
#include "stark/debug.hpp"
#include "stark/errors.hpp"
#include "stark/global.hpp"
#include "stark/keys.hpp"
#include "stark/logup.hpp"
#include "stark/machine.hpp"
#include "stark/params.hpp"
#include "stark/proof.hpp"
#include "stark/proof_io.hpp"
#include "stark/prover.hpp"
#include "stark/security.hpp"
#include "stark/verifier.hpp"
