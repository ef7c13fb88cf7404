#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Native block execution over every shared witness: runs `zkbatch execute --json` on each witness
# of ../shared/witnesses (with its header where there is one) REPEAT times and prints a Markdown
# table of the median and fastest validate_block wall time per block, and transactions and gas
# per second at the median. Usage:
#   benchmarks/execute_witnesses.sh [ZKBATCH] [REPEAT]
# ZKBATCH defaults to build/release/zkbatch, REPEAT to 5; ZKB_SHARED_DIR overrides ../shared.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
zkbatch=${1:-$root/build/release/zkbatch}
repeat=${2:-5}
shared=${ZKB_SHARED_DIR:-$root/../shared}
witnesses=$shared/witnesses

if [[ ! -x $zkbatch ]]; then
  echo "execute_witnesses.sh: $zkbatch: not an executable (build the zkbatch target)" >&2
  exit 2
fi
if [[ ! -d $witnesses ]]; then
  echo "execute_witnesses.sh: $witnesses: not found (set ZKB_SHARED_DIR)" >&2
  exit 2
fi

runs=()
for w in "$witnesses"/zk_evm_cases/*.json; do
  [[ $w == *_header.json ]] && continue
  runs+=("$w|${w%.json}_header.json")
done
for w in "$witnesses"/prover_infra/*.witness.json; do
  h=${w%.witness.json}.block.json
  [[ -f $h ]] || h=""
  runs+=("$w|$h")
done

echo "| witness | block | txs | gas used | header | execute, median of $repeat | fastest | tx/s | Mgas/s |"
echo "|---|---|---:|---:|---|---:|---:|---:|---:|"
for run in "${runs[@]}"; do
  w=${run%%|*}
  h=${run#*|}
  args=(execute --json "$w")
  [[ -n $h ]] && args+=(--header "$h")
  samples=()
  for ((i = 0; i < repeat; ++i)); do
    samples+=("$("$zkbatch" "${args[@]}")")
  done
  printf '%s\n' "${samples[@]}" | python3 -c '
import json, statistics, sys
name = sys.argv[1]
blocks = {}
for line in sys.stdin:
    if line.strip():
        b = json.loads(line)
        blocks.setdefault(b["block"], []).append(b)
for number, runs in blocks.items():
    b = runs[0]
    s = statistics.median(r["seconds"] for r in runs)
    fastest = min(r["seconds"] for r in runs)
    txs, gas = b["transactions"], b["gas_used"]
    ok = "ok" if all(r["ok"] for r in runs) else "MISMATCH"
    rate = f"{txs / s:,.0f}" if s > 0 and txs else "-"
    mgas = f"{gas / s / 1e6:,.0f}" if s > 0 and gas else "-"
    header = "yes" if b["header_checked"] else "no"
    print(f"| {name} | {number} | {txs} | {gas:,} | {header} ({ok}) | {s * 1e3:.2f} ms "
          f"| {fastest * 1e3:.2f} ms | {rate} | {mgas} |")
' "$(basename "$w")"
done
