#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Guest-safe folders may include C headers and project headers only (DESIGN.md §2). The rv32im
# build catches most violations; this check names them directly and also catches headers that
# happen to exist in picolibc's C++-free include path.
set -euo pipefail
cd "$(dirname "$0")/.."
allowed='^#include <(stdint|stddef|string|stdlib|stdbool|limits)\.h>'
# guest/ is compiled only for rv32im: it may also use picolibc's stdio and errno (the runtime
# provides the stdio streams; guest/isa/c_isa.c tests them).
allowed_guest='^#include <(stdint|stddef|string|stdlib|stdbool|limits|stdio|errno)\.h>'
bad=0
for dir in src/base src/field src/hash src/eth guest; do
  [ -d "$dir" ] || continue
  while IFS= read -r line; do
    file=${line%%:*}
    rest=${line#*:}
    num=${rest%%:*}
    text=${rest#*:}
    pattern=$allowed
    [ "$dir" = guest ] && pattern=$allowed_guest
    if ! [[ "$text" =~ $pattern ]]; then
      echo "check-guest-safe: $file:$num: system header not allowed in guest-safe code: $text"
      bad=1
    fi
  done < <(grep -rnE '^#include <' "$dir" --include='*.hpp' --include='*.cpp' --include='*.h' --include='*.c' || true)
done
[ "$bad" -eq 0 ] && echo "check-guest-safe: guest-safe folders include C headers only"
exit "$bad"
