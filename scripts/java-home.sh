# Sourced by scripts: make JAVA_HOME point at a JDK 21 or newer. Keeps a JAVA_HOME that is already
# new enough; otherwise takes the newest JDK under /usr/lib/jvm (Debian's default java may be 17).
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
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
