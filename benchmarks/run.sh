#!/usr/bin/env bash
# NovaBilling customers: end-to-end benchmark on one machine, in one run.
#
#   benchmarks/run.sh                                    # 1,000,000 customers, 16 connections, 20 s each
#   ROWS=20000 DURATION=3s WARMUP=1s CONCURRENCY=4 benchmarks/run.sh   # a quick check
#
# Starts a throw-away PostgreSQL 15 cluster, starts the app (bootstrap/target/novabilling.jar) against it
# once, loads a data set with SQL, then for each scenario measures the app with wrk and the same SQL
# with pgbench at the same concurrency, and prints requests/s, p50/p99 and app/pgbench.
# Everything it starts is stopped on exit. See benchmarks/README.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
COMMAND_LINE="$0${*:+ $*}"

usage() {
  cat <<'EOF'
Usage: benchmarks/run.sh [--rows=N] [--big-tenant-share=F] [--concurrency=N] [--duration=T] [--warmup=T]
                         [--out=DIR] [--scenarios=a,b,...]
Each option can also be given as an environment variable (ROWS, BIG_TENANT_SHARE, CONCURRENCY,
DURATION, WARMUP, OUT, SCENARIOS). Durations: 20, 20s or 1m.

  ROWS              customers to load                                   (1000000)
  BIG_TENANT_SHARE  share of them in tenant 'default', the one measured (0.9)
  CONCURRENCY       wrk connections = pgbench clients                   (16)
  DURATION          measured run of each tool per scenario              (20s)
  WARMUP            warm-up run before each measured run                (5s)
  OUT               results directory                                   (benchmarks/out/<UTC timestamp>)
  SCENARIOS         subset, comma-separated, of: get_by_id,get_rich,get_none,create,search_random,search_common,
                    page_first,page_deep,page_keyset,search_random_cliff,search_common_cliff (the two *_cliff
                    ones run last: they add CLIFF_ROWS newer customers first)

More: APP_WARMUP (45s: a round of load before the scenarios, for the JIT, split over every selected scenario's request, at least 3 s each), APP_WARMUP_ROUNDS (8: at most that many rounds) and JIT_SETTLED_PERCENT (5: rounds stop after one in which C2 compiled for less than that share of a core), YARDSTICK_SLACK (10: the report flags a scenario whose own SQL made more than that % more tps than its cheapest SQL), OTHER_TENANTS (99), SAMPLE_IDS (10000), COMMON_NAME (wanjiru), DEEP_PAGE (middle of tenant
'default'), RICH_INVOICES (10000: paid invoices of the get_rich customer), CLIFF_ROWS (100000), JFR (0; 1 records
a Flight Recorder profile of the app during the measured runs and prints its top frames), PGBIN (/usr/lib/postgresql/15/bin), PG_SHARED_BUFFERS (2GB), JAR, BUILD (auto: only when the
jar is missing | always | never), JAVA_OPTS (./run.sh's defaults), CDS (on: a class-data archive of the jar, as the build makes | off), DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE (app default 10),
KEEP_PGDATA (0: the cluster's data directory is deleted at the end), PG_PORT and BENCH_APP_PORT (default: a free port each), PGBENCH_MODE (auto: per scenario, the
mode the app's driver was seen to use | prepared | extended), FLOOR (1: also measures the stack's floor, benchmarks/floor's
-Pdb app answering the same requests with the cheapest SQL and nothing else, built with Maven; 0: not).
EOF
}

for arg in "$@"; do
  case "$arg" in
    --rows=*) ROWS=${arg#*=} ;;
    --big-tenant-share=*) BIG_TENANT_SHARE=${arg#*=} ;;
    --concurrency=*) CONCURRENCY=${arg#*=} ;;
    --duration=*) DURATION=${arg#*=} ;;
    --warmup=*) WARMUP=${arg#*=} ;;
    --out=*) OUT=${arg#*=} ;;
    --scenarios=*) SCENARIOS=${arg#*=} ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

ROWS=${ROWS:-1000000}
BIG_TENANT_SHARE=${BIG_TENANT_SHARE:-0.9}
CONCURRENCY=${CONCURRENCY:-16}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
APP_WARMUP=${APP_WARMUP:-45s}
APP_WARMUP_ROUNDS=${APP_WARMUP_ROUNDS:-8}
JIT_SETTLED_PERCENT=${JIT_SETTLED_PERCENT:-5}
YARDSTICK_SLACK=${YARDSTICK_SLACK:-10}
OUT=${OUT:-$BENCH_DIR/out/$(date -u +%Y%m%dT%H%M%SZ)}
SCENARIOS=${SCENARIOS:-get_by_id,get_rich,get_none,create,search_random,search_common,page_first,page_deep,page_keyset,search_random_cliff,search_common_cliff}
RICH_INVOICES=${RICH_INVOICES:-10000}
CLIFF_ROWS=${CLIFF_ROWS:-100000}
JFR=${JFR:-0}
OTHER_TENANTS=${OTHER_TENANTS:-99}
SAMPLE_IDS=${SAMPLE_IDS:-10000}
COMMON_NAME=${COMMON_NAME:-wanjiru}
PAGE_LIMIT=20
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PG_SHARED_BUFFERS=${PG_SHARED_BUFFERS:-2GB}
JAR=${JAR:-$ROOT/bootstrap/target/novabilling.jar}
BUILD=${BUILD:-auto}
# the same JVM defaults as ./run.sh (read from it: a small heap keeps RSS bounded; the serial collector suits
# 2 cores), and, like ./run.sh, a class-data archive of the jar (CDS=off: none)
JAVA_OPTS=${JAVA_OPTS:-$(sed -n 's/^default_java_opts="\(.*\)"$/\1/p' "$ROOT/run.sh")}
CDS=${CDS:-on}
KEEP_PGDATA=${KEEP_PGDATA:-0}
PGBENCH_MODE=${PGBENCH_MODE:-auto}
FLOOR=${FLOOR:-1}
DB=novabilling

# ---------------------------------------------------------------------------------------------- helpers

die() {
  echo >&2
  echo "!!! BENCHMARK FAILED: $*" >&2
  echo >&2
  exit 1
}

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

now() { date +%s.%N; }

# seconds between two now() values, 1 decimal
since() { awk -v a="$1" -v b="${2:-$(now)}" 'BEGIN { printf "%.1f", b - a }'; }

# 20 | 20s | 2m -> seconds
to_seconds() {
  case "$1" in
    *[!0-9smh]*|'') die "not a duration: $1 (use 20, 20s or 1m)" ;;
    *s) echo "${1%s}" ;;
    *m) echo $(( ${1%m} * 60 )) ;;
    *h) echo $(( ${1%h} * 3600 )) ;;
    *) echo "$1" ;;
  esac
}

is_uint() { [[ "$1" =~ ^[0-9]+$ ]]; }

port_is_free() { # nothing listens on it, no socket in any state uses it locally
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null \
    && ! { command -v ss >/dev/null && ss -Htan "sport = :$1" 2>/dev/null | grep -q .; }
}

# a port below the kernel's ephemeral range, so that no outgoing connection takes it in the meantime
free_port() {
  local p low lo=20000 span
  low=$(awk '{ print $1 }' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  span=$(( low - lo ))
  if [ "$span" -lt 1000 ]; then lo=10000; span=$(( low > 11000 ? low - lo : 50000 )); fi
  for _ in $(seq 1 200); do
    p=$(( lo + RANDOM % span ))
    if port_is_free "$p"; then echo "$p"; return 0; fi
  done
  die "no free TCP port found"
}

APT_UPDATED=0
apt_install() {
  [ "$(id -u)" = 0 ] || die "missing $*: install with 'apt-get install -y $*' (needs root)"
  if [ "$APT_UPDATED" = 0 ]; then
    log "apt-get update"
    apt-get update -qq
    APT_UPDATED=1
  fi
  log "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# PostgreSQL refuses uid 0: as root, its programs run in a fresh user namespace (unshare --user), where
# they have uid 65534 but still own their files -- the app's embedded server does the same.
if [ "$(id -u)" = 0 ]; then PG_AS=(unshare --user); else PG_AS=(); fi

psql_db() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d "${PSQL_DB:-$DB}" "$@"; }
psql_val() { psql_db -At -c "$1"; }

# CPU time, in clock ticks, from /proc/<pid>/stat (the command name may hold spaces: cut up to ") ")
ticks_of() { # pid
  local rest
  rest=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
  awk '{ print $12 + $13 }' <<<"$rest"
}

# PostgreSQL: the postmaster, its live children, and (cutime/cstime) the children it has reaped
pg_ticks() {
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v P="$PG_PID" '
    { pid = $1; sub(/^.*\) /, "");
      if ($2 == P) s += $12 + $13;
      if (pid == P) s += $12 + $13 + $14 + $15 }
    END { print s + 0 }'
}

# this shell's reaped children (the load generator, once waited for)
client_ticks() { awk '{ print $14 + $15 }' <<<"$(sed 's/^.*) //' /proc/$$/stat)"; }

# busy and total jiffies of the whole machine (/proc/stat, all cores)
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }

CLK_TCK=$(getconf CLK_TCK)
NCPU=$(nproc)

cpu_begin() {
  CPU_T0=$(now); CPU_APP0=$(ticks_of "${TARGET_PID:-$APP_PID}"); CPU_PG0=$(pg_ticks); CPU_CLIENT0=$(client_ticks)
  read -r CPU_MB0 CPU_MT0 < <(machine_ticks)
}

# sets CPU_APP CPU_PG CPU_CLIENT CPU_MACHINE: percent of one core (100 = one core busy)
cpu_end() {
  local t1 app1 pg1 client1 mb1 mt1
  t1=$(now); app1=$(ticks_of "${TARGET_PID:-$APP_PID}"); pg1=$(pg_ticks); client1=$(client_ticks)
  read -r mb1 mt1 < <(machine_ticks)
  read -r CPU_APP CPU_PG CPU_CLIENT CPU_MACHINE < <(awk -v hz="$CLK_TCK" -v n="$NCPU" -v dt="$(awk -v a="$CPU_T0" -v b="$t1" 'BEGIN{print b-a}')" \
    -v a0="$CPU_APP0" -v a1="$app1" -v p0="$CPU_PG0" -v p1="$pg1" -v c0="$CPU_CLIENT0" -v c1="$client1" \
    -v mb0="$CPU_MB0" -v mb1="$mb1" -v mt0="$CPU_MT0" -v mt1="$mt1" 'BEGIN {
      printf "%.0f %.0f %.0f %.0f\n", (a1 - a0) / hz / dt * 100, (p1 - p0) / hz / dt * 100, (c1 - c0) / hz / dt * 100,
             (mt1 > mt0 ? (mb1 - mb0) / (mt1 - mt0) * n * 100 : 0) }')
}

# --------------------------------------------------------------------------------------- check inputs

