#!/usr/bin/env bash
# EPA outcomes export benchmark: GET /api/v1/reports/epa-outcomes (CSV, streamed) THROUGH THE GATEWAY, next to
# PostgreSQL's own COPY (SELECT ...) TO STDOUT WITH CSV of the same rows. The figure is the ratio export/COPY.
#
#   ./stack up -d                      # needs the running stack, built from a tree with the reports endpoint
#                                      # (assessment DB on :15432, gateway on :8080); it is not started here
#   BENCH_ROWS=10000 bench/epa-export.sh
#
# Environment (all optional):
#   BENCH_ROWS          results to seed [1000000]
#   BENCH_EPAO          organisation the rows are seeded under (deleted and re-seeded each run) [EPA9901]
#   BENCH_GATEWAY_URL   gateway base URL [http://localhost:8080]
#   BENCH_PG_PORT       the stack's PostgreSQL port [15432]
#   BENCH_FORCE_SEED    1: re-seed even when the organisation already holds BENCH_ROWS results [0]
#   BENCH_COPY_ONLY     1: seed and time COPY only, no gateway (checks the SQL against any PostgreSQL with V1-V3) [0]
#
# Seeds ST1398_1.0 assessments with a Pass in M1 and M2 straight into the stack's 'assessment' database (no
# per-row API calls), all dated in one period, so every seeded row is a complete result in the report.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

ROWS="${BENCH_ROWS:-1000000}"
EPAO="${BENCH_EPAO:-EPA9901}"
GATEWAY="${BENCH_GATEWAY_URL:-http://localhost:8080}"
GATEWAY="${GATEWAY%/}"
PG_PORT="${BENCH_PG_PORT:-15432}"
FROM=2026-01-01
TO=2026-06-30

