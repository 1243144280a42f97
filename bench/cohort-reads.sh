#!/usr/bin/env bash
# Issue 16's read target for a large provider: the KSB coverage of a provider's cohort
# (evidence-service, GET /api/v1/providers/{ukprn}/coverage) and its cohort statistics (assessment-service,
# GET /api/v1/reports/cohort-statistics), each read BENCH_READS times one after another through the gateway
# after BENCH_WARMUP reads, as a tutor of that provider. Prints p50/p95/p99/max per read and the target
# (p99 <= 200 ms), next to a cached catalogue read through the same gateway in the same run (the floor: what any
# read through the gateway costs here).
#
#   ./stack up -d && ./stack demo --apprentices 10000   # the data, through the API
#   bench/cohort-reads.sh
#
# Environment (all optional):
#   BENCH_READS        measured reads of each kind [200]
#   BENCH_WARMUP       unmeasured reads of each kind first [30]
#   BENCH_PAGE_SIZE    coverage page size [20]; the reads walk the cohort's pages 0, 1, 2, ... (all of them)
#   BENCH_USER         whose token (./stack token): a tutor [tutor1]
#   BENCH_PROVIDER     that tutor's provider [10000001]
#   BENCH_VERSION      the cohort's standard version [ST1398_1.0]
#   BENCH_GATEWAY_URL  [http://localhost:8080]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

GATEWAY="${BENCH_GATEWAY_URL:-http://localhost:8080}"
GATEWAY="${GATEWAY%/}"
READS="${BENCH_READS:-200}"
WARMUP="${BENCH_WARMUP:-30}"
SIZE="${BENCH_PAGE_SIZE:-20}"
PROVIDER="${BENCH_PROVIDER:-10000001}"
VERSION="${BENCH_VERSION:-ST1398_1.0}"

die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }
for v in READS WARMUP SIZE; do
  [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive whole number (got '${!v}')"
done
[[ $PROVIDER =~ ^[0-9]{8}$ ]] || die "BENCH_PROVIDER must be a UKPRN of 8 digits (got '$PROVIDER')"
for c in curl awk sort; do command -v "$c" >/dev/null || die "missing command: $c"; done
curl -fsS -o /dev/null --max-time 5 "$GATEWAY/q/health/ready" \
  || die "gateway not ready at $GATEWAY; start the stack first (./stack up -d)"
TOKEN="$(./stack token "${BENCH_USER:-tutor1}")" || die "./stack token ${BENCH_USER:-tutor1} failed"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# The cohort's size decides how many pages the coverage reads walk.
first="$(curl -fsS -H "Authorization: Bearer $TOKEN" \
  "$GATEWAY/api/v1/providers/$PROVIDER/coverage?standardVersion=$VERSION&page=0&size=$SIZE")" \
  || die "the provider's coverage read failed"
total="$(printf '%s' "$first" | grep -oE '"totalItems":[0-9]+' | head -1 | grep -oE '[0-9]+$' || true)"
[[ -n $total && $total -gt 0 ]] || die "no apprentices in cohort $PROVIDER/$VERSION (load ./stack demo first)"
pages=$(( (total + SIZE - 1) / SIZE ))

today="$(date -u +%F)"
from="$(date -u -d "$today - 2 years" +%F)"
statistics=(
  "from=$from&to=$today"
  "from=$from&to=$today&groupBy=standardVersion,period&period=quarter"
  "from=$from&to=$today&groupBy=period&period=month&providerUkprn=$PROVIDER"
)

# One kind: WARMUP + READS requests, URL number i from the function url_<kind> i; times in ms to $TMP/<kind>.
run() {
  local kind=$1 auth=$2 i url code t
  : > "$TMP/$kind"
  for ((i = 0; i < WARMUP + READS; i++)); do
    url="$("url_$kind" "$i")"
    if [[ $auth == yes ]]; then
      read -r code t < <(curl -sS -o /dev/null -w '%{http_code} %{time_total}\n' \
        -H "Authorization: Bearer $TOKEN" "$url")
    else
      read -r code t < <(curl -sS -o /dev/null -w '%{http_code} %{time_total}\n' "$url")
    fi
    [[ $code == 200 || $code == 304 ]] || die "$kind read $url answered $code"
    if ((i >= WARMUP)); then
      awk -v t="$t" 'BEGIN { printf "%.2f\n", t * 1000 }' >> "$TMP/$kind"
    fi
  done
}
url_catalogue() { printf '%s/api/v1/standards/ST1398/versions/1.0' "$GATEWAY"; }
url_coverage() {
  printf '%s/api/v1/providers/%s/coverage?standardVersion=%s&page=%d&size=%d' \
    "$GATEWAY" "$PROVIDER" "$VERSION" $(( $1 % pages )) "$SIZE"
}
url_statistics() {
  printf '%s/api/v1/reports/cohort-statistics?%s' "$GATEWAY" "${statistics[$(( $1 % ${#statistics[@]} ))]}"
}

stats() {
  sort -n "$TMP/$1" | awk -v kind="$2" '
    { v[NR] = $1 }
    END {
      n = NR
      i50 = int(0.50 * n + 0.999999); i95 = int(0.95 * n + 0.999999); i99 = int(0.99 * n + 0.999999)
      printf "%-34s %6d %9.1f %9.1f %9.1f %9.1f\n", kind, n, v[i50], v[i95], v[i99], v[n]
    }'
}
p99() { sort -n "$TMP/$1" | awk '{ v[NR] = $1 } END { i = int(0.99 * NR + 0.999999); print v[i] }'; }

printf 'machine: %s cores; load avg before: %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'cohort %s/%s: %s apprentices, %s pages of %s; %s reads each after %s\n\n' \
  "$PROVIDER" "$VERSION" "$total" "$pages" "$SIZE" "$READS" "$WARMUP"
run catalogue no
run coverage yes
run statistics yes
printf '%-34s %6s %9s %9s %9s %9s\n' "read (ms)" reads p50 p95 p99 max
stats catalogue "catalogue read (the floor)"
stats coverage "provider coverage, page by page"
stats statistics "cohort statistics (3 forms)"
printf 'load avg after: %s\n\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
for kind in coverage statistics; do
  p="$(p99 "$kind")"
  awk -v kind="$kind" -v p="$p" 'BEGIN {
    printf "target (issue 16): %s p99 <= 200 ms: %s (p99 %.1f ms, %.2f of the bound)\n",
      kind, (p <= 200 ? "MET" : "NOT MET"), p, p / 200 }'
done
