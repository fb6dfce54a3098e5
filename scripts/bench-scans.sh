#!/usr/bin/env bash
# Scan throughput of the console: COUNT images that share their base layer versus COUNT images that
# share nothing (scripts/bench/ScanThroughput.java makes both from alpine in a REAL local registry),
# registered through the API and scanned by the packaged server (fresh H2 data directory, default
# scan workers). Prints the time until each set is scanned. Usage: scripts/bench-scans.sh [COUNT]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/scripts/java-home.sh"
count=${1:-50}
. "$here/scripts/bench/console.sh"
start_registry
skopeo copy --quiet --dest-tls-verify=false "oci-archive:$here/../shared/testdata/images/alpine-3.20.3.oci.tar" \
  "docker://127.0.0.1:$registry_port/bench/seed:1"
start_console
"$JAVA_HOME/bin/java" "$here/scripts/bench/ScanThroughput.java" "$console" bench-admin-password \
  "$registry_url" bench/seed "$count"
