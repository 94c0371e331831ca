#!/usr/bin/env bash
# Generates a TypeScript client (openapi-generator's typescript-fetch) from the OpenAPI document the app
# serves, compiles it with tsc and runs the customers guide through it against the built jar: create, get,
# a partial update that keeps metadata, list with search, 409 on a duplicate email, delete. Run after
# `mvn -B verify` (it needs bootstrap/target/novabilling.jar and adapters-rest's generated openapi.yml).
# Needs a JDK, Maven (to fetch openapi-generator-cli from Maven Central once) and Node.js 18+ with npx.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
GENERATOR_VERSION="$(sed -n 's:.*<openapi-generator.version>\(.*\)</openapi-generator.version>.*:\1:p' pom.xml)"
DOCUMENT="$ROOT/adapters-rest/target/classes/META-INF/swagger/openapi.yml"
JAR="$ROOT/bootstrap/target/novabilling.jar"
WORK="$ROOT/clients/typescript-check/target"
[[ -f "$DOCUMENT" && -f "$JAR" ]] || { echo "run mvn -B verify first (needs $DOCUMENT and $JAR)" >&2; exit 1; }

CLI="$HOME/.m2/repository/org/openapitools/openapi-generator-cli/$GENERATOR_VERSION/openapi-generator-cli-$GENERATOR_VERSION.jar"
[[ -f "$CLI" ]] || mvn -B -q dependency:get -Dartifact="org.openapitools:openapi-generator-cli:$GENERATOR_VERSION"

rm -rf "$WORK" && mkdir -p "$WORK"
java -jar "$CLI" generate -i "$DOCUMENT" -g typescript-fetch -o "$WORK/client" \
  --additional-properties=supportsES6=true,typescriptThreePlus=true >"$WORK/generate.log"
cp "$ROOT/clients/typescript-check/guide.ts" "$ROOT/clients/typescript-check/tsconfig.json" \
   "$ROOT/clients/typescript-check/package.json" "$WORK/"
(cd "$WORK" && npm install --no-audit --no-fund --silent && npx --no-install tsc -p tsconfig.json)

# the app on a free port, embedded PostgreSQL in a throw-away directory, a known tenant key
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
KEY="sk_live_typescriptClientCheck0123456789abcdef"
MICRONAUT_SERVER_PORT="$PORT" NOVABILLING_DATA_DIR="$WORK/data" NOVABILLING_BOOTSTRAP_API_KEY="$KEY" \
  java -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP=$!
trap 'kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  kill -0 "$APP" 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
  sleep 0.5
done
BASE_URL="http://127.0.0.1:$PORT" TENANT_KEY="$KEY" node "$WORK/dist/guide.js"
