#!/usr/bin/env bash
# Host overhead of one tool call: the same small Docker Hub call made through the MCP server (stdio, one long-lived
# server, N sequential tools/call round trips after a warm-up, timed by bench/lib/McpDriver.java as each answer
# line arrives) and made directly with curl (one process, N URLs over one keep-alive connection, -w time_total),
# against the same static upstream on 127.0.0.1 (bench/lib/StaticHub.java, HTTP/1.1 keep-alive). Both sides are
# measured in the same run and interleaved (curl, MCP, curl, MCP). Prints p50/p99 of both and the difference.
#
#   bench/overhead/run.sh              # CALLS=2000 WARMUP=1000 ROUNDS=2
# The call: `hub_repos get` (GET /v2/namespaces/library/repositories/nginx), or when the repos plugin is not
# installed, the hello test plugin's `hub_hello repo_count` (GET /v2/namespaces/library/repositories?page_size=1).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
CALLS="${CALLS:-2000}"
WARMUP="${WARMUP:-1000}"
ROUNDS="${ROUNDS:-2}"
command -v curl >/dev/null || { echo "curl is needed (apt-get install -y curl)" >&2; exit 1; }
J="$JAVA_HOME/bin/java"
L="$DIST/bin/dockerhub-mcp"
export DOCKERHUB_MCP_CACHE="$BENCH_TMP/cache"

# The upstream: started here, stopped by closing its stdin (and killed by pid at exit if still there).
coproc HUB { exec "$J" -XX:+UseSerialGC -cp "$BENCH_TMP/classes" StaticHub; }
hub_pid=$HUB_PID
trap 'kill "$hub_pid" 2>/dev/null || true; rm -rf "$BENCH_TMP"' EXIT
read -r -t 30 port <&"${HUB[0]}"
export DOCKERHUB_URL="http://127.0.0.1:$port"

plugins="$BENCH_TMP/plugins"
mkdir -p "$plugins"
if [ -n "$(ls "$DIST"/plugins/plugin-repos-*.jar 2>/dev/null)" ]; then
  cp "$DIST"/plugins/plugin-repos-*.jar "$plugins/"
  tool=hub_repos args='{"action":"get","namespace":"library","repository":"nginx"}'
  path="/v2/namespaces/library/repositories/nginx"
else
  cp "$TEST_PLUGINS"/hello-plugin-*.jar "$plugins/"
  tool=hub_hello args='{"action":"repo_count","namespace":"library"}'
  path="/v2/namespaces/library/repositories?page_size=1"
fi
export DOCKERHUB_PLUGINS_DIR="$plugins"
url="http://127.0.0.1:$port$path"

machine
echo "Call: $tool $args  ==  GET $path; $CALLS timed calls after $WARMUP warm-up calls, $ROUNDS rounds per side"
echo

curl_round() { # prints one time in ms per line, warm-up dropped
  local cfg="$BENCH_TMP/curl.cfg" i
  : > "$cfg"
  for ((i = 0; i < WARMUP + CALLS; i++)); do
    printf 'url = "%s"\noutput = "/dev/null"\n' "$url" >> "$cfg"
  done
  curl -s --http1.1 -H 'Accept: application/json' -w '%{time_total}\n' -K "$cfg" \
    | awk -v w="$WARMUP" 'NR > w { printf "%.3f\n", $1 * 1000 }'
}
mcp_round() {
  "$J" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$BENCH_TMP/classes" McpDriver calls --calls "$CALLS" \
    --warmup "$WARMUP" --tool "$tool" --args "$args" --times "$BENCH_TMP/mcp.times" --stderr "$BENCH_TMP/server.err" \
    -- "$L" >/dev/null
  cat "$BENCH_TMP/mcp.times"
}

: > "$BENCH_TMP/curl.all"; : > "$BENCH_TMP/mcp.all"
for ((r = 1; r <= ROUNDS; r++)); do
  curl_round >> "$BENCH_TMP/curl.all"
  mcp_round >> "$BENCH_TMP/mcp.all"
done
# stop the upstream: close its stdin
exec {HUB[1]}>&-
wait "$hub_pid" 2>/dev/null || true

python3 - "$BENCH_TMP" <<'EOF'
import sys
tmp = sys.argv[1]
def load(n):
    return sorted(float(x) for x in open(f"{tmp}/{n}.all") if x.strip())
def pct(xs, p):
    import math
    return xs[max(0, min(len(xs) - 1, math.ceil(p / 100 * len(xs)) - 1))]
c, m = load("curl"), load("mcp")
print("| path | calls | p50 (ms) | p90 (ms) | p99 (ms) |")
print("|---|---|---|---|---|")
for name, xs in (("curl → upstream (direct)", c), ("MCP tools/call → host → upstream", m)):
    print(f"| {name} | {len(xs)} | {pct(xs, 50):.3f} | {pct(xs, 90):.3f} | {pct(xs, 99):.3f} |")
print()
print(f"Host overhead at p50: {pct(m, 50) - pct(c, 50):.3f} ms (ratio {pct(m, 50) / pct(c, 50):.2f}); "
      f"at p99: {pct(m, 99) - pct(c, 99):.3f} ms (ratio {pct(m, 99) / pct(c, 99):.2f})")
EOF
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
