#!/usr/bin/env bash
# Crash-and-recover benchmark: kill -9 of each part of the stack under a concurrent evidence-create load through
# the gateway, then `./stack start <part>`, N times per part. Prints per part: acknowledged writes, lost writes
# (acknowledged - a 201 with an id - but not readable afterwards: must be 0), time from the kill to the first
# problem answer (502/503/504), to the first acknowledged write after the kill (recovery), the restart time, and
# the answers that were neither (hangs, 500s, refused connections). Then the write throughput with durable
# settings next to the old relaxed settings (STACK_DURABILITY=relaxed), measured in the same run.
#
#   bench/kill-restart.sh                    # starts the stack itself if needed (./stack up -d) - and stops it
#   BENCH_N=1 bench/kill-restart.sh          # one kill per part
#
# It runs ./stack and kills stack processes: run it on a machine (or network namespace) of its own.
#
# Environment (all optional):
#   BENCH_N                 kills per part [3]
#   BENCH_PARTS             parts to kill, in order [infra standards evidence assessment gateway] (keycloak works too)
#   BENCH_WRITERS           concurrent writers [4]
#   BENCH_DOWN_SECONDS      how long a killed part stays down before ./stack start [3]
#   BENCH_SETTLE_SECONDS    load after a part is back, before the next kill [5]
#   BENCH_THROUGHPUT_SECONDS  duration of each throughput run (durable, relaxed) [15]; 0 skips them
#   BENCH_PGBENCH_TX        single-row autocommit transactions for the PostgreSQL commit rate [2000]
#   BENCH_GATEWAY_URL       [http://localhost:8080]
#   BENCH_USER              tutor whose token writes [tutor1]
#   STACK_*                 passed to ./stack (STACK_DATA_DIR, STACK_NO_BUILD=1, ...)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The embedded development PostgreSQL's superuser password (zonky's default; development only).
PG_PASSWORD=${BENCH_PG_PASSWORD:-postgres}
cd "$ROOT"

GATEWAY="${BENCH_GATEWAY_URL:-http://localhost:8080}"
GATEWAY="${GATEWAY%/}"
N="${BENCH_N:-3}"
read -r -a PARTS_TO_KILL <<<"${BENCH_PARTS:-infra standards evidence assessment gateway}"
WRITERS="${BENCH_WRITERS:-4}"
DOWN="${BENCH_DOWN_SECONDS:-3}"
SETTLE="${BENCH_SETTLE_SECONDS:-5}"
TP_SECONDS="${BENCH_THROUGHPUT_SECONDS:-15}"
PG_TX="${BENCH_PGBENCH_TX:-2000}"
USER_NAME="${BENCH_USER:-tutor1}"
DATA="${STACK_DATA_DIR:-$ROOT/.stack-data}"

