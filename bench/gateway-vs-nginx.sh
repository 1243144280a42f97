#!/usr/bin/env bash
# The gateway as a proxy, side by side with nginx proxy_pass, in ONE run on this machine: the same backend (the
# stack's standards-service), the same request (the cached ST1398 version read), the same load (wrk -t2 -c32).
#
#   bench/gateway-vs-nginx.sh                 # from the repo root (or anywhere)
#   BENCH_SECONDS=20 BENCH_ROUNDS=3 bench/gateway-vs-nginx.sh
#
# Three scenarios, measured in interleaved rounds (direct, nginx, gateway, direct, nginx, gateway, ...) so that
# other work on the machine hits all three alike; per scenario the round with the median requests/s is reported:
#   direct   wrk -> standards-service                        (the reference for "latency added")
#   nginx    wrk -> nginx proxy_pass (keep-alive upstream)   -> standards-service
#   gateway  wrk -> a gateway started by this script         -> standards-service
#   floor    wrk -> bench/lib/VertxFloorProxy.java           -> standards-service  (BENCH_FLOOR=on: a bare Vert.x
#            proxy on the gateway's own Vert.x/Netty jars and JVM options, with nothing else in its path: the most any
#            gateway built on Vert.x can reach here)
# Printed: requests/s, p50, p99 per scenario; gateway/nginx requests/s ratio; p99 added over direct by each proxy.
#
# The gateway under test runs as in production: JSON logs and the access log on (to a file), rate limits ON
# (every response is counted and carries the RateLimit fields; the limit is set above what the load reaches, so
# nothing is refused), tracing ON (a span per request, exported over OTLP to a sink this script serves with
# nginx). It is the built gateway jar (gateway/target/quarkus-app) unless BENCH_GATEWAY_JAR says otherwise.
#
# Environment (all optional):
#   BENCH_PATH             path to read [/api/v1/standards/ST1398/versions/1.0]
#   BENCH_SECONDS          duration of each measured run [10]
#   BENCH_ROUNDS           interleaved rounds [3]
#   BENCH_WARMUP_SECONDS   unreported warm-up of the gateway and nginx [15]
#   BENCH_THREADS / BENCH_CONNECTIONS   wrk -t / -c [2 / 32]
#   BENCH_BACKEND_URL      the standards-service [http://localhost:8081]
#   BENCH_GATEWAY_JAR      gateway to start [gateway/target/quarkus-app/quarkus-run.jar]
#   BENCH_GATEWAY_JAVA_OPTS  JVM options for it [those ./stack and the pods run it with: ./stack jvm-opts gateway]
#   BENCH_NGINX_WORKERS    nginx worker_processes [auto: one per core, as the gateway's event loops]
#   BENCH_NGINX_ACCESS_LOG on (buffered, to a file, as the gateway logs each request) or off [on]
#   BENCH_TRACING          on or off [on]
#   BENCH_GATEWAY_CACHE    on or off [off: the gateway's cache of public reads would answer the read itself, and this
#                          compares proxies; bench/catalogue-read.sh measures the cache]
#   BENCH_ALLOW_NO_RATE_LIMITS=1  accept a gateway without rate limits (an older build, for before/after)
#   BENCH_FLOOR            on or off: also measure the bare Vert.x proxy [on]
# If the backend is not answering, './stack up -d' starts the stack and './stack down' stops it at the end.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_PATH="${BENCH_PATH:-/api/v1/standards/ST1398/versions/1.0}"
SECONDS_RUN="${BENCH_SECONDS:-10}"
ROUNDS="${BENCH_ROUNDS:-3}"
WARMUP="${BENCH_WARMUP_SECONDS:-15}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
BACKEND="${BENCH_BACKEND_URL:-http://localhost:8081}"
BACKEND="${BACKEND%/}"
GATEWAY_JAR="${BENCH_GATEWAY_JAR:-$ROOT/gateway/target/quarkus-app/quarkus-run.jar}"
GATEWAY_JAVA_OPTS="${BENCH_GATEWAY_JAVA_OPTS:-$(./stack jvm-opts gateway | tr '\n' ' ')}"
NGINX_WORKERS="${BENCH_NGINX_WORKERS:-auto}"
NGINX_ACCESS_LOG="${BENCH_NGINX_ACCESS_LOG:-on}"
TRACING="${BENCH_TRACING:-on}"
FLOOR="${BENCH_FLOOR:-on}"

