# Sourced by benchmarks/start.sh and benchmarks/run.sh: wait for the app to answer 200 on a path without
# starting a process per try, and read the CPU time of the app's threads.
#
# Why: on this 2-core box a start keeps both cores busy, and whatever else runs takes CPU from the JVM. A
# `curl` per try costs ~20 ms of CPU (it loads libcurl and its TLS libraries), a `sleep` and a `date` a few ms
# more; polled every 10 ms that is ~1 s of CPU per second of start, and it made the start it measured
# 0.5-0.7 s longer (docs/benchmarks.md "Start, ninth look"). Bash's own /dev/tcp and `read -t` cost ~0.1 ms.
#
#   probe_init DIR          once: DIR is a writable directory (a FIFO for the fork-free sleep is made and
#                           unlinked there)
#   probe_200 PORT PATH     0 when GET PATH on 127.0.0.1:PORT answers 200 (HTTP/1.1, Connection: close)
#   probe_sleep SECONDS     sleep without a process (read -t on a FIFO nobody writes to)
#   probe_wait PORT PATH PID LIMIT_S
#                           probe_200 every 10 ms until it answers 200 (returns 0), PID has exited (1) or LIMIT_S
#                           seconds have passed (2); NOW_MS is then the time of that outcome
#   stamp_ms                sets NOW_MS to the milliseconds since the epoch, without a process ($EPOCHREALTIME,
#                           bash 5; `$(date +%s%3N)` forks twice)
#   threads_cpu_ms PID GLOB...
#                           prints the CPU time (ms) used so far by PID's threads whose name matches one of the
#                           GLOBs (/proc/PID/task/*/comm and schedstat), e.g. 'C2 Compiler*'

probe_init() {
  rm -f "$1/probe.tick"
  mkfifo "$1/probe.tick"
  # opened read-write, so the open does not wait for a writer; nothing is ever written
  exec {PROBE_TICK_FD}<>"$1/probe.tick"
  rm -f "$1/probe.tick"   # the open descriptor keeps it; nothing is left behind
}

probe_sleep() {
  read -r -t "$1" -u "$PROBE_TICK_FD" _ || true
}

probe_200() {
  local fd line
  # (the braces keep the 2>/dev/null to this open: on a bare exec it would silence the shell from then on)
  { exec {fd}<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$2" "$1" >&"$fd" 2>/dev/null
  IFS= read -r -t 2 -u "$fd" line 2>/dev/null
  exec {fd}>&-
  [[ $line == "HTTP/1."?" 200"* ]]
}

probe_wait() {
  local port=$1 path=$2 pid=$3 limit_ms=$(( $4 * 1000 )) t0
  stamp_ms; t0=$NOW_MS
  until probe_200 "$port" "$path"; do
    kill -0 "$pid" 2>/dev/null || return 1
    stamp_ms; [ $(( NOW_MS - t0 )) -lt "$limit_ms" ] || return 2
    probe_sleep 0.01
  done
  stamp_ms
}

stamp_ms() {
  local t=${EPOCHREALTIME/[.,]/}
  NOW_MS=$(( t / 1000 ))
}

threads_cpu_ms() {
  local pid=$1 task comm run glob total=0
  shift
  for task in /proc/"$pid"/task/*; do
    { IFS= read -r comm < "$task/comm" && read -r run _ < "$task/schedstat"; } 2>/dev/null || continue
    for glob in "$@"; do
      # shellcheck disable=SC2053
      if [[ $comm == $glob ]]; then total=$(( total + run / 1000000 )); break; fi
    done
  done
  echo "$total"
}
