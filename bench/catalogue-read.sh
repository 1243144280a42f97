#!/usr/bin/env bash
# Catalogue read benchmark: the full ST1398 standard version (with its KSBs) read THROUGH THE GATEWAY,
# plain and with If-None-Match, next to nginx serving the very same JSON bytes as a static file on this
# machine in this run. The figure is the ratio gateway/nginx, not the absolute requests/s.
#
#   bench/catalogue-read.sh                     # from the repo root (or anywhere)
#   BENCH_SECONDS=5 bench/catalogue-read.sh
#
# Environment (all optional):
#   BENCH_PATH            gateway path to read   [/api/v1/standards/ST1398/versions/1.0]
#                         (404 -> falls back to /api/v1/standards/ST1398, and says so)
#   BENCH_SECONDS         duration of each measured wrk run [10]
#   BENCH_ROUNDS          rounds of the runs, interleaved (gateway, gateway 304, nginx, nginx 304, and gateway 304
#                         from clients that only revalidate, each round); the ratios printed are the medians of
#                         the rounds' ratios [3]
#   BENCH_WARMUP_SECONDS  duration of each unreported JVM warm-up run [5]
#   BENCH_THREADS         wrk threads [2]
#   BENCH_CONNECTIONS     wrk connections [32]
#   BENCH_NGINX_PORT      first port to try for the reference nginx [18088]
#   BENCH_GATEWAY_URL     gateway base URL [http://localhost:8080]
#
# If the gateway is not up, the stack is started with './stack up -d' (which builds missing jars) and
# stopped again with './stack down' at the end; a stack that was already running is left running.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

GATEWAY="${BENCH_GATEWAY_URL:-http://localhost:8080}"
GATEWAY="${GATEWAY%/}"
BENCH_PATH="${BENCH_PATH:-/api/v1/standards/ST1398/versions/1.0}"
FALLBACK_PATH="/api/v1/standards/ST1398"
SECONDS_RUN="${BENCH_SECONDS:-10}"
ROUNDS="${BENCH_ROUNDS:-3}"
WARMUP="${BENCH_WARMUP_SECONDS:-5}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
NGINX_PORT_FROM="${BENCH_NGINX_PORT:-18088}"

say() { printf '[bench] %s\n' "$*"; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

for v in SECONDS_RUN ROUNDS WARMUP THREADS CONNECTIONS NGINX_PORT_FROM; do
  [[ ${!v} =~ ^[0-9]+$ ]] || die "$v must be a whole number (got '${!v}')"
done
((SECONDS_RUN > 0 && ROUNDS > 0 && THREADS > 0 && CONNECTIONS >= THREADS)) \
  || die "need BENCH_SECONDS > 0, BENCH_ROUNDS > 0 and BENCH_CONNECTIONS >= BENCH_THREADS > 0"

# ------------------------------------------------------------- clean-up --

TMP=""
NGINX_PID=""
STARTED_STACK=0

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $NGINX_PID ]] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill -QUIT "$NGINX_PID" 2>/dev/null || true            # graceful: master stops its workers
    for _ in $(seq 1 50); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
  fi
  if [[ -n $TMP && -d $TMP ]]; then rm -rf -- "$TMP"; fi
  if ((STARTED_STACK)); then
    say "stopping the stack this script started (./stack down)"
    ./stack down || rc=1
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- tools --

apt_install() { # packages... -> 0 if apt-get ran successfully (as root or with passwordless sudo)
  local sudo=()
  command -v apt-get >/dev/null 2>&1 || return 1
  if (($(id -u) != 0)); then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || return 1
    sudo=(sudo -n)
  fi
  say "installing: $* (apt-get install -y $*)"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >&2 && return 0
  "${sudo[@]}" apt-get update >&2 && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >&2
}

missing_cmds() { local t; for t in "$@"; do command -v "$t" >/dev/null 2>&1 || printf '%s ' "$t"; done; }

