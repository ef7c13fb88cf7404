#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# zkbatch-job: the only place where the deployment writes `zkbatch` command lines. Slurm
# (slurm/*.sbatch), the container image (installed as /usr/local/bin/zkbatch-job) and the
# Kubernetes Job and MPIJob all call it, so a change of the zkbatch CLI is fixed here once.
#
#   zkbatch-job circuits            build $ZKB_CIRCUITS from $ZKB_ELF (skipped when up to date)
#   zkbatch-job wait-circuits [S]   wait at most S seconds until that file is up to date
#   zkbatch-job prove [INPUT...]    prove the inputs into the output directory under $ZKB_LAUNCHER
#   zkbatch-job verify [INPUT...]   verify the proof of every input (exit 1 if one fails or is missing)
#   zkbatch-job queue ARGS...       zkbatch queue ARGS --out <output directory>
#   zkbatch-job inputs [INPUT...]   print the inputs and output directory this call would use
#   zkbatch-job count [INPUT...]    print how many inputs the whole batch has (chunking ignored)
#
# Inputs: the INPUT arguments, else the lines of $ZKB_INPUT_LIST, else the block numbers in
# $ZKB_RANGE ("FIRST-LAST") expanded through the printf pattern $ZKB_INPUT_PATTERN. With
# $ZKB_CHUNK set, only chunk number $ZKB_CHUNK_INDEX (0-based) of that list is used and its
# output directory is $ZKB_OUT/<label> (label from the chunk's first and last element), so a
# requeued or re-run chunk finds its own resume state again and two chunks running at the same
# time never share one queue ledger (SQLite locking is unreliable on NFS volumes).
#
# Environment (defaults in brackets):
#   ZKBATCH [zkbatch]  ZKB_ELF (required)  ZKB_DATA [$PWD]  ZKB_CIRCUITS [$ZKB_DATA/circuits/circuits.h5]
#   ZKB_OUT [$ZKB_DATA/proofs]  ZKB_INPUT_PATTERN [$ZKB_DATA/inputs/%d.in]  ZKB_INPUT_LIST  ZKB_RANGE
#   ZKB_CHUNK  ZKB_CHUNK_INDEX [0]  ZKB_PROGRESS_INTERVAL [30]  ZKB_METRICS_PORT [9400; 0 = off]
#   ZKB_LOG_FORMAT [json]  ZKB_VERIFY [0; 1 = verify after a successful prove]
#   ZKB_SEGMENT_LOG2 [zkbatch's default]: segment size, given to both `circuits build` and `prove`
#   ZKB_PROVE_ARGS (extra prove flags, word-split)  ZKB_REBUILD_CIRCUITS [0]
#   ZKB_LAUNCHER [none]: none | srun | mpirun   ZKB_HOSTFILE [/etc/mpi/hostfile]  ZKB_MPIRUN_ARGS
#
# Exit codes follow zkbatch: 0 success, 1 a proof or verification failed, 2 bad usage or input.
set -euo pipefail

ZKBATCH=${ZKBATCH:-zkbatch}
ZKB_DATA=${ZKB_DATA:-$PWD}
ZKB_CIRCUITS=${ZKB_CIRCUITS:-$ZKB_DATA/circuits/circuits.h5}
ZKB_OUT=${ZKB_OUT:-$ZKB_DATA/proofs}
ZKB_INPUT_PATTERN=${ZKB_INPUT_PATTERN:-$ZKB_DATA/inputs/%d.in}
ZKB_PROGRESS_INTERVAL=${ZKB_PROGRESS_INTERVAL:-30}
ZKB_METRICS_PORT=${ZKB_METRICS_PORT:-9400}
ZKB_LOG_FORMAT=${ZKB_LOG_FORMAT:-json}
ZKB_LAUNCHER=${ZKB_LAUNCHER:-none}
ZKB_HOSTFILE=${ZKB_HOSTFILE:-/etc/mpi/hostfile}
# Filestore is NFS: HDF5's POSIX file locks can hang there and the circuits file is only read.
export HDF5_USE_FILE_LOCKING=${HDF5_USE_FILE_LOCKING:-FALSE}

