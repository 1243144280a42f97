#!/usr/bin/env bash
# EPA report export benchmark: each report THROUGH THE GATEWAY, next to PostgreSQL's own COPY (SELECT ...) TO STDOUT
# of the same rows, in one run: GET /api/v1/reports/epa-outcomes as CSV and as JSON, GET
# /api/v1/reports/epa-registrations as CSV and as JSON. The figure per report is the ratio export/COPY, with
# assessment-service's peak RSS growth during that export. CSV is compared with COPY ... WITH CSV HEADER; JSON with
# COPY (SELECT json_build_object(<the same 20 or 11 members>) ...) TO STDOUT: the same objects, one per line (COPY
# writes no enclosing array or commas). For the outcomes the COPY of the export's own SQL is also timed, to show how
# much of the export is the database's.
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
#   BENCH_COPY_ONLY     1: seed and time COPY only, no gateway (checks the SQL against any PostgreSQL with V1-V8) [0]
#   BENCH_KEEP_DIR      keep each export's body there as <report>.out (e.g. to compare two builds' bytes) [unset]
#   BENCH_REPORTS       which exports to time, space-separated [outcomes-csv outcomes-json registrations-csv
#                       registrations-json]
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
# Registrations report on gateway dates: every seeded assessment has its gateway on 2025-12-01.
REG_FROM=2025-12-01
REG_TO=2025-12-31
TITLE='Machine learning engineer'
REPORTS="${BENCH_REPORTS:-outcomes-csv outcomes-json registrations-csv registrations-json}"

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
# The seeding turns the foreign-key triggers off for its own transaction (session_replication_role = replica; the
# rows are consistent by construction): otherwise PostgreSQL queues one trigger event per row in the backend's
# memory (76 MB of the inserting backend's own memory was seen for the 2 000 000 attempts, 125 MB for a re-seed's
# delete), and a re-seed's delete of the attempts checks the self-referencing superseded_by key, which has no index,
# with a scan of the whole table per deleted row (BENCH_FORCE_SEED=1 on a million results had not finished its first
# delete after 3.5 minutes).
db <<SQL
begin;
set local session_replication_role = replica;
delete from assessment_attempt where assessment_id in (select a.id from assessment a
  join assessment_organisation o on o.id = a.assessment_organisation_id where o.epao_id = '$EPAO');
delete from assessment where assessment_organisation_id in (select id from assessment_organisation where epao_id = '$EPAO');
delete from assessment_organisation where epao_id = '$EPAO';
insert into assessment_organisation (epao_id, name, created_at, created_by, created_by_name, updated_at, updated_by,
                                     updated_by_name)
  values ('$EPAO', 'Bench Assessments Ltd', now(), 'bench', 'bench', now(), 'bench', 'bench');
insert into assessment (id, assessment_organisation_id, uln, family_name, standard_version, provider_ukprn, employer_id,
                        gateway_date, period_end, created_at, created_by, created_by_name, updated_at, updated_by,
                        updated_by_name)
  select md5('bench-a-' || i)::uuid, (select id from assessment_organisation where epao_id = '$EPAO'),
         (8000000000 + i)::text, 'Bench', 'ST1398_1.0', '10009901', 'EMP-BENCH',
         date '2025-12-01', date '2026-03-31', now(), 'bench', 'bench', now(), 'bench', 'bench'
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

load() { cut -d' ' -f1-3 /proc/loadavg; }

# The rows of each report, as the export writes them (method names: the ST1398_1.0 plan's, as the catalogue
# names them for M1 and M2 is not known here, so the codes; the same byte count within a few per row).
OUTCOME_FROM="from assessment a join assessment_organisation o on o.id = a.assessment_organisation_id
  join assessment_attempt m1 on m1.assessment_id = a.id and m1.method_code = 'M1' and m1.superseded_by is null
  join assessment_attempt m2 on m2.assessment_id = a.id and m2.method_code = 'M2' and m2.superseded_by is null
  where o.epao_id = '$EPAO' order by a.id"
OUTCOME_CSV="select '$TO', o.name, o.epao_id, '$TITLE', 'ST1398', '1.0', '-2', a.uln, a.id,
         'M1', m1.grade, m1.attempt_date, 'M2', m2.grade, m2.attempt_date, '-2', '-2', '-2',
         'Pass', greatest(m1.attempt_date, m2.attempt_date) $OUTCOME_FROM"
