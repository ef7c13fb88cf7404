#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job on the bundled example: install, build (host binary and the rv32im example guests),
# check the build on this machine, then prove a batch of two inputs of the example guest
# guest/examples/sort.cpp (it commits its input values sorted) with two MPI ranks at the default
# 100-bit preset, and verify both proofs: the circuits file first, then
#   mpirun -np 2 zkbatch prove --elf sort.elf --circuits circuits.h5 --input a.in b.in --out DIR
#   zkbatch verify DIR/a.proof
# The second input's 8 smallest values are the first one's 9th to 16th smallest, so b's proof
# links to a's (`verify --previous-proof`, docs/operations.md "Linking proofs"). Output: build/example/proofs/{a,b}.proof and their .proof.json.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release
cmake --build --preset release -j "$(nproc)"
zkbatch=./build/release/zkbatch
elf=./build/release/guest-build/guest/sort.elf
out=build/example
rm -rf "$out"
mkdir -p "$out/inputs"
"$zkbatch" --version
"$zkbatch" selfcheck

# Inputs: a u32 count, then u32 values (little-endian).
python3 - "$out/inputs" <<'PY'
import random, struct, sys
def write(name, values):
    with open(f"{sys.argv[1]}/{name}.in", "wb") as f:
        f.write(struct.pack("<I", len(values)) + b"".join(struct.pack("<I", v) for v in values))
rng = random.Random(1)
# The guest commits its values sorted, so bytes 0..31 of the output are the 8 smallest values
# and bytes 32..63 the next 8: b links to a when b's 8 smallest are a's 9th to 16th smallest.
shared = list(range(1000, 1008))
a = [rng.randrange(1000) for _ in range(8)] + shared + [rng.randrange(2000, 3000) for _ in range(112)]
b = shared + [rng.randrange(3000, 4000) for _ in range(120)]
rng.shuffle(a)
rng.shuffle(b)
write("a", a)
write("b", b)
PY

# Two ranks on any machine: --oversubscribe when there are fewer cores, --allow-run-as-root
# when run as root (containers).
mpirun_flags=(-np 2 --oversubscribe)
if [ "$(id -u)" = 0 ]; then mpirun_flags+=(--allow-run-as-root); fi
k=12
"$zkbatch" circuits build --elf "$elf" --out "$out/circuits.h5" --segment-log2 "$k"
mpirun "${mpirun_flags[@]}" "$zkbatch" prove --elf "$elf" --circuits "$out/circuits.h5" \
  --segment-log2 "$k" --input "$out/inputs/a.in" "$out/inputs/b.in" --out "$out/proofs" \
  --progress-interval 5
"$zkbatch" verify "$out/proofs/a.proof" --circuits "$out/circuits.h5"
"$zkbatch" verify "$out/proofs/b.proof" --circuits "$out/circuits.h5" \
  --previous-proof "$out/proofs/a.proof"