if [[ -n $(missing_cmds curl wrk nginx) ]]; then
  say "missing: $(missing_cmds curl wrk nginx)"
  apt_install wrk nginx curl || true
  m=$(missing_cmds curl wrk nginx)
  [[ -z $m ]] || die "could not install: ${m}- install them yourself (Debian/Ubuntu: 'sudo apt-get install -y wrk nginx curl') and run again"
fi

# ---------------------------------------------------------------- stack --

# The jars './stack' runs (it builds the missing ones itself unless STACK_NO_BUILD=1).
JARS=(devstack/target/devstack.jar
      standards-service/target/quarkus-app/quarkus-run.jar
      evidence-service/target/quarkus-app/quarkus-run.jar
      assessment-service/target/quarkus-app/quarkus-run.jar
      gateway/target/quarkus-app/quarkus-run.jar)

if curl -fs -o /dev/null --max-time 5 "$GATEWAY/q/health/live"; then
  say "gateway already up at $GATEWAY - using it as is (it will be left running)"
else
  missing_jars=()
  for j in "${JARS[@]}"; do [[ -f $j ]] || missing_jars+=("$j"); done
  if ((${#missing_jars[@]})); then
    if [[ ${STACK_NO_BUILD:-} == 1 ]]; then
      die "jars missing and STACK_NO_BUILD=1: ${missing_jars[*]} (build: ./mvnw -B package -DskipTests -DskipE2E)"
    fi
    say "jars missing (./stack will build them first, this takes minutes): ${missing_jars[*]}"
  fi
  say "gateway not answering at $GATEWAY - starting the stack (./stack up -d)"
  STARTED_STACK=1
  ./stack up -d >&2 || die "'./stack up -d' failed (see its output above)"
  for j in "${JARS[@]}"; do [[ -f $j ]] || die "jar still missing after './stack up -d': $j"; done
  curl -fs -o /dev/null --max-time 5 "$GATEWAY/q/health/live" \
    || die "the stack says it is up but $GATEWAY/q/health/live does not answer"
fi

# ------------------------------------------------------------ the body --

TMP="$(mktemp -d "${TMPDIR:-/tmp}/catalogue-read.XXXXXX")"
WWW="$TMP/www"
mkdir -p "$WWW" "$TMP/nginx-temp"
# nginx workers run as 'nobody' when nginx is started by root: let them read the file.
chmod 755 "$TMP" "$WWW"

status_of() { # url [extra curl args...] -> HTTP status code
  local url=$1; shift
  curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$@" "$url" || true
}

header_of() { # headers-file name -> value (last occurrence, CR stripped)
  tr -d '\r' <"$1" | awk -v n="$(tr '[:upper:]' '[:lower:]' <<<"$2")" -F': *' \
    'tolower($1) == n { sub(/^[^:]*: */, ""); v = $0 } END { if (v != "") print v }'
}

NOTES=()
code=$(status_of "$GATEWAY$BENCH_PATH")
if [[ $code == 404 && $BENCH_PATH != "$FALLBACK_PATH" ]]; then
  NOTES+=("FALLBACK: $BENCH_PATH answered 404 - measuring $FALLBACK_PATH (the standard, not the full version with KSBs) instead")
  say "${NOTES[-1]}"
  BENCH_PATH="$FALLBACK_PATH"
  code=$(status_of "$GATEWAY$BENCH_PATH")
fi
[[ $code == 200 ]] || die "GET $GATEWAY$BENCH_PATH answered $code, expected 200"

BODY="$WWW/body.json"
curl -fsS --max-time 30 -D "$TMP/gateway.headers" -o "$BODY" "$GATEWAY$BENCH_PATH"
chmod 644 "$BODY"
BODY_BYTES=$(wc -c <"$BODY" | tr -d ' ')
((BODY_BYTES > 0)) || die "GET $GATEWAY$BENCH_PATH returned an empty body"
GW_ETAG="$(header_of "$TMP/gateway.headers" ETag)"
GW_CTYPE="$(header_of "$TMP/gateway.headers" Content-Type)"

# ---------------------------------------------------------------- nginx --

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
NGINX_PORT=""
for ((p = NGINX_PORT_FROM; p < NGINX_PORT_FROM + 50; p++)); do
  if ! port_in_use "$p"; then NGINX_PORT=$p; break; fi
done
[[ -n $NGINX_PORT ]] || die "no free port for nginx in $NGINX_PORT_FROM..$((NGINX_PORT_FROM + 49))"

cat >"$TMP/nginx.conf" <<EOF
# Reference server for bench/catalogue-read.sh: the same JSON bytes as a static file.
worker_processes 1;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    keepalive_timeout 65;
    etag on;
    gzip off;
    client_body_temp_path $TMP/nginx-temp/body;
    proxy_temp_path $TMP/nginx-temp/proxy;
    fastcgi_temp_path $TMP/nginx-temp/fastcgi;
    uwsgi_temp_path $TMP/nginx-temp/uwsgi;
    scgi_temp_path $TMP/nginx-temp/scgi;
    types { }
    default_type application/json;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WWW;
    }
}
EOF
nginx -t -q -p "$TMP" -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" \
  || die "nginx rejected its config ($TMP/nginx.conf)"
nginx -p "$TMP" -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
NGINX_URL="http://127.0.0.1:$NGINX_PORT/body.json"
for _ in $(seq 1 50); do
  [[ $(status_of "$NGINX_URL") == 200 ]] && break
  kill -0 "$NGINX_PID" 2>/dev/null || die "nginx exited: $(cat "$TMP/nginx-error.log" 2>/dev/null)"
  sleep 0.1
done

curl -fsS --max-time 10 -D "$TMP/nginx.headers" -o "$TMP/nginx-body.json" "$NGINX_URL" \
  || die "nginx does not serve $NGINX_URL: $(cat "$TMP/nginx-error.log" 2>/dev/null)"
cmp -s "$BODY" "$TMP/nginx-body.json" || die "nginx does not serve the same bytes as the gateway"
NGINX_ETAG="$(header_of "$TMP/nginx.headers" ETag)"
[[ -n $NGINX_ETAG ]] || die "nginx sent no ETag"

# ------------------------------------------------------ verify statuses --

expect() { # label expected url [curl args...]
  local label=$1 want=$2 url=$3; shift 3
  local got
  got=$(status_of "$url" "$@")
  [[ $got == "$want" ]] || die "$label: expected HTTP $want from $url, got $got"
  say "checked $label: HTTP $got"
}

CONDITIONAL=1
if [[ -z $GW_ETAG ]]; then
  CONDITIONAL=0
  NOTES+=("no ETag header from $BENCH_PATH - the conditional (If-None-Match) runs are SKIPPED")
  say "${NOTES[-1]}"
fi
[[ $GW_ETAG == W/* ]] && NOTES+=("the gateway's ETag is WEAK ($GW_ETAG), expected a strong one")

expect "gateway GET" 200 "$GATEWAY$BENCH_PATH"
expect "nginx GET" 200 "$NGINX_URL"
if ((CONDITIONAL)); then
  expect "gateway GET If-None-Match" 304 "$GATEWAY$BENCH_PATH" -H "If-None-Match: $GW_ETAG"
  expect "nginx GET If-None-Match" 304 "$NGINX_URL" -H "If-None-Match: $NGINX_ETAG"
fi

# ------------------------------------------------------------------ load --

to_bytes() { # wrk size like 12.34MB -> bytes (integer)
  awk -v s="$1" 'BEGIN {
    m = 1; u = s; sub(/^[0-9.]+/, "", u); n = substr(s, 1, length(s) - length(u)) + 0
    if (u == "KB") m = 1024; else if (u == "MB") m = 1048576; else if (u == "GB") m = 1073741824
    else if (u == "TB") m = 1099511627776
    printf "%.0f", n * m }'
}

fmt_us() { # microseconds -> wrk-like 123.00us / 1.23ms / 1.23s
  awk -v u="$1" 'BEGIN { if (u < 1000) printf "%.2fus", u; else if (u < 1000000) printf "%.2fms", u / 1000; else printf "%.2fs", u / 1000000 }'
}

RESULTS=()   # "label|tool|rps|p50|p99|bytes per response|problems"
declare -A RPS=()

run_wrk() { # key label url [header...]
  local key=$1 label=$2 url=$3 header out args=()
  shift 3
  args=(-t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --timeout 10s --latency)
  for header in "$@"; do [[ -n $header ]] && args+=(-H "$header"); done
  say "measuring: $label with wrk (${SECONDS_RUN}s)"
  out="$TMP/wrk-$key.txt"
  wrk "${args[@]}" "$url" >"$out" 2>&1 || die "wrk failed for $label: $(cat "$out")"
  local rps p50 p99 reqs read per problems
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  p50=$(awk '$1 == "50%" { print $2 }' "$out")
  p99=$(awk '$1 == "99%" { print $2 }' "$out")
  reqs=$(awk '/requests in/ { print $1 }' "$out")
  read=$(awk '/requests in/ { print $(NF - 1) }' "$out")
  [[ -n $rps && -n $reqs ]] || die "could not parse wrk output for $label: $(cat "$out")"
  per="-"
  ((reqs > 0)) && per=$(($(to_bytes "$read") / reqs))
  problems=$(awk '/Non-2xx or 3xx responses:|Socket errors:/ { sub(/^ +/, ""); printf "%s; ", $0 }' "$out")
  ((reqs > 0)) || problems+="no response at all; "
  RPS[$key]=$rps
  RESULTS+=("$label|wrk|$rps|$p50|$p99|$per|${problems%; }")
}

# h2load (nghttp2-client) in HTTP/1.1 mode: only used when wrk cannot read a response (see below).
run_h2load() { # key label url header expected-status
  local key=$1 label=$2 url=$3 header=$4 want=$5 out log
  say "measuring: $label with h2load --h1 (${SECONDS_RUN}s)"
  out="$TMP/h2load-$key.txt"
  log="$TMP/h2load-$key.tsv"
  h2load --h1 -t"$THREADS" -c"$CONNECTIONS" -D "$SECONDS_RUN" -T 10 -H "$header" --log-file="$log" "$url" \
    >"$out" 2>&1 || die "h2load failed for $label: $(cat "$out")"
  local rps reqs bytes per p50 p99 problems
  rps=$(awk '/^finished in/ { print $4 }' "$out")
  reqs=$(awk '/^requests:/ { for (i = 1; i < NF; i++) if ($(i + 1) == "done,") print $i }' "$out")
  bytes=$(awk '/^traffic:/ { gsub(/[()]/, "", $3); print $3 }' "$out")
  [[ -n $rps && -n $reqs && -n $bytes ]] || die "could not parse h2load output for $label: $(cat "$out")"
  per="-"
  ((reqs > 0)) && per=$((bytes / reqs))
  # The log has one line per response: start (us), status, duration (us).
  read -r p50 p99 < <(awk '{ print $3 }' "$log" | sort -n | awk '{ a[NR] = $1 } END {
      if (NR == 0) { print "- -"; exit }
      i50 = int(NR * 0.50 + 0.999999); i99 = int(NR * 0.99 + 0.999999)
      print a[i50], a[i99] }')
  [[ $p50 != - ]] && p50=$(fmt_us "$p50") && p99=$(fmt_us "$p99")
  problems=$(awk -v w="$want" '$2 != w { n[$2]++ } END { for (s in n) printf "%d responses with HTTP %s; ", n[s], s }' "$log")
  problems+=$(awk '/^requests:/ { for (i = 2; i < NF; i++) if (($(i + 1) ~ /^(failed|errored|timeout)/) && $i > 0) { w = $(i + 1); sub(/,$/, "", w); printf "%s %s; ", $i, w } }' "$out")
  ((reqs > 0)) || problems+="no response at all; "
  RPS[$key]=$rps
  RESULTS+=("$label|h2load|$rps|$p50|$p99|$per|${problems%; }")
}

warm_up() { # tool label url [header]
  ((WARMUP > 0)) || return 0
  say "warming up (not reported): $2 (${WARMUP}s)"
  if [[ $1 == h2load ]]; then
    h2load --h1 -t"$THREADS" -c"$CONNECTIONS" -D "$WARMUP" -T 10 ${4:+-H "$4"} "$3" >/dev/null 2>&1 \
      || die "h2load warm-up failed for $2"
  else
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s ${4:+-H "$4"} "$3" >/dev/null 2>&1 \
      || die "wrk warm-up failed for $2"
  fi
}

# wrk's bundled HTTP parser (an old joyent http_parser) does not know that a 304 never has a body: if the
# 304 carries 'Transfer-Encoding: chunked' it waits for chunks that never come, and the run measures nothing.
# Probe that once; if wrk cannot read the gateway's 304, BOTH conditional runs use h2load instead, so the
# conditional ratio still compares one tool against itself.
COND_TOOL=wrk
if ((CONDITIONAL)); then
  curl -s -o /dev/null -D "$TMP/gateway-304.headers" --max-time 10 -H "If-None-Match: $GW_ETAG" "$GATEWAY$BENCH_PATH" || true
  GW_304_TE="$(header_of "$TMP/gateway-304.headers" Transfer-Encoding)"
  probe=$(wrk -t1 -c1 -d2s --timeout 1s -H "If-None-Match: $GW_ETAG" "$GATEWAY$BENCH_PATH" 2>&1 \
            | awk '/requests in/ { print $1 }')
  if [[ ${probe:-0} == 0 ]]; then
    why="wrk read no response at all from the gateway's 304"
    [[ -n $GW_304_TE ]] && why+=" (the gateway sends 'Transfer-Encoding: $GW_304_TE' on its bodyless 304; wrk's HTTP parser then waits for chunks that never come)"
    if ! command -v h2load >/dev/null 2>&1; then
      say "$why - need h2load for the conditional runs"
      apt_install nghttp2-client || true
    fi
    if command -v h2load >/dev/null 2>&1; then
      COND_TOOL=h2load
      NOTES+=("$why: both conditional runs use h2load --h1 (same -t/-c/duration), so the conditional ratio is h2load vs h2load")
    else
      CONDITIONAL=0
      NOTES+=("$why, and h2load (apt-get install nghttp2-client) is not available: the conditional runs are SKIPPED")
    fi
    say "${NOTES[-1]}"
  elif [[ -n $GW_304_TE ]]; then
    NOTES+=("the gateway's 304 carries 'Transfer-Encoding: $GW_304_TE' (no body follows); this wrk copes with it")
  fi
fi

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

warm_up wrk "gateway GET" "$GATEWAY$BENCH_PATH"
((CONDITIONAL)) && warm_up "$COND_TOOL" "gateway GET If-None-Match" "$GATEWAY$BENCH_PATH" "If-None-Match: $GW_ETAG"

run_cond() { # key label url etag
  if [[ $COND_TOOL == h2load ]]; then
    run_h2load "$1" "$2" "$3" "If-None-Match: $4" 304
  else
    run_wrk "$1" "$2" "$3" "If-None-Match: $4"
  fi
}

# Rounds, each running the four scenarios back to back: a machine whose speed drifts (other work, frequency, the
# host) moves a gateway run and the nginx run next to it together, and each round gives one ratio; the medians
# are printed. Single runs minutes apart on a quiet 2-core machine gave one build 304 ratios from 0.66 to 0.83.
for ((round = 1; round <= ROUNDS; round++)); do
  tag=""
  ((ROUNDS > 1)) && tag=" [$round]"
  run_wrk "gw$round" "gateway GET$tag" "$GATEWAY$BENCH_PATH"
  ((CONDITIONAL)) && run_cond "gw304$round" "gateway GET If-None-Match (304)$tag" "$GATEWAY$BENCH_PATH" "$GW_ETAG"
  run_wrk "ng$round" "nginx GET (static file)$tag" "$NGINX_URL"
  ((CONDITIONAL)) && run_cond "ng304$round" "nginx GET If-None-Match (304)$tag" "$NGINX_URL" "$NGINX_ETAG"
  # Clients that only ever revalidate, against a cache that holds nothing for them yet (after a gateway restart or
  # an eviction): the same conditional read under a cache key no run has filled (the cache keys on Accept-Encoding;
  # this coding is refused, so the answer is the same identity JSON). Not before the tag's first fill: every
  # request of this run went to standards-service (bench/README.md).
  if ((CONDITIONAL)) && [[ $COND_TOOL == wrk ]]; then
    run_wrk "gwrev$round" "gateway 304, revalidating only$tag" "$GATEWAY$BENCH_PATH" "If-None-Match: $GW_ETAG" \
      "Accept-Encoding: identity, x-bench-$$-$round;q=0"
  fi
done

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

# --------------------------------------------------------------- report --

median_ratio() { # key-of-numerator key-of-denominator -> "median  (nginx Nx the gateway; rounds: r1 r2 ...)"
  local r ratios=()
  for ((r = 1; r <= ROUNDS; r++)); do
    ratios+=("$(awk -v a="${RPS[$1$r]}" -v b="${RPS[$2$r]}" 'BEGIN { if (b > 0) printf "%.4f", a / b; else print "0" }')")
  done
  printf '%s\n' "${ratios[@]}" | sort -g | awk -v all="${ratios[*]}" -v n="$ROUNDS" '
    { v[NR] = $1 }
    END {
      m = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
      printf "%.4f  (nginx %.1fx the gateway", m, (m > 0 ? 1 / m : 0)
      if (n > 1) printf "; median of %d rounds: %s", n, all
      printf ")" }'
}

echo
echo "== catalogue read: gateway vs nginx (same bytes, same machine, same run) =="
echo "gateway URL : $GATEWAY$BENCH_PATH"
echo "nginx URL   : $NGINX_URL  ($(nginx -v 2>&1 | sed 's/^nginx version: //'), worker_processes 1, access_log off)"
echo "body        : $BODY_BYTES bytes, ${GW_CTYPE:-no content-type}"
echo "ETags       : gateway ${GW_ETAG:-<none>}   nginx $NGINX_ETAG"
echo "machine     : $(nproc) cores (nproc), $(uname -sm); load, wrk, nginx and the whole stack share them"
echo "load avg    : $LOAD_BEFORE before the runs, $LOAD_AFTER after (1/5/15 min; anything well above 0 is other work)"
echo "load tool   : -t$THREADS -c$CONNECTIONS, ${SECONDS_RUN}s per scenario, $ROUNDS round(s); unreported warm-up ${WARMUP}s per gateway scenario before the first"
for n in ${NOTES[@]+"${NOTES[@]}"}; do echo "NOTE        : $n"; done
echo
printf '%-38s %-7s %12s %10s %10s %11s\n' "scenario" "tool" "requests/s" "p50" "p99" "bytes/resp"
printf '%-38s %-7s %12s %10s %10s %11s\n' "--------" "----" "----------" "---" "---" "----------"
for r in "${RESULTS[@]}"; do
  IFS='|' read -r label tool rps p50 p99 per problems <<<"$r"
  printf '%-38s %-7s %12s %10s %10s %11s\n' "$label" "$tool" "$rps" "$p50" "$p99" "$per"
  [[ -z $problems ]] || printf '%-38s %s\n' "  ! problems" "$problems"
done
echo
echo "ratio gateway/nginx, plain GET          : $(median_ratio gw ng)"
if ((CONDITIONAL)); then
  echo "ratio gateway/nginx, If-None-Match (304): $(median_ratio gw304 ng304)"
  if [[ $COND_TOOL == wrk ]]; then
    echo "ratio gateway/nginx, 304 revalidating only (nothing held at the start): $(median_ratio gwrev ng304)"
    echo "gateway 304 vs gateway 200              : $(median_ratio gw304 gw | awk '{ printf "%.2fx", $1 }')"
  fi
else
  echo "ratio gateway/nginx, If-None-Match (304): skipped (see NOTE above)"
fi
echo "(bytes/resp = bytes read / responses, headers included: 200s must carry the ${BODY_BYTES}-byte body, 304s must not)"