OUTCOME_JSON="select json_build_object('ReportingDate', '$TO', 'AwardingOrganisation', o.name,
         'AwardingOrganisationID', o.epao_id, 'StandardTitle', '$TITLE', 'StandardID', 'ST1398',
         'AssessmentPlanVersionNumber', '1.0', 'QualificationNumber', '-2', 'ULN', a.uln, 'CandidateIdentifierOther', a.id,
         'Method1Name', 'M1', 'Method1Grade', m1.grade, 'Method1Date', m1.attempt_date::text, 'Method2Name', 'M2',
         'Method2Grade', m2.grade, 'Method2Date', m2.attempt_date::text, 'Method3Name', '-2', 'Method3Grade', '-2',
         'Method3Date', '-2', 'OverallGrade', 'Pass',
         'OverallGradeDate', greatest(m1.attempt_date, m2.attempt_date)::text) $OUTCOME_FROM"
REG_FROM_SQL="from assessment a join assessment_organisation o on o.id = a.assessment_organisation_id
  where o.epao_id = '$EPAO' and a.gateway_date between '$REG_FROM' and '$REG_TO' order by a.gateway_date, a.id"
REG_CSV="select '$REG_TO', o.name, o.epao_id, '$TITLE', 'ST1398', '1.0', '-2', a.uln, a.id, 'Registration',
         a.gateway_date $REG_FROM_SQL"
REG_JSON="select json_build_object('ReportingDate', '$REG_TO', 'AwardingOrganisation', o.name,
         'AwardingOrganisationID', o.epao_id, 'StandardTitle', '$TITLE', 'StandardID', 'ST1398',
         'AssessmentPlanVersionNumber', '1.0', 'QualificationNumber', '-2', 'ULN', a.uln, 'CandidateIdentifierOther', a.id,
         'EventType', 'Registration', 'EventDate', a.gateway_date::text) $REG_FROM_SQL"
# The export's own outcomes SQL (assessment-service ReportService.outcomes), for the database's share.
OWN_SQL="select id, name, epao_id, standard_version, uln, method_code, attempt_date, grade from (
  select a.id, o.name, o.epao_id, a.standard_version, a.uln, t.method_code, t.attempt_date, t.grade,
         t.recorded_at, t.id as attempt_id,
         max(t.attempt_date) over (partition by a.id order by t.attempt_date, t.recorded_at, t.id
                                   rows between unbounded preceding and unbounded following) as last_date
  from assessment a
  join assessment_organisation o on o.id = a.assessment_organisation_id
  join assessment_attempt t on t.assessment_id = a.id and t.superseded_by is null
  where o.epao_id = '$EPAO'
) r where last_date between '$FROM' and '$TO' order by id, attempt_date, recorded_at, attempt_id"

# copy_time <sql> <csv|text> -> "lines seconds"
copy_time() {
  local t0 lines opts=""
  [[ $2 == csv ]] && opts="with csv header"
  t0=$(now)
  lines=$(db -c "copy ($1) to stdout $opts" | wc -l)
  printf '%s %s\n' "$lines" "$(echo "$(now) - $t0" | bc)"
}

declare -A COPY_LINES COPY_S EXPORT_LINES EXPORT_S RSS_MB LOAD_AT
for report in $REPORTS; do
  case $report in
    outcomes-csv) sql=$OUTCOME_CSV form=csv ;;
    outcomes-json) sql=$OUTCOME_JSON form=text ;;
    registrations-csv) sql=$REG_CSV form=csv ;;
    registrations-json) sql=$REG_JSON form=text ;;
    *) die "unknown report in BENCH_REPORTS: $report" ;;
  esac
  say "PostgreSQL COPY of the $report rows (load $(load))"
  read -r COPY_LINES[$report] COPY_S[$report] < <(copy_time "$sql" "$form")
done
say "PostgreSQL COPY of the export's own outcomes SQL (load $(load))"
read -r own_lines own_s < <(copy_time "$OWN_SQL" text)

if [[ $COPY_ONLY == 1 ]]; then
  for report in $REPORTS; do
    printf '%-20s COPY %s lines in %s s\n' "$report" "${COPY_LINES[$report]}" "${COPY_S[$report]}"
  done
  printf '%-20s COPY %s lines in %s s (BENCH_COPY_ONLY=1: exports not timed)\n' "own outcomes SQL" "$own_lines" "$own_s"
  exit 0
