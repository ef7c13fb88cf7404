// SPDX-License-Identifier: Apache-2.0
// Internal: the trap conditions every execution mode checks, in one place and in one order, so
// the fast interpreter and the trace recorder stop at the same instruction for the same reason.
#pragma once

#include <algorithm>
#include <cstdint>

#include "vm/layout.hpp"
#include "vm/program.hpp"
#include "vm/trap.hpp"

namespace zkbatch::vm::detail {

/// A trap kind with its value (TrapKind::none when the access is allowed).
struct Check {
  TrapKind kind = TrapKind::none;
  uint32_t value = 0;
};

/// A load or store of `bytes` (1, 2, 4) at `address`: alignment first (the spec's misaligned
/// exceptions, §2.6; this machine does not emulate misaligned accesses), then the register page.
/// Stores also check `Program::is_read_only` afterwards.
inline TrapKind check_data_access(uint32_t address, uint32_t bytes, bool store) {
  if ((address & (bytes - 1)) != 0) {
    return store ? TrapKind::misaligned_store : TrapKind::misaligned_load;
  }
  if (address < kReservedEnd) return TrapKind::reserved_access;
  return TrapKind::none;
}

/// The checks of an ECALL with a7 = number, a0 = fd, a1 = buf, a2 = n, before it touches any
/// state: the number, the file descriptor, then (for a non-empty buffer) wrap-around, the
/// register page and, for read(), the read-only segments.
inline Check check_host_call(const Program& program,
                             uint32_t number,
                             uint32_t fd,
                             uint32_t buf,
                             uint32_t n) {
  if (number == kSyscallExit) return {};
  if (number != kSyscallRead && number != kSyscallWrite) {
    return {TrapKind::unknown_syscall, number};
  }
  const bool fd_ok = number == kSyscallRead ? fd == kFdInput : (fd >= kFdStdout && fd <= kFdPublic);
  if (!fd_ok) return {TrapKind::bad_fd, fd};
  if (n == 0) return {};
  const uint64_t end = uint64_t{buf} + n;
  if (end > (uint64_t{1} << 32)) return {TrapKind::bad_buffer, buf};
  if (buf < kReservedEnd) return {TrapKind::reserved_access, buf};
  if (number == kSyscallRead) {
    for (const AddressRange& r : program.read_only()) {
      if (buf < r.end && end > r.begin) {
        return {TrapKind::read_only_store, std::max(buf, r.begin)};
      }
    }
  }
  return {};
}

}  // namespace zkbatch::vm::detail
