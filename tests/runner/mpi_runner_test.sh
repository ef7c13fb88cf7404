#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# The runner across real processes: mpirun -np 1/2/3 (--oversubscribe --allow-run-as-root on a
# 2-core machine), with runner_mpi_driver (run_prove + the fake prover of runner_test_util).
#   mpi_runner_test.sh DRIVER MPIRUN SCENARIO
# Scenarios: determinism, kill_resume, failure, bad_input, json_logs, prometheus.
set -euo pipefail
driver=$1 mpirun=$2 scenario=$3
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
mpi() { # mpi NP ARGS...: the driver under mpirun
  local np=$1
  shift
  timeout 120 "$mpirun" -np "$np" --oversubscribe --allow-run-as-root "$driver" prove "$@"
}
"$driver" fixture "$work"
inputs=("$work/in0.bin" "$work/in1.bin" "$work/in2.bin")

case "$scenario" in
  determinism)
    # A multi-input batch; the proof files are byte-identical for 1, 2 and 3 ranks, and with
    # no MPI launcher at all.
    "$driver" prove --elf "$work/guest.elf" --out "$work/alone" --input "${inputs[@]}" 2>"$work/log0"
    for np in 1 2 3; do
      mpi "$np" --elf "$work/guest.elf" --out "$work/np$np" --input "${inputs[@]}" --delay-ms 2 \
        2>"$work/log$np" || fail "np $np exited $?: $(tail -3 "$work/log$np")"
      for i in 0 1 2; do
        cmp "$work/alone/in$i.proof" "$work/np$np/in$i.proof" || fail "in$i.proof differs for np $np"
      done
    done
    grep -q 'ranks=3' "$work/log3" || fail "np 3 did not run on 3 ranks"
    ;;

  kill_resume)
    # kill -9 of rank 1 after some segments are stored; the re-run skips them and writes the
    # same proof as an uninterrupted run.
    "$driver" prove --elf "$work/guest.elf" --out "$work/ref" --input "$work/in0.bin" 2>/dev/null
    "$mpirun" -np 2 --oversubscribe --allow-run-as-root "$driver" prove --elf "$work/guest.elf" \
      --out "$work/out" --input "$work/in0.bin" --delay-ms 60 2>"$work/log1" &
    launcher=$!
    pids+=("$launcher")
    victim=''
    for _ in $(seq 600); do
      sleep 0.1
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
    if wait "$launcher"; then fail "the job survived kill -9 of rank 1"; fi
    [ ! -e "$work/out/in0.proof" ] || fail "a killed job left a proof file"
    mpi 2 --elf "$work/guest.elf" --out "$work/out" --input "$work/in0.bin" 2>"$work/log2" ||
      fail "resume failed: $(tail -3 "$work/log2")"
    cmp "$work/ref/in0.proof" "$work/out/in0.proof" || fail "resumed proof differs"
    resumed=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["segments_resumed"])' \
      "$work/out/in0.proof.json")
    [ "$resumed" -ge 3 ] || fail "only $resumed segments resumed"
    ;;

  failure)
    # Rank 1 fails every task: the job ends (no hang) with exit 1 and rank 1's error.
    set +e
    mpi 3 --elf "$work/guest.elf" --out "$work/out" --input "${inputs[@]}" --fail-rank 1 2>"$work/log"
    code=$?
    set -e
    [ "$code" = 1 ] || fail "exit $code, want 1: $(tail -5 "$work/log")"
    grep -q 'zkbatch prove: rank 1: fake prover' "$work/log" || fail "rank 1's error not reported"
    ;;

  bad_input)
    # An unreadable input: exit 2 on every rank and one line naming the file.
    set +e
    mpi 2 --elf "$work/guest.elf" --out "$work/out" --input "$work/missing.bin" 2>"$work/log"
    code=$?
    set -e
    [ "$code" = 2 ] || fail "exit $code, want 2"
    [ "$(grep -c 'missing.bin: cannot read input file' "$work/log")" = 1 ] ||
      fail "want one line naming the file: $(cat "$work/log")"
    printf 'junk' >"$work/bad.elf"
    set +e
    mpi 2 --elf "$work/bad.elf" --out "$work/out" --input "${inputs[@]}" 2>"$work/log"
    code=$?
    set -e
    [ "$code" = 2 ] || fail "bad ELF: exit $code, want 2"
    ;;

  json_logs)
    # Every log line parses as JSON with ts, level, msg and rank; progress lines carry the
    # documented fields; no line carries proof bytes.
    mpi 2 --log-format json --elf "$work/guest.elf" --out "$work/out" --input "${inputs[@]}" \
      --progress-interval 0.05 --delay-ms 5 2>"$work/log" >/dev/null
    python3 - "$work/log" <<'PY'
import json, sys
lines = [l for l in open(sys.argv[1]) if l.strip()]
assert lines, "no log lines"
seen = set()
for l in lines:
    o = json.loads(l)
    for k in ("ts", "level", "msg", "rank"):
        assert k in o, (k, l)
    seen.add(o["msg"])
    if o["msg"] == "segment proved":
        for k in ("input", "segment", "segments_proved", "cycles", "elapsed_s", "eta_s"):
            assert k in o, (k, l)
    assert len(l) < 2000, "a log line is too long to be a progress line"
for m in ("batch started", "segment proved", "proving", "proof written", "batch finished"):
    assert m in seen, m
PY
    ;;

  prometheus)
    # Debian's prometheus scrapes rank 0's endpoint; the test reads the figures back through
    # Prometheus's HTTP API.
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
    "$mpirun" -np 2 --oversubscribe --allow-run-as-root "$driver" prove --elf "$work/guest.elf" \
      --out "$work/out" --input "${inputs[@]}" --metrics-port "$mport" --metrics-linger 30 \
      2>"$work/log" &
    pids+=("$!")
    query() {
      curl -s "http://127.0.0.1:$pport/api/v1/query" --data-urlencode "query=$1" |
        python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "")'
    }
    got=''
    for _ in $(seq 120); do
      sleep 0.5
      got=$(query 'zkbatch_segments_proved_total' 2>/dev/null || true)
      segs=$(python3 -c 'import json,sys; print(sum(json.load(open(f))["segments"] for f in sys.argv[1:]))' \
        "$work"/out/*.proof.json 2>/dev/null || echo x)
      [ -n "$got" ] && [ "$got" = "$segs" ] && break
    done
    if [ -z "$got" ] || [ "$got" != "$segs" ]; then
      fail "prometheus saw '$got' segments, the job proved $segs"
    fi
    [ "$(query 'up{job="zkbatch"}')" = 1 ] || fail "target not up"
    [ -n "$(query 'zkbatch_phase_seconds_total{phase="commit"}')" ] || fail "no phase seconds"
    [ "$(query 'zkbatch_queue_backlog')" = 0 ] || fail "backlog not 0 at the end"
    [ -n "$(query 'zkbatch_device_memory_bytes{rank="1",device="cpu"}')" ] || fail "no rank 1 memory"
    ;;

  *) fail "unknown scenario $scenario" ;;
esac
echo "PASS: $scenario"
