#!/usr/bin/env bash
# Evidence file benchmark: a 100 MB file uploaded to and downloaded from evidence-service THROUGH THE GATEWAY,
# next to `cp` of the same file on the same disk in the same run. Prints throughput of each, the ratios, and how
# much evidence-service's resident memory grew at its peak during the upload and during the download (the file
# must be streamed, so the growth should stay far below the file size).
#
#   ./stack up -d                  # the running stack (this script does not start it)
#   bench/evidence-file.sh
#
# Environment (all optional):
#   BENCH_FILE_BYTES    size of the test file [100000000]  (evidence.files.max-size is 100M = 104857600)
#   BENCH_ROUNDS        upload+download rounds; the best round is reported, all are printed [3]
#   BENCH_GATEWAY_URL   gateway base URL [http://localhost:8080]
#   BENCH_USER          user whose token is used (a tutor of provider 10000001) [tutor1]
#   BENCH_DIR           where the test file and its copies are written [a temp dir under $TMPDIR or /tmp]
#   STACK_DATA_DIR      as for ./stack (to find evidence-service's pid file) [.stack-data]
#
# Peak RSS growth: before each transfer the script resets the kernel's peak-RSS mark of the evidence-service
# process and reads VmRSS; after it reads VmHWM (the peak since the reset): growth = VmHWM - VmRSS(before).
# See bench/lib/rss.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

GATEWAY="${BENCH_GATEWAY_URL:-http://localhost:8080}"
GATEWAY="${GATEWAY%/}"
BYTES="${BENCH_FILE_BYTES:-100000000}"
ROUNDS="${BENCH_ROUNDS:-3}"
USER_NAME="${BENCH_USER:-tutor1}"
# shellcheck source=lib/rss.sh
source "$ROOT/bench/lib/rss.sh"

say() { printf '[bench] %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

[[ $BYTES =~ ^[0-9]+$ ]] && ((BYTES >= 1000)) || die "BENCH_FILE_BYTES must be a whole number >= 1000"
[[ $ROUNDS =~ ^[0-9]+$ ]] && ((ROUNDS >= 1)) || die "BENCH_ROUNDS must be a whole number >= 1"
for t in curl python3 awk; do command -v "$t" >/dev/null || die "missing command: $t"; done

curl -fsS -o /dev/null --max-time 5 "$GATEWAY/q/health/ready" \
  || die "gateway not ready at $GATEWAY; start the stack first (./stack up -d)"
PID=$(stack_pid evidence) || die "no running evidence-service found by its ./stack pid file (is STACK_DATA_DIR right?)"
TOKEN="$(./stack token "$USER_NAME")" || die "./stack token $USER_NAME failed"

BASE_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}}"
TMP="$(mktemp -d "$BASE_DIR/evidence-file.XXXXXX")"
trap 'rm -rf -- "$TMP"' EXIT

now() { date +%s.%N; }
mb_s() { awk -v b="$BYTES" -v s="$1" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }

# A PDF header followed by random bytes: content sniffing (Apache Tika) sees application/pdf, which the
# evidence-service allow-list accepts; random bytes defeat any compression on the way.
FILE="$TMP/evidence.pdf"
say "writing a $BYTES-byte test file to $TMP"
{ printf '%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n'; head -c "$((BYTES - 15))" /dev/urandom; } >"$FILE"
[[ $(stat -c %s "$FILE") == "$BYTES" ]] || die "test file has the wrong size"
SHA=$(sha256sum "$FILE" | awk '{print $1}')

api() { # method path [curl args...] -> body on stdout, fails on non-2xx
  local method=$1 path=$2; shift 2
  curl -fsS -X "$method" -H "Authorization: Bearer $TOKEN" "$@" "$GATEWAY$path"
}
json_field() { # dotted.path < json -> value
  python3 -c 'import functools,json,sys; print(functools.reduce(lambda d, k: d[k], sys.argv[1].split("."), json.load(sys.stdin)))' "$1"
}

say "creating an apprentice and a file evidence item through the gateway"
ULN="$(( (RANDOM % 9 + 1) * 1000000000 + (RANDOM * 32768 + RANDOM) % 1000000000 ))"
APPRENTICE=$(api POST /api/v1/apprentices -H 'Content-Type: application/json' --data @- <<EOF | json_field id
{"uln":"$ULN","givenName":"Bench","familyName":"Mark","dateOfBirth":"2000-01-01","providerUkprn":"10000001",
 "employerId":"EMP0001","standardVersion":"ST1398_1.0","startDate":"2025-09-01","plannedEndDate":"2027-09-01"}
EOF
) || die "could not create the apprentice (is the catalogue seeded and $USER_NAME a tutor of 10000001?)"

