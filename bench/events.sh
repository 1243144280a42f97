#!/usr/bin/env bash
# Domain events (docs/events.md): events delivered per second, and the write latency the outbox adds, next to the
# same writes without events (events.enabled=false), measured in the same Maven run on the same embedded PostgreSQL.
#
#   bench/events.sh                                   # 100 writes per run, 200 events delivered (small: ~2 min)
#   BENCH_WRITES=500 BENCH_EVENTS=1000 bench/events.sh
#
# Runs assessment-service's EventsBenchTest (events on: writes, then deliveries to a webhook receiver on loopback)
# and EventsBenchReferenceTest (events off: the same writes) through the reactor; no stack is needed.
set -euo pipefail
cd "$(dirname "$0")/.."

WRITES=${BENCH_WRITES:-100}
EVENTS=${BENCH_EVENTS:-200}
RESULTS=assessment-service/target/bench-events.txt
rm -f "$RESULTS"

LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
if ! ./mvnw -B -q verify -pl assessment-service -am -DskipE2E -Dbench=true \
  -Dbench.writes="$WRITES" -Dbench.events="$EVENTS" \
  -Dtest='EventsBenchTest,EventsBenchReferenceTest' -Dsurefire.failIfNoSpecifiedTests=false >"$LOG" 2>&1; then
  grep -E 'ERROR|FAIL' "$LOG" | head -20 >&2
  exit 1
fi

if [[ ! -s $RESULTS ]]; then
  echo "no results in $RESULTS" >&2
  exit 1
fi

value() { grep "^$1=" "$RESULTS" | tail -1 | cut -d= -f2; }

printf '%-44s %12s %12s\n' "registration write (POST /api/v1/assessments)" "with events" "without"
for k in write_mean_ms write_p50_ms write_p95_ms; do
  printf '%-44s %12s %12s\n' "$k" "$(value events.$k)" "$(value reference.$k)"
done
echo
printf 'events delivered (end to end, write -> webhook): %s in all, %s events/s\n' \
  "$(value events.delivered)" "$(value events.delivered_per_s_end_to_end)"
echo
awk -v a="$(value events.write_mean_ms)" -v b="$(value reference.write_mean_ms)" \
  'BEGIN { printf "ratio write latency with/without events (mean): %.3f\n", a / b }'
awk -v a="$(value events.write_p50_ms)" -v b="$(value reference.write_p50_ms)" \
  'BEGIN { printf "ratio write latency with/without events (p50) : %.3f\n", a / b }'
awk -v d="$(value events.delivered_per_s_end_to_end)" -v w="$(value reference.write_mean_ms)" \
  'BEGIN { printf "ratio delivered events/s to plain writes/s (one client): %.3f\n", d / (1000 / w) }'
