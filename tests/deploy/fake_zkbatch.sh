#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# A stand-in for the `zkbatch` binary that implements the command-line contract of
# docs/deploy.md ("Contract with the runner") and nothing else: strict flag parsing (unknown
# flags exit 2), `circuits build`, `prove` with one proof per input written to a temporary name
# and renamed, resume (an input whose proof exists is skipped), `verify`, `queue list`. The
# deployment tests run the real Slurm scripts and the job wrapper against it, so that scripts
# that pass a wrong flag, launch the wrong number of ranks or run jobs out of order fail now,
# before the runner exists. Proofs are text: a header, the program and input digests and a
# digest over both, so that a tampered proof is rejected by `verify`.
#
# Test hooks: ZKB_FAKE_BUILD_SLEEP (seconds `circuits build` takes), ZKB_FAKE_PROVE_SLEEP
# (seconds per proved input).
set -euo pipefail

usage_error() {
  echo "zkbatch: $*" >&2
  exit 2
}
sha() { sha256sum -- "$1" | cut -d' ' -f1; }
sha_text() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }

log_format=text
while [ "$#" -gt 0 ]; do
  case "$1" in
    --log-format)
      [ "$#" -ge 2 ] || usage_error "--log-format needs a value"
      case "$2" in text | json) log_format=$2 ;; *) usage_error "--log-format: text or json" ;; esac
      shift 2
      ;;
    --version)
      echo "zkbatch 0.0.0-fake (deployment test double)"
      exit 0
      ;;
    -h | --help)
      echo "Usage: zkbatch [--log-format text|json] circuits|prove|verify|queue ..."
      exit 0
      ;;
    -*) usage_error "unknown option $1" ;;
    *) break ;;
  esac
done
[ "$#" -gt 0 ] || usage_error "a subcommand is required"
cmd=$1
shift

emit() { # emit KEY=VALUE... : one progress line in the selected format (stderr)
  if [ "$log_format" = json ]; then
    local out='{"msg":"fake"' kv
    for kv in "$@"; do out+=",\"${kv%%=*}\":\"${kv#*=}\""; done
    echo "$out}" >&2
  else
    echo "fake $*" >&2
  fi
}