# measure command... -> "seconds peak_RSS_growth_kB" of evidence-service while the command ran
measure() {
  local before t0 t1
  before=$(rss_mark "$PID")
  t0=$(now)
  "$@"
  t1=$(now)
  printf '%s %s\n' "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')" "$(rss_growth "$PID" "$before")"
}

upload() {
  local evidence=$1
  api PUT "/api/v1/apprentices/$APPRENTICE/evidence/$evidence/file?filename=bench.pdf" \
    -H 'Content-Type: application/pdf' -H 'Expect:' --data-binary @"$FILE" -o "$TMP/upload.json"
}
download() {
  api GET "/api/v1/apprentices/$APPRENTICE/evidence/$1/file" -o "$TMP/download.pdf"
}
copy() { cp "$FILE" "$TMP/copy.pdf"; sync "$TMP/copy.pdf" 2>/dev/null || sync; }

printf '\nmachine: %s cores, %s; load avg before: %s\n' "$(nproc)" \
  "$(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'evidence-service JVM options: %s\n' \
  "$(tr '\0' ' ' <"/proc/$PID/cmdline" | sed -e 's/ -jar .*//' -e 's/^[^ ]*java *//' | sed 's/^$/(defaults)/')"
printf 'file: %d bytes (sha256 %s…), evidence-service pid %s, disk: %s\n\n' "$BYTES" "${SHA:0:16}" "$PID" \
  "$(df -h --output=source,fstype "$TMP" | tail -n 1 | tr -s ' ')"
printf '%-6s %-10s %10s %10s %22s\n' round transfer seconds "MB/s" "service peak RSS +MB"

best_up=""; best_down=""; best_cp=""
row() { # round label "secs growth_kB"
  set -- "$1" "$2" $3
  printf '%-6s %-10s %10.3f %10s %22.1f\n' "$1" "$2" "$3" "$(mb_s "$3")" "$(awk -v k="$4" 'BEGIN{print k/1024}')"
}
faster() { awk -v a="$1" -v b="${2:-}" 'BEGIN { split(a, x, " "); split(b, y, " "); exit !(b == "" || x[1] < y[1]) }'; }

for r in $(seq 1 "$ROUNDS"); do
  EVIDENCE=$(api POST "/api/v1/apprentices/$APPRENTICE/evidence" -H 'Content-Type: application/json' \
    --data '{"kind":"file","title":"Bench file","ksbCodes":["K1"]}' | json_field id)
  m=$(measure upload "$EVIDENCE"); row "$r" upload "$m"; faster "$m" "$best_up" && best_up=$m
  got=$(json_field file.sha256 <"$TMP/upload.json" 2>/dev/null || true)
  [[ $got == "$SHA" ]] || die "the service recorded sha256 '$got', expected $SHA"
  m=$(measure download "$EVIDENCE"); row "$r" download "$m"; faster "$m" "$best_down" && best_down=$m
  cmp -s "$FILE" "$TMP/download.pdf" || die "downloaded bytes differ from the uploaded file"
  rm -f "$TMP/download.pdf"
  m=$(measure copy); row "$r" cp "$m"; faster "$m" "$best_cp" && best_cp=$m
  rm -f "$TMP/copy.pdf"
done

ratio() { awk -v a="${1%% *}" -v b="${2%% *}" 'BEGIN { printf "%.3f (cp %.1fx faster)", b / a, a / b }'; }
printf '\nbest of %d rounds; load avg after: %s\n' "$ROUNDS" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'upload   through gateway : %s MB/s\n' "$(mb_s "${best_up%% *}")"
printf 'download through gateway : %s MB/s\n' "$(mb_s "${best_down%% *}")"
printf 'cp on the same disk      : %s MB/s\n' "$(mb_s "${best_cp%% *}")"
printf 'ratio upload/cp          : %s\n' "$(ratio "$best_up" "$best_cp")"
printf 'ratio download/cp        : %s\n' "$(ratio "$best_down" "$best_cp")"
printf 'evidence-service peak RSS growth: upload %s MB, download %s MB (file %s MB)\n' \
  "$(awk -v k="$(cut -d' ' -f2 <<<"$best_up")" 'BEGIN{printf "%.1f", k/1024}')" \
  "$(awk -v k="$(cut -d' ' -f2 <<<"$best_down")" 'BEGIN{printf "%.1f", k/1024}')" \
  "$(awk -v b="$BYTES" 'BEGIN{printf "%.0f", b/1e6}')"