is_uint "$ROWS" && [ "$ROWS" -ge 100 ] || die "ROWS must be an integer >= 100"
is_uint "$CONCURRENCY" && [ "$CONCURRENCY" -ge 1 ] || die "CONCURRENCY must be an integer >= 1"
is_uint "$OTHER_TENANTS" && [ "$OTHER_TENANTS" -ge 1 ] || die "OTHER_TENANTS must be an integer >= 1"
is_uint "$SAMPLE_IDS" && [ "$SAMPLE_IDS" -ge 1 ] || die "SAMPLE_IDS must be an integer >= 1"
is_uint "$RICH_INVOICES" && [ "$RICH_INVOICES" -ge 1 ] || die "RICH_INVOICES must be an integer >= 1"
is_uint "$CLIFF_ROWS" && [ "$CLIFF_ROWS" -ge 1 ] || die "CLIFF_ROWS must be an integer >= 1"
[[ "$COMMON_NAME" =~ ^[a-z]+$ ]] || die "COMMON_NAME must be lowercase letters"
[[ "$PGBENCH_MODE" =~ ^(auto|prepared|extended)$ ]] || die "PGBENCH_MODE must be auto, prepared or extended"
[[ "$FLOOR" =~ ^[01]$ ]] || die "FLOOR must be 0 or 1"
awk -v s="$BIG_TENANT_SHARE" 'BEGIN { exit !(s + 0 > 0 && s + 0 <= 1) }' || die "BIG_TENANT_SHARE must be in (0, 1]"
DURATION_S=$(to_seconds "$DURATION")
WARMUP_S=$(to_seconds "$WARMUP")
APP_WARMUP_S=$(to_seconds "$APP_WARMUP")
is_uint "$DURATION_S" && is_uint "$WARMUP_S" && is_uint "$APP_WARMUP_S" || exit 2
is_uint "$APP_WARMUP_ROUNDS" && [ "$APP_WARMUP_ROUNDS" -ge 1 ] || die "APP_WARMUP_ROUNDS must be an integer >= 1"
is_uint "$JIT_SETTLED_PERCENT" || die "JIT_SETTLED_PERCENT must be an integer"
[ "$DURATION_S" -ge 1 ] || die "DURATION must be at least 1 s"
BIG_ROWS=$(awk -v r="$ROWS" -v s="$BIG_TENANT_SHARE" 'BEGIN { printf "%d", r * s }')
[ "$BIG_ROWS" -ge 1 ] || die "no rows in tenant 'default' (ROWS * BIG_TENANT_SHARE < 1)"
# get_rich and get_none each take a customer of 'default' outside the id sample
[ "$BIG_ROWS" -ge $(( SAMPLE_IDS + 1000 )) ] \
  || die "tenant 'default' gets $BIG_ROWS rows: it needs at least SAMPLE_IDS ($SAMPLE_IDS) + 1000; raise ROWS or lower SAMPLE_IDS"
DEEP_PAGE=${DEEP_PAGE:-$(( BIG_ROWS / PAGE_LIMIT / 2 > 1 ? BIG_ROWS / PAGE_LIMIT / 2 : 1 ))}
is_uint "$DEEP_PAGE" && [ "$DEEP_PAGE" -ge 1 ] && [ "$DEEP_PAGE" -le 1000000 ] || die "DEEP_PAGE must be 1..1000000"
WRK_THREADS=$(( CONCURRENCY < 2 ? CONCURRENCY : 2 ))
PGBENCH_JOBS=$(( CONCURRENCY < 2 ? CONCURRENCY : 2 ))

ALL_SCENARIOS=(get_by_id get_rich get_none create search_random search_common page_first page_deep page_keyset
               search_random_cliff search_common_cliff)
IFS=',' read -r -a ASKED <<<"$SCENARIOS"
for s in "${ASKED[@]}"; do
  [[ " ${ALL_SCENARIOS[*]} " == *" $s "* ]] || die "unknown scenario: $s (known: ${ALL_SCENARIOS[*]})"
done
# the *_cliff scenarios add rows for good: they run after all the others
SELECTED=()
for s in "${ASKED[@]}"; do [[ "$s" == *_cliff ]] || SELECTED+=("$s"); done
for s in "${ASKED[@]}"; do [[ "$s" != *_cliff ]] || SELECTED+=("$s"); done

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
# the readiness poll without a process per try (a curl per try took CPU from the start it measured)
# shellcheck source=lib/probe.sh
. "$BENCH_DIR/lib/probe.sh"
probe_init "$OUT"
[ ! -e "$OUT/pgdata" ] || die "$OUT/pgdata exists: choose a new OUT"
mkdir -p "$OUT/wrk" "$OUT/pgbench/log"
exec > >(tee -a "$OUT/run.log") 2>&1

log "benchmark: rows=$ROWS (tenant 'default': $BIG_ROWS), concurrency=$CONCURRENCY, duration=${DURATION_S}s, warm-up=${WARMUP_S}s"
log "output: $OUT"

# ---------------------------------------------------------------------------------- cleanup on any exit

APP_PID=""
FLOOR_PID=""
PG_PID=""
CLIENT_PID=""
BG_PIDS=()
PGDATA="$OUT/pgdata"

cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  [ -z "$CLIENT_PID" ] || kill "$CLIENT_PID" 2>/dev/null
  for p in "${BG_PIDS[@]}"; do kill "$p" 2>/dev/null; done
  if [ -n "$FLOOR_PID" ] && kill -0 "$FLOOR_PID" 2>/dev/null; then
    kill -CONT "$FLOOR_PID"; kill -TERM "$FLOOR_PID"; wait "$FLOOR_PID" 2>/dev/null
  fi
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -CONT "$APP_PID" 2>/dev/null
    log "stopping the app (pid $APP_PID)"
    kill -TERM "$APP_PID"
    for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$APP_PID" 2>/dev/null && kill -KILL "$APP_PID"
    wait "$APP_PID" 2>/dev/null
  fi
  if [ -f "$PGDATA/postmaster.pid" ]; then
    log "stopping PostgreSQL"
    "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w -t 60 stop >/dev/null 2>&1
    if [ -f "$PGDATA/postmaster.pid" ] && [ -n "$PG_PID" ] && kill -0 "$PG_PID" 2>/dev/null; then
      kill -QUIT "$PG_PID"; sleep 1
    fi
  fi
  for p in "${BG_PIDS[@]}"; do wait "$p" 2>/dev/null; done
  if [ "$KEEP_PGDATA" != 1 ] && [ -d "$PGDATA" ] && [ ! -f "$PGDATA/postmaster.pid" ]; then
    rm -rf "$PGDATA"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ------------------------------------------------------------------------------------------ tools, jar

command -v curl >/dev/null || apt_install curl
command -v wrk >/dev/null || apt_install wrk
[ -x "$PGBIN/postgres" ] && [ -x "$PGBIN/pgbench" ] || apt_install postgresql-15 postgresql-contrib
command -v java >/dev/null || die "java (17) is not installed"
if [ "$(id -u)" = 0 ]; then command -v unshare >/dev/null || die "unshare (util-linux) is needed to run PostgreSQL as root"; fi

if [ ! -f "$JAR" ] || [ "$BUILD" = always ]; then
  [ "$BUILD" != never ] || die "$JAR is missing (BUILD=never)"
  log "building $JAR (mvn -B -q -DskipTests package)"
  (cd "$ROOT" && mvn -B -q -DskipTests package)
