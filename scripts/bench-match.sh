#!/usr/bin/env bash
# Benchmark (issue "vulnerability data"): the bundle build time from the test data, then matching an
# inventory of 1,000 packages (deb, maven, npm, pypi, go, cargo, gem, nuget; most with records)
# against a bundle of >= 200,000 affected records (the real records replicated under other package
# names). Two JVMs: the first builds the bundle, the second (256 MB heap) only opens it and matches,
# printing ms per image (median after warm-up, the bundle already open; wall, process and thread CPU
# time) for the same image again and for a new image (a freshly opened bundle, caches empty), the
# time to open the bundle, and the heap in use.
#
#   scripts/bench-match.sh [RUNS]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
source scripts/java-home.sh
./mvnw -B -q -pl core test-compile
./mvnw -B -q -pl core dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
dir=$(mktemp -d -t customs-bench-XXXXXX)
trap 'rm -rf "$dir"' EXIT
bench() { # HEAP ARGS...
  local heap=$1
  shift
  "$JAVA_HOME/bin/java" "$heap" ${BENCH_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -Dslf4j.internal.verbosity=ERROR \
    -cp "core/target/classes:core/target/test-classes:$(cat core/target/bench-classpath.txt)" \
    dev.customs.core.vuln.match.MatchBench "$@"
}
bench -Xmx1g build "$dir"
bench -Xmx256m match "$dir" "${1:-30}"