say() { printf '[bench] %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }
for t in curl python3 awk; do command -v "$t" >/dev/null || die "missing command: $t"; done
[[ $N =~ ^[0-9]+$ ]] && ((N >= 1)) || die "BENCH_N must be a whole number >= 1"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/kill-restart.XXXXXX")"
STARTED_STACK=0
LOAD_PID=""
stop_load() {
  [[ -n $LOAD_PID ]] || return 0
  touch "$TMP/stop"
  wait "$LOAD_PID" 2>/dev/null || true
  LOAD_PID=""
  rm -f "$TMP/stop"
}
cleanup() {
  stop_load
  if ((STARTED_STACK)); then say "stopping the stack this script started"; ./stack down >&2 || true; fi
  rm -rf -- "$TMP"
}
trap cleanup EXIT

if ! curl -fsS -o /dev/null --max-time 5 "$GATEWAY/q/health/ready"; then
  say "no stack answering at $GATEWAY: ./stack up -d"
  ./stack up -d >&2 || die "./stack up -d failed"
  STARTED_STACK=1
fi
[[ ${STACK_DURABILITY:-durable} == durable ]] || die "run with durable settings (unset STACK_DURABILITY)"

TOKEN_CMD="cd '$ROOT' && ./stack token '$USER_NAME'"
TOKEN="$(./stack token "$USER_NAME")" || die "./stack token $USER_NAME failed"
json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
ULN="$(( (RANDOM % 9 + 1) * 1000000000 + (RANDOM * 32768 + RANDOM) % 1000000000 ))"
APPRENTICE=$(curl -fsS -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  "$GATEWAY/api/v1/apprentices" --data @- <<JSON | json_field id
{"uln":"$ULN","givenName":"Crash","familyName":"Test","dateOfBirth":"2000-01-01","providerUkprn":"10000001",
 "employerId":"EMP0001","standardVersion":"ST1398_1.0","startDate":"2025-09-01","plannedEndDate":"2027-09-01"}
JSON
) || die "could not create the apprentice (is $USER_NAME a tutor of provider 10000001?)"
say "apprentice $APPRENTICE; $WRITERS writers; $N kill(s) per part: ${PARTS_TO_KILL[*]}"

start_load() { # log
  rm -f "$TMP/stop"
  python3 "$ROOT/bench/lib/evidence_writers.py" "$GATEWAY" "$APPRENTICE" "$TOKEN_CMD" "$1" "$TMP/stop" \
    "$WRITERS" 30 &
  LOAD_PID=$!
}

now() { date +%s.%N; }

# lost <log>: acknowledged ids that cannot be read back (prints "acknowledged lost")
count_lost() {
  python3 - "$1" "$GATEWAY" "$APPRENTICE" "$TOKEN_CMD" <<'PY'
import subprocess, sys, urllib.request, urllib.error
log, gw, app, token_cmd = sys.argv[1:5]
token = subprocess.check_output(token_cmd, shell=True, text=True).strip()
ids = [l.split()[3] for l in open(log) if l.split()[2] == "201" and l.split()[3] != "-"]
lost = []
for i in ids:
    req = urllib.request.Request(f"{gw}/api/v1/apprentices/{app}/evidence/{i}",
                                 headers={"Authorization": "Bearer " + token})
    for attempt in range(3):
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                ok = r.status == 200
            break
        except urllib.error.HTTPError as e:
            ok = False
            if e.code != 404 and attempt < 2:
                continue
            break
        except Exception:
            ok = False
    if not ok:
        lost.append(i)
print(len(ids), len(lost))
if lost:
    print("LOST:", " ".join(lost[:20]), file=sys.stderr)
PY
}

# analyse <log> <kill epoch> <restart-begin epoch> <restart-end epoch> -> one line of figures for this kill
analyse() {
  python3 - "$@" <<'PY'
import sys
log, t_kill, t_rs, t_re = sys.argv[1], *map(float, sys.argv[2:5])
rows = [l.split() for l in open(log)]
rows = [(float(a), float(b), s) for a, b, s, _ in rows]
after = [r for r in rows if r[1] >= t_kill]
problem = [r[1] - t_kill for r in after if r[2] in ("502", "503", "504")]
acked = [r[1] - t_kill for r in after if r[2] == "201" and r[0] > t_kill]
# answers completed during the outage (kill .. first acknowledged write after the kill)
until = t_kill + (min(acked) if acked else 1e9)
during = [r for r in after if r[1] <= until and r[2] != "201"]
slow = [r for r in during if r[1] - r[0] > 10]
other = {}
for r in during:
    if r[2] not in ("502", "503", "504"):
        other[r[2]] = other.get(r[2], 0) + 1
print("%s %s %.1f %d %d %s" % (
    "%.2f" % min(problem) if problem else "-",
    "%.1f" % min(acked) if acked else "-",
    t_re - t_rs, len(during), len(slow),
    ",".join("%s:%d" % kv for kv in sorted(other.items())) or "-"))
PY
}

kill_part() { # part -> kills the part's process (its pid file), as a crash would; children are left as they are
  local pid
  pid=$(head -n 1 "$DATA/run/$1.pid" 2>/dev/null || true)
  [[ $pid =~ ^[0-9]+$ ]] || die "$1 has no pid file; is it running?"
  kill -KILL "$pid"
}

declare -A R_ACK R_LOST R_FIRST R_REC R_RESTART R_DURING R_SLOW R_OTHER
for part in "${PARTS_TO_KILL[@]}"; do
  log="$TMP/$part.log"
  : >"$log"
  start_load "$log"
  sleep "$SETTLE"
  firsts=() recs=() restarts=() during=0 slow=0 others=()
  for i in $(seq 1 "$N"); do
    t_kill=$(now)
    kill_part "$part"
    say "$part: kill -9 #$i"
    sleep "$DOWN"
    t_rs=$(now)
    ./stack start "$part" >"$TMP/start.out" 2>&1 || { cat "$TMP/start.out" >&2; die "./stack start $part failed"; }
    t_re=$(now)
    sleep "$SETTLE"
    read -r first rec restart n_during n_slow other < <(analyse "$log" "$t_kill" "$t_rs" "$t_re")
    say "$part #$i: first problem ${first}s, first write acknowledged again ${rec}s after the kill, ./stack start ${restart}s, answers during the outage $n_during (slow >10 s: $n_slow; other: $other)"
    firsts+=("$first"); recs+=("$rec"); restarts+=("$restart")
    during=$((during + n_during)); slow=$((slow + n_slow)); [[ $other == - ]] || others+=("$other")
  done
  stop_load
  read -r acked lost < <(count_lost "$log")
  R_ACK[$part]=$acked; R_LOST[$part]=$lost
  R_FIRST[$part]="${firsts[*]}"; R_REC[$part]="${recs[*]}"; R_RESTART[$part]="${restarts[*]}"
  R_DURING[$part]=$during; R_SLOW[$part]=$slow; R_OTHER[$part]="${others[*]:--}"
done

# ---- throughput: durable vs relaxed, same machine, same run
tp_run() { # label -> writes/s through the gateway
  local log="$TMP/tp-$1.log" t0
  : >"$log"
  start_load "$log"
  sleep 3   # warm-up, not counted
  t0=$(now)
  sleep "$TP_SECONDS"
  stop_load
  python3 - "$log" "$t0" "$TP_SECONDS" <<'PY'
import sys
log, t0, secs = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
n = sum(1 for l in open(log) if l.split()[2] == "201" and t0 <= float(l.split()[1]) < t0 + secs)
print("%.1f" % (n / secs))
PY
}
pg_rate() { # -> single-row autocommit transactions/s on the stack's PostgreSQL (1 connection)
  command -v pgbench >/dev/null || { printf -- '-'; return; }
  local out
  PGPASSWORD="$PG_PASSWORD" psql -q -h localhost -p 15432 -U postgres -d postgres \
    -c 'create table if not exists bench_commit (id bigserial primary key, at timestamptz default now())' >/dev/null
  printf 'insert into bench_commit default values;\n' >"$TMP/commit.sql"
  out=$(PGPASSWORD="$PG_PASSWORD" pgbench -n -h localhost -p 15432 -U postgres -c 1 -t "$PG_TX" -f "$TMP/commit.sql" postgres 2>&1)
  PGPASSWORD="$PG_PASSWORD" psql -q -h localhost -p 15432 -U postgres -d postgres -c 'drop table bench_commit' >/dev/null
  sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out" | head -n 1
}
show_settings() {
  PGPASSWORD="$PG_PASSWORD" psql -At -h localhost -p 15432 -U postgres -d postgres \
    -c "select string_agg(name || '=' || setting, ' ' order by name) from pg_settings where name in ('fsync','synchronous_commit','full_page_writes')" 2>/dev/null || echo '?'
}
TP=()
if ((TP_SECONDS > 0)); then
  say "throughput, durable settings ($TP_SECONDS s, $WRITERS writers)"
  d_settings=$(show_settings); d_pg=$(pg_rate); d_w=$(tp_run durable)
  say "restarting infra with STACK_DURABILITY=relaxed"
  ./stack stop infra >&2 && STACK_DURABILITY=relaxed ./stack start infra >&2
  r_settings=$(show_settings); r_pg=$(pg_rate); r_w=$(tp_run relaxed)
  say "restarting infra with durable settings"
  ./stack stop infra >&2 && ./stack start infra >&2
  TP=("$d_settings" "$d_pg" "$d_w" "$r_settings" "$r_pg" "$r_w")
fi

printf '\nmachine: %s cores; load avg after: %s; %s kill(s) per part, %s writers, down %s s before ./stack start\n' \
  "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$N" "$WRITERS" "$DOWN"
printf '%-11s %6s %5s %-20s %-20s %-20s %8s %6s %s\n' part acked lost "first problem s" "recovered after s" \
  "./stack start s" "outage" ">10s" "other answers during the outage"
total_lost=0
for part in "${PARTS_TO_KILL[@]}"; do
  printf '%-11s %6s %5s %-20s %-20s %-20s %8s %6s %s\n' "$part" "${R_ACK[$part]}" "${R_LOST[$part]}" \
    "${R_FIRST[$part]// /,}" "${R_REC[$part]// /,}" "${R_RESTART[$part]// /,}" "${R_DURING[$part]}" \
    "${R_SLOW[$part]}" "${R_OTHER[$part]}"
  total_lost=$((total_lost + R_LOST[$part]))
done
if ((${#TP[@]})); then
  printf '\nthroughput (same run)  evidence creates/s via gateway  PostgreSQL commits/s (pgbench, 1 conn)  settings\n'
  printf 'durable (default)      %-32s %-40s %s\n' "${TP[2]}" "${TP[1]}" "${TP[0]} wire server: commit+sync per write"
  printf 'relaxed (old)          %-32s %-40s %s\n' "${TP[5]}" "${TP[4]}" "${TP[3]} wire server: H2 auto-commit ~1 s"
fi
printf '\nlost acknowledged writes: %s\n' "$total_lost"
((total_lost == 0))