fi
[ -f "$JAR" ] || die "$JAR was not built"
# run a copy: a build in the tree during the run must not swap the jar under the running JVM
cp -p "$JAR" "$OUT/novabilling.jar"
JAR_SHA=$(sha256sum "$OUT/novabilling.jar" | cut -c1-12)
CDS_OPTS=()
if [ "$CDS" != off ]; then
  # the archive records the jar's path: one for the copy, made the way the build makes it
  log "class-data archive for the copy of the jar (bootstrap/src/cds/train.sh)"
  bash "$ROOT/bootstrap/src/cds/train.sh" "$OUT/novabilling.jar" "$OUT/novabilling.jsa" || true
  [ ! -f "$OUT/novabilling.jsa" ] || CDS_OPTS=(-XX:SharedArchiveFile="$OUT/novabilling.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi

# --------------------------------------------------------------------------------- PostgreSQL cluster

PGPORT=${PG_PORT:-$(free_port)}
port_is_free "$PGPORT" || die "port $PGPORT (PG_PORT) is in use"
log "initdb $PGDATA (PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'))"
mkdir -p "$PGDATA"
"${PG_AS[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync \
  >"$OUT/initdb.log" 2>&1 || die "initdb failed: see $OUT/initdb.log"

# a 2-core, 24 GiB machine; durable commits (fsync, synchronous_commit on), as in production
cat >>"$PGDATA/postgresql.conf" <<EOF

# ---- benchmarks/run.sh
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = ''
max_connections = $(( CONCURRENCY + 60 ))
shared_buffers = '$PG_SHARED_BUFFERS'
effective_cache_size = '16GB'
work_mem = '16MB'
maintenance_work_mem = '1GB'
wal_buffers = '16MB'
max_wal_size = '8GB'
min_wal_size = '1GB'
checkpoint_timeout = '15min'
checkpoint_completion_target = 0.9
random_page_cost = 1.1
effective_io_concurrency = 200
max_worker_processes = 8
max_parallel_workers = $NCPU
max_parallel_maintenance_workers = $NCPU
jit = off
synchronous_commit = on
timezone = 'UTC'
log_timezone = 'UTC'
lc_messages = 'C'
log_line_prefix = '%m [%p] %q%u@%d '
log_checkpoints = on
log_autovacuum_min_duration = '1s'
EOF

log "starting PostgreSQL on 127.0.0.1:$PGPORT"
"${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$OUT/postgres.log" -w -t 120 start >/dev/null \
  || die "PostgreSQL did not start: see $OUT/postgres.log"
PG_PID=$(head -1 "$PGDATA/postmaster.pid")
PSQL_DB=postgres psql_db -c "CREATE DATABASE $DB"

# ------------------------------------------------------------------------------------ app, once

API_KEY="sk_live_$(LC_ALL=C tr -dc 'A-Za-z0-9' < <(head -c 1000 /dev/urandom) | cut -c1-40)"
[ ${#API_KEY} -eq 48 ] || die "could not make an API key"

for attempt in 1 2 3; do
  if [ -n "${BENCH_APP_PORT:-}" ] && [ "$attempt" = 1 ]; then APP_PORT=$BENCH_APP_PORT; else APP_PORT=$(free_port); fi
  log "starting the app on 127.0.0.1:$APP_PORT ($JAR, run from a copy in $OUT)"
  stamp_ms; APP_T0_MS=$NOW_MS
  # JFR=1: recording from the start (starting one later, with jcmd, makes the JVM throw away compiled code:
  # the first measured run would then profile the interpreter); each measured run is dumped from it
  JFR_OPTS=()
  [ "$JFR" != 1 ] || JFR_OPTS=(-XX:StartFlightRecording=name=bench,settings=profile,maxage=2h)
  # shellcheck disable=SC2086
  env DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB" \
      DATASOURCES_DEFAULT_USERNAME=postgres \
      DATASOURCES_DEFAULT_PASSWORD=postgres \
      MICRONAUT_SERVER_PORT="$APP_PORT" \
      NOVABILLING_BOOTSTRAP_API_KEY="$API_KEY" \
      NOVABILLING_RATE_LIMIT_PER_SECOND=100000 NOVABILLING_RATE_LIMIT_BURST=1000000 \
      java $JAVA_OPTS ${CDS_OPTS[@]+"${CDS_OPTS[@]}"} ${JFR_OPTS[@]+"${JFR_OPTS[@]}"} -jar "$OUT/novabilling.jar" >"$OUT/app.log" 2>&1 &
  APP_PID=$!
  WAITED=0; probe_wait "$APP_PORT" /health "$APP_PID" 180 || WAITED=$?
  [ "$WAITED" != 2 ] || die "the app was not healthy after 180 s: see $OUT/app.log"
  APP_T1_MS=$NOW_MS
  [ "$WAITED" = 1 ] || break
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
  if [ "$attempt" -lt 3 ] && grep -q 'already in use' "$OUT/app.log"; then
    # another process took the port: again, on a fresh database so the start is measured as the first
    log "port $APP_PORT was taken meanwhile; once more on another port"
    mv "$OUT/app.log" "$OUT/app.attempt$attempt.log"
    PSQL_DB=postgres psql_db -c "DROP DATABASE $DB" -c "CREATE DATABASE $DB"
    continue
  fi
  die "the app exited during start-up: see $OUT/app.log"
done
APP_START_S=$(awk -v ms=$(( APP_T1_MS - APP_T0_MS )) 'BEGIN { printf "%.2f", ms / 1000 }')
RSS_IDLE_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
log "app healthy after ${APP_START_S} s (empty database, Flyway migration included); RSS $((RSS_IDLE_KB / 1024)) MiB"

# --------------------------------------------------------------------------------------- data set

LOAD_T0=$(now)
log "load: preparing (bench schema, dropping indexes for the bulk load)"
psql_db -f "$BENCH_DIR/sql/prepare.sql" >"$OUT/load.log"

T=$(now)
log "load: $ROWS customers ($BIG_ROWS in tenant 'default', the rest over $OTHER_TENANTS tenants)"
psql_db -v rows="$ROWS" -v big="$BIG_ROWS" -v other_tenants="$OTHER_TENANTS" -f "$BENCH_DIR/sql/load_customers.sql" >>"$OUT/load.log"
LOAD_CUSTOMERS_S=$(since "$T")
log "load: customers in ${LOAD_CUSTOMERS_S} s"

T=$(now)
psql_db -f "$BENCH_DIR/sql/load_billing.sql" >>"$OUT/load.log"
LOAD_BILLING_S=$(since "$T")
log "load: subscriptions and invoices in ${LOAD_BILLING_S} s"

T=$(now)
psql_db -f "$BENCH_DIR/sql/load_words.sql" >>"$OUT/load.log"
LOAD_WORDS_S=$(since "$T")
log "load: the words index of the customers (customer_search_words, search_words) in ${LOAD_WORDS_S} s"

T=$(now)
mapfile -t CONSTRAINTS < <(psql_val "SELECT ddl FROM bench.saved_ddl WHERE ord < 4 ORDER BY ord, tbl, name")
mapfile -t INDEXES < <(psql_val "SELECT ddl FROM bench.saved_ddl WHERE ord = 4 ORDER BY (ddl LIKE '% USING gin %') DESC, tbl, name")
[ "${#CONSTRAINTS[@]}" -gt 0 ] && [ "${#INDEXES[@]}" -gt 0 ] || die "no saved index definitions"
for ddl in "${CONSTRAINTS[@]}"; do psql_db -c "$ddl"; done
# the indexes in two sessions (the two trigram GIN indexes, the slow ones, first and apart)
W0=(); W1=(); i=0
for ddl in "${INDEXES[@]}"; do
  if (( i % 2 == 0 )); then W0+=(-c "$ddl"); else W1+=(-c "$ddl"); fi
  i=$((i + 1))
done
psql_db -c "SET maintenance_work_mem = '1GB'" "${W0[@]}" & P0=$!
BG_PIDS+=("$P0")
if [ "${#W1[@]}" -gt 0 ]; then psql_db -c "SET maintenance_work_mem = '1GB'" "${W1[@]}" & P1=$!; BG_PIDS+=("$P1"); else P1=""; fi
wait "$P0" || die "index build failed"
[ -z "$P1" ] || wait "$P1" || die "index build failed"
BG_PIDS=()
LOAD_INDEXES_S=$(since "$T")
log "load: ${#CONSTRAINTS[@]} constraints and ${#INDEXES[@]} indexes rebuilt in ${LOAD_INDEXES_S} s"

T=$(now)
psql_db -v ids="$SAMPLE_IDS" -v terms=10000 -f "$BENCH_DIR/sql/bench_tables.sql" >>"$OUT/load.log"
T2=$(now)
log "load: the yardstick (a customer with $RICH_INVOICES paid invoices, one with none, table bench.flat with the totals as columns)"
psql_db -v rich_invoices="$RICH_INVOICES" -v off=$(( (DEEP_PAGE - 1) * PAGE_LIMIT )) -f "$BENCH_DIR/sql/yardstick.sql" >>"$OUT/load.log"
LOAD_YARDSTICK_S=$(since "$T2")
psql_db -c "VACUUM (ANALYZE)" -c "CHECKPOINT"
LOAD_VACUUM_S=$(since "$T")
LOAD_TOTAL_S=$(since "$LOAD_T0")
log "load: sample tables, yardstick (${LOAD_YARDSTICK_S} s), VACUUM ANALYZE, CHECKPOINT in ${LOAD_VACUUM_S} s; load total ${LOAD_TOTAL_S} s"

read -r N_CUSTOMERS N_BIG N_TENANTS N_SUBS N_INVOICES DB_SIZE < <(psql_val "
  SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM customers WHERE tenant_id = 'default'),
         (SELECT count(*) FROM tenants), (SELECT count(*) FROM subscriptions), (SELECT count(*) FROM invoices),
         replace(pg_size_pretty(pg_database_size(current_database())), ' ', '')" | tr '|' ' ')
log "data: $N_CUSTOMERS customers ($N_BIG in 'default'), $N_TENANTS tenants, $N_SUBS subscriptions, $N_INVOICES invoices; database $DB_SIZE"
[ "$N_CUSTOMERS" = "$ROWS" ] || die "loaded $N_CUSTOMERS customers, expected $ROWS"

IDS_FILE="$OUT/ids.txt"
psql_val "SELECT id FROM bench.ids WHERE n > 0 ORDER BY n" >"$IDS_FILE"
RICH_ID=$(psql_val "SELECT id FROM bench.ids WHERE n = -1")
NONE_ID=$(psql_val "SELECT id FROM bench.ids WHERE n = -2")
[ -n "$RICH_ID" ] && [ -n "$NONE_ID" ] || die "no customer for get_rich / get_none"
echo "$RICH_ID" >"$OUT/ids.rich.txt"
echo "$NONE_ID" >"$OUT/ids.none.txt"
CURSOR_ID=$(psql_val "SELECT id FROM bench.cursors WHERE name = 'deep'")
N_IDS=$(wc -l <"$IDS_FILE")
TERMS_COUNT=$(psql_val "SELECT count(*) FROM bench.terms")

# ----------------------------------------------------------------------------------- scenarios

declare -A TITLE=(
  [get_by_id]="GET /api/customers/{id}"
  [get_rich]="GET /api/customers/{id}, a customer with $RICH_INVOICES paid invoices"
  [get_none]="GET /api/customers/{id}, a customer with no invoice"
  [create]="POST /api/customers"
  [search_random]="GET /api/customers?search=<random 5 letters>"
  [search_common]="GET /api/customers?search=$COMMON_NAME"
  [page_first]="GET /api/customers?page=1&limit=$PAGE_LIMIT"
  [page_deep]="GET /api/customers?page=$DEEP_PAGE&limit=$PAGE_LIMIT"
  [page_keyset]="GET /api/customers?startingAfter=<row $(( (DEEP_PAGE - 1) * PAGE_LIMIT ))>&limit=$PAGE_LIMIT"
  [search_random_cliff]="search=<random 5 letters>, after $CLIFF_ROWS newer non-matching customers"
  [search_common_cliff]="search=$COMMON_NAME, after $CLIFF_ROWS newer non-matching customers"
)
# the wrk script of each scenario, and the scenario whose own-SQL script it shares
declare -A LUA=([get_by_id]=get_by_id [get_rich]=get_by_id [get_none]=get_by_id [create]=create
  [search_random]=search_random [search_common]=search_common [page_first]=page_first [page_deep]=page_deep
  [page_keyset]=page_keyset [search_random_cliff]=search_random [search_common_cliff]=search_common)
declare -A WRK_IDS=([get_by_id]="$IDS_FILE" [get_rich]="$OUT/ids.rich.txt" [get_none]="$OUT/ids.none.txt")
declare -A SKIP_OWN   # scenario -> why its own-SQL pgbench run is left out
declare -A OWN_SCRIPT # scenario -> its own-SQL script when not the usual one

# ------------------------------------------------------------- smoke checks, the app's SQL, driver mode
#
# With every statement logged (log_min_duration_statement = 0), one request per scenario: it must answer
# 200/201 with the expected rows, and each SQL statement of the scenario's pgbench script must be one the
# app executed for it (benchmarks/lib/compare_sql.pl; the statements and bind values land in $OUT/sql/).

AUTH="Authorization: Bearer $API_KEY"
BASE="http://127.0.0.1:$APP_PORT"
mkdir -p "$OUT/sql"

# request METHOD PATH EXPECTED_STATUS [BODY]: the body goes to $OUT/smoke.body, the headers to $OUT/smoke.headers
request() {
  local status
  if [ $# -ge 4 ]; then
    status=$(curl -sS -D "$OUT/smoke.headers" -o "$OUT/smoke.body" -w '%{http_code}' -X "$1" -H "$AUTH" -H 'Content-Type: application/json' --data "$4" "$BASE$2")
  else
    status=$(curl -sS -D "$OUT/smoke.headers" -o "$OUT/smoke.body" -w '%{http_code}' -X "$1" -H "$AUTH" "$BASE$2")
  fi
  [ "$status" = "$3" ] || die "$1 $2 answered $status, expected $3: $(head -c 500 "$OUT/smoke.body")"
}
json_number() { sed -n "s/.*\"$1\":\([0-9][0-9]*\).*/\1/p" "$OUT/smoke.body"; }
rows_in_body() { grep -o '"id":"cust_' "$OUT/smoke.body" | wc -l; }
log_offset() { stat -c %s "$OUT/postgres.log"; }
log_since() { tail -c +"$(( $1 + 1 ))" "$OUT/postgres.log"; }

psql_db -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
sleep 0.5

# a first request, so that one-off work (connection validation, API key lookup) is out of the way
FIRST_ID=$(head -1 "$IDS_FILE")
request GET "/api/customers/$FIRST_ID" 200

o=$(log_offset)
request GET "/api/customers/$FIRST_ID" 200
grep -q "\"id\":\"$FIRST_ID\"" "$OUT/smoke.body" || die "GET /api/customers/$FIRST_ID returned another body"
log_since "$o" >"$OUT/sql/get_by_id.log"

for kind in rich none; do
  id=$([ "$kind" = rich ] && echo "$RICH_ID" || echo "$NONE_ID")
  request GET "/api/customers/$id" 200
  o=$(log_offset)
  request GET "/api/customers/$id" 200
  grep -q "\"id\":\"$id\"" "$OUT/smoke.body" || die "GET /api/customers/$id returned another body"
  log_since "$o" >"$OUT/sql/get_$kind.log"
  log "get_$kind: $(grep -o '"totalSpent":[^,}]*' "$OUT/smoke.body"), $(grep -o '"activeSubscriptions":[^,}]*' "$OUT/smoke.body")"
done

o=$(log_offset)
request POST /api/customers 201 \
  '{"email":"smoke.check@loadtest.example","name":"Amara Okafor","externalId":"smoke_check","country":"UG","currency":"UGX","metadata":{"source":"bench","plan":"pro","seats":3,"marketingOptIn":true}}'
log_since "$o" >"$OUT/sql/create.log"

o=$(log_offset)
request GET "/api/customers?search=qzxwv" 200
log_since "$o" >"$OUT/sql/search_random.log"

o=$(log_offset)
request GET "/api/customers?search=$COMMON_NAME" 200
log_since "$o" >"$OUT/sql/search_common.log"
COMMON_TOTAL=$(json_number total)
[ -n "$COMMON_TOTAL" ] && [ "$COMMON_TOTAL" -gt 0 ] && [ "$(rows_in_body)" -gt 0 ] \
  || die "search=$COMMON_NAME found no customers: $(head -c 300 "$OUT/smoke.body")"
COMMON_SHARE=$(awk -v t="$COMMON_TOTAL" -v n="$N_BIG" 'BEGIN { printf "1 in %.1f", n / t }')
if grep -qi '^x-total-estimated: *true' "$OUT/smoke.headers"; then COMMON_SHARE="$COMMON_SHARE; total estimated by the app"; fi
log "search=$COMMON_NAME: $COMMON_TOTAL customers of 'default' ($COMMON_SHARE)"

o=$(log_offset)
request GET "/api/customers?page=1&limit=$PAGE_LIMIT" 200
log_since "$o" >"$OUT/sql/page_first.log"
[ "$(rows_in_body)" -eq $(( N_BIG < PAGE_LIMIT ? N_BIG : PAGE_LIMIT )) ] || die "page 1 did not hold $PAGE_LIMIT customers"

o=$(log_offset)
request GET "/api/customers?page=$DEEP_PAGE&limit=$PAGE_LIMIT" 200
log_since "$o" >"$OUT/sql/page_deep.log"
[ "$(rows_in_body)" -gt 0 ] || die "page $DEEP_PAGE is empty (DEEP_PAGE too large for $N_BIG customers)"

# keyset pages: measured when the API has them (startingAfter, issue 15); the page after the cursor row
# must be the same rows as the deep page
KEYSET_API=0
if [[ " ${SELECTED[*]} " == *" page_keyset "* ]]; then
  o=$(log_offset)
  st=$(curl -sS -o "$OUT/smoke.body" -w '%{http_code}' -H "$AUTH" "$BASE/api/customers?startingAfter=$CURSOR_ID&limit=$PAGE_LIMIT")
  log_since "$o" >"$OUT/sql/page_keyset.log"
  next_id=$(psql_val "SELECT c.id FROM customers c, bench.cursors k WHERE k.name = 'deep' AND c.tenant_id = 'default'
                        AND (c.created_at, c.id) < (k.created_at, k.id) ORDER BY c.created_at DESC, c.id DESC LIMIT 1")
  newest_id=$(psql_val "SELECT id FROM customers WHERE tenant_id = 'default' ORDER BY created_at DESC, id DESC LIMIT 1")
  got_id=$(grep -o '"id":"cust_[a-z0-9]*"' "$OUT/smoke.body" | head -1 | cut -d'"' -f4)
  if [ "$st" = 200 ] && [ "$got_id" = "$next_id" ]; then
    KEYSET_API=1
  elif [ "$st" = 400 ] || { [ "$st" = 200 ] && [ "$got_id" = "$newest_id" ]; }; then
    log "page_keyset: the API answered $st to startingAfter$([ "$st" = 200 ] && echo ' with page 1'): no keyset pages in this build; the app is not measured, the keyset SQL is"
  else
    die "startingAfter=$CURSOR_ID answered $st starting with $got_id, not the next row $next_id: $(head -c 300 "$OUT/smoke.body")"
  fi
fi

# Which protocol mode does the app's driver use once warm? 30 more GET-by-id requests, 10 creates, 30 of
# page 1, 10 of the common-name search, 10 of a rare term, 30 keyset pages and 5 deep pages (when measured), then,
# for each statement, how often it ran named (server-prepared) or unnamed.
o=$(log_offset)
for id in $(head -30 "$IDS_FILE"); do request GET "/api/customers/$id" 200; done
for i in $(seq 1 10); do
  request POST /api/customers 201 \
    "{\"email\":\"probe.$i@loadtest.example\",\"name\":\"Amara Okafor\",\"externalId\":\"probe_$i\",\"country\":\"UG\",\"currency\":\"UGX\",\"metadata\":{\"source\":\"bench\",\"plan\":\"pro\",\"seats\":3,\"marketingOptIn\":true}}"
done
# page 1 30 times, as the GETs: the app prepares it on the server after 5 uses on a connection
for _ in $(seq 1 30); do request GET "/api/customers?page=1&limit=$PAGE_LIMIT" 200; done
for _ in $(seq 1 10); do request GET "/api/customers?search=$COMMON_NAME" 200; done
# and a rare term, whose statement differs (the capped trigram page): its own-SQL run takes the mode seen here
for _ in $(seq 1 10); do request GET "/api/customers?search=qzxwv" 200; done
warm_requests="30 GET-by-id, 10 creates, 30 page 1, 10 searches of the common name, 10 of a rare term"
# and keyset pages, 30 times as page 1 (until the twelfth pass none was here, and page_keyset's own SQL fell back to
# -M prepared while the app planned it per call)
if [ "$KEYSET_API" = 1 ]; then
  for _ in $(seq 1 30); do request GET "/api/customers?startingAfter=$CURSOR_ID&limit=$PAGE_LIMIT" 200; done
  warm_requests="$warm_requests, 30 keyset pages"
fi
# and a few deep pages (each costs a scan of its offset; planned per call, never named)
if [[ " ${SELECTED[*]} " == *" page_deep "* ]]; then
  for _ in $(seq 1 5); do request GET "/api/customers?page=$DEEP_PAGE&limit=$PAGE_LIMIT" 200; done
  warm_requests="$warm_requests, 5 deep pages"
fi
log_since "$o" >"$OUT/sql/driver-mode.log"
psql_db -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
perl "$BENCH_DIR/lib/compare_sql.pl" --modes "$OUT/sql/driver-mode.log" >"$OUT/sql/driver-mode.txt"
DRIVER_NAMED=$(awk '{ n += $1 } END { print n + 0 }' "$OUT/sql/driver-mode.txt")
DRIVER_UNNAMED=$(awk '{ n += $3 } END { print n + 0 }' "$OUT/sql/driver-mode.txt")
DRIVER_MODE="of $((DRIVER_NAMED + DRIVER_UNNAMED)) statements of the warm requests ($warm_requests), $DRIVER_NAMED ran as named server-side prepared statements (execute S_n), $DRIVER_UNNAMED unnamed (pgjdbc: extended protocol, named after prepareThreshold = 5 uses of a statement on a connection; per statement in sql/driver-mode.txt)"
log "driver: $DRIVER_MODE"
sed 's/^/    /' "$OUT/sql/driver-mode.txt"

# render SCRIPT SCENARIO [LIM OFF] -> the path of SCRIPT with @tenant@ written as the benchmark's tenant and @lim@
# and @off@ as numbers (the scenario's LIM and OFF unless given): the app writes the tenant, LIMIT and OFFSET into
# the text of a list filtered by its tenant alone, so PostgreSQL keeps a generic plan of it, and pgbench, which
# sends every :variable as a bind value outside -M simple, cannot
render() {
  local out="$OUT/pgbench/$2.$(basename "$1")"
  mkdir -p "$OUT/pgbench"
  local lim=${3:-${LIM[$2]:-}} off=${4:-${OFF[$2]:-}}
  sed -e "s/@tenant@/default/g" -e "s/@lim@/$lim/g" -e "s/@off@/$off/g" -e "s/@walk@/$(( ${lim:-0} + ${off:-0} ))/g" "$1" >"$out"
  echo "$out"
}

# own_args SCENARIO -> PGB_ARGS: the app's own SQL (lists: LIMIT and OFFSET as the app bound them, from
# $OUT/sql/<scenario>.log); empty when there is no such script
own_args() {
  local common=(-D tenant=default -D lim="${LIM[$1]:-}" -D off="${OFF[$1]:-}")
  PGB_ARGS=()
  case "$1" in
    get_by_id) PGB_ARGS=(-f "$BENCH_DIR/pgbench/get_by_id.sql" -D tenant=default -D n_lo=1 -D n_hi="$N_IDS") ;;
    get_rich) PGB_ARGS=(-f "$BENCH_DIR/pgbench/get_by_id.sql" -D tenant=default -D n_lo=-1 -D n_hi=-1) ;;
    get_none) PGB_ARGS=(-f "$BENCH_DIR/pgbench/get_by_id.sql" -D tenant=default -D n_lo=-2 -D n_hi=-2) ;;
    create) PGB_ARGS=(-f "$BENCH_DIR/pgbench/create.sql" "${CREATE_VARS[@]}") ;;
    search_random|search_random_cliff) PGB_ARGS=(-f "$(render "$BENCH_DIR/pgbench/search_random.sql" "$1")" "${common[@]}" -D terms_count="$TERMS_COUNT") ;;
    search_common|search_common_cliff)
      # the words count runs when the app's estimate of the matches is under 10,000 (a smaller tenant): as in its log
      local with_count=0
      ! grep -q 'AS postings' "$OUT/sql/$1.log" 2>/dev/null || with_count=1
      PGB_ARGS=(-f "$(render "${OWN_SCRIPT[$1]:-$BENCH_DIR/pgbench/search_fixed.sql}" "$1")" "${common[@]}" -D "pattern=%$COMMON_NAME%" -D with_count=$with_count) ;;
    page_first|page_deep) PGB_ARGS=(-f "$(render "$BENCH_DIR/pgbench/list_page.sql" "$1")" "${common[@]}") ;;
    page_keyset) [ ! -f "$BENCH_DIR/pgbench/page_keyset.sql" ] \
                   || PGB_ARGS=(-f "$(render "$BENCH_DIR/pgbench/page_keyset.sql" "$1")" -D cursor=deep) ;;
  esac
}