say() { printf '[bench] %s\n' "$*"; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

[[ $ROWS =~ ^[0-9]+$ ]] && (( ROWS > 0 && ROWS < 8000000000 )) || die "BENCH_ROWS must be a positive number"
[[ $EPAO =~ ^EPA[0-9]{4}$ ]] || die "BENCH_EPAO must look like EPA9901"
PSQL="$(command -v psql || true)"
[[ -n $PSQL ]] || PSQL=/usr/lib/postgresql/15/bin/psql
[[ -x $PSQL ]] || die "psql not found"
command -v curl >/dev/null || die "curl not found"
db() { "$PSQL" -h localhost -p "$PG_PORT" -U postgres -d assessment -v ON_ERROR_STOP=1 -qAt "$@"; }
db -c 'select 1' >/dev/null 2>&1 || die "no PostgreSQL on localhost:$PG_PORT; start the stack first (./stack up -d)"
COPY_ONLY="${BENCH_COPY_ONLY:-0}"
if [[ $COPY_ONLY != 1 ]]; then
  curl -fsS "$GATEWAY/q/health/live" >/dev/null 2>&1 || die "gateway not ready at $GATEWAY; ./stack up -d"
fi

now() { date +%s.%N; }
# shellcheck source=lib/rss.sh
source "$ROOT/bench/lib/rss.sh"

seeded=$(db -c "select count(*) from assessment a join assessment_organisation o
  on o.id = a.assessment_organisation_id where o.epao_id = '$EPAO'")
if [[ $seeded == "$ROWS" && ${BENCH_FORCE_SEED:-0} != 1 ]]; then
  say "$EPAO already holds $ROWS seeded results - reusing them (BENCH_FORCE_SEED=1 re-seeds)"
else
say "seeding $ROWS complete results under $EPAO (previous bench rows deleted first)"
t0=$(now)
db <<SQL
begin;
delete from assessment_attempt where assessment_id in (select a.id from assessment a
  join assessment_organisation o on o.id = a.assessment_organisation_id where o.epao_id = '$EPAO');
delete from assessment where assessment_organisation_id in (select id from assessment_organisation where epao_id = '$EPAO');
delete from assessment_organisation where epao_id = '$EPAO';
insert into assessment_organisation (epao_id, name, created_at, created_by, updated_at, updated_by)
  values ('$EPAO', 'Bench Assessments Ltd', now(), 'bench', now(), 'bench');
insert into assessment (id, assessment_organisation_id, uln, family_name, standard_version, provider_ukprn, employer_id,
                        gateway_date, period_end, created_at, created_by, updated_at, updated_by)
  select md5('bench-a-' || i)::uuid, (select id from assessment_organisation where epao_id = '$EPAO'),
         (8000000000 + i)::text, 'Bench', 'ST1398_1.0', '10009901', 'EMP-BENCH',
         date '2025-12-01', date '2026-03-31', now(), 'bench', now(), 'bench'
  from generate_series(1, $ROWS) i;
insert into assessment_attempt (id, assessment_id, method_code, kind, attempt_date, grade, employer_agreed,
                                exceptional_circumstances, reason, recorded_at, recorded_by, recorded_by_name)
  select md5('bench-' || m || '-' || i)::uuid, md5('bench-a-' || i)::uuid, m, 'first',
         date '2026-01-01' + (i % 80) + (case m when 'M2' then 10 else 0 end), 'Pass', false, false, 'bench',
         now(), 'bench', 'bench'
  from generate_series(1, $ROWS) i cross join (values ('M1'), ('M2')) v(m);
commit;
analyze assessment; analyze assessment_attempt;
SQL
say "seeded in $(echo "$(now) - $t0" | bc) s"
fi

say "PostgreSQL COPY of the same rows"
t0=$(now)
copied=$(db -c "copy (
  select '$TO', o.name, o.epao_id, 'ST1398', 'ST1398', '1.0', '-2', a.uln, a.id,
         'M1', m1.grade, m1.attempt_date, 'M2', m2.grade, m2.attempt_date, '-2', '-2', '-2',
         'Pass', greatest(m1.attempt_date, m2.attempt_date)
  from assessment a join assessment_organisation o on o.id = a.assessment_organisation_id
  join assessment_attempt m1 on m1.assessment_id = a.id and m1.method_code = 'M1' and m1.superseded_by is null
  join assessment_attempt m2 on m2.assessment_id = a.id and m2.method_code = 'M2' and m2.superseded_by is null
  where o.epao_id = '$EPAO' order by a.id) to stdout with csv header" | wc -l)
copy_s=$(echo "$(now) - $t0" | bc)

if [[ $COPY_ONLY == 1 ]]; then
  printf '\nCOPY: %s lines in %s s (BENCH_COPY_ONLY=1: export not timed)\n' "$copied" "$copy_s"
  exit 0
fi

say "export endpoint through the gateway"
# Fetched only now: seeding a million rows can outlast an access token's lifetime.
TOKEN="$(./stack token admin1)" || die "./stack token admin1 failed"
SERVICE_PID=$(stack_pid assessment || true)
[[ -n $SERVICE_PID ]] && rss_before=$(rss_mark "$SERVICE_PID")
t0=$(now)
code=$(curl -sS -o /tmp/epa-export-bench.csv -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Accept: text/csv' \
  "$GATEWAY/api/v1/reports/epa-outcomes?from=$FROM&to=$TO&epaoId=$EPAO")
export_s=$(echo "$(now) - $t0" | bc)
[[ -n $SERVICE_PID ]] && rss_kb=$(rss_growth "$SERVICE_PID" "$rss_before")
[[ $code == 200 ]] || die "export answered $code: $(head -c 500 /tmp/epa-export-bench.csv)"
exported=$(wc -l < /tmp/epa-export-bench.csv)
rm -f /tmp/epa-export-bench.csv

printf '\n%-12s %10s %14s\n' "" "lines" "seconds"
printf '%-12s %10s %14s\n' "COPY" "$copied" "$copy_s"
printf '%-12s %10s %14s\n' "export" "$exported" "$export_s"
printf 'ratio export/COPY: %s\n' "$(echo "scale=2; $export_s / $copy_s" | bc)"
if [[ -n $SERVICE_PID ]]; then
  printf 'assessment-service peak RSS growth during the export: %s MB (RSS before: %s MB)\n' \
    "$(echo "scale=1; $rss_kb / 1024" | bc)" "$(echo "scale=1; $rss_before / 1024" | bc)"
else
  say "NOTE: assessment-service pid not found via ./stack's pid file; memory not measured"
fi
[[ $copied == "$exported" ]] || say "WARNING: line counts differ (COPY $copied, export $exported)"
