#!/usr/bin/env bash
# Scan throughput of the console: COUNT images that share their base layer versus COUNT images that
# share nothing (scripts/bench/ScanThroughput.java makes both from alpine in a REAL local registry),
# registered through the API and scanned by the packaged server (fresh H2 data directory, default
# scan workers). Prints the time until each set is scanned. Usage: scripts/bench-scans.sh [COUNT]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/scripts/java-home.sh"
count=${1:-50}
work=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
registry_port=$(free_port)
[ -f "$here/server/target/customs-server.jar" ] || (cd "$here" && ./mvnw -B -q -pl server -am package -DskipTests)
registry_url=$("$here/../shared/tools/registry.sh" start --port "$registry_port" --dir "$work/registry")
CUSTOMS_HOME="$work/home" CUSTOMS_ADMIN_PASSWORD=bench-admin-password "$JAVA_HOME/bin/java" -jar \
  "$here/server/target/customs-server.jar" --server.port="$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; "$here/../shared/tools/registry.sh" stop --port "$registry_port" --dir "$work/registry" >/dev/null 2>&1; rm -rf "$work"' EXIT
skopeo copy --quiet --dest-tls-verify=false "oci-archive:$here/../shared/testdata/images/alpine-3.20.3.oci.tar" \
  "docker://127.0.0.1:$registry_port/bench/seed:1"
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done
"$JAVA_HOME/bin/java" "$here/scripts/bench/ScanThroughput.java" "http://127.0.0.1:$port" bench-admin-password \
  "$registry_url" bench/seed "$count"
