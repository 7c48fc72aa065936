#!/usr/bin/env python3
"""Checks Kubernetes manifests without a cluster (kubectl and kubeconform are not at hand):
each document parses and names its kind; namespaced objects sit in the file's namespace;
and every reference resolves within the file: ConfigMaps and claims behind volumes, volume
mounts, named ports, selectors against pod labels, a StatefulSet's service, Secrets (which
the file's comments must tell the reader to create). A container's first argument must be a
sitepatrol command given on the command line.

    check_kubernetes.py FILE.yaml COMMAND...    prints each problem; exit 1 when any
"""
import sys

import yaml

CLUSTER_SCOPED = {"Namespace"}


def pod_specs(doc):
    kind = doc["kind"]
    spec = doc.get("spec", {})
    if kind in ("Deployment", "StatefulSet"):
        yield spec["template"], spec
    elif kind == "CronJob":
        yield spec["jobTemplate"]["spec"]["template"], spec


def main(path, commands):
    text = open(path, encoding="utf-8").read()
    comments = "\n".join(l for l in text.splitlines() if l.lstrip().startswith("#"))
    docs = [d for d in yaml.safe_load_all(text) if d is not None]
    problems = []

    def problem(doc, message):
        problems.append(f"{path}: {doc.get('kind')} {doc.get('metadata', {}).get('name')}: {message}")

    namespaces = {d["metadata"]["name"] for d in docs if d.get("kind") == "Namespace"}
    by_kind = {}
    for d in docs:
        for key in ("apiVersion", "kind", "metadata"):
            if key not in d:
                problems.append(f"{path}: a document without {key}")
        if "metadata" not in d or "kind" not in d:
            continue
        by_kind.setdefault(d["kind"], {})[d["metadata"].get("name")] = d
        if d["kind"] not in CLUSTER_SCOPED and d["metadata"].get("namespace") not in namespaces:
            problem(d, f"namespace {d['metadata'].get('namespace')!r} is not the file's")

    def has(kind, name):
        return name in by_kind.get(kind, {})

    workload_labels = []
    for d in docs:
        for template, spec in pod_specs(d):
            labels = template.get("metadata", {}).get("labels", {})
            workload_labels.append((labels, template["spec"]))
            selector = spec.get("selector", {}).get("matchLabels")
            if d["kind"] != "CronJob" and (not selector or any(labels.get(k) != v for k, v in selector.items())):
                problem(d, "selector does not match the pod template's labels")
            if d["kind"] == "StatefulSet" and not has("Service", spec.get("serviceName")):
                problem(d, f"serviceName {spec.get('serviceName')!r} is no Service in the file")
            pod = template["spec"]
            volumes = {v["name"]: v for v in pod.get("volumes", [])}
            claim_templates = {t["metadata"]["name"] for t in spec.get("volumeClaimTemplates", [])}
            for v in volumes.values():
                if "configMap" in v and not has("ConfigMap", v["configMap"]["name"]):
                    problem(d, f"volume {v['name']}: no ConfigMap {v['configMap']['name']!r}")
                if "persistentVolumeClaim" in v and not has("PersistentVolumeClaim", v["persistentVolumeClaim"]["claimName"]):
                    problem(d, f"volume {v['name']}: no PersistentVolumeClaim {v['persistentVolumeClaim']['claimName']!r}")
            for c in pod.get("containers", []):
                ports = {p.get("name") for p in c.get("ports", [])}
                for m in c.get("volumeMounts", []):
                    if m["name"] not in volumes and m["name"] not in claim_templates:
                        problem(d, f"container {c['name']}: mount {m['name']!r} names no volume")
                secrets = [e["secretRef"] for e in c.get("envFrom", []) if "secretRef" in e]
                secrets += [e["valueFrom"]["secretKeyRef"] for e in c.get("env", []) if "secretKeyRef" in e.get("valueFrom", {})]
                for s in secrets:
                    if not has("Secret", s["name"]) and f"Secret `{s['name']}`" not in comments:
                        problem(d, f"container {c['name']}: Secret {s['name']!r} is neither in the file nor documented in its comments")
                for probe in ("livenessProbe", "readinessProbe"):
                    port = c.get(probe, {}).get("httpGet", {}).get("port")
                    if isinstance(port, str) and port not in ports:
                        problem(d, f"container {c['name']}: {probe} port {port!r} is not a container port")
                image = c.get("image", "")
                if "sitepatrol" in image:
                    args = c.get("args", [])
                    if not args or args[0] not in commands:
                        problem(d, f"container {c['name']}: {args[:1]} is no sitepatrol command")
    for name, svc in by_kind.get("Service", {}).items():
        selector = svc["spec"].get("selector", {})
        matches = [pod for labels, pod in workload_labels if all(labels.get(k) == v for k, v in selector.items())]
        if not matches:
            problem(svc, "selector matches no pod template in the file")
        for p in svc["spec"].get("ports", []):
            target = p.get("targetPort")
            if isinstance(target, str) and not any(target == port.get("name") for pod in matches for c in pod["containers"] for port in c.get("ports", [])):
                problem(svc, f"targetPort {target!r} is no port of its pods")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], set(sys.argv[2:])))
