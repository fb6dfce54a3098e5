# Sourced by the console benchmarks: starts the packaged console on a fresh H2 data directory and,
# when asked, a REAL local registry (shared/tools/registry.sh); both are stopped on exit.
#   start_console [SERVER_ARGS...]   sets $port and $console (http://127.0.0.1:PORT), waits until ready
#   start_registry                   sets $registry_port and $registry_url
# Expects $here (the project root) and $JAVA_HOME (scripts/java-home.sh). Admin password: bench-admin-password.
work=$(mktemp -d)
server=
registry_port=
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
stop_all() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; }
  [ -n "$registry_port" ] && "$here/../shared/tools/registry.sh" stop --port "$registry_port" --dir "$work/registry" \
    >/dev/null 2>&1
  rm -rf "$work"
}
trap stop_all EXIT

start_registry() {
  registry_port=$(free_port)
  registry_url=$("$here/../shared/tools/registry.sh" start --port "$registry_port" --dir "$work/registry")
}

start_console() {
  port=$(free_port)
  console="http://127.0.0.1:$port"
  [ -f "$here/server/target/customs-server.jar" ] || (cd "$here" && ./mvnw -B -q -pl server -am package -DskipTests)
  CUSTOMS_HOME="$work/home" CUSTOMS_ADMIN_PASSWORD=bench-admin-password "$JAVA_HOME/bin/java" -jar \
    "$here/server/target/customs-server.jar" --server.port="$port" "$@" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 180); do
    curl -fs "$console/actuator/health/readiness" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "the console did not become ready; its log:" >&2
  cat "$work/server.log" >&2
  return 1
}
