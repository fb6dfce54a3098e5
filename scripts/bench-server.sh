#!/usr/bin/env bash
# Registration throughput of the console on loopback: starts the packaged server on a fresh H2 data
# directory with scan workers off (this measures the API and the queue insert, not scanning), creates
# a SCANNER token, and runs scripts/bench/RegistrationLoad.java. Usage: scripts/bench-server.sh [REQUESTS] [CONCURRENCY]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/scripts/java-home.sh"
requests=${1:-2000}
concurrency=${2:-16}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
[ -f "$here/server/target/customs-server.jar" ] || (cd "$here" && ./mvnw -B -q -pl server -am package -DskipTests)
CUSTOMS_HOME="$work" CUSTOMS_ADMIN_PASSWORD=bench-admin-password "$JAVA_HOME/bin/java" -jar \
  "$here/server/target/customs-server.jar" --server.port="$port" --customs.scanning.workers=0 >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done
token=$(curl -fs -u admin:bench-admin-password -H 'content-type: application/json' \
  -d '{"name":"bench","role":"scanner"}' "http://127.0.0.1:$port/api/v1/tokens" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')
"$JAVA_HOME/bin/java" "$here/scripts/bench/RegistrationLoad.java" "http://127.0.0.1:$port" "$token" 200 "$concurrency" >/dev/null
"$JAVA_HOME/bin/java" "$here/scripts/bench/RegistrationLoad.java" "http://127.0.0.1:$port" "$token" "$requests" "$concurrency"
