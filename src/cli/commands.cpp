// SPDX-License-Identifier: Apache-2.0
#include "cli/commands.hpp"

namespace zkbatch::cli {

void register_commands(CLI::App& app, CommandRegistry& registry) {
  register_selfcheck(app, registry);
  register_witness(app, registry);
  register_execute(app, registry);
  register_vm(app, registry);
  register_vm_prove(app, registry);
  register_queue(app, registry);
  register_prove(app, registry);
  register_circuits(app, registry);
}

}  // namespace zkbatch::cli
