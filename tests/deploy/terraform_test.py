#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Offline checks of terraform/ (`terraform init`/`validate` need the registry, which CI lacks).

* `terraform fmt -check` when terraform is on the PATH (a visible skip line otherwise);
* the variables (with type and default), resources and outputs that terraform/README.md
  documents are exactly those the .tf files declare;
* the Google provider is pinned to the current major (~> 8.0);
* the contract with k8s/: pools named system, highmem and gpu; the taints the overlays tolerate;
  GPU driver installation; Spot and COMPACT placement bound to their variables; Filestore CSI
  driver enabled; the optional Filestore instance bound to create_filestore;
* a negative self-test: an undocumented variable, a documented but missing output, a changed
  default and a missing taint are each detected.
"""
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TF = os.path.join(ROOT, "terraform")


def blocks(text):
    """Top-level HCL blocks as (labels tuple, body text). Skips strings and comments so that
    braces inside "${...}" interpolations or comments do not count."""
    out = []
    i, n = 0, len(text)
    while i < n:
        m = re.compile(r'(\w+)((?:\s+"[^"]*")*)\s*\{').match(text, i)
        if not m:
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        depth, j = 1, m.end()
        while j < n and depth:
            c = text[j]
            if c == '"':
                j += 1
                while j < n and text[j] != '"':
                    j += 2 if text[j] == "\\" else 1
            elif c == "#" or text.startswith("//", j):
                j = text.find("\n", j)
                j = n if j < 0 else j
                continue
            elif c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
            j += 1
        labels = (m.group(1),) + tuple(re.findall(r'"([^"]*)"', m.group(2)))
        out.append((labels, text[m.end():j - 1]))
        i = j
    return out


def load_tf(texts):
    decl = {"variable": {}, "resource": {}, "output": {}, "terraform": [], "locals": []}
    for text in texts:
        for labels, body in blocks(text):
            kind = labels[0]
            if kind == "variable":
                t = re.search(r"^\s*type\s*=\s*(\w+)", body, re.M)
                d = re.search(r'^\s*default\s*=\s*("[^"]*"|\S+)', body, re.M)
                decl["variable"][labels[1]] = (t.group(1) if t else None, d.group(1) if d else None)
            elif kind == "resource":
                decl["resource"][f"{labels[1]}.{labels[2]}"] = body
            elif kind == "output":
                decl["output"][labels[1]] = body
            elif kind in ("terraform", "locals"):
                decl[kind].append(body)
    return decl


def readme_tables(text):
    """Rows of the Variables, Resources and Outputs tables of the README."""
    out = {}
    for section in ("Variables", "Resources", "Outputs"):
        m = re.search(rf"^## {section}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
        rows = []
        for line in (m.group(1) if m else "").splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if line.startswith("|") and cells[0].startswith("`"):
                rows.append(cells)
        out[section] = rows
    return out


def doc_errors(decl, readme):
    errs = []
    t = readme_tables(readme)
    doc_vars = {}
    for cells in t["Variables"]:
        default = cells[2].strip("`")
        doc_vars[cells[0].strip("`")] = (cells[1], None if default == "(required)" else default)
    for name in sorted(set(decl["variable"]) - set(doc_vars)):
        errs.append(f"variable {name} is declared but not documented in terraform/README.md")
    for name in sorted(set(doc_vars) - set(decl["variable"])):
        errs.append(f"variable {name} is documented but not declared")
    for name in sorted(set(doc_vars) & set(decl["variable"])):
        if doc_vars[name] != decl["variable"][name]:
            errs.append(f"variable {name}: README says {doc_vars[name]}, .tf says {decl['variable'][name]}")
    for section, kind in (("Resources", "resource"), ("Outputs", "output")):
        doc = {cells[0].strip("`") for cells in t[section]}
        for name in sorted(set(decl[kind]) - doc):
            errs.append(f"{kind} {name} is declared but not documented")
        for name in sorted(doc - set(decl[kind])):
            errs.append(f"{kind} {name} is documented but not declared")
    return errs


def taints(body):
    return re.findall(r'taint\s*\{\s*key\s*=\s*"([^"]+)"\s*value\s*=\s*"([^"]+)"\s*effect\s*=\s*"([^"]+)"', body)


def contract_errors(decl):
    errs = []
    pin = "".join(decl["terraform"])
    if not re.search(r'google\s*=\s*\{[^}]*source\s*=\s*"hashicorp/google"[^}]*version\s*=\s*"~> 8\.0"', pin, re.S):
        errs.append('the google provider must be pinned with version = "~> 8.0"')
    pools = {k.split(".")[1]: v for k, v in decl["resource"].items() if k.startswith("google_container_node_pool.")}
    if set(pools) != {"system", "highmem", "gpu"}:
        errs.append(f"node pools must be system, highmem and gpu, found {sorted(pools)}")
    for name, body in pools.items():
        if not re.search(rf'^\s*name\s*=\s*"{name}"', body, re.M):
            errs.append(f"node pool {name} must be named \"{name}\" (k8s/overlays select it by name)")
    expect = {
        "system": set(),
        "highmem": {("zkbatch.io/pool", "highmem", "NO_SCHEDULE")},
        "gpu": {("nvidia.com/gpu", "present", "NO_SCHEDULE"), ("zkbatch.io/pool", "gpu", "NO_SCHEDULE")},
    }
    for name, want in expect.items():
        if name in pools and set(taints(pools[name])) != want:
            errs.append(f"node pool {name}: taints {sorted(taints(pools[name]))}, expected {sorted(want)}")
    for name in ("highmem", "gpu"):
        body = pools.get(name, "")
        if not re.search(rf"spot\s*=\s*var\.{name}_spot", body):
            errs.append(f"node pool {name}: spot must follow var.{name}_spot")
        if not re.search(r'placement_policy"\s*\{\s*for_each\s*=\s*var\.compact_placement.*?type\s*=\s*"COMPACT"', body, re.S):
            errs.append(f"node pool {name}: COMPACT placement must follow var.compact_placement")
        if "total_min_node_count = 0" not in re.sub(r"\s+", " ", body):
            errs.append(f"node pool {name}: must autoscale from zero")
    gpu = pools.get("gpu", "")
    if not re.search(r"guest_accelerator\s*\{.*gpu_driver_installation_config\s*\{\s*gpu_driver_version\s*=\s*var\.gpu_driver_version", gpu, re.S):
        errs.append("node pool gpu: guest_accelerator must install the driver (gpu_driver_version)")
    loc = "".join(decl["locals"])
    accel = dict(re.findall(r'"([\w-]+)"\s*=\s*"(nvidia-[\w-]+)"', loc))
    known = {"h100": "nvidia-h100-80gb", "a100": "nvidia-tesla-a100", "a100-80gb": "nvidia-a100-80gb", "l4": "nvidia-l4"}
    if accel != known:
        errs.append(f"gpu_accelerator map {accel} differs from the GKE accelerator types {known}")
    for gtype, family in (("h100", "a3-"), ("a100", "a2-"), ("a100-80gb", "a2-ultragpu"), ("l4", "g2-standard")):
        m = re.search(rf'"{gtype}"\s*=\s*\{{([^}}]*)\}}', loc)
        if not m or any(not v.startswith(family) for v in re.findall(r'=\s*"([\w-]+)"', m.group(1))):
            errs.append(f"gpu_machines[{gtype}] must list {family}* machine types")
    cluster = decl["resource"].get("google_container_cluster.zkbatch", "")
    if not re.search(r"gcp_filestore_csi_driver_config\s*\{\s*enabled\s*=\s*true", cluster):
        errs.append("the cluster must enable the Filestore CSI driver")
    if "remove_default_node_pool = true" not in re.sub(r"\s+", " ", cluster):
        errs.append("the cluster must remove the default node pool")
    fs = decl["resource"].get("google_filestore_instance.data", "")
    if not re.search(r"count\s*=\s*var\.create_filestore\s*\?\s*1\s*:\s*0", fs):
        errs.append("the Filestore instance must be optional (count = var.create_filestore ? 1 : 0)")
    if not re.search(r'file_shares\s*\{\s*name\s*=\s*"zkbatch"', fs):
        errs.append("the Filestore share must be named zkbatch (k8s/components/filestore-instance)")
    return errs


def main():
    passed = failed = 0

    def report(ok, what, details=()):
        nonlocal passed, failed
        if ok:
            passed += 1
            print(f"ok   - {what}")
        else:
            failed += 1
            print(f"FAIL - {what}")
            for d in details:
                print(f"       {d}")

    tf_files = sorted(f for f in os.listdir(TF) if f.endswith(".tf"))
    texts = {f: open(os.path.join(TF, f)).read() for f in tf_files}
    readme = open(os.path.join(TF, "README.md")).read()
    decl = load_tf(texts.values())

    if shutil.which("terraform"):
        r = subprocess.run(["terraform", "fmt", "-check", "-diff", "-recursive", TF], capture_output=True, text=True)
        report(r.returncode == 0, "terraform fmt -check", (r.stdout + r.stderr).splitlines()[:40])
    else:
        print("skip - terraform not on the PATH: fmt -check not run")

    report(len(decl["variable"]) >= 20 and len(decl["resource"]) >= 10,
           f"parsed {len(tf_files)} files: {len(decl['variable'])} variables, {len(decl['resource'])} resources, "
           f"{len(decl['output'])} outputs")
    errs = doc_errors(decl, readme)
    report(not errs, "README documents exactly the declared variables (type, default), resources and outputs", errs)
    errs = contract_errors(decl)
    report(not errs, "provider pin, pool names, taints, GPU driver, Spot, COMPACT placement, Filestore", errs)

    # Negative self-test: each break must be detected.
    extra = load_tf(list(texts.values()) + ['variable "undocumented" {\n  type = string\n}\n'])
    report(any("undocumented" in e for e in doc_errors(extra, readme)), "detects an undocumented variable")
    report(any("output ghost" in e for e in doc_errors(decl, readme + "\n| `ghost` | not there |\n")),
           "detects a documented output that does not exist")
    changed = readme.replace("| `highmem_max_nodes` | number | `8` |", "| `highmem_max_nodes` | number | `9` |")
    report(changed != readme and any("highmem_max_nodes" in e for e in doc_errors(decl, changed)),
           "detects a default that differs from the README")
    broken = {f: t.replace('value  = "highmem"', 'value  = "himem"') for f, t in texts.items()}
    report(broken != texts and any("highmem: taints" in e for e in contract_errors(load_tf(broken.values()))),
           "detects a changed taint")
    unpinned = {f: t.replace('"~> 8.0"', '">= 5.0"') for f, t in texts.items()}
    report(unpinned != texts and any("pinned" in e for e in contract_errors(load_tf(unpinned.values()))),
           "detects a provider that is not pinned to the current major")

    print()
    print(f"terraform_test: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
