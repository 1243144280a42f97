#!/usr/bin/env bash
# Resident memory of each part of a running ./stack, and the total without Keycloak.
#
#   bench/rss.sh                  # from the repo root, the stack up (./stack up -d)
#   STACK_DATA_DIR=... bench/rss.sh
#   bench/rss.sh --during CMD...  # runs CMD (e.g. bench/evidence-file.sh) and samples every part every
#                                 # BENCH_RSS_INTERVAL seconds [1] while it runs; prints each part's peak RSS, the
#                                 # peak of the total (the largest sum seen in one sample) with every part's RSS and
#                                 # PSS in that sample, the largest PSS total of one sample, and the processes of
#                                 # infra in the RSS-peak sample (PostgreSQL's process titles say what each backend
#                                 # was doing); then CMD's exit status. BENCH_RSS_LOG=<file> also writes every
#                                 # sample there (time, then RSS/PSS MiB per part).
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

# sample: sets RSS[part] and PSS[part] (KiB; empty when the part is not running), PROCS[part], and INFRA_DETAIL
# (one line per infra process: pid, RSS KiB, PSS KiB, its command line / PostgreSQL process title)
declare -A RSS PSS PROCS
INFRA_DETAIL=""
sample() {
  local part pid pids pm p rss pss n prss ppss
  INFRA_DETAIL=""
  for part in "${PARTS[@]}"; do
    RSS[$part]="" PSS[$part]="" PROCS[$part]=""
    pid=$(head -n 1 "$RUN/$part.pid" 2>/dev/null || true)
    [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/status ]] || continue
    pids=$(descendants "$pid")
    if [[ $part == infra ]]; then
      pm=$(head -n 1 "$DATA/infra/postgres/postmaster.pid" 2>/dev/null || true)
      if [[ $pm =~ ^[0-9]+$ && -r /proc/$pm/status ]]; then pids+=$'\n'$(descendants "$pm"); fi
    fi
    rss=0 pss=0 n=0
    for p in $(printf '%s\n' "$pids" | sort -un); do
      [[ -r /proc/$p/status ]] || continue
      prss=$(kb /proc/"$p"/status VmRSS)
      ppss=$(kb /proc/"$p"/smaps_rollup Pss)
      rss=$(( rss + prss ))
      pss=$(( pss + ppss ))
      n=$(( n + 1 ))
      if [[ $part == infra ]]; then
        INFRA_DETAIL+=$(printf '%8s %9s %9s  %s' "$p" "$(mib "$prss")" "$(mib "$ppss")" \
          "$(tr '\0' ' ' < /proc/"$p"/cmdline 2>/dev/null | cut -c1-90)")$'\n'
      fi
    done
    RSS[$part]=$rss PSS[$part]=$pss PROCS[$part]=$n
  done
}

