#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Tests docker/zkbatch-job.sh (the job wrapper that Slurm, the container and the Kubernetes
# manifests share) against tests/deploy/fake_zkbatch.sh: input selection (arguments, list,
# range, chunks), the exact zkbatch command lines, circuits up-to-date detection, resume,
# verification failures, exit codes for bad input, signal forwarding, and the mpirun launcher
# with an explicit hostfile (when OpenMPI's mpirun is installed).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
job="$root/docker/zkbatch-job.sh"
W=$(mktemp -d "${TMPDIR:-/tmp}/zkb-wrapper-test.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$W"' EXIT

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   - $*"; }
fail() { failed=$((failed + 1)); echo "FAIL - $*"; }
verdict() { # verdict DESCRIPTION: passes when the previous command (list) succeeded
  if [ "$?" -eq 0 ]; then ok "$1"; else fail "$1"; fi
}

# A fresh environment per call: only what the test sets reaches the wrapper.
mkdir -p "$W/bin" "$W/inputs"
cp "$here/fake_zkbatch.sh" "$W/bin/zkbatch"
chmod +x "$W/bin/zkbatch"
printf 'guest program v1' >"$W/guest.elf"
for n in 3 4 5 6 7 8 9; do printf 'input %d' "$n" >"$W/inputs/$n.in"; done
run() { # run ENV=VALUE... -- ARGS...: the wrapper's stdout+stderr in $W/out, exit code in RC
  local envs=()
  while [ "$1" != -- ]; do envs+=("$1"); shift; done
  shift
  env -i PATH="$W/bin:/usr/bin:/bin" HOME="$W" ZKB_DATA="$W" ZKB_ELF="$W/guest.elf" \
    ZKB_METRICS_PORT=9400 "${envs[@]}" bash "$job" "$@" >"$W/out" 2>&1
  RC=$?
}
has() { grep -qF -- "$1" "$W/out"; }

# --- input selection ---------------------------------------------------------------------------
run ZKB_RANGE=3-9 -- count
[ "$RC" = 0 ] && [ "$(cat "$W/out")" = 7 ]
verdict "count: a range of 7 blocks"
run ZKB_RANGE=3-9 ZKB_CHUNK=3 ZKB_CHUNK_INDEX=1 -- inputs
has "out $W/proofs/blocks-6-8" && has "input $W/inputs/6.in -> $W/proofs/blocks-6-8/6.proof" &&
  has "$W/inputs/8.in" && ! has "$W/inputs/9.in" && ! has "$W/inputs/5.in"
verdict "chunk 1 of 3 covers blocks 6-8 in its own directory"
run ZKB_RANGE=3-9 ZKB_CHUNK=3 ZKB_CHUNK_INDEX=2 -- inputs
[ "$(grep -c '^input ' "$W/out")" = 1 ] && has "blocks-9-9"
verdict "last chunk is short (block 9 only)"
run ZKB_RANGE=3-9 ZKB_CHUNK=3 ZKB_CHUNK_INDEX=3 -- prove
[ "$RC" = 0 ] && has "nothing to prove"
verdict "a chunk past the end proves nothing and succeeds"
printf '# comment\n%s\n\n%s\n%s\n' "$W/inputs/4.in" "$W/inputs/7.in" "$W/inputs/9.in" >"$W/list"
run ZKB_INPUT_LIST="$W/list" ZKB_CHUNK=2 ZKB_CHUNK_INDEX=1 -- inputs
has "out $W/proofs/items-3-3" && has "$W/inputs/9.in" && ! has "$W/inputs/7.in"
verdict "list mode skips comments and names chunks by position"
run ZKB_RANGE=3-9 -- inputs "$W/inputs/5.in"
[ "$(grep -c '^input ' "$W/out")" = 1 ]
verdict "explicit inputs win over ZKB_RANGE"

# --- bad usage and bad input exit 2 with a message -------------------------------------------
run ZKB_RANGE=9-3 -- count
[ "$RC" = 2 ] && has "first 9 is after last 3"
verdict "reversed range: exit 2"
run ZKB_RANGE=abc -- count
[ "$RC" = 2 ] && has "ZKB_RANGE must be FIRST-LAST"
verdict "malformed range: exit 2"
run -- count
[ "$RC" = 2 ] && has "no inputs"
verdict "no inputs: exit 2"
run ZKB_CHUNK=0 ZKB_RANGE=3-4 -- inputs
[ "$RC" = 2 ]
verdict "chunk size 0: exit 2"
run ZKB_LAUNCHER=pbs ZKB_RANGE=3-4 -- prove
[ "$RC" = 2 ]
verdict "unknown launcher: exit 2"
run ZKB_RANGE=3-4 -- prove
[ "$RC" = 2 ] && has "circuits file not readable"
verdict "prove before circuits: exit 2 naming the circuits file"
run ZKB_ELF="$W/missing.elf" -- circuits
[ "$RC" = 2 ] && has "$W/missing.elf"
verdict "missing program: exit 2"
run -- frobnicate
[ "$RC" = 2 ]
verdict "unknown command: exit 2"

# --- circuits ------------------------------------------------------------------------------------
run -- wait-circuits 0
[ "$RC" = 1 ] && has "not ready"
verdict "wait-circuits times out (exit 1) while there is no circuits file"
run -- circuits
[ "$RC" = 0 ] && [ -s "$W/circuits/circuits.h5" ] && [ -s "$W/circuits/circuits.h5.elf-sha256" ] &&
  has "--log-format json circuits build --elf $W/guest.elf --out $W/circuits/.circuits.h5."
verdict "circuits build writes the file and its program digest"
[ -z "$(find "$W/circuits" -name '.*tmp*')" ]
verdict "no temporary circuits file is left behind"
run -- wait-circuits 5
[ "$RC" = 0 ] && has "circuits ready"
verdict "wait-circuits returns once the circuits match the program"
run -- circuits
[ "$RC" = 0 ] && has "circuits up to date" && ! has "run:"
verdict "an up-to-date circuits file is not rebuilt"
printf 'guest program v2' >"$W/guest.elf"
run -- wait-circuits 0
[ "$RC" = 1 ]
verdict "wait-circuits does not accept circuits of another program"
run -- circuits
[ "$RC" = 0 ] && has "circuits build"
verdict "a changed program rebuilds the circuits"
run ZKB_REBUILD_CIRCUITS=1 ZKBATCH=/bin/false -- circuits
[ "$RC" != 0 ] && [ -s "$W/circuits/circuits.h5" ] && [ -z "$(find "$W/circuits" -name '.*tmp*')" ]
verdict "a failed build keeps the old circuits and reports the failure"

# --- prove, resume, verify -------------------------------------------------------------------
run ZKB_RANGE=3-9 ZKB_CHUNK=4 ZKB_CHUNK_INDEX=0 -- prove
[ "$RC" = 0 ] &&
  has "run: zkbatch --log-format json prove --elf $W/guest.elf --circuits $W/circuits/circuits.h5 --out $W/proofs/blocks-3-6 --progress-interval 30 --metrics-port 9400 --input $W/inputs/3.in $W/inputs/4.in $W/inputs/5.in $W/inputs/6.in"
verdict "prove: one command line with every documented flag"
[ "$(find "$W/proofs/blocks-3-6" -maxdepth 1 -name '*.proof' | wc -l)" = 4 ]
verdict "prove: one proof per input under the chunk directory"
run ZKB_RANGE=3-9 ZKB_CHUNK=4 ZKB_CHUNK_INDEX=0 -- prove
[ "$RC" = 0 ] && [ "$(wc -l <"$W/proofs/blocks-3-6/.fake-log")" = 4 ]
verdict "re-running the same command resumes (nothing proved twice)"
run ZKB_RANGE=3-9 ZKB_CHUNK=4 ZKB_CHUNK_INDEX=1 ZKB_METRICS_PORT=0 ZKB_VERIFY=1 \
  ZKB_PROVE_ARGS="--progress-interval 5" -- prove
[ "$RC" = 0 ] &&
  ! has "--metrics-port" && has "--progress-interval 5 --input" && has "verified 3/3 proofs"
verdict "metrics port 0 drops the flag; extra flags pass through; verify after prove"
run ZKB_RANGE=3-9 ZKB_CHUNK=4 ZKB_CHUNK_INDEX=0 -- verify
[ "$RC" = 0 ] && has "verified 4/4"
verdict "verify accepts a chunk's proofs"
printf 'x' >>"$W/proofs/blocks-3-6/4.proof"
sed -i 's/^input .*/input 0000/' "$W/proofs/blocks-3-6/4.proof"
run ZKB_RANGE=3-9 ZKB_CHUNK=4 ZKB_CHUNK_INDEX=0 -- verify
[ "$RC" = 1 ] && has "proof rejected (exit 1)" && has "1 rejected"
verdict "verify fails (exit 1) on a tampered proof"
rm "$W/proofs/blocks-3-6/4.proof"
run ZKB_RANGE=3-9 ZKB_CHUNK=4 ZKB_CHUNK_INDEX=0 -- verify
[ "$RC" = 1 ] && has "missing proof for $W/inputs/4.in"
verdict "verify fails (exit 1) on a missing proof"
run ZKB_RANGE=3-9 ZKB_CHUNK=4 ZKB_CHUNK_INDEX=0 -- queue list
[ "$RC" = 0 ] && has "done 3.proof" &&
  ! has "done 7.proof"
verdict "queue list runs against the chunk's output directory"
rm "$W/inputs/5.in"
run ZKB_RANGE=3-9 ZKB_CHUNK=4 ZKB_CHUNK_INDEX=0 -- prove
[ "$RC" = 2 ] && has "input not readable: $W/inputs/5.in" && ! has "run:"
verdict "an unreadable input: exit 2 naming it, nothing launched"
printf 'input 5' >"$W/inputs/5.in"

# --- signals reach the prover ----------------------------------------------------------------
env -i PATH="$W/bin:/usr/bin:/bin" ZKB_DATA="$W" ZKB_ELF="$W/guest.elf" ZKB_FAKE_PROVE_SLEEP=30 \
  ZKB_OUT="$W/slow" bash "$job" prove "$W/inputs/3.in" >"$W/out" 2>&1 &
pid=$!
for _ in $(seq 50); do has "run:" && break; sleep 0.1; done
sleep 0.3
start=$(date +%s)
kill -TERM "$pid"
wait "$pid"
RC=$?
[ "$RC" != 0 ] && [ $(($(date +%s) - start)) -le 5 ] && [ ! -e "$W/slow/3.proof" ]
verdict "TERM stops the wrapper and the prover promptly, no proof left"

# --- mpirun with an explicit hostfile --------------------------------------------------------
if command -v mpirun >/dev/null; then
  printf '# hostfile as the MPI operator writes it\nlocalhost slots=2\n' >"$W/hostfile"
  run ZKB_LAUNCHER=mpirun ZKB_HOSTFILE="$W/hostfile" ZKB_OUT="$W/mpi" OMP_NUM_THREADS=1 \
    ZKB_MPIRUN_ARGS="--oversubscribe" -- prove "$W/inputs/3.in" "$W/inputs/4.in"
  [ "$RC" = 0 ] &&
    has "run: mpirun --hostfile $W/hostfile -n 2 --bind-to none --map-by slot -x PATH -x OMP_NUM_THREADS -x HDF5_USE_FILE_LOCKING"
  verdict "mpirun: -n from the hostfile's slots, hostfile passed explicitly"
  [ "$(grep -l mpirun "$W"/mpi/.fake-ranks/* 2>/dev/null | wc -l)" = 2 ] &&
    [ -e "$W/mpi/3.proof" ] && [ -e "$W/mpi/4.proof" ]
  verdict "mpirun: two ranks started, rank 0 wrote both proofs"
  printf '\n' >"$W/empty-hostfile"
  run ZKB_LAUNCHER=mpirun ZKB_HOSTFILE="$W/empty-hostfile" -- prove "$W/inputs/3.in"
  [ "$RC" = 2 ] && has "lists no slots"
  verdict "mpirun: an empty hostfile is bad input"
else
  echo "skip - mpirun not installed (openmpi-bin): launcher checks not run"
fi

echo
echo "job_wrapper_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
