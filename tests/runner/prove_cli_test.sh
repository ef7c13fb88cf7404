#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# `zkbatch prove`, `zkbatch circuits build` and `zkbatch verify` with the zkVM prover on the
# example guest sort.elf (guest/examples/sort.cpp: reads a u32 count and u32 values, commits
# them sorted), in real processes under mpirun -np 1/2/3 (--oversubscribe --allow-run-as-root
# on a 2-core machine). Segments of 2^10 cycles keep each scenario within seconds.
#   prove_cli_test.sh ZKBATCH MPIRUN GUEST_ELF_DIR SCENARIO
# Scenarios: determinism, kill_resume, cancel, bad_input, link, circuits, prometheus.
# $ZKB_GUEST_ELF_DIR overrides GUEST_ELF_DIR. Exit 0 pass, 1 fail, 77 skipped.
set -euo pipefail
zkbatch=$1 mpirun=$2 elf_dir=${ZKB_GUEST_ELF_DIR:-$3} scenario=$4
elf=$elf_dir/sort.elf
if [ ! -f "$elf" ]; then
  echo "SKIP: $elf not built (needs the riscv64-unknown-elf toolchain; or set ZKB_GUEST_ELF_DIR)"
  exit 77
fi
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
k=10
prove() { # prove NP ARGS...: zkbatch prove under mpirun -np NP (0: no launcher)
  local np=$1
  shift
  if [ "$np" = 0 ]; then
    timeout 300 "$zkbatch" prove --elf "$elf" --segment-log2 "$k" "$@"
  else
    timeout 300 "$mpirun" -np "$np" --oversubscribe --allow-run-as-root \
      "$zkbatch" prove --elf "$elf" --segment-log2 "$k" "$@"
  fi
}
expect_exit() { # expect_exit CODE LOG CMD...: runs CMD with stderr to LOG, wants exit CODE
  local want=$1 log=$2 code=0
  shift 2
  "$@" >"$log.out" 2>"$log" || code=$?
  [ "$code" = "$want" ] || fail "$* exited $code, want $want: $(tail -3 "$log")"
}
# sort_input FILE VALUE...: the guest's input (count, then the values, u32 little-endian).
sort_input() {
  python3 - "$@" <<'PY'
import struct, sys
values = [int(v) for v in sys.argv[2:]]
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<I", len(values)) + b"".join(struct.pack("<I", v) for v in values))
PY
}
json_field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$@"; }

# Six segments, two segments, and a longer run (kill and cancel need time to act).
sort_input "$work/six.in" $(seq 60 -1 1)
sort_input "$work/two.in" 9 3 7 1 5 2 8 4
sort_input "$work/long.in" $(seq 160 -1 1)
# A chain: sorted, a's values 100..107 are its bytes 32..63 and b's bytes 0..31; c breaks it.
sort_input "$work/a.in" $(seq 107 -1 100) $(seq 8 -1 1)
sort_input "$work/b.in" $(seq 207 -1 200) $(seq 107 -1 100)
sort_input "$work/c.in" $(seq 208 -1 201) $(seq 108 -1 101)

case "$scenario" in
  determinism)
    # A two-input batch: the proof files equal `zkbatch vm prove`'s byte for byte, with no
    # launcher and with 1, 2 and 3 ranks; every JSON log line parses.
    for n in six two; do
      "$zkbatch" vm prove "$elf" --input "$work/$n.in" --out "$work/$n.ref" --segment-log2 "$k" \
        >/dev/null || fail "vm prove $n"
    done
    for np in 0 1 2 3; do
      prove "$np" --out "$work/np$np" --input "$work/six.in" "$work/two.in" 2>"$work/log$np" ||
        fail "np $np exited $?: $(tail -3 "$work/log$np")"
      for n in six two; do
        cmp "$work/$n.ref" "$work/np$np/$n.proof" || fail "$n.proof differs from vm prove for np $np"
      done
    done
    grep -q 'ranks=3' "$work/log3" || fail "np 3 did not run on 3 ranks"
    [ "$(json_field "$work/np2/six.proof.json" segments)" = 7 ] || fail "six.in: want 6 segments + memory"
    "$zkbatch" verify "$work/np2/six.proof" >/dev/null || fail "verify rejects six.proof"
    timeout 300 "$mpirun" -np 2 --oversubscribe --allow-run-as-root "$zkbatch" --log-format json \
      prove --elf "$elf" --segment-log2 "$k" --out "$work/json" --input "$work/two.in" \
      --progress-interval 0.2 2>"$work/jlog" || fail "json run: $(tail -3 "$work/jlog")"
    python3 - "$work/jlog" <<'PY' || fail "JSON logs"
