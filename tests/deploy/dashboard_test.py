#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Checks dashboards/zkbatch.json against the metrics contract in docs/deploy.md.

* the dashboard is Grafana JSON: unique panel ids, a Prometheus datasource on every panel and
  target, panels inside the 24-column grid, no overlapping panels;
* every metric a query names is in the contract table of docs/deploy.md, and every contract
  metric appears on the dashboard;
* every query parses as PromQL: the Grafana variables are substituted and the queries are
  checked by `promtool check rules` (Debian package prometheus; a visible skip line without it);
* a negative self-test: a misspelt metric, a metric missing from the dashboard and a broken
  query are each detected.
"""
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
METRIC_RE = re.compile(r"\b(zkbatch_[a-z0-9_]+)\b")
# Grafana's built-in variables and this dashboard's own, replaced by PromQL-valid values.
GRAFANA_VARS = {"$__rate_interval": "1m", "$__range": "1h", "$__interval": "30s", "$job": ".*"}


def contract_metrics():
    """Metric names in the contract table of docs/deploy.md (rows starting with | `zkbatch_...`)."""
    text = open(os.path.join(ROOT, "docs", "deploy.md")).read()
    return set(re.findall(r"^\| `(zkbatch_[a-z0-9_]+)`", text, re.M))


def exprs(dash):
    for p in dash["panels"]:
        for t in p.get("targets", []):
            yield p["title"], t["expr"]


def structure_errors(dash):
    errs = []
    ids = [p["id"] for p in dash["panels"]]
    if len(ids) != len(set(ids)):
        errs.append(f"duplicate panel ids {ids}")
    cells = {}
    for p in dash["panels"]:
        g = p["gridPos"]
        if g["x"] < 0 or g["w"] <= 0 or g["x"] + g["w"] > 24:
            errs.append(f"panel {p['title']!r} outside the 24-column grid: {g}")
        for x in range(g["x"], g["x"] + g["w"]):
            for y in range(g["y"], g["y"] + g["h"]):
                if (x, y) in cells:
                    errs.append(f"panels {cells[(x, y)]!r} and {p['title']!r} overlap at {x},{y}")
                    break
                cells[(x, y)] = p["title"]
            else:
                continue
            break
        if p.get("datasource", {}).get("type") != "prometheus":
            errs.append(f"panel {p['title']!r} has no Prometheus datasource")
        if not p.get("targets"):
            errs.append(f"panel {p['title']!r} has no query")
        for t in p.get("targets", []):
            if t.get("datasource", {}).get("type") != "prometheus" or not t.get("expr"):
                errs.append(f"panel {p['title']!r} target {t.get('refId')} lacks a Prometheus query")
    names = [v["name"] for v in dash.get("templating", {}).get("list", [])]
    if "datasource" not in names or "job" not in names:
        errs.append(f"template variables datasource and job expected, found {names}")
    return errs


def metric_errors(dash, contract):
    errs = []
    used = set()
    for title, e in exprs(dash):
        for m in METRIC_RE.findall(e):
            used.add(m)
            if m not in contract:
                errs.append(f"panel {title!r} queries {m}, which is not in the contract (docs/deploy.md)")
    for m in sorted(contract - used):
        errs.append(f"contract metric {m} is not on the dashboard")
    return errs


def promql_errors(dash):
    """None when promtool is missing, else the list of errors for the dashboard's queries."""
    promtool = shutil.which("promtool")
    if not promtool:
        return None
    rules = []
    for i, (title, e) in enumerate(exprs(dash)):
        for k, v in GRAFANA_VARS.items():
            e = e.replace(k, v)
        rules.append({"record": f"zkbatch:dashboard_query_{i}", "expr": e})
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as f:
        json.dump({"groups": [{"name": "dashboard", "rules": rules}]}, f)  # JSON is YAML
        path = f.name
    try:
        r = subprocess.run([promtool, "check", "rules", path], capture_output=True, text=True)
    finally:
        os.unlink(path)
    return [] if r.returncode == 0 else (r.stdout + r.stderr).strip().splitlines()


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

    with open(os.path.join(ROOT, "dashboards", "zkbatch.json")) as f:
        dash = json.load(f)
    contract = contract_metrics()
    report(len(contract) == 7, f"docs/deploy.md lists the 7 contract metrics ({', '.join(sorted(contract))})")
    errs = structure_errors(dash)
    report(not errs, f"dashboard structure: {len(dash['panels'])} panels", errs)
    errs = metric_errors(dash, contract)
    report(not errs, "queries use exactly the contract metrics", errs)
    perrs = promql_errors(dash)
    if perrs is None:
        print("skip - promtool not installed (Debian package prometheus): PromQL syntax not checked")
    else:
        report(not perrs, f"all {sum(1 for _ in exprs(dash))} queries parse (promtool check rules)", perrs)

    bad = copy.deepcopy(dash)
    bad["panels"][0]["targets"][0]["expr"] = bad["panels"][0]["targets"][0]["expr"].replace(
        "zkbatch_segments_proved_total", "zkbatch_segment_proved_total")
    report(any("zkbatch_segment_proved_total" in e for e in metric_errors(bad, contract)),
           "detects a misspelt metric")
    report(any("zkbatch_extra_total is not on the dashboard" in e
               for e in metric_errors(dash, contract | {"zkbatch_extra_total"})),
           "detects a contract metric missing from the dashboard")
    bad = copy.deepcopy(dash)
    bad["panels"][1]["targets"][0]["expr"] = "sum(rate(zkbatch_cycles_proved_total[5m])"
    if perrs is not None:
        report(bool(promql_errors(bad)), "detects a query that does not parse")
    bad = copy.deepcopy(dash)
    bad["panels"][1]["gridPos"] = dict(bad["panels"][0]["gridPos"])
    report(any("overlap" in e for e in structure_errors(bad)), "detects overlapping panels")

    print()
    print(f"dashboard_test: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