log() { printf 'zkbatch-job: %s\n' "$*" >&2; }
die() {
  local code=$1
  shift
  log "error: $*"
  exit "$code"
}

# zkb ARGS...: runs zkbatch with the global flags. The CLI's global options precede the subcommand.
zkb_argv() { ZKB_ARGV=("$ZKBATCH" --log-format "$ZKB_LOG_FORMAT" "$@"); }

# The proof file that `zkbatch prove` writes for one input: <out>/<input file name without its
# last extension>.proof (the runner's naming rule, docs/deploy.md "Contract with the runner").
proof_path() {
  local name
  name=$(basename -- "$2")
  printf '%s/%s.proof' "$1" "${name%.*}"
}

# Fills ALL_INPUTS from the arguments, $ZKB_INPUT_LIST or $ZKB_RANGE; RANGE_FIRST is set in
# range mode so that chunk labels can name block numbers.
collect_inputs() {
  ALL_INPUTS=()
  RANGE_FIRST=
  if [ "$#" -gt 0 ]; then
    ALL_INPUTS=("$@")
  elif [ -n "${ZKB_INPUT_LIST:-}" ]; then
    [ -r "$ZKB_INPUT_LIST" ] || die 2 "input list not readable: $ZKB_INPUT_LIST"
    local line
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in '' | '#'*) continue ;; esac
      ALL_INPUTS+=("$line")
    done <"$ZKB_INPUT_LIST"
  elif [ -n "${ZKB_RANGE:-}" ]; then
    [[ "$ZKB_RANGE" =~ ^([0-9]+)-([0-9]+)$ ]] || die 2 "ZKB_RANGE must be FIRST-LAST, got '$ZKB_RANGE'"
    local first=$((10#${BASH_REMATCH[1]})) last=$((10#${BASH_REMATCH[2]})) n
    [ "$first" -le "$last" ] || die 2 "ZKB_RANGE: first $first is after last $last"
    RANGE_FIRST=$first
    for ((n = first; n <= last; n++)); do
      # shellcheck disable=SC2059  # the pattern is the operator's printf format
      ALL_INPUTS+=("$(printf "$ZKB_INPUT_PATTERN" "$n")")
    done
  else
    die 2 "no inputs: pass INPUT files, or set ZKB_INPUT_LIST or ZKB_RANGE"
  fi
}

# Fills INPUTS and OUT_DIR: the whole batch, or one chunk of it.
resolve_inputs() {
  collect_inputs "$@"
  INPUTS=("${ALL_INPUTS[@]}")
  OUT_DIR=$ZKB_OUT
  [ -n "${ZKB_CHUNK:-}" ] || return 0
  [[ "$ZKB_CHUNK" =~ ^[1-9][0-9]*$ ]] || die 2 "ZKB_CHUNK must be a positive integer, got '$ZKB_CHUNK'"
  local index=${ZKB_CHUNK_INDEX:-0}
  [[ "$index" =~ ^[0-9]+$ ]] || die 2 "ZKB_CHUNK_INDEX must be a non-negative integer, got '$index'"
  local start=$((index * ZKB_CHUNK)) total=${#ALL_INPUTS[@]}
  if [ "$start" -ge "$total" ]; then
    INPUTS=()
    OUT_DIR=
    return 0
  fi
  local end=$((start + ZKB_CHUNK < total ? start + ZKB_CHUNK : total))
  INPUTS=("${ALL_INPUTS[@]:start:end-start}")
  if [ -n "$RANGE_FIRST" ]; then
    OUT_DIR="$ZKB_OUT/blocks-$((RANGE_FIRST + start))-$((RANGE_FIRST + end - 1))"
  else
    OUT_DIR="$ZKB_OUT/items-$((start + 1))-$end"
  fi
}

# Fills LAUNCH with the MPI launcher prefix for $ZKB_LAUNCHER.
launcher() {
  LAUNCH=()
  case "$ZKB_LAUNCHER" in
    none) ;;
    srun)
      # Debian's OpenMPI 4.1 speaks PMIx to Slurm, not PMI2 (docs/deploy.md). Since Slurm 22.05
      # srun no longer inherits --cpus-per-task from the batch allocation, so pass it on.
      LAUNCH=(srun --mpi=pmix --kill-on-bad-exit=1)
      if [ -n "${SLURM_CPUS_PER_TASK:-}" ]; then
        LAUNCH+=(--cpus-per-task="$SLURM_CPUS_PER_TASK")
        export OMP_NUM_THREADS=${OMP_NUM_THREADS:-$SLURM_CPUS_PER_TASK}
      fi
      # One GPU per rank when the job holds GPUs.
      if [ -n "${SLURM_GPUS_ON_NODE:-}" ] && [ "${SLURM_GPUS_ON_NODE}" != 0 ]; then
        LAUNCH+=(--gpu-bind=single:1)
      fi
      ;;
    mpirun)
      # The hostfile is always passed explicitly: OpenMPI 5 ignores the OMPI_MCA_orte_* variables
      # that the MPI operator sets, and would silently run every rank on the launcher.
      [ -r "$ZKB_HOSTFILE" ] || die 2 "hostfile not readable: $ZKB_HOSTFILE"
      local ranks
      ranks=$(awk '!/^[[:space:]]*(#|$)/ { s = 1; for (i = 2; i <= NF; i++) if ($i ~ /^slots=/) { sub(/^slots=/, "", $i); s = $i } n += s } END { print n + 0 }' "$ZKB_HOSTFILE")
      [ "$ranks" -gt 0 ] || die 2 "hostfile $ZKB_HOSTFILE lists no slots"
      LAUNCH=(mpirun --hostfile "$ZKB_HOSTFILE" -n "$ranks" --bind-to none --map-by slot)
      local var
      for var in PATH LD_LIBRARY_PATH OMP_NUM_THREADS HDF5_USE_FILE_LOCKING; do
        if [ -n "${!var:-}" ]; then LAUNCH+=(-x "$var"); fi
      done
      if [ "$(id -u)" -eq 0 ]; then LAUNCH+=(--allow-run-as-root); fi
      # shellcheck disable=SC2206  # site flags are word-split on purpose
      LAUNCH+=(${ZKB_MPIRUN_ARGS:-})
      ;;
    *) die 2 "ZKB_LAUNCHER must be none, srun or mpirun, got '$ZKB_LAUNCHER'" ;;
  esac
}