# cheap_args SCENARIO -> CHEAP_ARGS, CHEAP_MODE: the cheapest SQL that answers the request (pgbench/cheapest/)
cheap_args() {
  local lim=$(( PAGE_LIMIT + 1 )) list=(-M extended -D tenant=default)
  CHEAP_PGOPTIONS=""
  case "$1" in
    get_by_id) CHEAP_ARGS=(-M prepared -f "$BENCH_DIR/pgbench/cheapest/get.sql" -D tenant=default -D n_lo=1 -D n_hi="$N_IDS") ;;
    get_rich) CHEAP_ARGS=(-M prepared -f "$BENCH_DIR/pgbench/cheapest/get.sql" -D tenant=default -D n_lo=-1 -D n_hi=-1) ;;
    get_none) CHEAP_ARGS=(-M prepared -f "$BENCH_DIR/pgbench/cheapest/get.sql" -D tenant=default -D n_lo=-2 -D n_hi=-2) ;;
    create) CHEAP_ARGS=(-M prepared -f "$BENCH_DIR/pgbench/cheapest/insert.sql" "${CREATE_VARS[@]}") ;;
    search_random|search_random_cliff) CHEAP_ARGS=("${list[@]}" -f "$BENCH_DIR/pgbench/cheapest/search_rare.sql" -D lim=$lim -D terms_count="$TERMS_COUNT") ;;
    # the lookup planned per call, then the walk on a generic plan (PREPARE once per client, EXECUTE), as the app
    # runs them; -M simple: the values are written into the text (see the script)
    search_common|search_common_cliff)
      CHEAP_ARGS=(-M simple -f "$(render "$BENCH_DIR/pgbench/cheapest/search_common.sql" cheapest_$1 $lim 0)"
                  -D tenant=default -D "pattern=%$COMMON_NAME%" -D walk_prepared=0) ;;
    # a page of one tenant's list has the same best plan for every tenant and cursor: prepared, a generic plan
    # (page 1 from the start; the deep and the keyset page from the cursor row, by keyset)
    page_first|page_deep|page_keyset)
      CHEAP_ARGS=(-M prepared -f "$(render "$BENCH_DIR/pgbench/cheapest/page.sql" cheapest_$1 $lim 0)"
                  -D with_cursor=$([ "$1" = page_first ] && echo 0 || echo 1) -D cursor=deep) ;;
  esac
}
CREATE_VARS=(-D tenant=default -D "name=Amara Okafor" -D country=UG -D currency=UGX -D status=active
             -D 'metadata={"source":"bench","plan":"pro","seats":3,"marketingOptIn":true}')

