#!/usr/bin/env bash
# Registration throughput of the console on loopback: starts the packaged server on a fresh H2 data
# directory with scan workers off (this measures the API and the queue insert, not scanning), creates
# a SCANNER token, and runs scripts/bench/RegistrationLoad.java. Usage: scripts/bench-server.sh [REQUESTS] [CONCURRENCY]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/scripts/java-home.sh"
requests=${1:-2000}
concurrency=${2:-16}
. "$here/scripts/bench/console.sh"
start_console --customs.scanning.workers=0
token=$(curl -fs -u admin:bench-admin-password -H 'content-type: application/json' \
  -d '{"name":"bench","role":"scanner"}' "http://127.0.0.1:$port/api/v1/tokens" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')
"$JAVA_HOME/bin/java" "$here/scripts/bench/RegistrationLoad.java" "http://127.0.0.1:$port" "$token" 200 "$concurrency" >/dev/null
"$JAVA_HOME/bin/java" "$here/scripts/bench/RegistrationLoad.java" "http://127.0.0.1:$port" "$token" "$requests" "$concurrency"
