#!/usr/bin/env bash
# The one test command (README "Quick start"; .ci/run calls it): installs the Debian packages the
# tests use when missing, makes sure PostgreSQL is up, picks a JDK 21+, and runs every test.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

# Debian packages the real-peer tests need: the CNCF registry, skopeo to push fixtures into it,
# htpasswd for basic auth, openssl for TLS, Go to build a Go binary fixture, zstd for zstd layers.
packages=(docker-registry skopeo apache2-utils openssl curl golang-go zstd)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing missing Debian packages: ${missing[*]}" >&2
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

. "$here/scripts/java-home.sh"
exec ./mvnw -B verify "$@"