declare -A LIM OFF MODE
# check_own SCENARIO LOG: the own-SQL script's statements must be ones the app executed (else the run stops,
# or, for the *_cliff scenarios, whose path the app may change, the own-SQL run is left out and said so)
check_own() {
  local name=$1 logf=$2
  own_args "$name"
  if [ "${#PGB_ARGS[@]}" = 0 ]; then SKIP_OWN[$name]="no pgbench script of the app's SQL for it"; return; fi
  # search_rare_fixed.sql is the window-then-trigram path (searches the words index does not serve): when the
  # app's log holds all of its statements, it is the one
  if [ "$name" = search_common_cliff ] \
     && perl "$BENCH_DIR/lib/compare_sql.pl" "$logf" "$BENCH_DIR/pgbench/search_rare_fixed.sql" >/dev/null; then
    OWN_SCRIPT[$name]="$BENCH_DIR/pgbench/search_rare_fixed.sql"   # the app now takes the rare-term path
    own_args "$name"
  fi
  if ! perl "$BENCH_DIR/lib/compare_sql.pl" "$logf" "${PGB_ARGS[1]}" >"$OUT/sql/$name.txt"; then
    if [[ "$name" == *_cliff ]]; then
      SKIP_OWN[$name]="the app took another path than $(basename "${PGB_ARGS[1]}") (see sql/$name.txt)"
      log "    $name: ${SKIP_OWN[$name]}: own-SQL run left out"
      return
    fi
    die "the SQL of ${PGB_ARGS[1]} is not what the app executes for $name: see $OUT/sql/$name.txt (update the script)"
  fi
  if [ "$PGBENCH_MODE" = auto ]; then
    # only the script's statements this scenario's request ran: list_page.sql's other branch is page 1 for the deep page
    MODE[$name]=$(perl "$BENCH_DIR/lib/compare_sql.pl" --mode-for "$OUT/sql/driver-mode.log" "${PGB_ARGS[1]}" "$logf")
    if [ "${MODE[$name]}" = unknown ]; then
      MODE[$name]=prepared
      log "    $name: none of its statements was among the warm requests: its own SQL runs -M prepared"
    fi
  else
    MODE[$name]=$PGBENCH_MODE
  fi
}

for name in search_random search_common page_first page_deep; do
  if [ "$name" = search_random ] && ! grep -q 'OFFSET \$' "$OUT/sql/$name.log"; then
    # a random term in no word: the dictionary lookup was the whole answer; the walk (under \if) would read page 1
    LIM[$name]=$(( PAGE_LIMIT + 1 )); OFF[$name]=0; continue
  fi
  read -r LIM[$name] OFF[$name] < <(perl "$BENCH_DIR/lib/compare_sql.pl" --limit-offset "$OUT/sql/$name.log") \
    || die "no LIMIT/OFFSET bind values in $OUT/sql/$name.log"
done
for name in search_random search_common; do LIM[${name}_cliff]=${LIM[$name]}; OFF[${name}_cliff]=${OFF[$name]}; done
LIM[page_keyset]=$(( PAGE_LIMIT + 1 ))
[ "${OFF[page_deep]}" = $(( (DEEP_PAGE - 1) * PAGE_LIMIT )) ] || die "page $DEEP_PAGE was read at OFFSET ${OFF[page_deep]}"
for name in "${SELECTED[@]}"; do
  case "$name" in
    *_cliff) ;;  # checked after the rows are added
    page_keyset) [ "$KEYSET_API" = 1 ] && check_own "$name" "$OUT/sql/$name.log" || SKIP_OWN[$name]="the API has no keyset pages" ;;
    *) check_own "$name" "$OUT/sql/$name.log" ;;
  esac
done
log "SQL: every own-SQL pgbench statement is one the app executes (statements and bind values: $OUT/sql/*.txt)"
log "pgbench modes, as the app's driver ran the statements: $(for n in "${SELECTED[@]}"; do printf '%s -M %s; ' "$n" "${MODE[$n]:-}"; done)"

RUN_ID=$(date +%s)
WRK_RUNS=0
declare -A R_APP_RPS R_APP_P50 R_APP_P99 R_PG_TPS R_PG_P50 R_PG_P99 R_CH_TPS R_CH_P50 R_CH_P99
declare -A R_CPU_APP_RUN R_CPU_PG_RUN R_CPU_CH_RUN R_STMTS R_CH_STMTS R_REQS R_TX
FAILURES=()
RSS_MAX_GET_KB=0
RSS_MAX_KB=$RSS_IDLE_KB
mkdir -p "$OUT/jfr"

kv() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

# run_wrk SCENARIO PHASE SECONDS -> WRK_LINE
run_wrk() {
  local name=$1 phase=$2 secs=$3 out="$OUT/wrk/$1.$2.txt" rss="$OUT/wrk/$1.$2.rss" sampler
  local pid=${TARGET_PID:-$APP_PID} port=${TARGET_PORT:-$APP_PORT}
  ( while kill -0 "$pid" 2>/dev/null; do ps -o rss= -p "$pid" || true; sleep 0.5; done ) >"$rss" 2>/dev/null &
  sampler=$!
  BG_PIDS+=("$sampler")
  local jfr_begin
  jfr_begin=$(date +%H:%M:%S)
  WRK_RUNS=$(( WRK_RUNS + 1 ))
  cpu_begin
  BENCH_WRK_DIR="$BENCH_DIR/wrk" BENCH_API_KEY="$API_KEY" BENCH_IDS_FILE="${WRK_IDS[$name]:-$IDS_FILE}" \
  BENCH_RUN_TAG="r${RUN_ID}n${WRK_RUNS}" BENCH_SEARCH_TERM="$COMMON_NAME" BENCH_DEEP_PAGE="$DEEP_PAGE" \
  BENCH_CURSOR_ID="$CURSOR_ID" \
    wrk -t "$WRK_THREADS" -c "$CONCURRENCY" -d "${secs}s" --timeout 60s -s "$BENCH_DIR/wrk/${LUA[$name]}.lua" \
        "http://127.0.0.1:$port/api/customers" >"$out" 2>&1 &
  CLIENT_PID=$!
  wait "$CLIENT_PID" || die "wrk failed ($name, $phase): $(tail -5 "$out")"
  CLIENT_PID=""
  cpu_end
  if [ "$JFR" = 1 ] && [ "$phase" = measure ] && [ "$pid" = "$APP_PID" ]; then
    # the part of the recording (started with the JVM) that covers this measured run
    jcmd "$APP_PID" JFR.dump name=bench filename="$OUT/jfr/$name.jfr" begin="$jfr_begin" end="$(date +%H:%M:%S)" >/dev/null 2>&1 \
      || log "    (JFR.dump failed)"
  fi
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  BG_PIDS=()
  WRK_LINE=$(grep '^WRK_RESULT' "$out" || true)
  [ -n "$WRK_LINE" ] || die "no result line from wrk ($name, $phase): $(tail -5 "$out")"
  local errors
  errors=$(( $(kv status_errors "$WRK_LINE") + $(kv connect_errors "$WRK_LINE") + $(kv read_errors "$WRK_LINE") \
           + $(kv write_errors "$WRK_LINE") + $(kv timeouts "$WRK_LINE") ))
  if [ "$errors" -gt 0 ]; then
    FAILURES+=("$name ($phase): $errors failed requests of $(kv requests "$WRK_LINE") -- $WRK_LINE")
    log "!!! $name ($phase): $errors requests failed (HTTP >= 400, socket errors or timeouts): $WRK_LINE"
  fi
  [ "$(kv requests "$WRK_LINE")" -gt 0 ] || FAILURES+=("$name ($phase): no request completed")
  RSS_RUN_MAX=$(sort -n "$rss" | tail -1); RSS_RUN_MAX=${RSS_RUN_MAX:-0}
  [ "$pid" != "$APP_PID" ] || [ "$RSS_RUN_MAX" -le "$RSS_MAX_KB" ] || RSS_MAX_KB=$RSS_RUN_MAX
}

