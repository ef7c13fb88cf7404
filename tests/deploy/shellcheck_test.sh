#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs ShellCheck over every deployment script (Slurm job scripts, submit helper, job wrapper, tests).
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v shellcheck >/dev/null || { echo "SKIP: shellcheck not installed"; exit 77; }
files=("$root"/slurm/*.sbatch "$root"/slurm/submit.sh "$root"/docker/zkbatch-job.sh "$root"/tests/deploy/*.sh)
passed=0 failed=0
for f in "${files[@]}"; do
  if shellcheck --shell=bash "$f"; then
    passed=$((passed + 1))
    echo "ok   - ${f#"$root"/}"
  else
    failed=$((failed + 1))
    echo "FAIL - ${f#"$root"/}"
  fi
done
echo
echo "shellcheck_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