fi

SERVICE_PID=$(stack_pid assessment || true)
[[ -n $SERVICE_PID ]] || say "NOTE: assessment-service pid not found via ./stack's pid file; memory not measured"
for report in $REPORTS; do
  case $report in
    outcomes-*) path="epa-outcomes?from=$FROM&to=$TO&epaoId=$EPAO" ;;
    registrations-*) path="epa-registrations?from=$REG_FROM&to=$REG_TO&epaoId=$EPAO" ;;
  esac
  case $report in
    *-csv) accept='text/csv' ;;
    *-json) accept='application/json' ;;
  esac
  # Fetched per export: seeding a million rows can outlast an access token's lifetime.
  TOKEN="$(./stack token admin1)" || die "./stack token admin1 failed"
  LOAD_AT[$report]=$(load)
  say "export $report through the gateway (load ${LOAD_AT[$report]})"
  [[ -n $SERVICE_PID ]] && rss_before=$(rss_mark "$SERVICE_PID")
  t0=$(now)
  code=$(curl -sS -o /tmp/epa-export-bench.out -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
    -H "Accept: $accept" "$GATEWAY/api/v1/reports/$path")
  EXPORT_S[$report]=$(echo "$(now) - $t0" | bc)
  RSS_MB[$report]=-
  [[ -n $SERVICE_PID ]] && RSS_MB[$report]=$(echo "scale=1; $(rss_growth "$SERVICE_PID" "$rss_before") / 1024" | bc)
  [[ $code == 200 ]] || die "export $report answered $code: $(head -c 500 /tmp/epa-export-bench.out)"
  if [[ $report == *-json ]]; then
    # One object per row: count the objects' first member.
    EXPORT_LINES[$report]=$(grep -o '{"ReportingDate"' /tmp/epa-export-bench.out | wc -l)
  else
    EXPORT_LINES[$report]=$(wc -l < /tmp/epa-export-bench.out)
  fi
  if [[ -n ${BENCH_KEEP_DIR:-} ]]; then
    mkdir -p "$BENCH_KEEP_DIR" && mv /tmp/epa-export-bench.out "$BENCH_KEEP_DIR/$report.out"
  else
    rm -f /tmp/epa-export-bench.out
  fi
done

printf '\n%-20s %10s %10s %10s %10s %8s %12s  %s\n' report "COPY rows" "COPY s" "rows" "export s" ratio "RSS +MB" "load (1/5/15 min) at export"
for report in $REPORTS; do
  printf '%-20s %10s %10.2f %10s %10.2f %8.2f %12s  %s\n' "$report" "${COPY_LINES[$report]}" "${COPY_S[$report]}" \
    "${EXPORT_LINES[$report]}" "${EXPORT_S[$report]}" "$(echo "scale=4; ${EXPORT_S[$report]} / ${COPY_S[$report]}" | bc)" \
    "${RSS_MB[$report]}" "${LOAD_AT[$report]}"
done
printf '%-20s %10s %10.2f   (COPY of the export'"'"'s own outcomes SQL: the database'"'"'s share)\n' "own outcomes SQL" "$own_lines" "$own_s"
if [[ -n ${EXPORT_S[outcomes-csv]:-} ]]; then
  printf 'outcomes-csv export / COPY of its own SQL: %.2f; own SQL / reference COPY: %.2f\n' \
    "$(echo "scale=4; ${EXPORT_S[outcomes-csv]} / $own_s" | bc)" "$(echo "scale=4; $own_s / ${COPY_S[outcomes-csv]}" | bc)"
fi
if [[ -n $SERVICE_PID ]]; then
  printf 'assessment-service: pid %s, RSS now %s MB, heap options: %s\n' "$SERVICE_PID" \
    "$(echo "scale=1; $(proc_kb "$SERVICE_PID" VmRSS) / 1024" | bc)" \
    "$(tr '\0' ' ' < "/proc/$SERVICE_PID/cmdline" | grep -oE -- '-Xm[xs][0-9]+[kKmMgG]?' | tr '\n' ' ')"
fi
for report in $REPORTS; do
  # CSV: COPY's header line and the export's; JSON: rows on both sides.
  [[ ${COPY_LINES[$report]} == "${EXPORT_LINES[$report]}" ]] \
    || say "WARNING: $report row counts differ (COPY ${COPY_LINES[$report]}, export ${EXPORT_LINES[$report]})"
done
