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
# JVM defaults for a small (2-core) box: the serial collector (no collector threads competing with the request
# threads for 2 cores; young pauses of a 160 MB heap stay short), a small fixed-ceiling heap and code cache and
# 512k thread stacks keep RSS bounded (~250 MB under load). C2 (the optimising compiler) takes a method after
# 10x the JVM's default invocation counts: the start's own code, run a few thousand times, is no longer compiled
# by C2 on the second core while the start needs it (-0.3 s to healthy), and a request path, called 50,000 times
# within seconds under load, still is (docs/benchmarks.md "Start, sixth look"). C1 (the quick compiler) takes a
# method after 5x the default counts: ~2,100 methods the start runs a few hundred times are interpreted instead of
# compiled with profiling on the second core (-0.11 s to healthy in 10 of 10 paired starts; the first 5 s under load
# are ~10% slower, the steady state is C2's either way: docs/benchmarks.md "Start, tenth look"). benchmarks/*.sh
# read this line.
default_java_opts="-XX:+UseSerialGC -Xms96m -Xmx160m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:Tier3InvocationThreshold=1000 -XX:Tier3MinInvocationThreshold=500 -XX:Tier3CompileThreshold=10000 -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000"
# the class-data archive the build makes next to the jar (bootstrap/src/cds/train.sh): classes mapped at start
# instead of loaded from the jar. The JVM checks that it matches the jar and ignores it otherwise.
cds=()
if [ -f "${jar%.jar}.jsa" ] && [ "${NOVABILLING_CDS:-on}" != off ]; then
  cds=("-XX:SharedArchiveFile=${jar%.jar}.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
exec java ${JAVA_OPTS:-$default_java_opts} ${cds[@]+"${cds[@]}"} -jar "$jar" "$@"
