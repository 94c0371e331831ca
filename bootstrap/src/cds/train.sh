#!/usr/bin/env bash
# Makes the class-data sharing (AppCDS) archive of the fat jar: one training run of the app, which starts,
# answers a few requests of the usual kinds, and stops; the JVM writes every class it loaded into a dynamic
# archive at exit (-XX:ArchiveClassesAtExit, JDK 13+). Later starts map those classes instead of reading,
# verifying and parsing them from the jar: see ./run.sh and docs/benchmarks.md.
# The training run takes the real start path: the app's default, the embedded PostgreSQL (on a throw-away data
# directory), so pgjdbc, HikariCP and the persistence adapter are in the archive too. It is a restart: a first
# run (no archive) migrates the new database, so the training run finds it migrated and, as every restart does,
# leaves Flyway out (FlywayShortcut); the archive holds what a restart loads, without Flyway's classes and the
# Jackson databind they bring (~900 classes a restart would map and never use). Where the embedded
# PostgreSQL cannot start, it trains in memory instead (NOVABILLING_PERSISTENCE=memory; an archive without
# those classes).
#
#   bootstrap/src/cds/train.sh JAR [ARCHIVE]      (the build runs it in `package`; -Dcds.skip leaves it out)
#
# Never fails the build: when anything goes wrong it says so and leaves no archive, and the app starts
# without one (only slower). The JVM checks the archive against the jar (path, size, time) and ignores an
# archive that does not match it.
set -uo pipefail

JAR=${1:?usage: train.sh JAR [ARCHIVE]}
ARCHIVE=${2:-${JAR%.jar}.jsa}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
LOG=${ARCHIVE%.jsa}.cds-training.log
KEY="sk_live_cdstrainingcdstrainingcdstrainingcdstr"

warn() { echo "[cds] $* -- no class-data archive (the app works without it, it only starts slower)" >&2; rm -f "$ARCHIVE"; exit 0; }

[ -f "$JAR" ] || warn "no $JAR"
command -v curl >/dev/null || warn "curl is missing"
# (never point -XX:ArchiveClassesAtExit at a device such as /dev/null: the JVM deletes the path and writes a
# plain file there)
"$JAVA" -XX:+UseSerialGC -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' ArchiveClassesAtExit ' \
  || warn "this JVM cannot write dynamic archives (JDK 13 or later needed)"
rm -f "$ARCHIVE"

port=""
for _ in $(seq 1 50); do
  p=$(( 20000 + RANDOM % 20000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || warn "no free port for the training run"

# One training run: start, a few requests of the usual kinds, stop. $1 = embedded | memory; $2 = migrate: only
# start (the new database is migrated) and stop, no archive, no requests.
train() {
  local mode=$1 prepare=${2:-} env_mode base ok=0 pid archive_opt=()
  if [ "$mode" = embedded ]; then
    # the real start path (pgjdbc, HikariCP, Flyway, the persistence adapter): the app's own default, the
    # embedded PostgreSQL, on a throw-away data directory
    env_mode=(NOVABILLING_PERSISTENCE=postgres NOVABILLING_DATA_DIR="$WORK/pgdata")
  else
    env_mode=(NOVABILLING_PERSISTENCE=memory)
  fi
  rm -f "$ARCHIVE"
  [ -n "$prepare" ] || archive_opt=(-XX:ArchiveClassesAtExit="$ARCHIVE")
  # the options that shape the archive match ./run.sh's defaults (the collector above all)
  env -u DATASOURCES_DEFAULT_URL -u DATASOURCES_DEFAULT_USERNAME -u DATASOURCES_DEFAULT_PASSWORD \
      "${env_mode[@]}" MICRONAUT_SERVER_PORT="$port" \
      NOVABILLING_BOOTSTRAP_API_KEY="$KEY" NOVABILLING_LOG_FORMAT=text NOVABILLING_SHUTDOWN_GRACE=0s \
      "$JAVA" -XX:+UseSerialGC -Xms96m -Xmx160m ${archive_opt[@]+"${archive_opt[@]}"} -Xlog:cds=warning \
      -jar "$JAR" >>"$LOG" 2>&1 &
  pid=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 1200); do
    if curl -fsS -o /dev/null --max-time 2 "$base/health/readiness" 2>/dev/null; then ok=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ "$ok" = 1 ] && [ -z "$prepare" ]; then
    auth=(-H "Authorization: Bearer $KEY")
    json=(-H 'Content-Type: application/json')
    for i in 1 2 3; do
      id=$(curl -sS "${auth[@]}" "${json[@]}" -d "{\"email\":\"training.$i@cds.example\",\"name\":\"Training $i\",\"externalId\":\"cds_$i\",\"country\":\"UG\",\"metadata\":{\"plan\":\"pro\",\"seats\":3,\"beta\":true}}" \
             "$base/api/customers" | sed -n 's/.*"id":"\(cust_[a-z0-9]*\)".*/\1/p')
      if [ -n "$id" ]; then
        curl -sS -o /dev/null "${auth[@]}" "$base/api/customers/$id"
        curl -sS -o /dev/null "${auth[@]}" "${json[@]}" -X PATCH -d '{"name":"Training Renamed"}' "$base/api/customers/$id"
      fi
      curl -sS -o /dev/null "${auth[@]}" "$base/api/customers?page=1&limit=20"
      curl -sS -o /dev/null "${auth[@]}" "$base/api/customers?search=train&sortBy=name&order=asc"
      curl -sS -o /dev/null "${auth[@]}" "$base/api/customers/cust_00000000000000000000000000"
      curl -sS -o /dev/null "${auth[@]}" "${json[@]}" -d '{"email":"not an email"}' "$base/api/customers"
      curl -sS -o /dev/null "$base/api/customers"
      curl -sS -o /dev/null "$base/health"
    done
  fi
  kill -TERM "$pid" 2>/dev/null
  # writing the archive at exit takes a few seconds on an idle machine, more than 30 s on a busy one (load 16)
  for _ in $(seq 1 1800); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid"; wait "$pid" 2>/dev/null
    echo "[cds] the $mode training run did not stop (see $LOG)" >&2; rm -f "$ARCHIVE"; return 1
  fi
  wait "$pid" 2>/dev/null
  if [ "$ok" != 1 ]; then echo "[cds] the $mode training run never became ready (see $LOG)" >&2; rm -f "$ARCHIVE"; return 1; fi
  [ -z "$prepare" ] || return 0
  [ -s "$ARCHIVE" ] || { echo "[cds] the $mode training run wrote no archive (see $LOG)" >&2; return 1; }
  TRAINED=$mode
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/novabilling-cds.XXXXXX")
chmod 755 "$WORK"   # the embedded PostgreSQL runs as another user in its namespace when this runs as root
trap 'rm -rf "$WORK"' EXIT
: >"$LOG"
TRAINED=""
# on the embedded PostgreSQL when it can start here; otherwise in memory (an archive without the database
# classes: still most of the start)
train embedded migrate && train embedded || { echo "[cds] training in memory instead" >&2; train memory; } \
  || warn "no training run succeeded"
[ -s "$ARCHIVE" ] || warn "the JVM wrote no archive (see $LOG)"
"$JAVA" -XX:+UseSerialGC -XX:SharedArchiveFile="$ARCHIVE" -Xshare:on -cp "$JAR" -version >/dev/null 2>&1 \
  || warn "the archive does not load (java -Xshare:on refused it; see $LOG)"
echo "[cds] $ARCHIVE: $(( $(stat -c %s "$ARCHIVE") / 1048576 )) MiB, trained on the $TRAINED start path; its log: $LOG"