# run_pgbench KEY PHASE SECONDS ARGS... -> PGB_TPS, PGB_P50_US, PGB_P99_US (ARGS: -M mode, -f script, -D ...)
run_pgbench() {
  local name=$1 phase=$2 secs=$3 out="$OUT/pgbench/$1.$2.txt" logargs=()
  shift 3
  if [ "$phase" = measure ]; then
    rm -f "$OUT/pgbench/log/$name".*
    logargs=(--log --log-prefix="$OUT/pgbench/log/$name")
  fi
  cpu_begin
  "$PGBIN/pgbench" -h 127.0.0.1 -p "$PGPORT" -U postgres -n -r \
      -c "$CONCURRENCY" -j "$PGBENCH_JOBS" -T "$secs" "${logargs[@]}" "$@" "$DB" >"$out" 2>&1 &
  CLIENT_PID=$!
  wait "$CLIENT_PID" || die "pgbench failed ($name, $phase): $(grep -v '^progress' "$out" | tail -5)"
  CLIENT_PID=""
  cpu_end
  PGB_TPS=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$out" | head -1)
  [ -n "$PGB_TPS" ] || die "no tps from pgbench ($name, $phase): $(tail -5 "$out")"
  local failed
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out")
  if [ -n "$failed" ] && [ "$failed" -gt 0 ]; then
    FAILURES+=("pgbench $name ($phase): $failed failed transactions")
  fi
  if [ "$phase" = measure ]; then
    local sorted="$OUT/pgbench/log/$name.sorted" n
    cat "$OUT/pgbench/log/$name".[0-9]* | awk '$3 ~ /^[0-9]+$/ { print $3 }' | sort -n >"$sorted"
    n=$(wc -l <"$sorted")
    [ "$n" -gt 0 ] || die "empty pgbench transaction log ($name)"
    PGB_P50_US=$(sed -n "$(( (n * 50 + 99) / 100 ))p" "$sorted")
    PGB_P99_US=$(sed -n "$(( (n * 99 + 99) / 100 ))p" "$sorted")
    PGB_TX=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$out")
    PGB_STMTS=$(sed -n '/^statement latencies/,$p' "$out" | tail -n +2 \
                | awk '{ lat = $1; $1 = ""; $2 = ""; sub(/^ +/, ""); printf "%s ms  %s\n", lat, substr($0, 1, 90) }')
    rm -f "$OUT/pgbench/log/$name".[0-9]*
    gzip -f "$sorted"
  fi
}

ms() { awk -v us="$1" 'BEGIN { printf (us < 10000 ? "%.2f" : "%.1f"), us / 1000 }'; }

# Rows made by POST (smoke check, probe, create scenario) and by the INSERT scripts all have emails
# @loadtest.example. They are the newest rows, so left in place they would sit at the head of every
# newest-first scan (a search for a common name would wade through them first) and in the GIN pending
# lists: each scenario gets the loaded data set.
remove_created_rows() {
  local t n
  t=$(now)
  n=$(psql_val "WITH d AS (DELETE FROM customers WHERE tenant_id = 'default' AND email LIKE '%@loadtest.example' RETURNING 1) SELECT count(*) FROM d")
  psql_db -c "DELETE FROM bench.flat WHERE tenant_id = 'default' AND email LIKE '%@loadtest.example'" \
          -c "VACUUM (ANALYZE) customers, customer_search_words, search_words" \
          -c "VACUUM (ANALYZE) bench.flat, bench.flat_words, bench.flat_dict" -c "CHECKPOINT" >/dev/null
  log "    removed the $n customers created through POST, and the INSERT script's rows (and VACUUM ANALYZE, CHECKPOINT) in $(since "$t") s"
}
remove_created_rows

# The "no cliffs" step, once, before the first *_cliff scenario: CLIFF_ROWS customers newer than all the
# others that match no search term, in customers and in bench.flat; then the app's SQL for the two
# searches is logged and checked again (its plan may change path).
CLIFF_DONE=0
add_cliff_rows() {
  local t
  t=$(now)
  log "=== no cliffs: adding $CLIFF_ROWS newer customers that match neither search"
  psql_db -v cliff_rows="$CLIFF_ROWS" -f "$BENCH_DIR/sql/cliff.sql" >>"$OUT/load.log"
  psql_db -c "VACUUM (ANALYZE) customers, customer_search_words, search_words" \
          -c "VACUUM (ANALYZE) bench.flat, bench.flat_words, bench.flat_dict" -c "CHECKPOINT" >/dev/null
  log "    added in $(since "$t") s; tenant 'default' now holds $(psql_val "SELECT count(*) FROM customers WHERE tenant_id = 'default'") customers"
  psql_db -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 0.5
  request GET "/api/customers?search=qzxwv" 200
  o=$(log_offset)
  request GET "/api/customers?search=qzxwv" 200
  log_since "$o" >"$OUT/sql/search_random_cliff.log"
  request GET "/api/customers?search=$COMMON_NAME" 200
  o=$(log_offset)
  request GET "/api/customers?search=$COMMON_NAME" 200
  log_since "$o" >"$OUT/sql/search_common_cliff.log"
  [ "$(rows_in_body)" -eq "$PAGE_LIMIT" ] || die "search=$COMMON_NAME after the cliff rows: not a full page"
  ! grep -q 'cliff.example' "$OUT/smoke.body" || die "search=$COMMON_NAME returned a cliff row"
  psql_db -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
  for n in "${SELECTED[@]}"; do [[ "$n" != *_cliff ]] || check_own "$n" "$OUT/sql/$n.log"; done
  CLIFF_DONE=1
}

# jit_warmup WHO SCENARIO... -> JW_ROUNDS, JW_C2: rounds of WARM_EACH_S s of each scenario's request against the
# JVM now measured (TARGET_PID, TARGET_PORT; the app when unset) until C2 has settled (below)
jit_warmup() {
  local who=$1 pid=${TARGET_PID:-$APP_PID} n c2_before round_t0 c2_pct
  shift
  JW_ROUNDS=0; JW_C2=()
  while [ "$JW_ROUNDS" -lt "$APP_WARMUP_ROUNDS" ]; do
    JW_ROUNDS=$(( JW_ROUNDS + 1 ))
    log "=== $who warm-up, round $JW_ROUNDS: ${WARM_EACH_S} s of each of $*"
    c2_before=$(threads_cpu_ms "$pid" 'C2 Compiler*'); stamp_ms; round_t0=$NOW_MS
    for n in "$@"; do
      run_wrk "$n" "${who}warmup" "$WARM_EACH_S"
      [ "$n" != create ] || remove_created_rows
    done
    stamp_ms
    c2_pct=$(( ( $(threads_cpu_ms "$pid" 'C2 Compiler*') - c2_before ) * 100 / ( NOW_MS - round_t0 ) ))
    JW_C2+=("${c2_pct}%")
    log "    C2 compiled for ${c2_pct}% of the round's $(( (NOW_MS - round_t0) / 1000 )) s"
    [ "$c2_pct" -ge "$JIT_SETTLED_PERCENT" ] || break
  done
}

# on_floor / on_app: which JVM the next wrk runs measure; the other one is stopped (SIGSTOP), so it takes no CPU
on_floor() { kill -STOP "$APP_PID"; kill -CONT "$FLOOR_PID"; TARGET_PID=$FLOOR_PID; TARGET_PORT=$FLOOR_PORT; }
on_app() {
  [ -z "$FLOOR_PID" ] || kill -STOP "$FLOOR_PID"
  kill -CONT "$APP_PID"; TARGET_PID=$APP_PID; TARGET_PORT=$APP_PORT
}

