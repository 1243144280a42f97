#!/usr/bin/env bash
# Render every overlay under k8s/overlays/ and check the output offline (no cluster needed).
#
#   k8s/validate.sh            from the repository root (or any directory)
#
# Per overlay:
#   1. `kubectl kustomize` renders it (kustomize parses every input, so a failure here is a YAML or
#      reference error) and the output is non-empty;
#   2. with python3 + PyYAML: every document parses and has apiVersion/kind/metadata.name, every
#      Deployment container has requests+limits, startup/liveness/readiness probes, runAsNonRoot,
#      a read-only root filesystem and a tagged image (never :latest), every ConfigMap/Secret a pod
#      references is rendered or written by a data-tier operator from a rendered resource (CloudNativePG
#      <cluster>-app, MongoDB <name>-<db>-<user>) (prod: Secrets come from outside Git, so none may be rendered);
#      no Ingress (the Gateway API serves), and the Gateway asks cert-manager for its certificates;
#      NetworkPolicy egress names its peers (only DNS may go to any address);
#   3. always (grep, no Python needed): every Deployment mentions resources, the three probes and
#      runAsNonRoot: true.
# Prints one line per overlay on success; exits non-zero on the first failure.
# `kubectl apply/create --dry-run=client` is not used: it needs an API server even in client mode.
set -euo pipefail

K8S_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

fail() { echo "FAIL $*" >&2; exit 1; }

command -v kubectl >/dev/null 2>&1 || fail "kubectl not found (needed for 'kubectl kustomize')"

HAVE_PYYAML=false
if command -v python3 >/dev/null 2>&1 && python3 -c 'import yaml' >/dev/null 2>&1; then
  HAVE_PYYAML=true
fi

