#!/usr/bin/env bash
# Tests both SDKs: the TypeScript one (npm ci, tsc, node --test) and the Python one (unittest), unit tests
# first, then their integration tests against one freshly started service (the built jar on a free port,
# a fresh embedded PostgreSQL in a temporary directory, a bootstrap key made up for the run). The service
# is stopped, and its temporary data removed, however the script ends.
#
# Needs Node 18+ with npm, Python 3.9+, a JDK 17; the jar bootstrap/target/novabilling.jar (built with
# `mvn -B -DskipTests package` when missing; NOVABILLING_JAR points elsewhere).
set -euo pipefail
cd "$(dirname "$0")"
SDKS=$(pwd)
ROOT=$(cd .. && pwd)
JAR=${NOVABILLING_JAR:-$ROOT/bootstrap/target/novabilling.jar}

python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else "the Python SDK needs Python 3.9+")'
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' \
  || { echo "the TypeScript SDK needs Node 18+" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/novabilling-sdks.XXXXXX")
SERVICE_PID=
stop_service() {
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  SERVICE_PID=
  # The JVM stops its PostgreSQL on exit; should it have been killed first, stop that server here.
  local postmaster="$WORK/pgdata/postmaster.pid"
  if [ -f "$postmaster" ]; then
    local pg_pid
    pg_pid=$(head -n 1 "$postmaster")
    if [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; then
      kill -INT "$pg_pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.5; done
    fi
  fi
}
cleanup() {
  local status=$?
  stop_service
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

section() { printf '\n==> %s\n' "$*"; }

section "TypeScript SDK: install, build, unit tests"
cd "$SDKS/typescript"
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build
npm run --silent build:test
node --test build-test/unit/

section "Python SDK: unit tests"
cd "$SDKS/python"
PYTHONPATH=src python3 -m unittest discover -s tests/unit -t . -v

section "Starting the service"
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && mvn -B -q -DskipTests package)
fi
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
KEY=sk_live_$(python3 -c 'import secrets, string; a = string.ascii_letters + string.digits; print("".join(secrets.choice(a) for _ in range(40)))')
NOVABILLING_BOOTSTRAP_API_KEY=$KEY NOVABILLING_DATA_DIR="$WORK/pgdata" MICRONAUT_SERVER_PORT=$PORT \
  java ${JAVA_OPTS:-$(sed -n 's/^default_java_opts="\(.*\)"$/\1/p' "$ROOT/run.sh")} -jar "$JAR" \
  > "$WORK/service.log" 2>&1 < /dev/null &
SERVICE_PID=$!
for _ in $(seq 1 240); do
  if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
    echo "the service exited before it was up; its log:" >&2
    cat "$WORK/service.log" >&2
    exit 1
  fi
  if python3 -c "import urllib.request, sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:$PORT/health', timeout=2).status == 200 else 1)" 2>/dev/null; then
    break
  fi
  sleep 0.5
done
python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/health', timeout=5)" \
  || { echo "the service did not come up within 2 minutes; its log:" >&2; cat "$WORK/service.log" >&2; exit 1; }
echo "service up on port $PORT ($JAR)"

export NOVABILLING_BASE_URL=http://127.0.0.1:$PORT/api
export NOVABILLING_API_KEY=$KEY
export NOVABILLING_OPENAPI_JSON=$WORK/openapi.json
node "$SDKS/typescript/scripts/openapi-json.mjs" "$NOVABILLING_BASE_URL/openapi.yml" > "$NOVABILLING_OPENAPI_JSON"

section "TypeScript SDK: integration tests (guide snippets, OpenAPI conformance)"
cd "$SDKS/typescript"
node --test --test-concurrency=1 build-test/integration/

section "Python SDK: integration tests (guide snippets, OpenAPI conformance)"
cd "$SDKS/python"
PYTHONPATH=src python3 -m unittest discover -s tests/integration -t . -v

section "SDKs: all tests passed"
