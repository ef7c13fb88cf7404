#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Guest-safe folders may include C headers and project headers only (DESIGN.md §2). The rv32im
# build catches most violations; this check names them directly and also catches headers that
# happen to exist in picolibc's C++-free include path.
set -euo pipefail
cd "$(dirname "$0")/.."
allowed='^#include <(stdint|stddef|string|stdlib|stdbool|limits)\.h>'
bad=0
for dir in src/base src/field src/hash src/eth guest; do
  [ -d "$dir" ] || continue
  while IFS= read -r line; do
    file=${line%%:*}
    rest=${line#*:}
    num=${rest%%:*}
    text=${rest#*:}
    if ! [[ "$text" =~ $allowed ]]; then
      echo "check-guest-safe: $file:$num: system header not allowed in guest-safe code: $text"
      bad=1
    fi
  done < <(grep -rnE '^#include <' "$dir" --include='*.hpp' --include='*.cpp' --include='*.h' --include='*.c' || true)
done
[ "$bad" -eq 0 ] && echo "check-guest-safe: guest-safe folders include C headers only"
exit "$bad"
