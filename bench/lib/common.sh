# Sourced by the bench scripts: repository root, a JDK >= 21, the built distribution, a scratch folder removed at
# exit, and the machine description printed above every result.
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=/dev/null
. "$BENCH_ROOT/.ci/find-java"
DIST="${DIST:-$BENCH_ROOT/dist/target/dockerhub-mcp}"
TEST_PLUGINS="${TEST_PLUGINS:-$BENCH_ROOT/dist/target/test-plugins}"
DRIVER="$BENCH_ROOT/bench/lib/McpDriver.java"
if [ ! -x "$DIST/bin/dockerhub-mcp" ]; then
  echo "no distribution at $DIST; build it first: . .ci/find-java && mvn -q -B -ntp -DskipTests package" >&2
  exit 1
fi
BENCH_TMP="$(mktemp -d "${TMPDIR:-/tmp}/dockerhub-mcp-bench.XXXXXX")"
trap 'rm -rf "$BENCH_TMP"' EXIT

# The upstreams point at a closed port: nothing at start-up may reach the network.
export DOCKERHUB_URL="${DOCKERHUB_URL:-http://127.0.0.1:9}"
export DOCKER_REGISTRY_URL="${DOCKER_REGISTRY_URL:-http://127.0.0.1:9}"
export DOCKER_SCOUT_URL="${DOCKER_SCOUT_URL:-http://127.0.0.1:9}"
unset DOCKER_HUB_USER DOCKER_HUB_TOKEN DOCKERHUB_USERNAME DOCKERHUB_TOKEN DOCKERHUB_JWT
export DOCKER_CONFIG="$BENCH_TMP/docker-config"

machine() {
  local mem cpu
  mem="$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo '?')"
  cpu="$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo '?')"
  echo "Machine: $(nproc) CPUs ($cpu), $mem RAM, $(uname -sr); JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p)"
  echo "Load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
}

# The driver, compiled once per run of a script.
"$JAVA_HOME/bin/javac" -d "$BENCH_TMP/classes" "$DRIVER" "$BENCH_ROOT/bench/lib/StaticHub.java"
driver() {
  "$JAVA_HOME/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$BENCH_TMP/classes" McpDriver "$@"
}
