#!/usr/bin/env bash
# NovaBilling customers: time from `java -jar` to healthy, against an external PostgreSQL, and RSS.
#
#   benchmarks/start.sh                       # 5 starts, median; PostgreSQL 15 from /usr/lib/postgresql/15/bin
#   RUNS=9 JAVA_OPTS="..." benchmarks/start.sh
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java CDS=off JAVA_OPTS="... -XX:AOTCache=..." benchmarks/start.sh
#   FLOOR=1 benchmarks/start.sh               # and, in the same rounds, the stack's floor (below)
#   AUTH=trust benchmarks/start.sh            # the cluster without a password (default: scram-sha-256)
#
# Starts a throw-away PostgreSQL cluster, then starts the app RUNS times against it, each time measuring
# from the launch of `java` to the first 200 from /health/readiness (polled every 10 ms), then stops it with
# SIGTERM. Besides the wall time it reports the JVM's CPU time until healthy, split into the main thread (the
# start itself runs there: the critical path), the JIT compiler threads and the rest. The first start migrates
# the empty database (Flyway) and is reported on its own; the median is over the RUNS starts that follow
# (database already migrated: the usual restart or new instance). The JVM options are ./run.sh's, including
# its class-data archive (bootstrap/target/novabilling.jsa) when present; CDS=off measures without it.
# Kills only what it started.
#
# FLOOR=1 also builds the two apps of benchmarks/floor (Maven, once) -- Micronaut on Netty with serde, the
# health endpoint and one controller; and the same with the database stack a new project would wire (HikariCP,
# pgjdbc, Micronaut Data JDBC, Flyway validating one migration) -- trains each its own class-data archive the
# way the build trains the app's, and starts the three in turn each round, with the same JVM options: what the
# fixed stack alone takes to start on this machine, next to the app.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
RUNS=${RUNS:-5}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
JAR=${JAR:-$ROOT/bootstrap/target/novabilling.jar}
CDS=${CDS:-auto}
JAVA=${JAVA:-java}
PG_PORT=${PG_PORT:-3163}
APP_PORT=${APP_PORT:-3164}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/novabilling-start.XXXXXX")
chmod 755 "$WORK"   # PostgreSQL runs as another user in its namespace when this runs as root

[ -f "$JAR" ] || { echo "no $JAR: build it first (mvn -B -DskipTests package)" >&2; exit 1; }
[ -x "$PGBIN/postgres" ] || { echo "no PostgreSQL in $PGBIN (apt-get install postgresql-15)" >&2; exit 1; }
# the same defaults as ./run.sh (see there why)
JAVA_OPTS=${JAVA_OPTS:-$(sed -n 's/^default_java_opts="\(.*\)"$/\1/p' "$ROOT/run.sh")}
FLOOR=${FLOOR:-0}

