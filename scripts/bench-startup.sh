#!/usr/bin/env bash
# bench-startup.sh: how fast the CLI answers when it has nothing to read: `customs --version` and
# `customs scan --help`, through the ./customs launcher (JVM start and class-data archive included).
# Prints the median wall time and CPU time (user+sys) of RUNS runs (default 11) after one warm-up run
# each (the warm-up builds the CLI if needed and writes the launcher's class-data archive).
# Target (issue "Start-up"): under 0.3 s wall. On a busy machine compare CPU time: wall time there
# mostly measures the other processes.
#
# Usage: scripts/bench-startup.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${RUNS:-11}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

# bench ARGS...: one line of the table for `customs ARGS`.
bench() {
  "$here/customs" "$@" >/dev/null
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    if ! /usr/bin/time -f '%e %U %S' -o "$work/time" "$here/customs" "$@" >/dev/null 2>"$work/err"; then
      echo "bench-startup: customs $* failed:" >&2; cat "$work/err" >&2; exit 1
    fi
    read -r wall user sys < "$work/time"
    walls+=("$wall"); cpus+=("$(python3 -c "print(f'{$user + $sys:.2f}')")")
  done
  printf '| customs %s | %s | %s |\n' "$*" "$(median "${walls[@]}")" "$(median "${cpus[@]}")"
}

echo "| command | wall (s), median of $runs | CPU (s), median of $runs |"
echo "|---|---|---|"
bench --version
bench scan --help
bench sbom --help