case "$cmd" in
  circuits)
    [ "${1:-}" = build ] || usage_error "circuits: only 'build' exists"
    shift
    elf='' out=''
    while [ "$#" -gt 0 ]; do
      case "$1" in
        --help) echo "Usage: zkbatch circuits build --elf PROGRAM --out FILE"; exit 0 ;;
        --elf) elf=${2:?}; shift 2 ;;
        --out) out=${2:?}; shift 2 ;;
        *) usage_error "circuits build: unknown argument $1" ;;
      esac
    done
    if [ -z "$elf" ] || [ -z "$out" ]; then usage_error "circuits build: --elf and --out are required"; fi
    [ -r "$elf" ] || usage_error "$elf: cannot read the program"
    sleep "${ZKB_FAKE_BUILD_SLEEP:-0}"
    printf 'fake-circuits %s\n' "$(sha "$elf")" >"$out"
    emit event=circuits_built out="$out"
    ;;

  prove)
    elf='' circuits='' out='' interval='' port='' inputs=()
    while [ "$#" -gt 0 ]; do
      case "$1" in
        --help)
          echo "Usage: zkbatch prove --elf PROGRAM --circuits FILE --input FILE... --out DIR" \
            "[--progress-interval S] [--metrics-port P]"
          exit 0
          ;;
        --elf) elf=${2:?}; shift 2 ;;
        --circuits) circuits=${2:?}; shift 2 ;;
        --out) out=${2:?}; shift 2 ;;
        --progress-interval) interval=${2:?}; shift 2 ;;
        --metrics-port) port=${2:?}; shift 2 ;;
        --input)
          shift
          while [ "$#" -gt 0 ] && [[ "$1" != --* ]]; do inputs+=("$1"); shift; done
          ;;
        *) usage_error "prove: unknown argument $1" ;;
      esac
    done
    if [ -z "$elf" ] || [ -z "$circuits" ] || [ -z "$out" ]; then
      usage_error "prove: --elf, --circuits and --out are required"
    fi
    [ "${#inputs[@]}" -gt 0 ] || usage_error "prove: at least one --input is required"
    [ -z "$interval" ] || [[ "$interval" =~ ^[0-9]+$ ]] || usage_error "--progress-interval: not a number"
    [ -z "$port" ] || [[ "$port" =~ ^[0-9]+$ ]] || usage_error "--metrics-port: not a number"
    [ -r "$elf" ] || usage_error "$elf: cannot read the program"
    [ -r "$circuits" ] || usage_error "$circuits: cannot read the circuits file"
    elf_sha=$(sha "$elf")
    [ "$(cat -- "$circuits")" = "fake-circuits $elf_sha" ] ||
      usage_error "$circuits: circuits file does not match the program (digest check)"
    for f in "${inputs[@]}"; do [ -r "$f" ] || usage_error "$f: cannot read the input"; done
    [ -d "$out" ] || usage_error "$out: output directory does not exist"

    # Rank and launcher as the MPI library would see them.
    # mpirun (ORTE) sets OMPI_COMM_WORLD_RANK; srun --mpi=pmix sets only the PMIx variables.
    if [ -n "${OMPI_COMM_WORLD_RANK:-}" ]; then
      rank=$OMPI_COMM_WORLD_RANK kind=mpirun
    elif [ -n "${PMIX_RANK:-}" ]; then
      rank=$PMIX_RANK kind=pmix
    else
      rank=0 kind=single
    fi
    mkdir -p "$out/.fake-ranks"
    echo "$kind" >"$out/.fake-ranks/${SLURM_JOB_ID:-nojob}.$(hostname -s).$rank"
    [ "$rank" = 0 ] || exit 0

    for f in "${inputs[@]}"; do
      name=$(basename -- "$f")
      proof="$out/${name%.*}.proof"
      if [ -e "$proof" ]; then
        emit event=resumed input="$f"
        continue
      fi
      sleep "${ZKB_FAKE_PROVE_SLEEP:-0}"
      body=$(printf 'zkbatch-fake-proof v1\nprogram %s\ninput %s\n' "$elf_sha" "$(sha "$f")")
      tmp="$out/.${name%.*}.proof.tmp"
      printf '%s\ncheck %s\n' "$body" "$(sha_text "$body")" >"$tmp"
      mv -f -- "$tmp" "$proof"
      printf '{"input":"%s","proof":"%s"}\n' "$f" "$proof" >"$out/${name%.*}.json"
      echo "proved $name" >>"$out/.fake-log"
      emit event=proved input="$f"
    done
    ;;

  verify)
    proof='' json=0
    while [ "$#" -gt 0 ]; do
      case "$1" in
        --help) echo "Usage: zkbatch verify PROOF [--json]"; exit 0 ;;
        --json) json=1; shift ;;
        -*) usage_error "verify: unknown option $1" ;;
        *) [ -z "$proof" ] || usage_error "verify: one proof at a time"; proof=$1; shift ;;
      esac
    done
    [ -n "$proof" ] || usage_error "verify: a PROOF is required"
    [ -r "$proof" ] || usage_error "$proof: cannot read the proof"
    body=$(head -n 3 -- "$proof")
    check=$(sed -n '4s/^check //p' -- "$proof")
    ok=0
    if [ "$(head -n 1 -- "$proof")" = "zkbatch-fake-proof v1" ] && [ "$check" = "$(sha_text "$body")" ]; then ok=1; fi
    if [ "$json" = 1 ]; then
      printf '{"proof":"%s","valid":%s}\n' "$proof" "$([ "$ok" = 1 ] && echo true || echo false)"
    else
      echo "$proof: $([ "$ok" = 1 ] && echo valid || echo INVALID)"
    fi
    [ "$ok" = 1 ] || exit 1
    ;;

  queue)
    sub=${1:-}
    shift || true
    case "$sub" in list | cancel | retry | clear) ;; *) usage_error "queue: list|cancel|retry|clear" ;; esac
    out=
    while [ "$#" -gt 0 ]; do
      case "$1" in
        --out) out=${2:?}; shift 2 ;;
        *) shift ;;
      esac
    done
    [ -n "$out" ] || usage_error "queue: --out is required"
    [ "$sub" = list ] && find "$out" -maxdepth 1 -name '*.proof' -printf 'done %f\n' | sort
    ;;

  *) usage_error "unknown subcommand $cmd" ;;
esac
