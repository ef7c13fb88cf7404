#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Submits a zkbatch batch to Slurm: the circuits job, then the prove job (or a job array of
# chunks for long ranges) with --dependency=afterok on it. The only place where the sbatch
# command lines are written; the job scripts call docker/zkbatch-job.sh for zkbatch itself.
#
#   slurm/submit.sh --elf PROGRAM --data DIR (--range FIRST-LAST [--pattern P] | --list FILE | -- INPUT...)
#       [--out DIR] [--circuits FILE] [--chunk N [--max-parallel M]]
#       [--nodes N] [--ranks-per-node R] [--cpus-per-rank C] [--gpus-per-node G] [--mem SIZE]
#       [--time T] [--circuits-time T] [--partition P] [--account A] [--verify]
#       [--sbatch-arg ARG]... [--dry-run]
#
# --data is a directory on the shared file system: circuits/, proofs/, logs/ and, by default,
# inputs/<n>.in live there. With --gpus-per-node G each node runs G ranks with one GPU each.
# Prints `circuits=<job id>` and `prove=<job id>` (array jobs: the array's id).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
die() {
  echo "submit.sh: $*" >&2
  exit 2
}

elf='' data='' range='' pattern='' list='' out='' circuits='' chunk='' max_parallel=''
nodes='' ranks='' cpus='' gpus=0 mem='' time='' circuits_time='' partition='' account=''
verify=0 dry=0
extra=() inputs=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --elf) elf=${2:?}; shift 2 ;;
    --data) data=${2:?}; shift 2 ;;
    --range) range=${2:?}; shift 2 ;;
    --pattern) pattern=${2:?}; shift 2 ;;
    --list) list=${2:?}; shift 2 ;;
    --out) out=${2:?}; shift 2 ;;
    --circuits) circuits=${2:?}; shift 2 ;;
    --chunk) chunk=${2:?}; shift 2 ;;
    --max-parallel) max_parallel=${2:?}; shift 2 ;;
    --nodes) nodes=${2:?}; shift 2 ;;
    --ranks-per-node) ranks=${2:?}; shift 2 ;;
    --cpus-per-rank) cpus=${2:?}; shift 2 ;;
    --gpus-per-node) gpus=${2:?}; shift 2 ;;
    --mem) mem=${2:?}; shift 2 ;;
    --time) time=${2:?}; shift 2 ;;
    --circuits-time) circuits_time=${2:?}; shift 2 ;;
    --partition) partition=${2:?}; shift 2 ;;
    --account) account=${2:?}; shift 2 ;;
    --verify) verify=1; shift ;;
    --sbatch-arg) extra+=("${2:?}"); shift 2 ;;
    --dry-run) dry=1; shift ;;
    -h | --help) sed -n '3,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --) shift; inputs=("$@"); break ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

[ -n "$elf" ] || die "--elf is required"
[ -n "$data" ] || die "--data is required (a directory on the shared file system)"
[[ "$gpus" =~ ^[0-9]+$ ]] || die "--gpus-per-node must be a number"
sources=0
[ -z "$range" ] || sources=$((sources + 1))
[ -z "$list" ] || sources=$((sources + 1))
[ "${#inputs[@]}" -eq 0 ] || sources=$((sources + 1))
[ "$sources" = 1 ] || die "give exactly one of --range, --list or -- INPUT..."
[ -z "$chunk" ] || [ "${#inputs[@]}" -eq 0 ] || die "--chunk needs --range or --list"

abs() { case "$1" in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$PWD" "$1" ;; esac }
export ZKB_ELF
ZKB_ELF=$(abs "$elf")
export ZKB_DATA
ZKB_DATA=$(abs "$data")
if [ -n "$out" ]; then ZKB_OUT=$(abs "$out") && export ZKB_OUT; fi
if [ -n "$circuits" ]; then ZKB_CIRCUITS=$(abs "$circuits") && export ZKB_CIRCUITS; fi
[ -z "$range" ] || export ZKB_RANGE=$range
[ -z "$pattern" ] || export ZKB_INPUT_PATTERN=$pattern
if [ -n "$list" ]; then ZKB_INPUT_LIST=$(abs "$list") && export ZKB_INPUT_LIST; fi
[ "$verify" = 0 ] || export ZKB_VERIFY=1
if [ -z "${ZKB_JOB:-}" ]; then
  ZKB_JOB=$(command -v zkbatch-job || echo "$here/../docker/zkbatch-job.sh")
fi
export ZKB_JOB
abs_inputs=()
for f in "${inputs[@]}"; do abs_inputs+=("$(abs "$f")"); done

logs="$ZKB_DATA/logs"
common=(--parsable --chdir="$ZKB_DATA")
[ -z "$partition" ] || common+=(--partition="$partition")
[ -z "$account" ] || common+=(--account="$account")
[ -z "$mem" ] || common+=(--mem="$mem")
common+=("${extra[@]}")

circuits_args=("${common[@]}" --output="$logs/%x-%j.out")
[ -z "$cpus" ] || circuits_args+=(--cpus-per-task="$cpus")
[ -z "$circuits_time" ] || circuits_args+=(--time="$circuits_time")

prove_args=("${common[@]}")
[ -z "$nodes" ] || prove_args+=(--nodes="$nodes")
[ -z "$cpus" ] || prove_args+=(--cpus-per-task="$cpus")
[ -z "$time" ] || prove_args+=(--time="$time")
if [ "$gpus" -gt 0 ]; then
  prove_args+=(--gres="gpu:$gpus" --ntasks-per-node="$gpus")
elif [ -n "$ranks" ]; then
  prove_args+=(--ntasks-per-node="$ranks")
fi

if [ -n "$chunk" ]; then
  export ZKB_CHUNK=$chunk
  total=$("$ZKB_JOB" count)
  chunks=$(((total + chunk - 1) / chunk))
  array="0-$((chunks - 1))${max_parallel:+%$max_parallel}"
  prove_args+=(--array="$array" --output="$logs/%x-%A_%a.out")
  prove_script="$here/prove-array.sbatch"
else
  prove_args+=(--output="$logs/%x-%j.out")
  prove_script="$here/prove.sbatch"
fi

submit() { # submit NAME ARGS...: sbatch, printing the job id; --dry-run prints the command instead
  local name=$1
  shift
  if [ "$dry" = 1 ]; then
    { printf 'sbatch'; printf ' %q' "$@"; printf '\n'; } >&2
    echo "dry-run-$name"
  else
    local id
    id=$(sbatch "$@") || die "sbatch failed for the $name job: sbatch $*"
    echo "${id%%;*}"
  fi
}

[ "$dry" = 1 ] || mkdir -p "$logs"
cid=$(submit circuits "${circuits_args[@]}" "$here/init-circuits.sbatch")
pid=$(submit prove "${prove_args[@]}" --dependency="afterok:$cid" "$prove_script" "${abs_inputs[@]}")
echo "circuits=$cid"
echo "prove=$pid"
