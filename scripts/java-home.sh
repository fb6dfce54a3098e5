# Sourced by scripts: make JAVA_HOME point at a JDK 21 or newer. Keeps a JAVA_HOME that is already
# new enough; otherwise takes the newest JDK under /usr/lib/jvm (Debian's default java may be 17).
# A JDK's release file names its version; reading it costs nothing, where starting that JDK's java
# to ask costs about 0.1 s per candidate on every run. Starting java is the fallback.
java_major() {
  local v=""
  [ -f "$1/release" ] && v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")
  [ -n "$v" ] && [ "$v" != 1 ] && { echo "$v"; return; }
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && { [ -z "$JAVA_HOME" ] || [ "$major" -gt "$(java_major "$JAVA_HOME")" ]; }; then
      JAVA_HOME=$candidate
    fi
  done
  if [ -z "$JAVA_HOME" ]; then
    echo "customs: needs JDK 21 or newer; set JAVA_HOME to one" >&2
    exit 2
  fi
fi
export JAVA_HOME