say() { printf '[bench] %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

for v in SECONDS_RUN ROUNDS WARMUP THREADS CONNECTIONS; do
  [[ ${!v} =~ ^[0-9]+$ ]] || die "$v must be a whole number (got '${!v}')"
done
((SECONDS_RUN > 0 && ROUNDS > 0 && THREADS > 0 && CONNECTIONS >= THREADS)) || die "bad BENCH_* values"

TMP=""
NGINX_PID=""
GATEWAY_PID=""
FLOOR_PID=""
STARTED_STACK=0

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  local java_pid
  for java_pid in "$GATEWAY_PID" "$FLOOR_PID"; do
    if [[ -n $java_pid ]] && kill -0 "$java_pid" 2>/dev/null; then
      kill "$java_pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$java_pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$java_pid" 2>/dev/null || true
    fi
  done
  if [[ -n $NGINX_PID ]] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill -QUIT "$NGINX_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$NGINX_PID" 2>/dev/null || true
  fi
  if [[ -n $TMP && -d $TMP && -z ${BENCH_KEEP_TMP:-} ]]; then rm -rf -- "$TMP"; fi
  if ((STARTED_STACK)); then
    say "stopping the stack this script started (./stack down)"
    ./stack down >&2 || rc=1
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- tools --

apt_install() {
  local sudo=()
  command -v apt-get >/dev/null 2>&1 || return 1
  if (($(id -u) != 0)); then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || return 1
    sudo=(sudo -n)
  fi
  say "installing: $*"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >&2 \
    || { "${sudo[@]}" apt-get update >&2 && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >&2; }
}
missing_cmds() { local t; for t in "$@"; do command -v "$t" >/dev/null 2>&1 || printf '%s ' "$t"; done; }
if [[ -n $(missing_cmds curl wrk nginx) ]]; then
  apt_install wrk nginx curl || true
  [[ -z $(missing_cmds curl wrk nginx) ]] || die "missing: $(missing_cmds curl wrk nginx)(apt-get install -y wrk nginx curl)"
fi
[[ -f $GATEWAY_JAR ]] || die "no gateway jar at $GATEWAY_JAR (build: ./mvnw -B package -DskipTests -DskipE2E -pl gateway -am)"

# ---------------------------------------------------------------- backend --

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$@" || true; }

if [[ $(status_of "$BACKEND/q/health/ready") != 200 ]]; then
  say "backend not ready at $BACKEND - starting the stack (./stack up -d)"
  STARTED_STACK=1
  ./stack up -d >&2 || die "'./stack up -d' failed"
fi
[[ $(status_of "$BACKEND$BENCH_PATH") == 200 ]] || die "GET $BACKEND$BENCH_PATH does not answer 200"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/gateway-vs-nginx.XXXXXX")"
chmod 755 "$TMP"
mkdir -p "$TMP/nginx-temp"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p; for ((p = $1; p < $1 + 100; p++)); do port_in_use "$p" || { echo "$p"; return; }; done; die "no free port from $1"; }

NGINX_PORT=$(free_port 18090)
SINK_PORT=$(free_port $((NGINX_PORT + 1)))
GATEWAY_PORT=$(free_port $((SINK_PORT + 1)))
backend_hostport="${BACKEND#http://}"

# ---------------------------------------------------------------- nginx --

if [[ $NGINX_ACCESS_LOG == on ]]; then
  access_log="access_log $TMP/nginx-access.log combined buffer=64k flush=1s;"
else
  access_log="access_log off;"
fi
cat >"$TMP/nginx.conf" <<EOF
# Reference proxy for bench/gateway-vs-nginx.sh, and the OTLP sink for the gateway's spans.
worker_processes $NGINX_WORKERS;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log warn;
events { worker_connections 4096; }
http {
    $access_log
    keepalive_requests 1000000;
    client_body_temp_path $TMP/nginx-temp/body;
    proxy_temp_path $TMP/nginx-temp/proxy;
    fastcgi_temp_path $TMP/nginx-temp/fastcgi;
    uwsgi_temp_path $TMP/nginx-temp/uwsgi;
    scgi_temp_path $TMP/nginx-temp/scgi;
    upstream standards { server $backend_hostport; keepalive 64; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / {
            proxy_pass http://standards;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$remote_addr;
        }
    }
    server {
        listen 127.0.0.1:$SINK_PORT;
        access_log off;
        location / { client_max_body_size 64m; client_body_buffer_size 1m; return 200; }
    }
}
EOF
nginx -t -q -p "$TMP" -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" || die "nginx rejected $TMP/nginx.conf"
nginx -p "$TMP" -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!

# ---------------------------------------------------------------- gateway --

