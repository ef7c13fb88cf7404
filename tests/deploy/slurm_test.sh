#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Brings up a real single-node Slurm cluster (Debian slurm-wlm + munge: slurmctld, slurmd and a
# private munged, configuration and state in a temporary directory, daemons started by hand and
# stopped by PID), submits slurm/submit.sh, init-circuits.sbatch, prove.sbatch and
# prove-array.sbatch, waits with a timeout and checks the proofs.
#
#   slurm_test.sh --mode fake    the job scripts against tests/deploy/fake_zkbatch.sh, which
#                                implements the documented CLI: circuits job, a job array of
#                                chunks with --dependency=afterok, a plain prove job with 2 ranks
#                                through srun --mpi=pmix, a requeue in the middle of a job that
#                                resumes, and verification (including a rejected proof).
#   slurm_test.sh --mode real --zkbatch BIN [--elf GUEST.elf]
#                                the real zkbatch on the example guest (sort.elf): circuits, a
#                                2-rank prove job over two inputs, `zkbatch verify` on each proof.
#                                Skips (exit 77) while BIN has no `prove` subcommand.
#
# Exit 0 pass, 1 fail, 77 skipped (not root, Slurm/munge not installed, no prover yet).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mode=fake zkbatch='' elf=''
while [ "$#" -gt 0 ]; do
  case "$1" in
    --mode) mode=${2:?}; shift 2 ;;
    --zkbatch) zkbatch=${2:?}; shift 2 ;;
    --elf) elf=${2:?}; shift 2 ;;
    *) echo "usage: $0 --mode fake|real [--zkbatch BIN] [--elf GUEST.elf]" >&2; exit 2 ;;
  esac
done
timeout_s=${ZKB_SLURM_TEST_TIMEOUT:-90}

skip() {
  echo "SKIP: $*"
  exit 77
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }
since() { # since START_MS: seconds elapsed, one decimal
  local d=$(($(now_ms) - $1))
  printf '%d.%d' $((d / 1000)) $((d % 1000 / 100))
}
t0=$(now_ms)
elapsed() { since "$t0"; }

# --- preconditions (visible skip reasons) ----------------------------------------------------
[ "$(id -u)" -eq 0 ] || skip "needs root (slurmctld/slurmd run as root, munged as user munge)"
for c in slurmctld slurmd munged mungekey sbatch squeue scontrol srun runuser ss; do
  command -v "$c" >/dev/null || skip "'$c' not found: install slurm-wlm munge (scripts/install-deps.sh)"
done
id munge >/dev/null 2>&1 || skip "no 'munge' user: install munge"
if [ "$mode" = real ]; then
  if [ -z "$zkbatch" ] || [ ! -x "$zkbatch" ]; then skip "no zkbatch binary given (--zkbatch)"; fi
  # CLI11 prints the top-level help with exit 0 for an unknown subcommand, so the exit status of
  # `prove --help` alone proves nothing: the prove options must appear in the help text too.
  help=$("$zkbatch" prove --help 2>&1) && rc=0 || rc=$?
  if [ "$rc" -ne 0 ] || ! grep -q -- '--circuits' <<<"$help" || ! grep -q -- '--input' <<<"$help"; then
    skip "'$zkbatch prove' is not implemented yet (prove --help exit $rc, no --circuits/--input" \
      "in its help); the Slurm scripts were exercised by the fake-mode test"
  fi
  elf=${elf:-${ZKB_GUEST_ELF:-$root/build/guest/guest/sort.elf}}
  [ -r "$elf" ] || skip "guest program $elf not built (scripts/build-guest.sh)"
elif [ "$mode" != fake ]; then
  echo "unknown mode $mode" >&2
  exit 2
fi

# --- single-node cluster -----------------------------------------------------------------------
S=$(mktemp -d "${TMPDIR:-/tmp}/zkb-slurm-test.XXXXXX")
chmod 0755 "$S"
pids=()
teardown() {
  local p pid
  for p in "$S/slurmd.pid" "$S/slurmctld.pid" "$S/munge/munged.pid"; do
    if [ -s "$p" ]; then
      pid=$(cat "$p")
      kill "$pid" 2>/dev/null && echo "teardown: stopped pid $pid ($(basename "$p" .pid))"
    fi
  done
  # Wait (bounded) for the daemons to go before removing their directories.
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  if [ -n "${KEEP:-}" ]; then echo "kept $S"; else rm -rf "$S"; fi
}
trap teardown EXIT

