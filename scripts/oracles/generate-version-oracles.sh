#!/usr/bin/env bash
# Regenerates core/src/test/resources/versions/<scheme>.tsv: real version pairs and the ordering the
# ecosystem's REAL tool gives them ("a<TAB>b<TAB>-1|0|1"); <scheme>-generated.tsv: the same for
# pairs built at random from the scheme's building blocks (version_corpus.py --generated); and
# <scheme>-invalid.txt: the versions of both that the tool rejects. The tests only read these files.
# Deterministic: the same inputs and tools give the same files.
#
# Usage: scripts/oracles/generate-version-oracles.sh [scheme...]   (default: every scheme below)
#
# Tools (Debian packages unless said otherwise):
#   deb       dpkg --compare-versions                     (dpkg)
#   rpm       rpm's Lua rpm.vercmp                        (rpm)
#   apk       apk-tools' apk_version_compare, compiled from the apk-tools source tree given in
#             APK_TOOLS_SRC (git clone https://gitlab.alpinelinux.org/alpine/apk-tools; the files
#             were made with commit 90b974f), gcc
#   semver    npm's node-semver, installed into a temp dir with npm (nodejs, npm)
#   maven     org.apache.maven:maven-artifact ComparableVersion, from ~/.m2 (./mvnw dependency:get)
#   pep440    PyPA packaging.version.Version              (python3-packaging or pip)
#   rubygems  Gem::Version                                (ruby)
#   go        golang.org/x/mod/semver                     (golang-go, golang-golang-x-mod-dev)
#   composer  Composer\Semver VersionParser + Comparator  (php-cli, php-composer-semver)
#   nuget     NuGet.Versioning's NuGetVersion + VersionComparer, compiled with mono's mcs (mono-mcs)
#             from a NuGet.Client checkout given in NUGET_CLIENT_SRC, at commit b06b9ef75bf6
#             (2023-04-03, the last before C# 8 nullable annotations, which mcs cannot compile;
#             the later commits to these files annotate nullability and cut allocations). Two
#             helpers used only for display and hashing are replaced by stubs (runners/nuget/).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
testdata="$root/../shared/testdata"
out="$root/core/src/test/resources/versions"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

oracle_deb() {
  while IFS=$'\t' read -r a b; do
    if [[ $a == -* || $b == -* ]]; then r=invalid   # dpkg would read it as an option
    elif dpkg --compare-versions "$a" lt "$b" 2>/dev/null; then r=-1
    else
      set +e; dpkg --compare-versions "$a" eq "$b" 2>/dev/null; rc=$?; set -e
      case $rc in 0) r=0 ;; 1) r=1 ;; *) r=invalid ;; esac
    fi
    printf '%s\t%s\t%s\n' "$a" "$b" "$r"
  done
}

oracle_rpm() {
  cat > "$work/rpm-pairs"
  rpm --define "pairs_file_path $work/rpm-pairs" \
    --eval "%{lua: pairs_file = rpm.expand('%{pairs_file_path}'); dofile('$here/runners/rpm.lua')}"
}

oracle_apk() {
  : "${APK_TOOLS_SRC:?set APK_TOOLS_SRC to an apk-tools source tree}"
  gcc -O1 -w -D_GNU_SOURCE -I"$APK_TOOLS_SRC/src" -o "$work/apk-vercmp" "$here/runners/apk-vercmp.c" \
    "$APK_TOOLS_SRC/src/version.c" "$APK_TOOLS_SRC/src/blob.c" "$APK_TOOLS_SRC/src/ctype.c"
  "$work/apk-vercmp"
}

oracle_semver() {
  (cd "$work" && npm install --silent --no-audit --no-fund semver@7.8.6 >/dev/null)
  node "$here/runners/semver.js" "$work/node_modules/semver"
}

oracle_maven() {
  local jar=~/.m2/repository/org/apache/maven/maven-artifact/3.9.11/maven-artifact-3.9.11.jar
  [ -f "$jar" ] || (cd "$root" && ./mvnw -B -q dependency:get -Dartifact=org.apache.maven:maven-artifact:3.9.11)
  . "$root/scripts/java-home.sh"
  "$JAVA_HOME/bin/java" -cp "$jar" "$here/runners/MavenOracle.java"
}

oracle_pep440() { python3 "$here/runners/pep440.py"; }

oracle_rubygems() { ruby "$here/runners/rubygems.rb"; }

oracle_go() {
  mkdir -p "$work/go/src/oracle"
  cp "$here/runners/go/main.go" "$work/go/src/oracle/"
  (cd "$work/go/src/oracle" && GOPATH="$work/go:/usr/share/gocode" GO111MODULE=off GOFLAGS= \
    GOCACHE="$work/go-cache" go build -o "$work/go-oracle" .)
  "$work/go-oracle"
}

oracle_nuget() {
  : "${NUGET_CLIENT_SRC:?set NUGET_CLIENT_SRC to a NuGet.Client checkout (commit b06b9ef75bf6)}"
  local src="$NUGET_CLIENT_SRC/src/NuGet.Core/NuGet.Versioning"
  mcs -langversion:experimental -nowarn:1591 -r:System.dll -out:"$work/nuget-oracle.exe" \
    "$src"/{NuGetVersion,NuGetVersionFactory,SemanticVersion,SemanticVersionBase,SemanticVersionFactory}.cs \
    "$src"/{SemanticVersionConverter,VersionComparer,VersionComparison,IVersionComparer,Resources.Designer}.cs \
    "$src"/INuGetVersionable.cs "$here"/runners/nuget/*.cs >&2
  mono "$work/nuget-oracle.exe"
}

oracle_composer() { php "$here/runners/composer.php" /usr/share/php/Composer/Semver/autoload.php; }

generate() {
  local scheme=$1
  python3 "$here/version_corpus.py" "$scheme" "$testdata" "$here/edge-cases" > "$work/$scheme.pairs"
  python3 "$here/version_corpus.py" --generated "$scheme" > "$work/$scheme.generated"
  # Every version is also compared with itself: that is how a version the tool rejects is found.
  cat "$work/$scheme.pairs" "$work/$scheme.generated" | cut -f1,2 --output-delimiter=$'\n' | sort -u \
    | awk '{print $0 "\t" $0}' > "$work/$scheme.self"
  "oracle_$scheme" < "$work/$scheme.self" > "$work/$scheme.self.out"
  awk -F'\t' '$3 == "invalid" {print $1}' "$work/$scheme.self.out" > "$out/$scheme-invalid.txt"
  "oracle_$scheme" < "$work/$scheme.pairs" | awk -F'\t' 'NF == 3 && $3 != "invalid"' > "$out/$scheme.tsv"
  "oracle_$scheme" < "$work/$scheme.generated" | awk -F'\t' 'NF == 3 && $3 != "invalid"' \
    > "$out/$scheme-generated.tsv"
  printf '%-9s %6d real pairs, %6d generated pairs, %4d invalid versions\n' "$scheme" \
    "$(wc -l < "$out/$scheme.tsv")" "$(wc -l < "$out/$scheme-generated.tsv")" \
    "$(wc -l < "$out/$scheme-invalid.txt")" >&2
}

schemes=("$@")
[ ${#schemes[@]} -gt 0 ] || schemes=(deb rpm apk semver maven pep440 rubygems go nuget composer)
for s in "${schemes[@]}"; do generate "$s"; done
