#!/usr/bin/env bash
# xAPI LRS benchmark: statements/s ingested through the gateway in batches of 50 (an LMS credential, HTTP Basic)
# and a filtered query's p50/p99 (agent + verb, limit 10) once they are stored, next to inserting the same documents
# straight into the store (the MongoDB the stack runs: its wire server, or STACK_MONGODB_URL) and running the same
# filter there, in the same run. Prints the table and the ratios LRS/direct.
#
#   ./stack up -d                           # the running stack (this script does not start it)
#   bench/xapi-ingest.sh                    # 1 000 000 statements: long, and heavy for a shared machine
#   BENCH_STATEMENTS=20000 bench/xapi-ingest.sh   # a reduced run (say so when quoting it)
#
# Environment (all optional):
#   BENCH_STATEMENTS     statements to send [1000000] (the issue's figure; the query runs over what is stored)
#   BENCH_CONCURRENCY    concurrent LMS connections, and threads for the direct inserts [4]
#   BENCH_QUERIES        filtered queries timed (each through the LRS and directly) [200]
#   BENCH_LEARNERS       distinct actors the statements are spread over [1000]
#   BENCH_STORE_SIZE     the provider's stored statements the queries run over [BENCH_STATEMENTS]: above it, the
#                        store is topped up with copies of what the LRS stored (insertMany, not part of either rate)
#   BENCH_PROVIDER       the UKPRN the bench credential is issued for (by admin1); its statements are deleted at the
#                        end unless BENCH_KEEP=1 (use a UKPRN no real data has) [19999999]
#   BENCH_KEEP           1: keep the statements (e.g. to grow the store over several runs) [0]
#   BENCH_REUSE_STORE    1: keep the bench provider's statements an earlier (kept or interrupted) run left, as part
#                        of the store the queries run over; otherwise they are deleted first [0]
#   BENCH_GATEWAY_URL    gateway base URL [http://localhost:8080]
#   BENCH_MONGODB_URL    the store evidence-service uses [STACK_MONGODB_URL, else mongodb://localhost:17017]
#
# The embedded MongoDB wire server of the dev stack keeps only unique indexes (docs/xapi.md, "Storage"): on it the
# filtered query scans the provider's statements, so its p99 grows with the store; against a real MongoDB
# (STACK_MONGODB_URL for both ./stack and this script) evidence-service's declared indexes make it an index range
# scan. The direct find() runs on the same store with the same filter, so the ratio compares like with like.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

GATEWAY="${BENCH_GATEWAY_URL:-http://localhost:8080}"
GATEWAY="${GATEWAY%/}"
PROVIDER="${BENCH_PROVIDER:-19999999}"
export BENCH_MONGODB_URL="${BENCH_MONGODB_URL:-${STACK_MONGODB_URL:-mongodb://localhost:17017}}"

say() { printf '[bench] %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

[[ ${BENCH_STATEMENTS:-1000000} =~ ^[0-9]+$ ]] && ((${BENCH_STATEMENTS:-1000000} >= 50)) \
  || die "BENCH_STATEMENTS must be a whole number >= 50"
[[ $PROVIDER =~ ^[0-9]{8}$ ]] || die "BENCH_PROVIDER must be a UKPRN (8 digits)"
for t in curl java python3; do command -v "$t" >/dev/null || die "missing command: $t"; done

curl -fsS -o /dev/null --max-time 5 "$GATEWAY/q/health/ready" \
  || die "gateway not ready at $GATEWAY; start the stack first (./stack up -d)"
TOKEN="$(./stack token admin1)" || die "./stack token admin1 failed"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/xapi-ingest.XXXXXX")"
KEY=""
cleanup() {
  if [[ -n $KEY ]]; then # revoke the bench credential (a fresh token: a long run outlives the first)
    curl -fsS -o /dev/null -X DELETE -H "Authorization: Bearer $(./stack token admin1 || echo "$TOKEN")" \
      "$GATEWAY/api/v1/xapi-credentials/$KEY" || say "could not revoke the bench credential $KEY"
  fi
  rm -rf -- "$TMP"
}
trap cleanup EXIT

say "resolving the MongoDB driver evidence-service uses (offline, from ~/.m2)"
./mvnw -B -q -o dependency:build-classpath -pl evidence-service -Dmdep.outputFile="$TMP/cp.txt" >/dev/null \
  || die "could not resolve evidence-service's classpath (build it once: ./mvnw -B package -DskipTests -DskipE2E)"
CP=$(tr ':' '\n' <"$TMP/cp.txt" | grep -E '/org/mongodb/(mongodb-driver-sync|mongodb-driver-core|bson|bson-record-codec)/' | paste -sd:)
[[ -n $CP ]] || die "no MongoDB driver on evidence-service's classpath"

say "issuing an LMS credential for provider $PROVIDER (as admin1)"
curl -fsS -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  --data "{\"name\":\"bench/xapi-ingest.sh\",\"providerUkprn\":\"$PROVIDER\"}" \
  "$GATEWAY/api/v1/xapi-credentials" >"$TMP/credential.json" || die "could not issue an LMS credential"
KEY=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])' <"$TMP/credential.json")
export BENCH_KEY="$KEY"
BENCH_SECRET=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])' <"$TMP/credential.json")
export BENCH_SECRET BENCH_PROVIDER="$PROVIDER" BENCH_GATEWAY_URL="$GATEWAY"

printf '\nmachine: %s cores, %s; load avg before: %s\n' "$(nproc)" \
  "$(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'store: %s; statements: %s; connections: %s; store size for the queries: %s\n' "$BENCH_MONGODB_URL" \
  "${BENCH_STATEMENTS:-1000000}" "${BENCH_CONCURRENCY:-4}" "${BENCH_STORE_SIZE:-${BENCH_STATEMENTS:-1000000}}"
java -cp "$CP" "$ROOT/bench/lib/XapiIngestBench.java"
printf 'load avg after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