WARM_LIST=()
if [ "$APP_WARMUP_S" -gt 0 ]; then
  # once, before the scenarios: every selected scenario's request in turn (the cliff scenarios send the same
  # requests as the searches), APP_WARMUP split between them, at least 3 s each, so the JIT has compiled the
  # path of each request before its first measured run instead of during it (the first search scenario of a
  # run used to pay for the search path's compilation)
  for n in "${SELECTED[@]}"; do
    [[ "$n" != *_cliff ]] || continue
    [ "$n" != page_keyset ] || [ "$KEYSET_API" = 1 ] || continue
    WARM_LIST+=("$n")
  done
  # Rounds of that, until the JIT has settled: a round in which the optimising compiler (C2) used less than
  # JIT_SETTLED_PERCENT of one core, or APP_WARMUP_ROUNDS rounds. On this 2-core box the app's request paths
  # take ~60-90 s of load before C2 has compiled them (a create made 1,330 req/s after 10 s of creates, 2,136
  # after 90 s, its JVM CPU per request 0.78 -> 0.35 ms: docs/benchmarks.md "Warm-up"); a scenario measured
  # before that measures the JIT, not the app.
  if [ "${#WARM_LIST[@]}" -gt 0 ]; then
    WARM_EACH_S=$(( APP_WARMUP_S / ${#WARM_LIST[@]} ))
    [ "$WARM_EACH_S" -ge 3 ] || WARM_EACH_S=3
    jit_warmup app "${WARM_LIST[@]}"
    WARM_ROUNDS_DONE=$JW_ROUNDS; WARM_C2=("${JW_C2[@]}")
  fi
fi

# ------------------------------------------------------------------------------ the stack's floor, once

# FLOOR=1: benchmarks/floor's -Pdb app in the environment 'bench' (floor/CheapestController.java) answers the
# same requests as the app, from the same wrk scripts, by running the cheapest SQL (pgbench/cheapest/) through
# HikariCP and writing its rows as JSON, with nothing else: no authentication, rate limit, validation, domain or
# access log. What it makes is what this stack (Micronaut on Netty, serde, HikariCP, pgjdbc) can make at best on
# this machine; the app's distance to it is the app's own. It runs with the app's JVM options (no class-data
# archive: the start is not measured), and only one of the two JVMs runs at a time (the other is stopped with
# SIGSTOP, so it takes no CPU). The deep page has no floor (the floor pages by keyset only).
declare -A R_FL_RPS=() R_FL_P99=() R_CPU_FL_RUN=()
FLOOR_SCENARIOS=" get_by_id get_rich get_none create search_random search_common page_first page_keyset search_random_cliff search_common_cliff "
FLOOR_NOTE=""
if [ "$FLOOR" = 1 ]; then
  log "=== the stack's floor: building benchmarks/floor (mvn -B -q -Pdb -DskipTests clean package)"
  if mvn -B -q -f "$BENCH_DIR/floor/pom.xml" -Pdb -DskipTests clean package >"$OUT/floor-build.log" 2>&1; then
    cp "$BENCH_DIR/floor/target/start-floor-1.jar" "$OUT/floor.jar"
    FLOOR_PORT=$(free_port)
    # shellcheck disable=SC2086
    env DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB" \
        DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=postgres \
        MICRONAUT_ENVIRONMENTS=db,bench MICRONAUT_SERVER_PORT="$FLOOR_PORT" FLOOR_TENANT=default \
        FLYWAY_DATASOURCES_DEFAULT_ENABLED=false \
        java $JAVA_OPTS -jar "$OUT/floor.jar" >"$OUT/floor.log" 2>&1 &
    FLOOR_PID=$!
    FLOOR_WAITED=0; probe_wait "$FLOOR_PORT" /health "$FLOOR_PID" 120 || FLOOR_WAITED=$?
    if [ "$FLOOR_WAITED" = 0 ]; then
      log "    the floor is up on 127.0.0.1:$FLOOR_PORT (pid $FLOOR_PID); the app is stopped while it runs"
      FLOOR_WARM=()
      for n in ${WARM_LIST[@]+"${WARM_LIST[@]}"}; do [[ "$FLOOR_SCENARIOS" != *" $n "* ]] || FLOOR_WARM+=("$n"); done
      if [ "${#FLOOR_WARM[@]}" -gt 0 ]; then
        on_floor
        jit_warmup floor "${FLOOR_WARM[@]}"
        FLOOR_WARM_ROUNDS=$JW_ROUNDS; FLOOR_WARM_C2=("${JW_C2[@]}")
        on_app
      fi
    else
      FLOOR_NOTE="the floor app did not start (see floor.log)"
      log "    $FLOOR_NOTE"; kill "$FLOOR_PID" 2>/dev/null; wait "$FLOOR_PID" 2>/dev/null; FLOOR_PID=""
    fi
  else
    FLOOR_NOTE="the floor app did not build (see floor-build.log)"
    log "    $FLOOR_NOTE"
  fi
  [ -n "$FLOOR_PID" ] || FAILURES+=("FLOOR=1: $FLOOR_NOTE")
fi

for name in "${SELECTED[@]}"; do
  if [[ "$name" == *_cliff ]] && [ "$CLIFF_DONE" = 0 ]; then add_cliff_rows; fi
  log "=== $name: ${TITLE[$name]}"
  if [ "$name" != page_keyset ] || [ "$KEYSET_API" = 1 ]; then
    if [ "$WARMUP_S" -gt 0 ]; then run_wrk "$name" warmup "$WARMUP_S"; fi
    run_wrk "$name" measure "$DURATION_S"
    [ "$name" != create ] || remove_created_rows
    R_APP_RPS[$name]=$(kv rps "$WRK_LINE")
    R_APP_P50[$name]=$(kv p50_us "$WRK_LINE")
    R_APP_P99[$name]=$(kv p99_us "$WRK_LINE")
    R_REQS[$name]=$(kv requests "$WRK_LINE")
    R_CPU_APP_RUN[$name]="$CPU_APP $CPU_PG $CPU_CLIENT $CPU_MACHINE"
    [ "$name" != get_by_id ] || RSS_MAX_GET_KB=$RSS_RUN_MAX
    log "    app:      ${R_APP_RPS[$name]} req/s, p50 $(ms "${R_APP_P50[$name]}") ms, p99 $(ms "${R_APP_P99[$name]}") ms (CPU % of a core: app $CPU_APP, PostgreSQL $CPU_PG, wrk $CPU_CLIENT, machine $CPU_MACHINE)"
  else
    log "    app:      not measured (${SKIP_OWN[$name]})"
  fi

  if [ -z "${SKIP_OWN[$name]:-}" ]; then
    own_args "$name"
    if [ "$WARMUP_S" -gt 0 ]; then run_pgbench "$name" warmup "$WARMUP_S" -M "${MODE[$name]}" "${PGB_ARGS[@]}"; fi
    run_pgbench "$name" measure "$DURATION_S" -M "${MODE[$name]}" "${PGB_ARGS[@]}"
    R_PG_TPS[$name]=$PGB_TPS; R_PG_P50[$name]=$PGB_P50_US; R_PG_P99[$name]=$PGB_P99_US
    R_TX[$name]=$PGB_TX; R_STMTS[$name]=$PGB_STMTS
    R_CPU_PG_RUN[$name]="$CPU_PG $CPU_CLIENT $CPU_MACHINE"
    log "    own SQL:  ${R_PG_TPS[$name]} tps, p50 $(ms "$PGB_P50_US") ms, p99 $(ms "$PGB_P99_US") ms (CPU % of a core: PostgreSQL $CPU_PG, pgbench $CPU_CLIENT, machine $CPU_MACHINE)"
    [ "$name" != create ] || remove_created_rows
  else
    log "    own SQL:  not run (${SKIP_OWN[$name]})"
  fi

  cheap_args "$name"
  if [ "$WARMUP_S" -gt 0 ]; then PGOPTIONS="$CHEAP_PGOPTIONS" run_pgbench "$name.cheapest" warmup "$WARMUP_S" "${CHEAP_ARGS[@]}"; fi
  PGOPTIONS="$CHEAP_PGOPTIONS" run_pgbench "$name.cheapest" measure "$DURATION_S" "${CHEAP_ARGS[@]}"
  R_CH_TPS[$name]=$PGB_TPS; R_CH_P50[$name]=$PGB_P50_US; R_CH_P99[$name]=$PGB_P99_US; R_CH_STMTS[$name]=$PGB_STMTS
  R_CPU_CH_RUN[$name]="$CPU_PG $CPU_CLIENT $CPU_MACHINE"
  log "    cheapest: ${R_CH_TPS[$name]} tps, p50 $(ms "$PGB_P50_US") ms, p99 $(ms "$PGB_P99_US") ms (CPU % of a core: PostgreSQL $CPU_PG, pgbench $CPU_CLIENT, machine $CPU_MACHINE)"
  [ "$name" != create ] || remove_created_rows

  if [ -n "$FLOOR_PID" ] && [[ "$FLOOR_SCENARIOS" == *" $name "* ]]; then
    on_floor
    if [ "$WARMUP_S" -gt 0 ]; then run_wrk "$name" floorwarmup "$WARMUP_S"; fi
    run_wrk "$name" floormeasure "$DURATION_S"
    on_app
    [ "$name" != create ] || remove_created_rows
    R_FL_RPS[$name]=$(kv rps "$WRK_LINE"); R_FL_P99[$name]=$(kv p99_us "$WRK_LINE")
    R_CPU_FL_RUN[$name]="$CPU_APP $CPU_PG $CPU_CLIENT $CPU_MACHINE"
    log "    floor:    ${R_FL_RPS[$name]} req/s, p99 $(ms "${R_FL_P99[$name]}") ms (CPU % of a core: floor JVM $CPU_APP, PostgreSQL $CPU_PG, wrk $CPU_CLIENT, machine $CPU_MACHINE)"
  fi
done
if [ -n "$FLOOR_PID" ]; then
  kill -CONT "$FLOOR_PID"; kill -TERM "$FLOOR_PID"; wait "$FLOOR_PID" 2>/dev/null || true; FLOOR_PID=""
fi

# JFR: the top frames of each profiled run (self time: the sampled thread's top frame; total: every method on
# the sampled stack, once per sample), application threads only
JFR_SUMMARY=""
if [ "$JFR" = 1 ]; then
  for f in "$OUT"/jfr/*.jfr; do
    [ -f "$f" ] || continue
    perl "$BENCH_DIR/lib/jfr_top.pl" "$f" 25 >"${f%.jfr}.top.txt" 2>&1 || true
    JFR_SUMMARY="$JFR_SUMMARY$(basename "$f" .jfr):"$'\n'"$(cat "${f%.jfr}.top.txt")"$'\n\n'
  done
fi

# ------------------------------------------------------------------------------------------ report

RSS_END_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
APP_ERRORS=$(grep -c ' ERROR ' "$OUT/app.log" || true)
PG_VERSION=$(psql_val "SHOW server_version")
GIT_REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$ROOT" --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null)" ]; then GIT_REV="$GIT_REV (uncommitted changes in the tree)"; fi
CPU_MODEL=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
MEM_GIB=$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)
MIB() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
num() { if [ -n "$1" ]; then awk -v x="$1" 'BEGIN { printf "%.0f", x }'; else echo -; fi; }
msu() { if [ -n "$1" ]; then echo "$(ms "$1") ms"; else echo -; fi; }
# per_req CPU_PERCENT REQ_PER_S: ms of CPU per request
per_req() { if [ -n "$2" ]; then awk -v c="$1" -v r="$2" 'BEGIN { printf "%.3f", (r > 0 ? c / 100 * 1000 / r : 0) }'; else echo -; fi; }
ratio() { if [ -n "$1" ] && [ -n "$2" ]; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; else echo -; fi; }

{
  echo "# NovaBilling customers benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Command: \`ROWS=$ROWS BIG_TENANT_SHARE=$BIG_TENANT_SHARE CONCURRENCY=$CONCURRENCY DURATION=${DURATION_S}s WARMUP=${WARMUP_S}s benchmarks/run.sh\`"
  echo "(as run: \`$COMMAND_LINE\`; scenarios: ${SELECTED[*]})"
  echo
  echo "Machine: $NCPU CPUs ($CPU_MODEL), ${MEM_GIB} GiB RAM, $(uname -sr); app, PostgreSQL and load generator on it together."
  echo "Software: PostgreSQL $PG_VERSION (shared_buffers $PG_SHARED_BUFFERS, jit off, fsync and synchronous_commit on),"
  echo "$(java -version 2>&1 | head -1), $(wrk -v 2>&1 | head -1 | awk '{print $1, $2}'), pgbench $("$PGBIN/pgbench" --version | awk '{print $3}');"
  echo "app: $(basename "$JAR") built $(date -u -r "$OUT/novabilling.jar" +%Y-%m-%dT%H:%MZ) (sha256 $JAR_SHA…, copy in the output directory), source $GIT_REV, JAVA_OPTS='${JAVA_OPTS}'$([ "${#CDS_OPTS[@]}" -gt 0 ] && echo ' with its class-data archive' || echo ', no class-data archive'), pool ${DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE:-10} connections."
  echo
  echo "Data: $N_CUSTOMERS customers ($N_BIG in tenant \`default\`, the one measured; the rest over $OTHER_TENANTS tenants),"
  echo "$N_SUBS subscriptions, $N_INVOICES invoices; database $DB_SIZE. Load ${LOAD_TOTAL_S} s: customers ${LOAD_CUSTOMERS_S} s,"
  echo "subscriptions and invoices ${LOAD_BILLING_S} s, words index ${LOAD_WORDS_S} s, constraints and indexes ${LOAD_INDEXES_S} s, yardstick (bench.flat, $RICH_INVOICES invoices of get_rich) ${LOAD_YARDSTICK_S} s,"
  echo "sample tables, yardstick, VACUUM ANALYZE and CHECKPOINT ${LOAD_VACUUM_S} s."
  echo "\`search=$COMMON_NAME\` matches $COMMON_TOTAL customers of \`default\` ($COMMON_SHARE). Deep page: $DEEP_PAGE (OFFSET $(( (DEEP_PAGE - 1) * PAGE_LIMIT )))."
  echo
  echo "App: start to healthy ${APP_START_S} s (JVM start, Flyway on an empty database, bootstrap key); RSS $(MIB "$RSS_IDLE_KB") MiB idle after start,"
  echo "max $(MIB "$RSS_MAX_GET_KB") MiB during the measured GET-by-id run, max $(MIB "$RSS_MAX_KB") MiB over all runs, $(MIB "${RSS_END_KB:-0}") MiB at the end. ERROR lines in app.log: $APP_ERRORS."
  echo "Driver: $DRIVER_MODE. pgbench ran each scenario in the mode the app's driver used for its statements (PGBENCH_MODE=$PGBENCH_MODE):"
  echo "$(for n in "${SELECTED[@]}"; do printf '%s `-M %s`; ' "$n" "${MODE[$n]:-n/a}"; done)"
  echo "Per statement (named, unnamed, simple):"
  echo
  echo '```'
  cat "$OUT/sql/driver-mode.txt"
  echo '```'
  echo
  echo "Concurrency $CONCURRENCY (wrk: $WRK_THREADS threads, $CONCURRENCY connections; pgbench: $PGBENCH_JOBS threads, $CONCURRENCY clients), ${WARMUP_S} s warm-up then ${DURATION_S} s measured, each tool, each scenario"
  echo "(and once, before all, load on the app for the JIT: rounds of ${WARM_EACH_S:-0} s of each scenario's request in turn until C2 compiled for less than ${JIT_SETTLED_PERCENT}% of a round, at most ${APP_WARMUP_ROUNDS}: ${WARM_ROUNDS_DONE:-0} round(s), C2's share per round ${WARM_C2[*]:-none})."
  echo
  echo "| scenario | app req/s | app p50 | app p99 | own SQL tps | own p99 | cheapest SQL tps | cheapest p50 | cheapest p99 | API / cheapest | API / own SQL |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for name in "${SELECTED[@]}"; do
    printf '| %s | %s | %s | %s | %s | %s | %.0f | %s ms | %s ms | %s | %s |\n' "${TITLE[$name]}" \
      "$(num "${R_APP_RPS[$name]:-}")" "$(msu "${R_APP_P50[$name]:-}")" "$(msu "${R_APP_P99[$name]:-}")" \
      "$(num "${R_PG_TPS[$name]:-}")" "$(msu "${R_PG_P99[$name]:-}")" \
      "${R_CH_TPS[$name]}" "$(ms "${R_CH_P50[$name]}")" "$(ms "${R_CH_P99[$name]}")" \
      "$(ratio "${R_APP_RPS[$name]:-}" "${R_CH_TPS[$name]}")" "$(ratio "${R_APP_RPS[$name]:-}" "${R_PG_TPS[$name]:-}")"
  done
  echo
  echo "API / cheapest = app req/s / the cheapest SQL's tps (pgbench/cheapest/: a point select of a row holding every"
  echo "field the API returns, totals as columns, in bench.flat, a plain table with the customers table's columns and"
  echo "indexes; a single-row INSERT into it; the best page and search SQL written by hand, keyset for deep pages)."
  echo "API / own SQL = app req/s / pgbench running the app's own statements with the app's bind values. get_*,"
  echo "search_random* and create add one primary-key lookup or generator statement per pgbench transaction (pgbench"
  echo "has no random strings), in both pgbench numbers. '-': not measured (see below)."
  for name in "${SELECTED[@]}"; do
    [ -z "${SKIP_OWN[$name]:-}" ] || echo "* $name: own SQL not run: ${SKIP_OWN[$name]}."
  done
  # The yardstick's own check: SQL that made more tps than the "cheapest" does less work than the cheapest
  # (it was so for page 1 until the twelfth pass: an EXPLAIN per transaction the app does not run).
  flagged=""
  for name in "${SELECTED[@]}"; do
    [ -n "${R_PG_TPS[$name]:-}" ] && [ -n "${R_CH_TPS[$name]:-}" ] || continue
    if awk -v own="${R_PG_TPS[$name]}" -v ch="${R_CH_TPS[$name]}" -v k="$YARDSTICK_SLACK" 'BEGIN { exit !(own > ch * (1 + k / 100)) }'; then
      flagged="$flagged $name"
      echo "* **Yardstick check: $name's own SQL made $(num "${R_PG_TPS[$name]}") tps, more than its cheapest SQL's $(num "${R_CH_TPS[$name]}") by over ${YARDSTICK_SLACK}%.** Either the host's speed moved between the two runs (compare their CPU below), or \`pgbench/cheapest/\` is not the cheapest SQL for it and its ratio flatters the app."
    fi
  done
  [ -n "$flagged" ] || echo "* Yardstick check: no scenario's own SQL made more than ${YARDSTICK_SLACK}% more tps than its cheapest SQL."
  if [ -n "${R_APP_RPS[search_common_cliff]:-}${R_APP_RPS[search_random_cliff]:-}" ]; then
    echo
    echo "No cliffs: after $CLIFF_ROWS newer customers that match neither search were added (the same rows in bench.flat),"
    echo "each search's throughput against the same search before (target: within 20%):"
    echo
    echo "| search | app before | app after | after / before | cheapest before | cheapest after | after / before |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    for base in search_common search_random; do
      [ -n "${R_APP_RPS[${base}_cliff]:-}" ] && [ -n "${R_APP_RPS[$base]:-}" ] || continue
      echo "| ${TITLE[$base]#GET /api/customers?} | $(num "${R_APP_RPS[$base]}") | $(num "${R_APP_RPS[${base}_cliff]}") | $(ratio "${R_APP_RPS[${base}_cliff]}" "${R_APP_RPS[$base]}") | $(num "${R_CH_TPS[$base]}") | $(num "${R_CH_TPS[${base}_cliff]}") | $(ratio "${R_CH_TPS[${base}_cliff]}" "${R_CH_TPS[$base]}") |"
    done
  fi
  if [ "${#R_FL_RPS[@]}" -gt 0 ]; then
    echo
    echo "The stack's floor (FLOOR=1): benchmarks/floor's app answering the same requests with the cheapest SQL and"
    echo "nothing else (floor/CheapestController.java), measured right after each scenario's cheapest SQL, with the app"
    echo "stopped; warmed up like the app (${FLOOR_WARM_ROUNDS:-0} round(s), C2's share per round ${FLOOR_WARM_C2[*]:-none}). JVM CPU per request:"
    echo "the JVM's CPU in the measured run over its requests."
    echo
    echo "| scenario | floor req/s | floor p99 | floor / cheapest | API / floor | JVM ms per request: floor | app | PostgreSQL ms per request: floor | app |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    for name in "${SELECTED[@]}"; do
      [ -n "${R_FL_RPS[$name]:-}" ] || continue
      read -r fa fp _ _ <<<"${R_CPU_FL_RUN[$name]}"
      read -r a p _ _ <<<"${R_CPU_APP_RUN[$name]:-0 0 0 0}"
      echo "| ${TITLE[$name]} | $(num "${R_FL_RPS[$name]}") | $(msu "${R_FL_P99[$name]}") | $(ratio "${R_FL_RPS[$name]}" "${R_CH_TPS[$name]}") | $(ratio "${R_APP_RPS[$name]:-}" "${R_FL_RPS[$name]}") | $(per_req "$fa" "${R_FL_RPS[$name]}") | $(per_req "$a" "${R_APP_RPS[$name]:-}") | $(per_req "$fp" "${R_FL_RPS[$name]}") | $(per_req "$p" "${R_APP_RPS[$name]:-}") |"
    done
  fi
  [ -z "$FLOOR_NOTE" ] || { echo; echo "Floor: $FLOOR_NOTE."; }
  echo
  echo "CPU during the measured runs, % of one core (the machine has $NCPU, so at most $(( NCPU * 100 ))); 'other' is the rest of the"
  echo "machine's busy time: other processes (builds, tests) competing for the same cores, kernel threads, this script."
  echo
  echo "| scenario | wrk run: app JVM | PostgreSQL | wrk | other | own SQL run: PostgreSQL | pgbench | other | cheapest run: PostgreSQL | pgbench | other |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for name in "${SELECTED[@]}"; do
    read -r a p c m <<<"${R_CPU_APP_RUN[$name]:-0 0 0 0}"
    read -r pp pc pm <<<"${R_CPU_PG_RUN[$name]:-0 0 0}"
    read -r cp cc cm <<<"${R_CPU_CH_RUN[$name]:-0 0 0}"
    echo "| $name | $a | $p | $c | $(( m - a - p - c > 0 ? m - a - p - c : 0 )) | $pp | $pc | $(( pm - pp - pc > 0 ? pm - pp - pc : 0 )) | $cp | $cc | $(( cm - cp - cc > 0 ? cm - cp - cc : 0 )) |"
  done
  echo
  echo "Requests / own-SQL transactions counted: $(for name in "${SELECTED[@]}"; do printf '%s %s/%s; ' "$name" "${R_REQS[$name]:--}" "${R_TX[$name]:--}"; done)"
  echo
  echo "pgbench per-statement average latency (\`-r\`), own SQL then cheapest:"
  echo
  echo '```'
  for name in "${SELECTED[@]}"; do
    [ -z "${R_STMTS[$name]:-}" ] || { echo "$name, own SQL:"; echo "${R_STMTS[$name]}" | sed 's/^/  /'; }
    echo "$name, cheapest:"; echo "${R_CH_STMTS[$name]}" | sed 's/^/  /'
  done
  echo '```'
  if [ -n "$JFR_SUMMARY" ]; then
    echo
    echo "JFR (a recording with settings=profile from the JVM's start; each measured wrk run dumped from it to jfr/), top frames by samples:"
    echo
    echo '```'
    printf '%s' "$JFR_SUMMARY"
    echo '```'
  fi
  if [ "${#FAILURES[@]}" -gt 0 ]; then
    echo
    echo "**FAILED**:"
    for f in "${FAILURES[@]}"; do echo "* $f"; done
  fi
} >"$OUT/results.md"

echo
cat "$OUT/results.md"
echo
log "results: $OUT/results.md (logs: app.log, postgres.log, wrk/, pgbench/)"

if [ "${#FAILURES[@]}" -gt 0 ]; then
  die "${#FAILURES[@]} check(s) failed: ${FAILURES[*]}"
fi
