#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Offline validation of the Kubernetes manifests in k8s/.

Renders k8s/base, every overlay and the filestore-instance component with `kubectl kustomize`
and checks every document:

* against its schema, strictly (unknown fields are errors): core kinds against the Kubernetes
  1.36 OpenAPI v2 definitions and MPIJob against the openAPIV3Schema of the mpi-operator CRD,
  both read at run time from ../shared/schemas (exit 77 with a reason when it is absent);
  PodMonitor against a hand-written subset of the Prometheus Operator v1 API (the fields used
  here; no copy of that CRD is available offline);
* against rules that the API server and the MPI operator enforce but the schemas do not express
  (launcher replicas 1, DNS-1035 worker names, quantity syntax), and the rules of this deployment
  (explicit hostfile for mpirun, WaitForWorkersReady, references between objects, metrics port,
  Guaranteed QoS and OMP_NUM_THREADS for the workers, GPU requests and tolerations, node pools
  and taints that terraform/ creates).

A negative self-test then breaks copies of the rendered manifests in known ways and requires
each to be rejected, so a validator that accepts everything fails.

Run with Debian's /usr/bin/python3 (python3-jsonschema, python3-yaml).
"""
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import jsonschema
    import yaml
except ImportError as e:  # Debian packages python3-jsonschema and python3-yaml
    print(f"SKIP: {e} (install python3-jsonschema python3-yaml and run with /usr/bin/python3)")
    sys.exit(77)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
K8S = os.path.join(ROOT, "k8s")
OVERLAYS = ["cpu-highmem", "gpu"]
SKIP = 77

# Kubernetes resource.Quantity (apimachinery/pkg/api/resource/quantity.go, the serialization
# grammar): a signed decimal number followed by a binary (Ki..Ei), decimal (n, u, m, k, M..E) or
# exponent suffix.
QUANTITY_RE = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$")
# RFC 1035 label, as Kubernetes validates Service and MPIJob-derived names (max 63 characters).
DNS1035_RE = re.compile(r"^[a-z]([-a-z0-9]*[a-z0-9])?$")

# Fields of monitoring.coreos.com/v1 PodMonitor that this deployment may use (Prometheus Operator
# API reference, PodMonitorSpec and PodMetricsEndpoint). Unknown fields are rejected.
PODMONITOR_SCHEMA = {
    "type": "object",
    "required": ["apiVersion", "kind", "metadata", "spec"],
    "additionalProperties": False,
    "properties": {
        "apiVersion": {"enum": ["monitoring.coreos.com/v1"]},
        "kind": {"enum": ["PodMonitor"]},
        "metadata": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"},
        "spec": {
            "type": "object",
            "required": ["selector", "podMetricsEndpoints"],
            "additionalProperties": False,
            "properties": {
                "jobLabel": {"type": "string"},
                "podTargetLabels": {"type": "array", "items": {"type": "string"}},
                "sampleLimit": {"type": "integer"},
                "selector": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"},
                "namespaceSelector": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "any": {"type": "boolean"},
                        "matchNames": {"type": "array", "items": {"type": "string"}},
                    },
                },
                "podMetricsEndpoints": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "port": {"type": "string"},
                            "portNumber": {"type": "integer"},
                            "path": {"type": "string"},
                            "scheme": {"enum": ["http", "https"]},
                            "interval": {"type": "string", "pattern": r"^(\d+(ms|s|m|h))+$"},
                            "scrapeTimeout": {"type": "string", "pattern": r"^(\d+(ms|s|m|h))+$"},
                            "honorLabels": {"type": "boolean"},
                            "honorTimestamps": {"type": "boolean"},
                        },
                    },
                },
            },
        },
    },
}


def strictify(node):
    """Rejects unknown fields like the API server's strict field validation: every object schema
    that lists properties gets additionalProperties: false, unless it preserves unknown fields."""
    if isinstance(node, dict):
        if ("properties" in node and "additionalProperties" not in node
                and not node.get("x-kubernetes-preserve-unknown-fields")):
            node["additionalProperties"] = False
        for v in node.values():
            strictify(v)
    elif isinstance(node, list):
        for v in node:
            strictify(v)
    return node


class Schemas:
    def __init__(self, shared):
        with open(os.path.join(shared, "schemas", "kubernetes-1.36-swagger.json")) as f:
            defs = json.load(f)["definitions"]
        # The swagger file types these two as "string" with a custom format; YAML also allows numbers.
        defs["io.k8s.apimachinery.pkg.util.intstr.IntOrString"] = {"anyOf": [{"type": "integer"}, {"type": "string"}]}
        defs["io.k8s.apimachinery.pkg.api.resource.Quantity"] = {"anyOf": [{"type": "number"}, {"type": "string"}]}
        self.defs = strictify(defs)
        self.by_kind = {}
        for name, d in defs.items():
            for gvk in d.get("x-kubernetes-group-version-kind", []):
                api = gvk["version"] if not gvk["group"] else f'{gvk["group"]}/{gvk["version"]}'
                self.by_kind[(api, gvk["kind"])] = {"$ref": f"#/definitions/{name}"}
        with open(os.path.join(shared, "schemas", "kubeflow.org_mpijobs.yaml")) as f:
            for doc in yaml.safe_load_all(f):
                if not doc or doc.get("kind") != "CustomResourceDefinition":
                    continue
                spec = doc["spec"]
                for v in spec["versions"]:
                    s = strictify(copy.deepcopy(v["schema"]["openAPIV3Schema"]))
                    s["properties"]["metadata"] = {"$ref": "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"}
                    self.by_kind[(f'{spec["group"]}/{v["name"]}', spec["names"]["kind"])] = s
        self.by_kind[("monitoring.coreos.com/v1", "PodMonitor")] = PODMONITOR_SCHEMA
        self.validators = {}

    def errors(self, doc):
        key = (doc.get("apiVersion"), doc.get("kind"))
        if key not in self.by_kind:
            return [f"no schema for {key[0]} {key[1]}"]
        if key not in self.validators:
            schema = dict(self.by_kind[key])
            schema["definitions"] = self.defs
            self.validators[key] = jsonschema.Draft4Validator(schema)
        errs = sorted(self.validators[key].iter_errors(doc), key=lambda e: list(e.absolute_path))
        return [f"{'.'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in errs]


def pod_templates(doc):
    """(where, pod template) pairs of a workload."""
    if doc["kind"] == "Job":
        yield "template", doc["spec"]["template"]
    elif doc["kind"] == "MPIJob":
        for role, rs in doc["spec"]["mpiReplicaSpecs"].items():
            yield role, rs["template"]


def quantities(obj, path=""):
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in ("requests", "limits") and isinstance(v, dict):
                for rk, rv in v.items():
                    yield f"{path}.{k}.{rk}", rv
            else:
                yield from quantities(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from quantities(v, f"{path}.{i}")


def semantic_errors(docs, overlay, tf_taints):
    """Rules the schemas cannot express. Returns a list of messages."""
    errs = []
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d["kind"], []).append(d)
    namespaces = {d["metadata"]["name"] for d in by_kind.get("Namespace", [])}
    configmaps = {d["metadata"]["name"]: d for d in by_kind.get("ConfigMap", [])}
    pvcs = {d["metadata"]["name"] for d in by_kind.get("PersistentVolumeClaim", [])}
    images = set()

    for d in docs:
        name = f'{d["kind"]}/{d["metadata"].get("name")}'
        ns = d["metadata"].get("namespace")
        if d["kind"] not in ("Namespace", "PersistentVolume") and ns not in namespaces:
            errs.append(f"{name}: namespace {ns!r} is not created by these manifests")
        for where, q in quantities(d.get("spec", {})):
            if not QUANTITY_RE.match(str(q)):
                errs.append(f"{name}{where}: {q!r} is not a Kubernetes quantity")
        if d["kind"] not in ("Job", "MPIJob"):
            continue
        for role, tpl in pod_templates(d):
            spec = tpl["spec"]
            for c in spec.get("initContainers", []) + spec["containers"]:
                images.add(c["image"])
                for ef in c.get("envFrom", []):
                    ref = ef.get("configMapRef", {}).get("name")
                    if ref and ref not in configmaps:
                        errs.append(f"{name} {role}: configMapRef {ref!r} does not exist")
            for v in spec.get("volumes", []):
                claim = v.get("persistentVolumeClaim", {}).get("claimName")
                if claim and claim not in pvcs:
                    errs.append(f"{name} {role}: claim {claim!r} does not exist")

    if len(images) != 1:
        errs.append(f"every container must run the one zkbatch image, found {sorted(images)}")

    for mj in by_kind.get("MPIJob", []):
        name = f'MPIJob/{mj["metadata"]["name"]}'
        spec = mj["spec"]
        specs = spec["mpiReplicaSpecs"]
        if specs.get("Launcher", {}).get("replicas") != 1:
            errs.append(f"{name}: Launcher replicas must be exactly 1 (mpi-operator validation)")
        workers = specs.get("Worker", {}).get("replicas", 0)
        if workers < 1:
            errs.append(f"{name}: Worker replicas must be at least 1")
        last = f'{mj["metadata"]["name"]}-worker-{max(workers, 1) - 1}'
        if len(last) > 63 or not DNS1035_RE.match(last):
            errs.append(f"{name}: worker pod name {last!r} is not a DNS-1035 label")
        if spec.get("launcherCreationPolicy") != "WaitForWorkersReady":
            errs.append(f"{name}: launcherCreationPolicy must be WaitForWorkersReady")
        if spec.get("mpiImplementation") != "OpenMPI":
            errs.append(f"{name}: mpiImplementation must be OpenMPI (the image's MPI)")
        launcher = specs["Launcher"]["template"]["spec"]["containers"][0]
        env = {e["name"]: e.get("value") for e in launcher.get("env", [])}
        if launcher.get("command", [])[:2] != ["zkbatch-job", "prove"]:
            errs.append(f"{name}: the launcher must run `zkbatch-job prove`")
        if env.get("ZKB_LAUNCHER") != "mpirun" or env.get("ZKB_HOSTFILE") != "/etc/mpi/hostfile":
            errs.append(f"{name}: the launcher must pass the operator's hostfile to mpirun explicitly "
                        "(ZKB_LAUNCHER=mpirun, ZKB_HOSTFILE=/etc/mpi/hostfile)")
        wspec = specs["Worker"]["template"]["spec"]
        worker = wspec["containers"][0]
        uid = wspec.get("securityContext", {}).get("runAsUser", 0)
        if uid != 0 and spec.get("sshAuthMountPath") != "/home/mpiuser/.ssh":
            errs.append(f"{name}: non-root workers need sshAuthMountPath /home/mpiuser/.ssh")
        probe = worker.get("readinessProbe", {}).get("tcpSocket", {}).get("port")
        if probe != 2222:
            errs.append(f"{name}: workers need a readinessProbe on sshd port 2222 (WaitForWorkersReady)")
        res = worker.get("resources", {})
        if res.get("requests") != res.get("limits"):
            errs.append(f"{name}: worker requests must equal limits (Guaranteed QoS)")
        cm = configmaps.get("zkbatch-config", {}).get("data", {})
        cpu = str(res.get("limits", {}).get("cpu", ""))
        if cm.get("OMP_NUM_THREADS") != cpu:
            errs.append(f"{name}: OMP_NUM_THREADS={cm.get('OMP_NUM_THREADS')} must equal the worker CPU limit {cpu}")
        ports = {p.get("name"): p["containerPort"] for p in worker.get("ports", [])}
        labels = dict(specs["Worker"]["template"].get("metadata", {}).get("labels", {}))
        labels.update({"training.kubeflow.org/job-role": "worker", "training.kubeflow.org/replica-index": "0"})
        for pm in by_kind.get("PodMonitor", []):
            for ep in pm["spec"]["podMetricsEndpoints"]:
                if ep.get("port") not in ports:
                    errs.append(f'PodMonitor/{pm["metadata"]["name"]}: port {ep.get("port")!r} is not a worker port')
                elif str(ports[ep["port"]]) != cm.get("ZKB_METRICS_PORT"):
                    errs.append(f"PodMonitor: worker port {ports[ep['port']]} is not ZKB_METRICS_PORT {cm.get('ZKB_METRICS_PORT')}")
            for k, v in pm["spec"]["selector"].get("matchLabels", {}).items():
                if labels.get(k) != v:
                    errs.append(f'PodMonitor/{pm["metadata"]["name"]}: selector {k}={v} matches no worker 0 pod')

        pool = wspec.get("nodeSelector", {}).get("cloud.google.com/gke-nodepool")
        tolerated = {t.get("key") for t in wspec.get("tolerations", [])}
        if overlay in ("cpu-highmem", "gpu"):
            expected = "highmem" if overlay == "cpu-highmem" else "gpu"
            if pool != expected:
                errs.append(f"{name}: {overlay} workers must select node pool {expected!r}, got {pool!r}")
            if tf_taints is not None:
                for key, value in tf_taints.get(expected, []):
                    if key not in tolerated:
                        errs.append(f"{name}: workers do not tolerate terraform's taint {key}={value} on pool {expected}")
        gpus = res.get("limits", {}).get("nvidia.com/gpu")
        if overlay == "gpu":
            if str(gpus) != "1":
                errs.append(f"{name}: gpu workers need nvidia.com/gpu: 1 in limits (one GPU per rank)")
            if "nvidia.com/gpu" not in tolerated:
                errs.append(f"{name}: gpu workers must tolerate nvidia.com/gpu")
        elif gpus is not None:
            errs.append(f"{name}: only the gpu overlay requests GPUs")
    return errs


def terraform_taints():
    """Taints per node pool as terraform/ declares them: {pool: [(key, value), ...]}, or None."""
    path = os.path.join(ROOT, "terraform", "nodepools.tf")
    if not os.path.exists(path):
        return None
    text = open(path).read()
    out = {}
    for m in re.finditer(r'resource "google_container_node_pool" "(\w+)" \{(.*?)\n\}', text, re.S):
        out[m.group(1)] = re.findall(r'taint \{\s*key\s*=\s*"([^"]+)"\s*value\s*=\s*"([^"]+)"', m.group(2))
    return out


def render(path, outside_root=False):
    cmd = ["kubectl", "kustomize", path]
    if outside_root:  # a kustomization outside k8s/ that refers into it (the component check)
        cmd.append("--load-restrictor=LoadRestrictionsNone")
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"kubectl kustomize {path} failed:\n{r.stderr}")
    return [d for d in yaml.safe_load_all(r.stdout) if d]


def check(schemas, docs, overlay, tf):
    errs = []
    for d in docs:
        for e in schemas.errors(d):
            errs.append(f'{d.get("kind")}/{d.get("metadata", {}).get("name")}: {e}')
    errs += semantic_errors(docs, overlay, tf)
    return errs


def find(docs, kind):
    return next(d for d in docs if d["kind"] == kind)


def negative_cases(gpu_docs):
    """Copies of the rendered gpu overlay, each broken in one known way."""
    def mutate(fn):
        docs = copy.deepcopy(gpu_docs)
        fn(docs)
        return docs

    def launcher(docs):
        return find(docs, "MPIJob")["spec"]["mpiReplicaSpecs"]["Launcher"]["template"]["spec"]["containers"][0]

    def worker(docs):
        return find(docs, "MPIJob")["spec"]["mpiReplicaSpecs"]["Worker"]["template"]["spec"]["containers"][0]

    return [
        ("MPIJob: unknown mpiImplementation", mutate(lambda d: find(d, "MPIJob")["spec"].update(mpiImplementation="OpenRTE"))),
        ("MPIJob: slotsPerWorker is not an integer", mutate(lambda d: find(d, "MPIJob")["spec"].update(slotsPerWorker="two"))),
        ("MPIJob: misspelt container field volumeMount", mutate(lambda d: worker(d).update(volumeMount=worker(d).pop("volumeMounts")))),
        ("MPIJob: unknown launcherCreationPolicy", mutate(lambda d: find(d, "MPIJob")["spec"].update(launcherCreationPolicy="WhenReady"))),
        ("PVC: misspelt storageclass", mutate(lambda d: find(d, "PersistentVolumeClaim")["spec"].update(storageclass="x"))),
        ("Job: backoffLimit is not an integer", mutate(lambda d: find(d, "Job")["spec"].update(backoffLimit="two"))),
        ("Job: container without a name", mutate(lambda d: find(d, "Job")["spec"]["template"]["spec"]["containers"][0].pop("name"))),
        ("PodMonitor: misspelt podMetricEndpoints", mutate(lambda d: find(d, "PodMonitor")["spec"].update(podMetricEndpoints=[]))),
        ("ConfigMap: data value not a string", mutate(lambda d: find(d, "ConfigMap")["data"].update(ZKB_METRICS_PORT=9400))),
        ("launcher without the explicit hostfile", mutate(lambda d: launcher(d).update(env=[]))),
        ("two launchers", mutate(lambda d: find(d, "MPIJob")["spec"]["mpiReplicaSpecs"]["Launcher"].update(replicas=2))),
        ("job name too long for worker DNS names", mutate(lambda d: find(d, "MPIJob")["metadata"].update(name="z" * 60))),
        ("quantity with a space", mutate(lambda d: worker(d)["resources"]["limits"].update(memory="40 GiB"))),
        ("gpu worker without a GPU", mutate(lambda d: [worker(d)["resources"][k].pop("nvidia.com/gpu") for k in ("requests", "limits")])),
        ("PodMonitor port that no worker exposes", mutate(lambda d: find(d, "PodMonitor")["spec"]["podMetricsEndpoints"][0].update(port="http"))),
        ("claim that does not exist", mutate(lambda d: find(d, "Job")["spec"]["template"]["spec"]["volumes"][0]["persistentVolumeClaim"].update(claimName="other"))),
        ("kind without a schema", mutate(lambda d: d.append({"apiVersion": "example.com/v1", "kind": "Thing", "metadata": {"name": "t", "namespace": "zkbatch"}}))),
    ]


def main():
    shared = os.environ.get("ZKB_SHARED_DIR") or os.path.join(os.path.dirname(ROOT), "shared")
    if len(sys.argv) > 1:
        shared = sys.argv[1]
    if not os.path.isdir(os.path.join(shared, "schemas")):
        print(f"SKIP: no schemas at {shared}/schemas (the ../shared checkout with the MPIJob CRD and "
              "the Kubernetes OpenAPI schema is absent)")
        return SKIP
    if not shutil.which("kubectl"):
        print("SKIP: kubectl is not on the PATH (needed for `kubectl kustomize`)")
        return SKIP
    schemas = Schemas(shared)
    tf = terraform_taints()
    passed = failed = 0

    def report(ok, what, details=()):
        nonlocal passed, failed
        if ok:
            passed += 1
            print(f"ok   - {what}")
        else:
            failed += 1
            print(f"FAIL - {what}")
            for line in details:
                print(f"       {line}")

    rendered = {}
    targets = [("base", os.path.join(K8S, "base"))] + [(o, os.path.join(K8S, "overlays", o)) for o in OVERLAYS]
    with tempfile.TemporaryDirectory() as tmp:
        # The component applied to the gpu overlay, as docs/deploy.md tells operators to do.
        with open(os.path.join(tmp, "kustomization.yaml"), "w") as f:
            yaml.safe_dump({"apiVersion": "kustomize.config.k8s.io/v1beta1", "kind": "Kustomization",
                            "resources": [os.path.relpath(os.path.join(K8S, "overlays", "gpu"), tmp)],
                            "components": [os.path.relpath(os.path.join(K8S, "components", "filestore-instance"), tmp)]}, f)
        targets.append(("gpu+filestore-instance", tmp))
        for name, path in targets:
            try:
                docs = render(path, outside_root=(path == tmp))
            except RuntimeError as e:
                report(False, f"{name}: kubectl kustomize", str(e).splitlines())
                continue
            rendered[name] = docs
            overlay = name.split("+")[0]
            errs = check(schemas, docs, overlay, tf)
            kinds = ", ".join(sorted({d["kind"] for d in docs}))
            report(not errs, f"{name}: {len(docs)} documents valid ({kinds})", errs)

    if "gpu+filestore-instance" in rendered:
        docs = rendered["gpu+filestore-instance"]
        pv = [d for d in docs if d["kind"] == "PersistentVolume"]
        pvc = find(docs, "PersistentVolumeClaim")
        report(len(pv) == 1 and pvc["spec"].get("volumeName") == pv[0]["metadata"]["name"]
               and pvc["spec"].get("storageClassName") == "",
               "filestore-instance component binds the claim to the static Filestore volume")
    report(tf is not None and tf.get("highmem") and tf.get("gpu"),
           "terraform/nodepools.tf declares taints for the highmem and gpu pools",
           [f"found {tf}"])

    if "gpu" in rendered:
        for what, docs in negative_cases(rendered["gpu"]):
            errs = check(schemas, docs, "gpu", tf)
            report(bool(errs), f"rejects a broken manifest: {what}" + (f" ({errs[0]})" if errs else ""),
                   ["the validator accepted it"])

    print()
    print(f"validate_k8s: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