# Runs a command in the background and forwards TERM/INT to it, so that a container's PID 1 or a
# Slurm batch shell stops the prover cleanly; returns the command's exit status.
run_forwarding() {
  log "run: $*"
  "$@" &
  local child=$!
  trap 'kill -TERM "$child" 2>/dev/null || true' TERM INT
  local rc=0
  while :; do
    wait "$child" && rc=0 || rc=$?
    kill -0 "$child" 2>/dev/null || break
  done
  trap - TERM INT
  return "$rc"
}

require_elf() {
  [ -n "${ZKB_ELF:-}" ] || die 2 "ZKB_ELF is not set (the guest program to prove)"
  [ -r "$ZKB_ELF" ] || die 2 "guest program not readable: $ZKB_ELF"
}

# `--segment-log2 K` when ZKB_SEGMENT_LOG2 is set: the circuits file is built for one segment size
# and `prove --circuits` refuses another, so both commands take it from this one setting.
segment_args() {
  SEGMENT_ARGS=()
  if [ -n "${ZKB_SEGMENT_LOG2:-}" ]; then
    [[ "$ZKB_SEGMENT_LOG2" =~ ^[0-9]+$ ]] || die 2 "ZKB_SEGMENT_LOG2 must be a number, got '$ZKB_SEGMENT_LOG2'"
    SEGMENT_ARGS=(--segment-log2 "$ZKB_SEGMENT_LOG2")
  fi
}