if [[ ${1:-} == --during ]]; then
  shift
  (($# > 0)) || { echo "usage: bench/rss.sh --during CMD [ARGS...]" >&2; exit 2; }
  interval="${BENCH_RSS_INTERVAL:-1}"
  log="${BENCH_RSS_LOG:-}"
  declare -A PEAK AT_RSS AT_PSS AT_PSS_PSS
  peak_total=0 peak_pss=0 samples=0 peak_at="" pss_at="" peak_detail=""
  [[ -z $log ]] || printf 'time %s (RSS/PSS MiB)\n' "${PARTS[*]}" >"$log"
  start=$(date +%s)
  "$@" &
  cmd=$!
  while kill -0 "$cmd" 2>/dev/null; do
    sample
    total=0 total_pss=0 line=""
    for part in "${PARTS[@]}"; do
      line+=" $( [[ -n ${RSS[$part]} ]] && echo "$(mib "${RSS[$part]}")/$(mib "${PSS[$part]}")" || echo -)"
      [[ -n ${RSS[$part]} ]] || continue
      (( ${RSS[$part]} > ${PEAK[$part]:-0} )) && PEAK[$part]=${RSS[$part]}
      if [[ $part != keycloak ]]; then
        total=$(( total + RSS[$part] ))
        total_pss=$(( total_pss + PSS[$part] ))
      fi
    done
    elapsed=$(( $(date +%s) - start ))
    [[ -z $log ]] || printf '%s +%ss%s\n' "$(date -u +%T)" "$elapsed" "$line" >>"$log"
    if (( total > peak_total )); then
      peak_total=$total peak_at="$(date -u +%T) (+${elapsed} s)" peak_detail=$INFRA_DETAIL
      for part in "${PARTS[@]}"; do AT_RSS[$part]=${RSS[$part]} AT_PSS[$part]=${PSS[$part]}; done
    fi
    if (( total_pss > peak_pss )); then
      peak_pss=$total_pss pss_at="$(date -u +%T) (+${elapsed} s)"
      for part in "${PARTS[@]}"; do AT_PSS_PSS[$part]=${PSS[$part]}; done
    fi
    samples=$(( samples + 1 ))
    sleep "$interval"
  done
  status=0
  wait "$cmd" || status=$?
  echo
  printf 'while "%s" ran (%d samples, every %ss)\n' "$*" "$samples" "$interval"
  printf 'RSS-peak sample at %s; PSS-peak sample at %s\n' "$peak_at" "$pss_at"
  printf '%-12s %10s %14s %14s %14s\n' part 'peak RSS' 'RSS at peak*' 'PSS at peak*' 'PSS at PSS peak'
  for part in "${PARTS[@]}"; do
    if [[ -z ${PEAK[$part]:-} ]]; then printf '%-12s %10s %14s %14s %14s\n' "$part" - - - -; continue; fi
    printf '%-12s %10s %14s %14s %14s\n' "$part" "$(mib "${PEAK[$part]}")" \
      "$( [[ -n ${AT_RSS[$part]:-} ]] && mib "${AT_RSS[$part]}" || echo -)" \
      "$( [[ -n ${AT_PSS[$part]:-} ]] && mib "${AT_PSS[$part]}" || echo -)" \
      "$( [[ -n ${AT_PSS_PSS[$part]:-} ]] && mib "${AT_PSS_PSS[$part]}" || echo -)"
  done
  pss_sum=0
  for part in "${PARTS[@]}"; do [[ $part == keycloak || -z ${AT_PSS[$part]:-} ]] || pss_sum=$(( pss_sum + AT_PSS[$part] )); done
  printf '%-12s %10s %14s %14s %14s\n' 'total**' '' "$(mib "$peak_total")" "$(mib "$pss_sum")" "$(mib "$peak_pss")"
  printf '* in the sample with the largest RSS total. ** without Keycloak; target <= 1638 MiB (1.6 GiB) during the benches\n'
  printf '\ninfra processes in the RSS-peak sample (MiB):\n%8s %9s %9s  %s\n%s' pid RSS PSS command "$peak_detail"
  printf 'command exit status: %d\n' "$status"
  exit "$status"
fi

sample
printf '%-12s %6s %10s %10s\n' part procs 'RSS MiB' 'PSS MiB'
total_rss=0 total_pss=0 missing=()
for part in "${PARTS[@]}"; do
  if [[ -z ${RSS[$part]} ]]; then
    printf '%-12s %6s %10s %10s\n' "$part" - - -
    missing+=("$part")
    continue
  fi
  printf '%-12s %6d %10s %10s\n' "$part" "${PROCS[$part]}" "$(mib "${RSS[$part]}")" "$(mib "${PSS[$part]}")"
  if [[ $part != keycloak ]]; then
    total_rss=$(( total_rss + RSS[$part] ))
    total_pss=$(( total_pss + PSS[$part] ))
  fi
done
printf '%-12s %6s %10s %10s\n' 'total*' '' "$(mib "$total_rss")" "$(mib "$total_pss")"
printf '* without Keycloak; target <= 1229 MiB (1.2 GiB) RSS at rest\n'
[[ ${#missing[@]} -eq 0 ]] || printf 'NOTE: not running: %s\n' "${missing[*]}"