gw_env=(
  "QUARKUS_HTTP_PORT=$GATEWAY_PORT"
  "GATEWAY_ROUTES_STANDARDS_URL=$BACKEND"
  "GATEWAY_ROUTES_EVIDENCE_URL=${BENCH_EVIDENCE_URL:-http://localhost:8082}"
  "GATEWAY_ROUTES_ASSESSMENT_URL=${BENCH_ASSESSMENT_URL:-http://localhost:8083}"
  "QUARKUS_OIDC_AUTH_SERVER_URL=${BENCH_OIDC_URL:-http://localhost:18180/realms/st1398}"
  # on: counted, RateLimit fields on every response; the limit is above what this load reaches
  "GATEWAY_RATE_LIMIT_ENABLED=true"
  "GATEWAY_RATE_LIMIT_GROUPS_STANDARDS_REQUESTS=2000000000"
  "QUARKUS_LOG_FILE_ENABLED=false"
  # the development realm on loopback: allowed here as in ./stack (docs/operations.md, "Secrets")
  "PLATFORM_PRODUCTION_GUARD_ENABLED=false"
  # A proxy against a proxy: the gateway's cache of public reads would answer this read itself (catalogue-read.sh
  # measures that); BENCH_GATEWAY_CACHE=on measures the gateway as it runs by default.
  "GATEWAY_RESPONSE_CACHE_ENABLED=$( [[ ${BENCH_GATEWAY_CACHE:-off} == on ]] && echo true || echo false)"
)
if [[ $TRACING == on ]]; then
  gw_env+=(
    "QUARKUS_OTEL_SDK_DISABLED=false"
    "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://127.0.0.1:$SINK_PORT"
    "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf"
  )
fi
read -r -a gw_opts <<<"$GATEWAY_JAVA_OPTS"
env "${gw_env[@]}" java "${gw_opts[@]}" -jar "$GATEWAY_JAR" >"$TMP/gateway.log" 2>&1 &
GATEWAY_PID=$!
GATEWAY="http://127.0.0.1:$GATEWAY_PORT"
for _ in $(seq 1 300); do
  [[ $(status_of "$GATEWAY/q/health/live") == 200 ]] && break
  kill -0 "$GATEWAY_PID" 2>/dev/null || die "the gateway exited: $(tail -20 "$TMP/gateway.log")"
  sleep 0.2
done
[[ $(status_of "$GATEWAY/q/health/live") == 200 ]] || die "the gateway did not start: $(tail -20 "$TMP/gateway.log")"

SCENARIOS=(direct nginx gateway)
if [[ $FLOOR == on ]]; then
  FLOOR_PORT=$(free_port $((GATEWAY_PORT + 1)))
  java "${gw_opts[@]}" -cp "$(dirname "$GATEWAY_JAR")/lib/main/*" "$ROOT/bench/lib/VertxFloorProxy.java" \
    "$FLOOR_PORT" "$BACKEND" "$(nproc)" >"$TMP/floor.log" 2>&1 &
  FLOOR_PID=$!
  FLOOR_URL="http://127.0.0.1:$FLOOR_PORT"
  for _ in $(seq 1 300); do
    grep -q '^listening' "$TMP/floor.log" && break
    kill -0 "$FLOOR_PID" 2>/dev/null || die "the floor proxy exited: $(tail -20 "$TMP/floor.log")"
    sleep 0.2
  done
  grep -q '^listening' "$TMP/floor.log" || die "the floor proxy did not start: $(tail -20 "$TMP/floor.log")"
  SCENARIOS+=(floor)
fi

NGINX="http://127.0.0.1:$NGINX_PORT"
for url in "$BACKEND" "$NGINX" "$GATEWAY" ${FLOOR_URL:+"$FLOOR_URL"}; do
  [[ $(status_of "$url$BENCH_PATH") == 200 ]] || die "GET $url$BENCH_PATH does not answer 200"
done
curl -fsS -o "$TMP/direct.json" "$BACKEND$BENCH_PATH"
curl -fsS -o "$TMP/gateway.json" -D "$TMP/gateway.headers" "$GATEWAY$BENCH_PATH"
cmp -s "$TMP/direct.json" "$TMP/gateway.json" || die "the gateway does not answer the same bytes as the backend"
RATE_LIMITS=on
if ! grep -qi '^RateLimit-Limit:' "$TMP/gateway.headers"; then
  # An older gateway (BENCH_GATEWAY_JAR, e.g. for a before/after comparison) has no rate limiter.
  [[ ${BENCH_ALLOW_NO_RATE_LIMITS:-} == 1 ]] || die "the gateway's response has no RateLimit-Limit: rate limits are not on"
  RATE_LIMITS="absent (this gateway has none)"
fi
BODY_BYTES=$(wc -c <"$TMP/direct.json" | tr -d ' ')

# ---------------------------------------------------------------- load --

to_us() { # wrk latency like 812.00us / 1.23ms / 1.02s -> microseconds
  awk -v s="$1" 'BEGIN { n = s + 0; if (s ~ /us$/) m = 1; else if (s ~ /ms$/) m = 1000; else if (s ~ /s$/) m = 1000000; else m = 1; printf "%.0f", n * m }'
}