# What the circuits stamp records: the program's sha256 and the segment size it was built for.
circuits_stamp() {
  printf '%s%s\n' "$(sha256sum -- "$ZKB_ELF" | cut -d' ' -f1)" "${ZKB_SEGMENT_LOG2:+ segment_log2=$ZKB_SEGMENT_LOG2}"
}

cmd_circuits() {
  require_elf
  local digest stamp="$ZKB_CIRCUITS.elf-sha256"
  digest=$(circuits_stamp)
  if [ "${ZKB_REBUILD_CIRCUITS:-0}" != 1 ] && [ -s "$ZKB_CIRCUITS" ] && [ -r "$stamp" ] &&
    [ "$(cat -- "$stamp")" = "$digest" ]; then
    log "circuits up to date: $ZKB_CIRCUITS (program sha256 $digest)"
    return 0
  fi
  local dir tmp
  dir=$(dirname -- "$ZKB_CIRCUITS")
  mkdir -p -- "$dir"
  # Built under a temporary name and renamed, so a killed build never looks complete.
  tmp="$dir/.$(basename -- "$ZKB_CIRCUITS").$$.tmp.h5"
  segment_args
  zkb_argv circuits build --elf "$ZKB_ELF" --out "$tmp" "${SEGMENT_ARGS[@]}"
  local rc=0
  run_forwarding "${ZKB_ARGV[@]}" || rc=$?
  if [ "$rc" -ne 0 ]; then
    rm -f -- "$tmp"
    return "$rc"
  fi
  mv -f -- "$tmp" "$ZKB_CIRCUITS"
  printf '%s\n' "$digest" >"$stamp.tmp" && mv -f -- "$stamp.tmp" "$stamp"
  log "circuits written: $ZKB_CIRCUITS"
}

# Waits until the circuits file is up to date for $ZKB_ELF (the stamp that `circuits` writes last),
# polling every 10 s, at most $1 seconds (default 7200); exit 1 on timeout. Kubernetes uses it
# so that prover pods started together with the circuits Job wait instead of failing.
cmd_wait_circuits() {
  require_elf
  local limit=${1:-7200} waited=0 digest stamp="$ZKB_CIRCUITS.elf-sha256"
  [[ "$limit" =~ ^[0-9]+$ ]] || die 2 "wait-circuits: timeout must be seconds, got '$limit'"
  digest=$(circuits_stamp)
  until [ -s "$ZKB_CIRCUITS" ] && [ -r "$stamp" ] && [ "$(cat -- "$stamp")" = "$digest" ]; do
    if [ "$waited" -ge "$limit" ]; then
      log "circuits for $ZKB_ELF not ready at $ZKB_CIRCUITS after ${limit} s"
      return 1
    fi
    if [ $((waited % 60)) -eq 0 ]; then log "waiting for circuits $ZKB_CIRCUITS (${waited} s)"; fi
    sleep "$((limit - waited < 10 ? limit - waited : 10))"
    waited=$((waited + 10))
  done
  log "circuits ready: $ZKB_CIRCUITS"
}

