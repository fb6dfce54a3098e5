#!/usr/bin/env bash
# Benchmark (issue "vulnerability data"): the bundle build time from the test data, then matching an
# inventory of 1,000 packages against a bundle of >= 200,000 affected records (the real records
# replicated under other package names), in a JVM limited to a 256 MB heap. Prints ms per image
# (median of 20 after warm-up, the bundle already open) and the heap in use.
#
#   scripts/bench-match.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
source scripts/java-home.sh
./mvnw -B -q -pl core test-compile
./mvnw -B -q -pl core dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -Xmx256m --enable-native-access=ALL-UNNAMED -Dslf4j.internal.verbosity=ERROR \
  -cp "core/target/classes:core/target/test-classes:$(cat core/target/bench-classpath.txt)" \
  dev.customs.core.vuln.match.MatchBench
