#!/usr/bin/env bash
# The mixed integrator load of issue 16 through the gateway, against the running stack: BENCH_CLIENTS clients (16)
# for BENCH_SECONDS (60) after a warm-up, each sending one request after another drawn from the mix - catalogue
# read, apprentice read, evidence create, one apprentice's KSB coverage, the provider's cohort coverage - as tutor1
# (provider 10000001, which holds about 60 % of the demo loader's apprentices). Prints requests/s and p50/p99 per
# kind and in all, and the issue's target (>= 500 requests/s with every p99 <= 250 ms).
#
#   ./stack up -d && ./stack demo --apprentices 10000   # the data: through the API, as the issue asks
#   bench/mixed-load.sh
#
# Environment (all optional):
#   BENCH_CLIENTS          concurrent clients [16]
#   BENCH_SECONDS          measured seconds [60]
#   BENCH_WARMUP_SECONDS   unmeasured seconds first [10]
#   BENCH_MIX              weights of catalogue read, apprentice read, evidence create, coverage, cohort coverage
#                          [30,30,15,20,5]
#   BENCH_SAMPLE           apprentices the per-apprentice requests pick from [2000]
#   BENCH_USER             whose token (./stack token): a tutor [tutor1]
#   BENCH_PROVIDER         that tutor's provider [10000001]
#   BENCH_GATEWAY_URL      [http://localhost:8080]
#
# The evidence creates add draft reflections titled "bench/mixed-load ..." to the sampled (active) apprentices; they stay.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

GATEWAY="${BENCH_GATEWAY_URL:-http://localhost:8080}"
export BENCH_GATEWAY_URL="${GATEWAY%/}"
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

command -v java >/dev/null || die "missing command: java"
curl -fsS -o /dev/null --max-time 5 "$BENCH_GATEWAY_URL/q/health/ready" \
  || die "gateway not ready at $BENCH_GATEWAY_URL; start the stack first (./stack up -d)"
BENCH_TOKEN="$(./stack token "${BENCH_USER:-tutor1}")" || die "./stack token ${BENCH_USER:-tutor1} failed"
export BENCH_TOKEN

printf 'machine: %s cores, %s; load avg before: %s\n' "$(nproc)" \
  "$(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo)" "$(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx256m bench/lib/MixedLoadBench.java
printf 'load avg after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
