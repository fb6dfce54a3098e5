#!/usr/bin/env bash
# Benchmark (issue "foundation"): read every layer of the Debian test image from a real local
# registry, end to end, with `customs inspect` (download + verify digest + gunzip + tar walk + diffID),
# beside `skopeo copy docker://… oci:DIR` (download only) and `gzip -dc` of the same layer files
# (the plain decompression limit). Prints MB/s (median of RUNS) and the ratios.
#
#   scripts/bench-registry.sh [RUNS]        (default 5; needs docker-registry, skopeo, curl)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
shared=${CUSTOMS_SHARED:-$here/../shared}
archive=$shared/testdata/images/debian12.oci.tar
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
trap '"$shared/tools/registry.sh" stop --port $port --dir "$work/registry" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

"$shared/tools/registry.sh" start --port "$port" --dir "$work/registry" >/dev/null
ref=127.0.0.1:$port/bench/debian12:1
skopeo copy --quiet --dest-tls-verify=false "oci-archive:$archive:debian12" "docker://$ref"
"$here/customs" --version >/dev/null  # build once, outside the timings

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_runs() { # time_runs CMD...: prints the median wall seconds of $runs runs (after one warm-up)
  "$@" >/dev/null 2>&1
  for _ in $(seq "$runs"); do
    local t0; t0=$(now); "$@" >/dev/null 2>&1; echo "$(now) - $t0" | bc -l
  done | median
}
cpu_runs() { # cpu_runs CMD...: median CPU seconds (user+sys) of $runs runs: steadier than wall on a busy machine
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%U %S' -o "$work/cpu.txt" "$@" >/dev/null 2>&1
    awk '{print $1 + $2}' "$work/cpu.txt"
  done | median
}

skopeo_copy() { rm -rf "$work/oci"; skopeo copy --quiet --src-tls-verify=false "docker://$ref" "oci:$work/oci:x"; }
gunzip_layers() { for l in "${layers[@]}"; do gzip -dc "$work/oci/blobs/sha256/${l#sha256:}" >/dev/null; done; }

skopeo_copy
mapfile -t layers < <(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print("\n".join(l["digest"] for l in m["layers"]))' \
  "$work/oci/blobs/sha256/$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["manifests"][0]["digest"].split(":")[1])' "$work/oci/index.json")")
compressed=0; uncompressed=0
for l in "${layers[@]}"; do
  compressed=$((compressed + $(stat -c %s "$work/oci/blobs/sha256/${l#sha256:}")))
  uncompressed=$((uncompressed + $(gzip -dc "$work/oci/blobs/sha256/${l#sha256:}" | wc -c)))
done

t_customs=$(time_runs "$here/customs" inspect --quiet --format json "$ref")
t_skopeo=$(time_runs skopeo_copy)
t_gzip=$(time_runs gunzip_layers)
c_customs=$(cpu_runs "$here/customs" inspect --quiet --format json "$ref")

mbps() { echo "scale=1; $1 / 1000000 / $2" | bc -l; }
printf 'Debian 12 image, %d layers: %.1f MB compressed, %.1f MB uncompressed; median of %d runs\n' \
  "${#layers[@]}" "$(echo "$compressed/1000000" | bc -l)" "$(echo "$uncompressed/1000000" | bc -l)" "$runs"
printf '%-58s %8s %12s %12s\n' "" "wall s" "MB/s (gz)" "MB/s (tar)"
printf '%-58s %8.2f %12s %12s\n' "customs inspect (JVM start, pull, verify, gunzip, tar walk)" "$t_customs" "$(mbps $compressed $t_customs)" "$(mbps $uncompressed $t_customs)"
printf '%-58s %8.2f %12s %12s\n' "skopeo copy docker:// oci: (pull and store only)" "$t_skopeo" "$(mbps $compressed $t_skopeo)" "-"
printf '%-58s %8.2f %12s %12s\n' "gzip -dc of the layer files (decompression only)" "$t_gzip" "$(mbps $compressed $t_gzip)" "$(mbps $uncompressed $t_gzip)"
printf 'customs inspect CPU time (user+sys, median of %d): %.2f s\n' "$runs" "$c_customs"
printf 'ratios: customs/skopeo throughput = %.2f, customs/gzip throughput = %.2f\n' \
  "$(echo "$t_skopeo / $t_customs" | bc -l)" "$(echo "$t_gzip / $t_customs" | bc -l)"
