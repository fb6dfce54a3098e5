#!/usr/bin/env bash
# Webhook burst: starts the packaged console (fresh H2 data directory, default scan workers) and a
# REAL local registry holding one image under DELIVERIES tags, then sends DELIVERIES distribution
# notifications (scripts/bench/WebhookLoad.java) and prints the accepted rate and the time until
# every image is scanned. Usage: scripts/bench-webhooks.sh [DELIVERIES] [CONCURRENCY]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/scripts/java-home.sh"
deliveries=${1:-1000}
concurrency=${2:-16}
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

# one image, then the same manifest under tags t0..tN-1 (a manifest PUT each: cheap)
skopeo copy --quiet --dest-tls-verify=false "oci-archive:$here/../shared/testdata/images/alpine-3.20.3.oci.tar" \
  "docker://127.0.0.1:$registry_port/bench/alpine:base"
accept='application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution.manifest.v2+json'
curl -fs -H "Accept: $accept" -D "$work/headers" -o "$work/manifest" "$registry_url/v2/bench/alpine/manifests/base"
type=$(grep -i '^content-type:' "$work/headers" | cut -d' ' -f2 | tr -d '\r')
digest=$(grep -i '^docker-content-digest:' "$work/headers" | cut -d' ' -f2 | tr -d '\r')
for i in $(seq 0 $((deliveries - 1))); do
  curl -fs -X PUT -H "Content-Type: $type" --data-binary "@$work/manifest" "$registry_url/v2/bench/alpine/manifests/t$i" >/dev/null
done

for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done
registry_id=$(curl -fs -u admin:bench-admin-password -H 'content-type: application/json' \
  -d "{\"name\":\"bench\",\"type\":\"generic\",\"url\":\"$registry_url\",\"insecure\":true,\"webhookSecret\":\"bench-hook-secret\"}" \
  "http://127.0.0.1:$port/api/v1/registries" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
"$JAVA_HOME/bin/java" "$here/scripts/bench/WebhookLoad.java" "http://127.0.0.1:$port" "$registry_id" \
  bench-hook-secret bench-admin-password bench/alpine "$digest" "$deliveries" "$concurrency"
