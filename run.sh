#!/usr/bin/env bash
# Builds the service if needed and starts it: http://localhost:3000 (MICRONAUT_SERVER_PORT overrides).
# With no DATASOURCES_DEFAULT_URL it runs on an embedded PostgreSQL, data in ./.novabilling/pgdata.
# NOVABILLING_PERSISTENCE=memory runs without any database (in-memory adapter, nothing kept after exit).
set -euo pipefail
cd "$(dirname "$0")"
jar=bootstrap/target/novabilling.jar
if [ ! -f "$jar" ] || [ -n "$(find . \( -name target -o -name .novabilling -o -name .git -o -name node_modules \) -prune -o \( -name '*.java' -o -name '*.xml' -o -name '*.yml' -o -name '*.sql' \) -newer "$jar" -print -quit)" ]; then
  echo "Building $jar (first build: a few minutes, Maven downloads the dependencies once) ..." >&2
  # one line per module as it builds, and any error; without the colour codes Maven's console library
  # writes even in batch mode
  mvn -B -ntp -Dstyle.color=never -DskipTests package 2>&1 \
    | awk '{ gsub(/\033\[[0-9;]*m/, "") } /^\[INFO\] (Building [^j]|BUILD|Total time)|^\[ERROR\]/ { print; fflush() }' >&2
fi
# a small heap keeps RSS bounded (~250 MB under load); the serial collector suits a 2-core box
exec java ${JAVA_OPTS:--XX:+UseSerialGC -Xms96m -Xmx160m -XX:ReservedCodeCacheSize=64m -Xss512k} -jar "$jar" "$@"
