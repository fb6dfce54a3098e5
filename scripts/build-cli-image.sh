#!/usr/bin/env bash
# build-cli-image.sh: build the customs CLI's container image with Jib (no Docker daemon, no base
# image) and push it to a registry.
#
#   scripts/build-cli-image.sh REGISTRY/REPOSITORY:TAG [--insecure]
#
# Needs a JDK 21+ with jlink (Debian: openjdk-21-jdk-headless) and ldd (libc-bin). The image's Java
# runtime is linked from that JDK and its C library copied from this machine, so the image has this
# machine's architecture. Credentials: `docker login` (Docker's config.json and credential helpers).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/scripts/java-home.sh"
if [ $# -lt 1 ] || [[ $1 == -* ]]; then
  echo "usage: $0 REGISTRY/REPOSITORY:TAG [--insecure]" >&2
  exit 2
fi
target=$1
shift
(cd "$here" && ./mvnw -B -q -pl cli,cli-image -am package -DskipTests >&2)
work=$(mktemp -d -t customs-cli-image-XXXXXX)
trap 'rm -rf "$work"' EXIT
"$JAVA_HOME/bin/java" -cp "$here/cli-image/target/classes:$here/cli-image/target/lib/*" \
  dev.customs.cliimage.CliImageBuilder --cli "$here/cli/target" --work "$work" --to "$target" "$@"