cmd_prove() {
  resolve_inputs "$@"
  if [ "${#INPUTS[@]}" -eq 0 ]; then
    log "chunk ${ZKB_CHUNK_INDEX:-0} is past the end of the batch: nothing to prove"
    return 0
  fi
  require_elf
  [ -r "$ZKB_CIRCUITS" ] || die 2 "circuits file not readable: $ZKB_CIRCUITS (run 'zkbatch-job circuits' first)"
  local f
  for f in "${INPUTS[@]}"; do
    [ -r "$f" ] || die 2 "input not readable: $f"
  done
  mkdir -p -- "$OUT_DIR"
  launcher
  segment_args
  local args=(prove --elf "$ZKB_ELF" --circuits "$ZKB_CIRCUITS" --out "$OUT_DIR"
    --progress-interval "$ZKB_PROGRESS_INTERVAL" "${SEGMENT_ARGS[@]}")
  if [ "$ZKB_METRICS_PORT" != 0 ]; then args+=(--metrics-port "$ZKB_METRICS_PORT"); fi
  # shellcheck disable=SC2206  # extra flags are word-split on purpose
  args+=(${ZKB_PROVE_ARGS:-})
  args+=(--input "${INPUTS[@]}")
  zkb_argv "${args[@]}"
  log "proving ${#INPUTS[@]} input(s) into $OUT_DIR"
  run_forwarding "${LAUNCH[@]}" "${ZKB_ARGV[@]}" || return $?
  if [ "${ZKB_VERIFY:-0}" = 1 ]; then verify_inputs; fi
}

# Verifies the proof of every input in INPUTS (set by resolve_inputs) in OUT_DIR.
verify_inputs() {
  local f proof failed=0 missing=0 rc
  for f in "${INPUTS[@]}"; do
    proof=$(proof_path "$OUT_DIR" "$f")
    if [ ! -e "$proof" ]; then
      log "missing proof for $f: $proof"
      missing=$((missing + 1))
      continue
    fi
    zkb_argv verify "$proof" --json
    "${ZKB_ARGV[@]}" && rc=0 || rc=$?
    if [ "$rc" -ne 0 ]; then
      log "proof rejected (exit $rc): $proof"
      failed=$((failed + 1))
    fi
  done
  log "verified $((${#INPUTS[@]} - failed - missing))/${#INPUTS[@]} proofs in $OUT_DIR ($failed rejected, $missing missing)"
  [ "$failed" -eq 0 ] && [ "$missing" -eq 0 ] || return 1
}

cmd_verify() {
  resolve_inputs "$@"
  if [ "${#INPUTS[@]}" -eq 0 ]; then
    log "chunk ${ZKB_CHUNK_INDEX:-0} is past the end of the batch: nothing to verify"
    return 0
  fi
  verify_inputs
}

cmd_queue() {
  [ "$#" -gt 0 ] || die 2 "usage: zkbatch-job queue list|cancel|retry|clear [ARGS...]"
  local saved=("$@")
  if [ -n "${ZKB_RANGE:-}${ZKB_INPUT_LIST:-}" ]; then resolve_inputs; else OUT_DIR=$ZKB_OUT; fi
  [ -n "$OUT_DIR" ] || die 2 "chunk ${ZKB_CHUNK_INDEX:-0} is past the end of the batch"
  zkb_argv queue "${saved[@]}" --out "$OUT_DIR"
  "${ZKB_ARGV[@]}"
}

cmd_inputs() {
  resolve_inputs "$@"
  printf 'out %s\n' "${OUT_DIR:-}"
  local f
  for f in "${INPUTS[@]}"; do printf 'input %s -> %s\n' "$f" "$(proof_path "$OUT_DIR" "$f")"; done
}

cmd_count() {
  collect_inputs "$@"
  printf '%s\n' "${#ALL_INPUTS[@]}"
}

main() {
  [ "$#" -gt 0 ] || die 2 "usage: zkbatch-job circuits|wait-circuits|prove|verify|queue|inputs|count [ARGS...]"
  local cmd=$1
  shift
  case "$cmd" in
    circuits) cmd_circuits "$@" ;;
    wait-circuits) cmd_wait_circuits "$@" ;;
    prove) cmd_prove "$@" ;;
    verify) cmd_verify "$@" ;;
    queue) cmd_queue "$@" ;;
    inputs) cmd_inputs "$@" ;;
    count) cmd_count "$@" ;;
    -h | --help) sed -n '3,32p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) die 2 "unknown command '$cmd' (circuits, wait-circuits, prove, verify, queue, inputs, count)" ;;
  esac
}

main "$@"
