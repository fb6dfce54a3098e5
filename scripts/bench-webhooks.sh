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
. "$here/scripts/bench/console.sh"
start_registry
start_console
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

registry_id=$(curl -fs -u admin:bench-admin-password -H 'content-type: application/json' \
  -d "{\"name\":\"bench\",\"type\":\"generic\",\"url\":\"$registry_url\",\"insecure\":true,\"webhookSecret\":\"bench-hook-secret\"}" \
  "http://127.0.0.1:$port/api/v1/registries" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
"$JAVA_HOME/bin/java" "$here/scripts/bench/WebhookLoad.java" "http://127.0.0.1:$port" "$registry_id" \
  bench-hook-secret bench-admin-password bench/alpine "$digest" "$deliveries" "$concurrency"
