// SPDX-License-Identifier: Apache-2.0
// Public header of src/vm/proof: program keys, witnesses, the prover steps, the program proof,
// its file format and the block-level verifier.
#pragma once

#include "vm/proof/errors.hpp"
#include "vm/proof/keys.hpp"
#include "vm/proof/machine.hpp"
#include "vm/proof/program_proof.hpp"
#include "vm/proof/proof_io.hpp"
#include "vm/proof/prover.hpp"
#include "vm/proof/verifier.hpp"
#include "vm/proof/witness.hpp"