if [ "$(id -u)" = 0 ]; then PG_AS=(unshare --user); else PG_AS=(); fi
APP_PID=""
cleanup() {
  set +e
  [ -z "$APP_PID" ] || { kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null; }
  "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pgdata" -m fast -w stop >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

# a password by SCRAM-SHA-256 over TCP, PostgreSQL's default (and the embedded server's): the start pays the
# driver's SCRAM login as it does against a real database. AUTH=trust leaves the login out (as this script did
# until the fifteenth look, docs/benchmarks.md)
AUTH=${AUTH:-scram-sha-256}
echo postgres >"$WORK/pwfile"
export PGPASSWORD=postgres
"${PG_AS[@]}" "$PGBIN/initdb" -D "$WORK/pgdata" -U postgres --auth-local=trust --auth-host="$AUTH" \
  --pwfile="$WORK/pwfile" -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
cat >>"$WORK/pgdata/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
fsync = on
CONF
"${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pgdata" -l "$WORK/postgres.log" -w start >/dev/null
"$PGBIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE novabilling"

# shellcheck source=lib/probe.sh
. "$BENCH_DIR/lib/probe.sh"
probe_init "$WORK"
hz=$(getconf CLK_TCK)
# archive_opts JAR -> CDS_OPTS: the options that map JAR's class-data archive (JAR with .jsa), none when CDS=off or
# there is none
archive_opts() {
  CDS_OPTS=()
  if [ "$CDS" != off ] && [ -f "${1%.jar}.jsa" ]; then
    CDS_OPTS=(-XX:SharedArchiveFile="${1%.jar}.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
}
# launch LOG JAR [NAME=VALUE...] [-- JVM options...]: starts JAR in the background (APP_PID) with run.sh's JVM
# options, its class-data archive (archive_opts) when there is one, and the environment of a start against the
# throw-away cluster (database novabilling, or the NAME=VALUEs given)
launch() {
  local logf=$1 jar=$2 envs=() jvm=()
  shift 2
  while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
  [ $# -eq 0 ] || { shift; jvm=("$@"); }
  archive_opts "$jar"
  # shellcheck disable=SC2086
  env DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/novabilling" \
      DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=postgres \
      MICRONAUT_SERVER_PORT="$APP_PORT" NOVABILLING_BOOTSTRAP_API_KEY="sk_live_startbenchstartbenchstartbenchstartbench" \
      ${envs[@]+"${envs[@]}"} "$JAVA" $JAVA_OPTS ${CDS_OPTS[@]+"${CDS_OPTS[@]}"} ${jvm[@]+"${jvm[@]}"} -jar "$jar" >"$logf" 2>&1 &
  APP_PID=$!
}
# stop_app: SIGTERM to the app started last, and wait until it has exited (a training run writes its archive then)
stop_app() {
  kill -TERM "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
}
start_once() { # label [JAR [NAME=VALUE...]] -> prints ms to healthy, RSS (MiB), CPU (ms): JVM, main thread, JIT compilers
  local t0 t1 rss label=$1 jar=${2:-$JAR}
  shift $(( $# < 2 ? $# : 2 ))
  stamp_ms; t0=$NOW_MS
  launch "$WORK/app.$label.log" "$jar" "$@"
  # polled every 10 ms without starting a process per try (lib/probe.sh: a curl per try took CPU from the start)
  local waited=0
  probe_wait "$APP_PORT" /health/readiness "$APP_PID" 120 || waited=$?
  [ "$waited" != 1 ] || { echo "the app exited: $(tail -5 "$WORK/app.$label.log")" >&2; exit 1; }
  [ "$waited" != 2 ] || { echo "not healthy after 120 s" >&2; exit 1; }
  t1=$NOW_MS
  rss=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
  # CPU time the JVM used until then (all its threads): unlike the wall time, it hardly depends on what
  # else the machine is doing
  cpu=$(sed 's/^.*) //' "/proc/$APP_PID/stat" | awk -v hz="$hz" '{ printf "%d", ($12 + $13) * 1000 / hz }')
  main_cpu=$(threads_cpu_ms "$APP_PID" java)   # the main thread is named after the launcher
  jit_cpu=$(threads_cpu_ms "$APP_PID" 'C1 Compiler*' 'C2 Compiler*')
  stop_app
  echo "$(( t1 - t0 )) $(( rss / 1024 )) $cpu $main_cpu $jit_cpu"
}

# floor_build PROFILE OUT: benchmarks/floor's jar (Maven, PROFILE "" or db) copied to OUT, and its class-data
# archive trained as bootstrap/src/cds/train.sh trains the app's: started with -XX:ArchiveClassesAtExit, sent
# the requests of a start and a few of its route, stopped
floor_build() {
  local profile=$1 out=$2 i
  mvn -B -q -f "$BENCH_DIR/floor/pom.xml" ${profile:+-P"$profile"} -DskipTests clean package >"$WORK/floor-build.log" 2>&1 \
    || { echo "the floor app did not build: $(tail -20 "$WORK/floor-build.log")" >&2; exit 1; }
  cp "$BENCH_DIR/floor/target/start-floor-1.jar" "$out"
  [ "$CDS" != off ] || return 0
  launch "$WORK/train.$(basename "$out").log" "$out" "${@:3}" -- -XX:ArchiveClassesAtExit="${out%.jar}.jsa"
  probe_wait "$APP_PORT" /health/readiness "$APP_PID" 120 \
    || { echo "the floor app did not start: $(tail -5 "$WORK/train.$(basename "$out").log")" >&2; exit 1; }
  for i in 1 2 3 4 5 6 7 8 9 10; do probe_200 "$APP_PORT" /hello || true; probe_200 "$APP_PORT" /health/readiness || true; done
  stop_app
  [ -f "${out%.jar}.jsa" ] || echo "(no class-data archive for $(basename "$out"): it starts without one)" >&2
}
FLOOR_DB_ENV=(DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/floor" MICRONAUT_ENVIRONMENTS=db)

echo "JAR=$JAR"
echo "JAVA=$JAVA ($("$JAVA" -version 2>&1 | head -1))"
archive_opts "$JAR"
echo "JAVA_OPTS=$JAVA_OPTS ${CDS_OPTS[*]:-(no class-data archive)}"
echo "PostgreSQL authentication over TCP: $AUTH"
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
VARIANTS=(app)
if [ "$FLOOR" = 1 ]; then
  "$PGBIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE floor"
  floor_build "" "$WORK/floor-bare.jar"
  floor_build db "$WORK/floor-db.jar" "${FLOOR_DB_ENV[@]}"
  VARIANTS+=(floor-bare floor-db)
  echo "floor: benchmarks/floor built and trained (floor-bare: Netty, serde, health, one controller; floor-db: the same with HikariCP, pgjdbc, Micronaut Data JDBC and Flyway)"
fi
read -r first first_rss first_cpu first_main first_jit < <(start_once first)
echo "first start (Flyway migrates the empty database): $first ms to healthy (JVM CPU $first_cpu ms: main thread $first_main, JIT $first_jit), RSS $first_rss MiB"
declare -A times cpus mains jits
for i in $(seq 1 "$RUNS"); do
  for v in "${VARIANTS[@]}"; do
    case $v in
      app) args=("$i") ;;
      floor-bare) args=("$i.$v" "$WORK/floor-bare.jar") ;;
      floor-db) args=("$i.$v" "$WORK/floor-db.jar" "${FLOOR_DB_ENV[@]}") ;;
    esac
    read -r ms rss cpu main jit < <(start_once "${args[@]}")
    label=$i; [ "$FLOOR" != 1 ] || label="$i ($v)"
    echo "start $label: $ms ms to healthy (JVM CPU $cpu ms: main thread $main, JIT $jit), RSS $rss MiB, load $(cut -d' ' -f1 /proc/loadavg); $(grep -o 'Startup completed in [0-9]*ms' "$WORK/app.${args[0]}.log" | head -1)"
    times[$v]+="$ms "; cpus[$v]+="$cpu "; mains[$v]+="$main "; jits[$v]+="$jit "
  done
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)) }'; }
for v in "${VARIANTS[@]}"; do
  # shellcheck disable=SC2086
  echo "median of $RUNS starts$([ "$FLOOR" = 1 ] && echo " of $v") on the migrated database: $(median ${times[$v]}) ms to healthy, JVM CPU $(median ${cpus[$v]}) ms (main thread $(median ${mains[$v]}), JIT $(median ${jits[$v]})) (load average now $(cut -d' ' -f1-3 /proc/loadavg))"
done