free_port() { # a TCP port nobody listens on (other test runs may share this machine)
  local p
  for _ in $(seq 100); do
    p=$((20000 + RANDOM % 20000))
    if [ -z "$(ss -Htln "sport = :$p")" ] && [ "$p" != "${1:-}" ]; then
      echo "$p"
      return
    fi
  done
  echo "no free port found" >&2
  exit 1
}

# Private munged: own key, socket and pid file, so that nothing in /etc or /run is touched.
install -d -o munge -g munge -m 0755 "$S/munge"
runuser -u munge -- mungekey --create --keyfile="$S/munge/munge.key" >/dev/null
runuser -u munge -- munged --socket="$S/munge/munge.sock" --key-file="$S/munge/munge.key" \
  --pid-file="$S/munge/munged.pid" --log-file="$S/munge/munged.log" --seed-file="$S/munge/seed" ||
  { cat "$S/munge/munged.log"; exit 1; }
pids+=("$(cat "$S/munge/munged.pid")")
for _ in $(seq 50); do
  munge -S "$S/munge/munge.sock" -n </dev/null | unmunge -S "$S/munge/munge.sock" >/dev/null 2>&1 && break
  sleep 0.1
done

ctld_port=$(free_port)
slurmd_port=$(free_port "$ctld_port")
node=$(hostname -s)
mem=$(($(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 1024))
mkdir -p "$S"/{state,spool,log}
cat >"$S/slurm.conf" <<CONF
ClusterName=zkbtest
SlurmctldHost=${node}(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$S/munge/munge.sock
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
StateSaveLocation=$S/state
SlurmdSpoolDir=$S/spool
SlurmctldPidFile=$S/slurmctld.pid
SlurmdPidFile=$S/slurmd.pid
SlurmctldLogFile=$S/log/slurmctld.log
SlurmdLogFile=$S/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=pmix
MailProg=/bin/true
EnforcePartLimits=ALL
ReturnToService=2
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=600
# Start batch jobs at once instead of batching their scheduling (default delay: 3 s per job).
SchedulerParameters=batch_sched_delay=0
# Eight schedulable CPUs whatever the machine has (config_overrides): the fake prover is idle, and
# jobs that could overlap must be able to, so that only --dependency keeps them apart.
SlurmdParameters=config_overrides
NodeName=$node CPUs=8 Boards=1 SocketsPerBoard=1 CoresPerSocket=8 ThreadsPerCore=1 RealMemory=$mem NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
CONF
export SLURM_CONF=$S/slurm.conf
/usr/sbin/slurmctld -f "$SLURM_CONF" || { cat "$S/log/slurmctld.log"; exit 1; }
for _ in $(seq 50); do [ -s "$S/slurmctld.pid" ] && break; sleep 0.1; done
pids+=("$(cat "$S/slurmctld.pid")")
/usr/sbin/slurmd -f "$SLURM_CONF" || { cat "$S/log/slurmd.log"; exit 1; }
for _ in $(seq 50); do [ -s "$S/slurmd.pid" ] && break; sleep 0.1; done
pids+=("$(cat "$S/slurmd.pid")")
up=0
for _ in $(seq 150); do
  if sinfo -h -o %T 2>/dev/null | grep -qx idle; then up=1; break; fi
  sleep 0.2
done
if [ "$up" != 1 ]; then
  echo "FAIL: node never became idle"
  sinfo
  tail -20 "$S/log/slurmctld.log" "$S/log/slurmd.log"
  exit 1
fi
echo "slurm up in $(elapsed) s: node $node, ports $ctld_port/$slurmd_port"

# --- helpers -------------------------------------------------------------------------------------
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   - $*"; }
fail() { failed=$((failed + 1)); echo "FAIL - $*"; }
verdict() { # verdict DESCRIPTION: passes when the previous command (list) succeeded
  if [ "$?" -eq 0 ]; then ok "$1"; else fail "$1"; fi
}
wait_idle() { # wait_idle SECONDS: until no job is pending or running
  local end=$(($(date +%s) + $1))
  while [ -n "$(squeue -h -o %i)" ]; do
    if [ "$(date +%s)" -ge "$end" ]; then
      echo "timeout after $1 s; queue:"
      squeue
      return 1
    fi
    sleep 0.2
  done
}
job_records() { scontrol show job -o "$1" 2>/dev/null; } # every record (array tasks too)
all_completed() { # all_completed JOBID: every record COMPLETED with exit 0:0
  local recs
  recs=$(job_records "$1")
  [ -n "$recs" ] && ! grep -v 'JobState=COMPLETED .*ExitCode=0:0' <<<"$recs" | grep -q .
}
field() { grep -o "$2=[^ ]*" <<<"$1" | head -1 | cut -d= -f2-; }
show_logs() { for f in "$W"/logs/*; do echo "--- $f"; tail -n 30 "$f"; done; }

W="$S/work"
mkdir -p "$W/bin" "$W/inputs"

if [ "$mode" = fake ]; then
  cp "$here/fake_zkbatch.sh" "$W/bin/zkbatch"
  chmod +x "$W/bin/zkbatch"
  export PATH="$W/bin:$PATH" # sbatch exports the submitting environment to the jobs
  printf 'guest program' >"$W/guest.elf"
  for n in 1 2 3 4 5; do printf 'block %d' "$n" >"$W/inputs/$n.in"; done
  common=(--elf "$W/guest.elf" --data "$W" --nodes 1 --ranks-per-node 2 --cpus-per-rank 1 --mem 256M
    --time 00:05:00 --circuits-time 00:05:00)

  # A: circuits (slow on purpose: a prove task that started early would find no circuits file and
  # fail with exit 2), then a job array of 3 chunks over blocks 1-5, verified after proving.
  t1=$(now_ms)
  out=$(ZKB_FAKE_BUILD_SLEEP=2 "$root/slurm/submit.sh" "${common[@]}" --range 1-5 --chunk 2 \
    --max-parallel 2 --verify 2>&1) || { echo "$out"; exit 1; }
  cid=$(sed -n 's/^circuits=//p' <<<"$out")
  aid=$(sed -n 's/^prove=//p' <<<"$out")
  # B: a plain prove job over explicit inputs into its own directory.
  out=$("$root/slurm/submit.sh" "${common[@]}" --out "$W/single" -- "$W/inputs/1.in" "$W/inputs/2.in" 2>&1) ||
    { echo "$out"; exit 1; }
  bid=$(sed -n 's/^prove=//p' <<<"$out")
  [ -n "$cid" ] && [ -n "$aid" ] && [ -n "$bid" ]
  verdict "submit.sh printed job ids (circuits $cid, array $aid, prove $bid)"
  wait_idle "$timeout_s" || { show_logs; exit 1; }
  echo "circuits + array + prove jobs done in $(since "$t1") s"

  all_completed "$cid"
  verdict "circuits job completed"
  [ "$(job_records "$aid" | grep -c 'JobState=COMPLETED .*ExitCode=0:0')" = 3 ]
  verdict "all 3 array tasks completed with exit 0"
  all_completed "$bid"
  verdict "prove job completed"
  cend=$(field "$(job_records "$cid")" EndTime)
  early=0
  while read -r rec; do
    [[ "$(field "$rec" StartTime)" < "$cend" ]] && early=1
  done < <(job_records "$aid")
  [ "$early" = 0 ]
  verdict "no array task started before the circuits job ended (afterok dependency)"
  [ -e "$W/proofs/blocks-1-2/1.proof" ] && [ -e "$W/proofs/blocks-1-2/2.proof" ] &&
    [ -e "$W/proofs/blocks-3-4/3.proof" ] && [ -e "$W/proofs/blocks-3-4/4.proof" ] &&
    [ -e "$W/proofs/blocks-5-5/5.proof" ]
  verdict "each chunk has its own directory with its proofs"
  [ "$(grep -lx pmix "$W"/proofs/blocks-1-2/.fake-ranks/* | wc -l)" = 2 ] &&
    [ "$(grep -lx pmix "$W"/single/.fake-ranks/* | wc -l)" = 2 ]
  verdict "srun --mpi=pmix started 2 ranks per prove job"
  grep -q 'verified 2/2 proofs' "$W/logs/zkb-prove-array-${aid}_0.out"
  verdict "array logs named <job>_<task> show the verification (--verify)"
  [ -e "$W/single/1.proof" ] && [ -e "$W/single/2.proof" ]
  verdict "explicit inputs proved into --out"
  bad=0
  for i in 0 1 2; do
    ZKB_ELF="$W/guest.elf" ZKB_DATA="$W" ZKB_RANGE=1-5 ZKB_CHUNK=2 ZKB_CHUNK_INDEX=$i \
      "$root/docker/zkbatch-job.sh" verify >/dev/null 2>&1 || bad=$((bad + 1))
  done
  [ "$bad" = 0 ]
  verdict "zkbatch-job verify accepts every chunk"
  sed -i 's/^program .*/program 00/' "$W/proofs/blocks-3-4/3.proof"
  ZKB_ELF="$W/guest.elf" ZKB_DATA="$W" ZKB_RANGE=1-5 ZKB_CHUNK=2 ZKB_CHUNK_INDEX=1 \
    "$root/docker/zkbatch-job.sh" verify >/dev/null 2>&1
  [ "$?" = 1 ]
  verdict "a tampered proof is rejected (exit 1)"

  # C: requeue in the middle of a job; the re-run resumes in the same directory and log.
  for n in 6 7 8; do printf 'block %d' "$n" >"$W/inputs/$n.in"; done
  t1=$(now_ms)
  out=$(ZKB_FAKE_PROVE_SLEEP=1 "$root/slurm/submit.sh" "${common[@]}" --out "$W/requeue" \
    -- "$W/inputs/6.in" "$W/inputs/7.in" "$W/inputs/8.in" 2>&1) || { echo "$out"; exit 1; }
  rid=$(sed -n 's/^prove=//p' <<<"$out")
  for _ in $(seq 200); do [ -e "$W/requeue/6.proof" ] && break; sleep 0.1; done
  scontrol requeue "$rid"
  # Slurm holds a requeued job back (BeginTime about two minutes ahead) while its nodes clean
  # up. Release it sooner, but not within the second of the requeue: slurmd compares credential
  # times in whole seconds and would reject the new launch as revoked ("Job credential revoked").
  for _ in $(seq 50); do
    [ "$(squeue -h -j "$rid" -o %T)" = PENDING ] && break
    sleep 0.1
  done
  sleep 2
  scontrol update JobId="$rid" StartTime=now
  wait_idle "$timeout_s" || { show_logs; exit 1; }
  echo "requeue round trip done in $(since "$t1") s"
  rec=$(job_records "$rid")
  all_completed "$rid" && [ "$(field "$rec" Restarts)" = 1 ]
  verdict "requeued job completed after one restart"
  grep -q "job $rid restart 0" "$W/logs/zkb-prove-$rid.out" &&
    grep -q "job $rid restart 1" "$W/logs/zkb-prove-$rid.out"
  verdict "the requeued run appended to the same log (--open-mode=append)"
  [ "$(sort "$W/requeue/.fake-log" | uniq | wc -l)" = 3 ] && [ "$(wc -l <"$W/requeue/.fake-log")" = 3 ]
  verdict "resume: every input proved exactly once across both runs"
  grep -q 'resumed' "$W/logs/zkb-prove-$rid.out"
  verdict "the re-run skipped the proof made before the requeue"
else
  # Real prover on the example guest: sort.elf reads a u32 count and u32 values (guest/examples).
  printf '\x04\x00\x00\x00\x09\x00\x00\x00\x03\x00\x00\x00\x07\x00\x00\x00\x01\x00\x00\x00' >"$W/inputs/1.in"
  printf '\x03\x00\x00\x00\xff\x00\x00\x00\x00\x00\x00\x00\x80\x00\x00\x00' >"$W/inputs/2.in"
  ln -s "$(cd "$(dirname "$zkbatch")" && pwd)/$(basename "$zkbatch")" "$W/bin/zkbatch"
  export PATH="$W/bin:$PATH"
  out=$("$root/slurm/submit.sh" --elf "$elf" --data "$W" --nodes 1 --ranks-per-node 2 --cpus-per-rank 1 \
    --mem 4G --time 00:10:00 --circuits-time 00:10:00 --verify \
    -- "$W/inputs/1.in" "$W/inputs/2.in" 2>&1) || { echo "$out"; exit 1; }
  cid=$(sed -n 's/^circuits=//p' <<<"$out")
  pid=$(sed -n 's/^prove=//p' <<<"$out")
  wait_idle "${ZKB_SLURM_TEST_TIMEOUT:-300}" || { show_logs; exit 1; }
  all_completed "$cid"
  verdict "circuits job completed"
  all_completed "$pid"
  verdict "2-rank prove job completed"
  for n in 1 2; do
    "$zkbatch" verify "$W/proofs/$n.proof"
    verdict "zkbatch verify accepts proofs/$n.proof"
  done
fi

if [ "$failed" -ne 0 ]; then show_logs; fi
echo
echo "slurm_test ($mode): $passed passed, $failed failed, $(elapsed) s in all"
[ "$failed" -eq 0 ]
