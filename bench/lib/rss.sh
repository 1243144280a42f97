# Resident-memory readings of a stack part, for the bench scripts (source it; bash only).
#
# The kernel keeps each process's peak resident set (VmHWM). Writing 5 to /proc/<pid>/clear_refs (allowed for
# one's own processes) resets that peak to the current RSS, so "VmHWM after - VmRSS before" is the peak growth
# during whatever ran in between, without sampling gaps.

# stack_pid <part> -> the pid of a part started by ./stack (evidence, assessment, gateway, ...)
stack_pid() {
  local pid
  pid=$(head -n 1 "${STACK_DATA_DIR:-$ROOT/.stack-data}/run/$1.pid" 2>/dev/null || true)
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/status ]] || return 1
  printf '%s' "$pid"
}

# proc_kb <pid> <VmRSS|VmHWM> -> kB
proc_kb() { awk -v k="$2" '$1 == k":" { print $2 }' "/proc/$1/status"; }

# rss_mark <pid> -> resets the peak and prints the current RSS in kB (the baseline for rss_growth)
rss_mark() {
  echo 5 >"/proc/$1/clear_refs" 2>/dev/null \
    || printf '[bench] NOTE: cannot reset the peak RSS of pid %s; growth is measured from its earlier peak\n' "$1" >&2
  proc_kb "$1" VmRSS
}

# rss_growth <pid> <baseline kB> -> peak growth since rss_mark, in kB
rss_growth() { echo $(( $(proc_kb "$1" VmHWM) - $2 )); }