# Structural checks on one rendered file; prints "<objects> <deployments>" on success.
check_with_pyyaml() {
  python3 - "$1" "$2" <<'PY'
import sys, yaml

path, overlay = sys.argv[1], sys.argv[2]
errors = []
try:
    docs = [d for d in yaml.safe_load_all(open(path)) if d is not None]
except yaml.YAMLError as e:
    print(f"not well-formed YAML: {e}", file=sys.stderr)
    sys.exit(1)

names = {}
for d in docs:
    if not isinstance(d, dict) or not d.get("apiVersion") or not d.get("kind") \
            or not (d.get("metadata") or {}).get("name"):
        errors.append(f"document without apiVersion/kind/metadata.name: {str(d)[:80]}")
        continue
    names.setdefault(d["kind"], set()).add(d["metadata"]["name"])

# Secrets the data tier's operators write, by the names they derive from the rendered resources.
operator_secrets = set()
for d in docs:
    if not isinstance(d, dict):
        continue
    if d.get("kind") == "Cluster" and d.get("apiVersion", "").startswith("postgresql.cnpg.io/"):
        operator_secrets.add(d["metadata"]["name"] + "-app")
    if d.get("kind") == "MongoDBCommunity":
        for u in d["spec"].get("users", []):
            operator_secrets.add(u.get("connectionStringSecretName")
                                 or f'{d["metadata"]["name"]}-{u.get("db", "admin")}-{u["name"]}')
if names.get("Ingress"):
    errors.append(f"Ingress rendered {sorted(names['Ingress'])}: the Gateway API (Gateway + HTTPRoute) serves")
for gw in (d for d in docs if isinstance(d, dict) and d.get("kind") == "Gateway"):
    if not ((gw["metadata"].get("annotations") or {}).get("cert-manager.io/cluster-issuer")):
        errors.append(f"Gateway {gw['metadata']['name']}: no cert-manager.io/cluster-issuer annotation")
    for l in gw["spec"]["listeners"]:
        if l["protocol"] == "HTTPS" and not ((l.get("tls") or {}).get("certificateRefs")):
            errors.append(f"Gateway {gw['metadata']['name']} listener {l['name']}: HTTPS without certificateRefs")

# Egress is narrow: apart from DNS (port 53), every egress rule names its peers (pods, by label).
for np in (d for d in docs if isinstance(d, dict) and d.get("kind") == "NetworkPolicy"):
    for rule in (np.get("spec") or {}).get("egress") or []:
        ports = {p.get("port") for p in rule.get("ports") or []}
        if not rule.get("to") and ports != {53}:
            errors.append(f"NetworkPolicy {np['metadata']['name']}: egress to any address on ports {sorted(map(str, ports)) or 'all'}")
        for peer in rule.get("to") or []:
            if "ipBlock" in peer and peer["ipBlock"].get("cidr") in ("0.0.0.0/0", "::/0"):
                # The one allowed form: webhook deliveries to public addresses on 80/443, every private, loopback,
                # link-local and shared range excluded.
                private = {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10", "127.0.0.0/8"}
                if not (peer["ipBlock"].get("cidr") == "0.0.0.0/0"
                        and private <= set(peer["ipBlock"].get("except") or [])
                        and ports <= {80, 443} and ports):
                    errors.append(f"NetworkPolicy {np['metadata']['name']}: egress to {peer['ipBlock']['cidr']}")

if overlay == "prod" and names.get("Secret"):
    errors.append(f"prod renders Secrets {sorted(names['Secret'])}: prod Secrets must come from outside Git")

deployments = [d for d in docs if isinstance(d, dict) and d.get("kind") == "Deployment"]
if not deployments:
    errors.append("no Deployment rendered")
for dep in deployments:
    name = dep["metadata"]["name"]
    pod = dep["spec"]["template"]["spec"]
    pod_nonroot = (pod.get("securityContext") or {}).get("runAsNonRoot") is True
    for c in pod.get("containers", []):
        where = f"Deployment {name} container {c.get('name')}"
        res = c.get("resources") or {}
        for kind in ("requests", "limits"):
            for r in ("cpu", "memory"):
                if not (res.get(kind) or {}).get(r):
                    errors.append(f"{where}: resources.{kind}.{r} missing")
        for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
            if not c.get(probe):
                errors.append(f"{where}: {probe} missing")
        sc = c.get("securityContext") or {}
        if not (pod_nonroot or sc.get("runAsNonRoot") is True):
            errors.append(f"{where}: runAsNonRoot not true")
        if sc.get("readOnlyRootFilesystem") is not True:
            errors.append(f"{where}: readOnlyRootFilesystem not true")
        if "ALL" not in ((sc.get("capabilities") or {}).get("drop") or []):
            errors.append(f"{where}: capabilities.drop lacks ALL")
        image = c.get("image", "")
        tag = image.rsplit("/", 1)[-1]
        if ":" not in tag and "@" not in tag:
            errors.append(f"{where}: image {image} has no tag")
        elif tag.endswith(":latest"):
            errors.append(f"{where}: image {image} uses :latest")
        refs = [("ConfigMap", e["configMapRef"]["name"]) for e in c.get("envFrom", []) if "configMapRef" in e]
        refs += [("Secret", e["secretRef"]["name"]) for e in c.get("envFrom", []) if "secretRef" in e]
        for e in c.get("env", []):
            src = e.get("valueFrom") or {}
            if "configMapKeyRef" in src:
                refs.append(("ConfigMap", src["configMapKeyRef"]["name"]))
            if "secretKeyRef" in src:
                refs.append(("Secret", src["secretKeyRef"]["name"]))
        for kind, ref in refs:
            if kind == "Secret" and ref in operator_secrets:
                continue  # written by an operator
            if kind == "Secret" and overlay == "prod":
                continue  # created outside Git in prod
            if ref not in names.get(kind, set()):
                errors.append(f"{where}: references {kind} {ref}, which is not rendered")

if errors:
    print("\n".join(errors), file=sys.stderr)
    sys.exit(1)
print(len(docs), len(deployments))
PY
}

# Grep check: split the stream at '---' and require the key words in every Deployment.
grep_deployments() {
  awk -v required='resources:|startupProbe:|livenessProbe:|readinessProbe:|runAsNonRoot: true' '
    function flush() {
      if (doc ~ /(^|\n)kind: Deployment\n/) {
        n++
        split(required, keys, "|")
        for (i in keys) if (index(doc, keys[i]) == 0) { print "Deployment " name " lacks \"" keys[i] "\""; bad = 1 }
      }
      doc = ""; name = "?"
    }
    /^---/ { flush(); next }
    { doc = doc $0 "\n" }
    /^  name: / && name == "?" { name = $2 }
    BEGIN { name = "?" }
    END { flush(); if (n == 0) { print "no Deployment found"; bad = 1 }; exit bad }
  ' "$1"
}

overlays=()
for dir in "$K8S_DIR"/overlays/*/; do
  [[ -f "$dir/kustomization.yaml" ]] && overlays+=("$(basename "$dir")")
done
((${#overlays[@]} > 0)) || fail "no overlays found under $K8S_DIR/overlays"

for overlay in "${overlays[@]}"; do
  out="$WORK/$overlay.yaml"
  if ! kubectl kustomize "$K8S_DIR/overlays/$overlay" >"$out" 2>"$WORK/$overlay.err"; then
    cat "$WORK/$overlay.err" >&2
    fail "$overlay: kubectl kustomize failed"
  fi
  grep -q '^kind: ' "$out" || fail "$overlay: rendered output is empty"

  if $HAVE_PYYAML; then
    counts="$(check_with_pyyaml "$out" "$overlay")" || fail "$overlay: structural check failed (see above)"
    read -r objects deployments <<<"$counts"
    how="parsed with PyYAML"
  else
    objects="$(grep -c '^kind: ' "$out")"
    deployments="$(grep -c '^kind: Deployment$' "$out")"
    how="PyYAML unavailable: kustomize parse + grep only"
  fi
  grep_deployments "$out" >&2 || fail "$overlay: a Deployment lacks resources, probes or runAsNonRoot"

  echo "ok   $overlay: $objects objects, $deployments Deployments ($how; resources, probes, runAsNonRoot present)"
done