declare -A RPS P50 P99 ERR
run() { # key url round
  local out="$TMP/wrk-$1-$3.txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --timeout 10s --latency "$2$BENCH_PATH" >"$out" 2>&1 \
    || die "wrk failed: $(cat "$out")"
  RPS[$1,$3]=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  P50[$1,$3]=$(to_us "$(awk '$1 == "50%" { print $2 }' "$out")")
  P99[$1,$3]=$(to_us "$(awk '$1 == "99%" { print $2 }' "$out")")
  ERR[$1,$3]=$(awk '/Non-2xx or 3xx responses:|Socket errors:/ { sub(/^ +/, ""); printf "%s; ", $0 }' "$out")
  say "round $3 $1: ${RPS[$1,$3]} req/s, p99 ${P99[$1,$3]} us ${ERR[$1,$3]}"
}

if ((WARMUP > 0)); then
  say "warming up the gateway and nginx (${WARMUP}s each, not reported)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$GATEWAY$BENCH_PATH" >/dev/null 2>&1
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((WARMUP / 3 + 1))s" "$NGINX$BENCH_PATH" >/dev/null 2>&1
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((WARMUP / 3 + 1))s" "$BACKEND$BENCH_PATH" >/dev/null 2>&1
  [[ $FLOOR == on ]] && wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$FLOOR_URL$BENCH_PATH" >/dev/null 2>&1
fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for ((r = 1; r <= ROUNDS; r++)); do
  run direct "$BACKEND" "$r"
  run nginx "$NGINX" "$r"
  run gateway "$GATEWAY" "$r"
  [[ $FLOOR == on ]] && run floor "$FLOOR_URL" "$r"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

median_round() { # key -> the round whose requests/s is the median
  local r
  for ((r = 1; r <= ROUNDS; r++)); do printf '%s %s\n' "${RPS[$1,$r]}" "$r"; done | sort -n | awk -v n="$ROUNDS" 'NR == int((n + 1) / 2) { print $2 }'
}

echo
echo "== gateway vs nginx as a proxy: same backend, same request, same run =="
echo "request    : GET $BENCH_PATH ($BODY_BYTES bytes) from $BACKEND"
echo "load       : wrk -t$THREADS -c$CONNECTIONS, ${SECONDS_RUN}s per run, $ROUNDS interleaved rounds (median round shown)"
echo "gateway    : $GATEWAY_JAR, $GATEWAY_JAVA_OPTS; access log on, rate limits $RATE_LIMITS, tracing $TRACING"
echo "nginx      : $(nginx -v 2>&1 | sed 's/^nginx version: //'), worker_processes $NGINX_WORKERS, access_log $NGINX_ACCESS_LOG, keep-alive upstream"
echo "machine    : $(nproc) cores; wrk, nginx, the gateway and the whole stack share them"
echo "load avg   : $LOAD_BEFORE before, $LOAD_AFTER after (1/5/15 min)"
echo
printf '%-10s %12s %10s %10s %12s   %s\n' scenario requests/s p50_us p99_us p99_added_us "all rounds (req/s)"
declare -A M
for k in "${SCENARIOS[@]}"; do
  m=$(median_round "$k"); M[$k]=$m
  all=""; for ((r = 1; r <= ROUNDS; r++)); do all+="${RPS[$k,$r]} "; done
  added="-"
  [[ $k != direct ]] && added=$((P99[$k,$m] - P99[direct,${M[direct]}]))
  printf '%-10s %12s %10s %10s %12s   %s%s\n' "$k" "${RPS[$k,$m]}" "${P50[$k,$m]}" "${P99[$k,$m]}" "$added" "$all" \
    "${ERR[$k,$m]:+  ! ${ERR[$k,$m]}}"
done
echo
awk -v g="${RPS[gateway,${M[gateway]}]}" -v n="${RPS[nginx,${M[nginx]}]}" -v d="${RPS[direct,${M[direct]}]}" 'BEGIN {
  printf "ratio gateway/nginx requests/s : %.2f  (target >= 0.80)\n", g / n
  printf "ratio gateway/direct           : %.2f   nginx/direct: %.2f\n", g / d, n / d }'
echo "p99 added over direct          : gateway $((P99[gateway,${M[gateway]}] - P99[direct,${M[direct]}])) us, nginx $((P99[nginx,${M[nginx]}] - P99[direct,${M[direct]}])) us  (target: gateway <= 1000 us)"
if [[ $FLOOR == on ]]; then
  awk -v f="${RPS[floor,${M[floor]}]}" -v n="${RPS[nginx,${M[nginx]}]}" -v g="${RPS[gateway,${M[gateway]}]}" 'BEGIN {
    printf "ratio floor/nginx requests/s   : %.2f  (a bare Vert.x proxy: the most a Vert.x gateway reaches here)\n", f / n
    printf "ratio gateway/floor            : %.2f\n", g / f }'
fi