import json, sys
seen = set()
for line in open(sys.argv[1]):
    if not line.strip():
        continue
    o = json.loads(line)
    assert all(k in o for k in ("ts", "level", "msg", "rank")), line
    seen.add(o["msg"])
    assert len(line) < 2000, "a log line carries bulk data"
for m in ("batch started", "input executed", "segment proved", "proof written", "batch finished"):
    assert m in seen, m
PY
    ;;

  kill_resume)
    # kill -9 of rank 1 once some segments are stored: the job ends, leaves no file that looks
    # like a proof, and the same command resumes to the proof of an uninterrupted run.
    "$zkbatch" vm prove "$elf" --input "$work/long.in" --out "$work/long.ref" --segment-log2 "$k" \
      >/dev/null || fail "vm prove"
    "$mpirun" -np 2 --oversubscribe --allow-run-as-root "$zkbatch" prove --elf "$elf" \
      --segment-log2 "$k" --out "$work/out" --input "$work/long.in" 2>"$work/log1" &
    launcher=$!
    pids+=("$launcher")
    victim=''
    for _ in $(seq 1200); do
      sleep 0.05
      if [ "$(grep -c 'segment proved' "$work/log1" || true)" -ge 3 ]; then
        for p in $(pgrep -P "$launcher" || true); do
          if tr '\0' '\n' <"/proc/$p/environ" 2>/dev/null | grep -qx 'OMPI_COMM_WORLD_RANK=1'; then
            victim=$p
          fi
        done
        break
      fi
    done
    [ -n "$victim" ] || fail "rank 1 not found or no progress: $(tail -3 "$work/log1")"
    kill -9 "$victim"
    if wait "$launcher"; then fail "the job survived kill -9 of rank 1 (too fast? $(tail -1 "$work/log1"))"; fi
    for f in "$work"/out/*.proof; do
      [ ! -e "$f" ] || fail "a killed job left a proof file: $f"
    done
    prove 2 --out "$work/out" --input "$work/long.in" 2>"$work/log2" ||
      fail "resume failed: $(tail -3 "$work/log2")"
    cmp "$work/long.ref" "$work/out/long.proof" || fail "resumed proof differs from vm prove"
    resumed=$(json_field "$work/out/long.proof.json" segments_resumed)
    [ "$resumed" -ge 3 ] || fail "only $resumed segments resumed"
    "$zkbatch" verify "$work/out/long.proof" >/dev/null || fail "verify rejects the resumed proof"
    ;;

  cancel)
    # `queue cancel` while the batch works on the first input: the second is dropped (no proof,
    # exit 0), and a later run skips it until `queue retry`.
    prove 2 --out "$work/out" --input "$work/long.in" "$work/two.in" 2>"$work/log1" &
    job=$!
    pids+=("$job")
    for _ in $(seq 600); do
      sleep 0.05
      grep -q 'batch started' "$work/log1" && break
    done
    "$zkbatch" queue cancel --out "$work/out" two || fail "queue cancel"
    wait "$job" || fail "the batch exited $?: $(tail -3 "$work/log1")"
    [ -f "$work/out/long.proof" ] || fail "long.proof missing"
    [ ! -e "$work/out/two.proof" ] || fail "a cancelled input was proved"
    prove 1 --out "$work/out" --input "$work/long.in" "$work/two.in" 2>"$work/log2" ||
      fail "second run: $(tail -3 "$work/log2")"
    grep -q 'input skipped: cancelled' "$work/log2" || fail "no 'skipped: cancelled' line"
    [ ! -e "$work/out/two.proof" ] || fail "a cancelled input was proved on the second run"
    "$zkbatch" queue retry --out "$work/out" two || fail "queue retry"
    prove 0 --out "$work/out" --input "$work/long.in" "$work/two.in" 2>"$work/log3" ||
      fail "after retry: $(tail -3 "$work/log3")"
    [ -f "$work/out/two.proof" ] || fail "retried input not proved"
    ;;

  bad_input)
    # Exit 2 with one line naming the file or the flag; nothing written under a proof name.
    "$zkbatch" vm prove "$elf" --input "$work/two.in" --out "$work/two.ref" --segment-log2 "$k" \
      >/dev/null || fail "vm prove"
    "$zkbatch" circuits build --elf "$elf" --out "$work/c.h5" --segment-log2 "$k" >/dev/null ||
      fail "circuits build"
    # A flipped byte in the middle of the circuits file.
    cp "$work/c.h5" "$work/bad.h5"
    size=$(stat -c %s "$work/bad.h5")
    python3 - "$work/bad.h5" "$((size / 2))" <<'PY'
import sys
with open(sys.argv[1], "r+b") as f:
    f.seek(int(sys.argv[2]))
    b = f.read(1)
    f.seek(int(sys.argv[2]))
    f.write(bytes([b[0] ^ 0x40]))
PY
    expect_exit 2 "$work/e1" prove 2 --out "$work/out" --input "$work/two.in" --circuits "$work/bad.h5"
    grep -q 'bad.h5' "$work/e1" || fail "corrupted circuits: no line naming the file: $(cat "$work/e1")"
    expect_exit 2 "$work/e1v" "$zkbatch" verify "$work/two.ref" --circuits "$work/bad.h5"
    # Circuits of another segment size, and of another program.
    "$zkbatch" circuits build --elf "$elf" --out "$work/c11.h5" --segment-log2 11 >/dev/null
    expect_exit 2 "$work/e2" prove 1 --out "$work/out" --input "$work/two.in" --circuits "$work/c11.h5"
    grep -q 'c11.h5' "$work/e2" || fail "mismatched circuits: $(cat "$work/e2")"
    # An unreadable input, on every rank: one line.
    expect_exit 2 "$work/e3" prove 2 --out "$work/out" --input "$work/missing.in"
    [ "$(grep -c 'missing.in: cannot read input file' "$work/e3")" = 1 ] ||
      fail "unreadable input: want one line naming it: $(cat "$work/e3")"
    # Bad flags and a bad program.
    expect_exit 2 "$work/e4" "$zkbatch" prove --elf "$elf" --input "$work/two.in"
    grep -q -- '--out' "$work/e4" || fail "missing --out not named: $(cat "$work/e4")"
    expect_exit 2 "$work/e5" "$zkbatch" prove --elf "$elf" --out "$work/out" --input "$work/two.in" \
      --segment-log2 40
    expect_exit 2 "$work/e6" prove 0 --out "$work/out" --input "$work/two.in" --params nonsense
    grep -q 'nonsense' "$work/e6" || fail "unknown preset not named: $(cat "$work/e6")"
    printf 'junk' >"$work/junk.elf"
    expect_exit 2 "$work/e7" "$zkbatch" prove --elf "$work/junk.elf" --out "$work/out" \
      --input "$work/two.in"
    grep -q 'junk.elf' "$work/e7" || fail "bad ELF not named: $(cat "$work/e7")"
    # A guest that exits with a nonzero code (sort.elf: 2 for a short input) fails its input: 1.
    printf '\x05\x00\x00\x00\x01\x00\x00\x00' >"$work/short.in"
    expect_exit 1 "$work/e9" prove 2 --out "$work/out9" --input "$work/short.in"
    grep -q 'exited with code 2' "$work/e9" || fail "guest exit code not reported: $(cat "$work/e9")"
    [ ! -e "$work/out9/short.proof" ] || fail "a failed input was proved"
    expect_exit 2 "$work/e8" "$zkbatch" circuits build --elf "$work/junk.elf" --out "$work/j.h5"
    [ ! -e "$work/j.h5" ] || fail "circuits build left a file for a bad ELF"
    for f in "$work"/out/*.proof*; do
      [ ! -e "$f" ] || fail "bad input wrote $f"
    done
    ;;

  link)
    # a → b chain: prove with --previous-proof, verify --previous-proof accepts the link and
    # rejects c, which does not link to a.
    prove 2 --out "$work/out" --input "$work/a.in" "$work/b.in" 2>"$work/log1" ||
      fail "chain: $(tail -3 "$work/log1")"
    "$zkbatch" verify "$work/out/b.proof" --previous-proof "$work/out/a.proof" >"$work/v1" ||
      fail "verify rejects a good link: $(cat "$work/v1")"
    grep -q 'links to' "$work/v1" || fail "no link line: $(cat "$work/v1")"
    prove 0 --out "$work/out2" --input "$work/b.in" --previous-proof "$work/out/a.proof" \
      2>"$work/log2" || fail "--previous-proof a, input b: $(tail -3 "$work/log2")"
    [ "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["previous_proof"]["path"])' \
      "$work/out2/b.proof.json")" = "$work/out/a.proof" ] ||
      fail "summary does not name the previous proof"
    prove 0 --out "$work/out3" --input "$work/c.in" 2>/dev/null || fail "prove c"
    expect_exit 1 "$work/v2" "$zkbatch" verify "$work/out3/c.proof" --previous-proof "$work/out/a.proof"
    grep -q 'does not link' "$work/v2.out" || fail "no reason for the broken link: $(cat "$work/v2.out")"
    "$zkbatch" verify "$work/out3/c.proof" --previous-proof "$work/out/a.proof" --json >"$work/v3" || true
    [ "$(json_field "$work/v3" valid)" = False ] || fail "JSON verdict of a broken link"
    expect_exit 1 "$work/log3" prove 2 --out "$work/out4" --input "$work/c.in" \
      --previous-proof "$work/out/a.proof"
    grep -q 'does not link' "$work/log3" || fail "prove: no reason for the broken link"
    [ ! -e "$work/out4/c.proof" ] || fail "an input that does not link was written"
    # A previous proof that does not verify is bad input.
    head -c 1000 "$work/out/a.proof" >"$work/cut.proof"
    expect_exit 2 "$work/log4" prove 0 --out "$work/out5" --input "$work/b.in" \
      --previous-proof "$work/cut.proof"
    expect_exit 2 "$work/v4" "$zkbatch" verify "$work/out/b.proof" --previous-proof "$work/cut.proof"
    ;;

  circuits)
    # A circuits file from `circuits build` is accepted by prove and verify, on 2 ranks; verify
    # refuses (exit 2) the circuits of another program, or of another segment size.
    "$zkbatch" circuits build --elf "$elf" --out "$work/c.h5" --segment-log2 "$k" >"$work/b" ||
      fail "circuits build"
    grep -q 'key:' "$work/b" || fail "no key digest printed"
    prove 2 --out "$work/out" --input "$work/two.in" --circuits "$work/c.h5" 2>"$work/log" ||
      fail "prove --circuits: $(tail -3 "$work/log")"
    "$zkbatch" verify "$work/out/two.proof" --circuits "$work/c.h5" >/dev/null ||
      fail "verify --circuits rejects a good proof"
    other=$elf_dir/isa_asm.elf
    if [ -f "$other" ]; then
      "$zkbatch" circuits build --elf "$other" --out "$work/o.h5" >/dev/null || fail "build other"
      expect_exit 2 "$work/v" "$zkbatch" verify "$work/out/two.proof" --circuits "$work/o.h5"
      grep -q 'o.h5: built for key' "$work/v" || fail "wrong program not reported: $(cat "$work/v")"
    fi
    "$zkbatch" circuits build --elf "$elf" --out "$work/c11.h5" --segment-log2 11 >/dev/null
    expect_exit 2 "$work/v11" "$zkbatch" verify "$work/out/two.proof" --circuits "$work/c11.h5"
    ;;

  prometheus)
    # Debian's prometheus scrapes rank 0's endpoint while two ranks prove a two-input batch; the
    # figures read back through Prometheus's HTTP API equal the proofs' summaries.
    command -v prometheus >/dev/null || { echo "SKIP: no prometheus binary"; exit 77; }
    command -v curl >/dev/null || { echo "SKIP: no curl"; exit 77; }
    free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
    mport=$(free_port)
    pport=$(free_port)
    cat >"$work/prometheus.yml" <<YML
global: {scrape_interval: 1s, evaluation_interval: 1s}
scrape_configs:
  - job_name: zkbatch
    static_configs:
      - targets: ['127.0.0.1:$mport']
YML
    prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
      --web.listen-address="127.0.0.1:$pport" >"$work/prom.log" 2>&1 &
    pids+=("$!")
    prove 2 --out "$work/out" --input "$work/six.in" "$work/two.in" --metrics-port "$mport" \
      --metrics-linger 30 2>"$work/log" &
    pids+=("$!")
    query() {
      curl -s "http://127.0.0.1:$pport/api/v1/query" --data-urlencode "query=$1" |
        python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "")'
    }
    sum_field() {
      python3 -c 'import json,sys; print(sum(json.load(open(f))[sys.argv[1]] for f in sys.argv[2:]))' \
        "$1" "$work"/out/six.proof.json "$work"/out/two.proof.json 2>/dev/null || echo x
    }
    got=''
    segs=x
    for _ in $(seq 240); do
      sleep 0.5
      got=$(query 'zkbatch_segments_proved_total' 2>/dev/null || true)
      segs=$(sum_field segments)
      [ -n "$got" ] && [ "$got" = "$segs" ] && break
    done
    if [ -z "$got" ] || [ "$got" != "$segs" ]; then
      fail "prometheus saw '$got' segments, the job proved $segs"
    fi
    [ "$(query 'up{job="zkbatch"}')" = 1 ] || fail "target not up"
    [ "$(query 'zkbatch_cycles_proved_total')" = "$(sum_field cycles)" ] || fail "cycles differ"
    for phase in trace commit quotient fri; do
      v=$(query "zkbatch_phase_seconds_total{phase=\"$phase\"}")
      python3 -c 'import sys; assert float(sys.argv[1]) > 0' "$v" || fail "no $phase seconds: '$v'"
    done
    [ "$(query 'zkbatch_queue_backlog')" = 0 ] || fail "backlog not 0 at the end"
    [ "$(query 'zkbatch_failures_total')" = 0 ] || fail "failures counted"
    ;;

  *) fail "unknown scenario $scenario" ;;
esac
echo "PASS: $scenario"
