#!/usr/bin/env bash
# Resident memory of each part of a running ./stack, and the total without Keycloak.
#
#   bench/rss.sh                  # from the repo root, the stack up (./stack up -d)
#   STACK_DATA_DIR=... bench/rss.sh
#
# A part is the process ./stack started and all its descendants (keycloak: kc.sh and its JVM); infra is the devstack
# JVM (the MongoDB wire server runs inside it) plus the embedded PostgreSQL's processes, found through
# postmaster.pid (pg_ctl starts the postmaster in a session of its own, so it is no descendant of the JVM). Per part it prints the process count, RSS (the kernel's
# VmRSS summed over the processes: pages shared between processes, such as PostgreSQL's shared buffers, are counted
# once per process, so this overstates a multi-process part) and PSS (proportional set size from
# /proc/<pid>/smaps_rollup: shared pages split between their users, so parts add up honestly).
# The issue's target (<= 1.2 GiB at rest, Keycloak aside) is read against the RSS total, the stricter of the two.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${STACK_DATA_DIR:-$ROOT/.stack-data}"
RUN="$DATA/run"
PARTS=(infra standards evidence assessment gateway keycloak)

# descendants <pid> -> the pid and every descendant, one per line
descendants() {
  local pid=$1 child
  printf '%s\n' "$pid"
  for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do
    descendants "$child"
  done
}

kb() { awk -v k="$2" '$1 == k":" { s += $2 } END { print s + 0 }' "$1" 2>/dev/null || echo 0; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

printf '%-12s %6s %10s %10s\n' part procs 'RSS MiB' 'PSS MiB'
total_rss=0 total_pss=0 missing=()
for part in "${PARTS[@]}"; do
  pid=$(head -n 1 "$RUN/$part.pid" 2>/dev/null || true)
  if [[ ! $pid =~ ^[0-9]+$ || ! -r /proc/$pid/status ]]; then
    printf '%-12s %6s %10s %10s\n' "$part" - - -
    missing+=("$part")
    continue
  fi
  pids=$(descendants "$pid")
  if [[ $part == infra ]]; then
    pm=$(head -n 1 "$DATA/infra/postgres/postmaster.pid" 2>/dev/null || true)
    if [[ $pm =~ ^[0-9]+$ && -r /proc/$pm/status ]]; then pids+=$'\n'$(descendants "$pm"); fi
  fi
  rss=0 pss=0 n=0
  for p in $(printf '%s\n' "$pids" | sort -un); do
    [[ -r /proc/$p/status ]] || continue
    rss=$(( rss + $(kb /proc/"$p"/status VmRSS) ))
    pss=$(( pss + $(kb /proc/"$p"/smaps_rollup Pss) ))
    n=$(( n + 1 ))
  done
  printf '%-12s %6d %10s %10s\n' "$part" "$n" "$(mib "$rss")" "$(mib "$pss")"
  if [[ $part != keycloak ]]; then
    total_rss=$(( total_rss + rss ))
    total_pss=$(( total_pss + pss ))
  fi
done
printf '%-12s %6s %10s %10s\n' 'total*' '' "$(mib "$total_rss")" "$(mib "$total_pss")"
printf '* without Keycloak; target <= 1229 MiB (1.2 GiB) RSS at rest\n'
[[ ${#missing[@]} -eq 0 ]] || printf 'NOTE: not running: %s\n' "${missing[*]}"
