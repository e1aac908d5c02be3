#!/usr/bin/env bash
# Side by side with Docker's official Hub MCP server (docker/hub-mcp, Node): both servers over stdio, driven by the
# same client (bench/lib/McpDriver.java) against the same local static Hub (bench/lib/StaticHub.java on 127.0.0.1),
# interleaved in rounds so that a changing machine load hits both alike. Each round (order reversed every other
# round), after one discarded warm-up round:
#   start-up: spawn -> tools/list answer for dockerhub-mcp with its start-up cache trained, without it, and hub-mcp;
#   calls:    one server per side, CALLS sequential "get repository" calls from the first one (library/nginx):
#             p50 of calls 1-100, p50 of calls CALLS/2+1..CALLS, RSS after tools/list, after CALLS/2 and CALLS calls.
# Prints a Markdown table of the medians over the rounds and their ratios (dockerhub-mcp / hub-mcp), load average at
# start and end, and the command. A benchmark, not a timed test: run it on a quiet machine. The 1 GiB get_blob /
# push_blob figures against curl come from bench/registry/run.sh.
#
# Both servers log in with a dummy user and PAT, answered by the static Hub with an unsigned JWT: dockerhub-mcp with
# DOCKER_HUB_USER/DOCKER_HUB_TOKEN (POST /v2/auth/token), hub-mcp with --username and HUB_PAT_TOKEN (POST
# /v2/users/login). hub-mcp has https://hub.docker.com fixed in its source; rewrite-fetch.cjs, preloaded with
# `node -r`, sends it to the static Hub and refuses any other host. Each server logs at its own default level.
#
# hub-mcp is not part of this repository. It is built with ../shared/peers/build-hub-mcp.sh (npm; into
# /tmp/peers/hub-mcp unless built there already), or taken from HUB_MCP_DIR (a built checkout: dist/index.js).
# It needs Node 22+: NODE, else .tools/node_modules/.bin/node (.ci/install-tools), else node on PATH.
#
#   bench/vs-hub-mcp/run.sh                      # RUNS=10 CALLS=2000
#   RUNS=2 CALLS=200 bench/vs-hub-mcp/run.sh     # a quick check of the harness
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
RUNS="${RUNS:-10}"
CALLS="${CALLS:-2000}"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive number, got '$RUNS'" >&2; exit 2; }
[[ "$CALLS" =~ ^[0-9]+$ && "$CALLS" -ge 100 ]] || { echo "CALLS must be a number >= 100, got '$CALLS'" >&2; exit 2; }

# hub-mcp: an already built folder, or the build script of the shared folder beside the repository
build_script=""
if [ -n "${HUB_MCP_DIR:-}" ]; then
  [ -f "$HUB_MCP_DIR/dist/index.js" ] \
    || { echo "HUB_MCP_DIR=$HUB_MCP_DIR has no dist/index.js (build it first)" >&2; exit 2; }
else
  shared="${SHARED:-$root/../shared}"
  build_script="$shared/peers/build-hub-mcp.sh"
  if [ ! -f "$build_script" ]; then
    echo "hub-mcp not found: set HUB_MCP_DIR to a built docker/hub-mcp checkout (npm install && npm run build)," \
      "or put the project's shared folder beside the repository (../shared/peers/build-hub-mcp.sh)" >&2
    exit 2
  fi
fi
NODE="${NODE:-}"
if [ -z "$NODE" ]; then
  NODE="$root/.tools/node_modules/.bin/node"
  [ -x "$NODE" ] || NODE="$(command -v node || true)"
fi
node_major="$([ -n "$NODE" ] && "$NODE" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$node_major" -lt 22 ]; then
  echo "hub-mcp needs Node 22+ (found '${NODE:-none}' ${node_major}): run .ci/install-tools or set NODE" >&2
  exit 2
fi

. "$root/bench/lib/common.sh"
L="$DIST/bin/dockerhub-mcp"
J="$JAVA_HOME/bin/java"
DRIVER_CMD=("$J" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$BENCH_TMP/classes" McpDriver)

if [ -n "$build_script" ]; then
  command -v npm >/dev/null \
    || { echo "npm is needed to build hub-mcp (or set HUB_MCP_DIR to a built one)" >&2; exit 2; }
  HUB_MCP_DIR="$(PATH="$(dirname "$NODE"):$PATH" bash "$build_script" | tail -n 1)" \
    || { echo "building hub-mcp with $build_script failed" >&2; exit 1; }
  [ -f "$HUB_MCP_DIR/dist/index.js" ] || { echo "$build_script did not build $HUB_MCP_DIR/dist/index.js" >&2; exit 1; }
fi

# The static Hub: started here, stopped by closing its stdin; a driver still running at exit (interrupted run) is
# stopped together with the server it spawned, by their pids.
hub_pid=""
drv_pid=""
cleanup() {
  if [ -n "$drv_pid" ] && kill -0 "$drv_pid" 2>/dev/null; then
    pkill -P "$drv_pid" 2>/dev/null || true
    kill "$drv_pid" 2>/dev/null || true
    wait "$drv_pid" 2>/dev/null || true
  fi
  if [ -n "$hub_pid" ]; then
    kill "$hub_pid" 2>/dev/null || true
    wait "$hub_pid" 2>/dev/null || true
  fi
  rm -rf "$BENCH_TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
coproc HUB { exec "$J" -XX:+UseSerialGC -cp "$BENCH_TMP/classes" StaticHub --counts 2>"$BENCH_TMP/hub.err"; }
hub_pid=$HUB_PID
read -r -t 30 port <&"${HUB[0]}" || { echo "the static Hub did not start" >&2; exit 1; }
hub_url="http://127.0.0.1:$port"

# Our side: the distribution as shipped (bundled plugins), its start-up cache in the scratch folder, trained up front.
export DOCKERHUB_MCP_CACHE="$BENCH_TMP/cache"
ours_env=(DOCKERHUB_URL="$hub_url" DOCKER_HUB_USER=bench DOCKER_HUB_TOKEN=bench-pat)
DOCKERHUB_MCP_TRAIN=wait env "${ours_env[@]}" "$L" --version >/dev/null
# hub-mcp: its own defaults (NODE_ENV unset: logs on stderr), the fetch rewrite preloaded
hub_env=(HUB_PAT_TOKEN=bench-pat HUB_MCP_BENCH_HUB="$hub_url")
hub_cmd=("$NODE" -r "$here/rewrite-fetch.cjs" "$HUB_MCP_DIR/dist/index.js" --transport=stdio --username=bench)

# The call on each side: our consolidated repository tool, and hub-mcp's getRepositoryInfo (src/repos.ts).
ours_tool=hub_repos
ours_args='{"action":"get","namespace":"library","repository":"nginx"}'
hub_tool=getRepositoryInfo
hub_args='{"namespace":"library","repository":"nginx"}'
"$L" tools 2>/dev/null | grep -qE "^$ours_tool .*\bget\b" \
  || { echo "$L tools lists no '$ours_tool' with the action 'get'" >&2; exit 1; }

machine
echo "dockerhub-mcp: $("$L" --version 2>/dev/null | head -n 1); hub-mcp: $HUB_MCP_DIR on Node $("$NODE" --version)"
echo "Calls: dockerhub-mcp $ours_tool $ours_args; hub-mcp $hub_tool $hub_args (both GET" \
  "/v2/namespaces/library/repositories/nginx on the static Hub, after one login)"
echo "$RUNS rounds, interleaved, after one warm-up round; $CALLS calls per server per round"
echo

setup() { # sets E (environment) and C (server command) of a scenario
  case "$1" in
    ours-cache) E=("${ours_env[@]}" DOCKERHUB_MCP_CDS=true); C=("$L") ;;
    ours-nocache) E=("${ours_env[@]}" DOCKERHUB_MCP_CDS=false); C=("$L") ;;
    hub-mcp) E=("${hub_env[@]}"); C=("${hub_cmd[@]}") ;;
  esac
}
drive() { # scenario, output file, driver arguments...: one driver run, its data line appended to the output file
  local s="$1" file="$2"
  shift 2
  setup "$s"
  : > "$BENCH_TMP/$s.err"
  env -u NODE_OPTIONS -u NODE_ENV "${E[@]}" "${DRIVER_CMD[@]}" "$@" --stderr "$BENCH_TMP/$s.err" -- "${C[@]}" \
    > "$BENCH_TMP/driver.out" 2> "$BENCH_TMP/driver.err" &
  drv_pid=$!
  if ! wait "$drv_pid"; then
    drv_pid=""
    echo "$s: the driver failed:" >&2
    tail -n 5 "$BENCH_TMP/driver.err" >&2
    echo "$s: the server's stderr ends with:" >&2
    tail -n 10 "$BENCH_TMP/$s.err" >&2
    exit 1
  fi
  drv_pid=""
  [ -z "$file" ] || sed -n 2p "$BENCH_TMP/driver.out" >> "$BENCH_TMP/$file"
}
start() { drive "$1" "${2-start-$1.tsv}" startup --runs 1 --warmup 0; }
calls() {
  if [ "$1" = hub-mcp ]; then
    drive "$1" "calls-$1.tsv" series --calls "$CALLS" --tool "$hub_tool" --args "$hub_args" --expect nginx
  else
    drive "$1" "calls-$1.tsv" series --calls "$CALLS" --tool "$ours_tool" --args "$ours_args" --expect nginx
  fi
}

for s in ours-cache ours-nocache hub-mcp; do start "$s" ""; done # warm-up: page cache, JIT-free file reads
for ((r = 1; r <= RUNS; r++)); do
  if ((r % 2)); then order=(ours-cache ours-nocache hub-mcp); else order=(hub-mcp ours-nocache ours-cache); fi
  for s in "${order[@]}"; do start "$s"; done
  if ((r % 2)); then calls ours-cache; calls hub-mcp; else calls hub-mcp; calls ours-cache; fi
done

# stop the static Hub (it prints its request counts on stderr)
exec {HUB[1]}>&-
wait "$hub_pid" 2>/dev/null || true
hub_pid=""

python3 - "$BENCH_TMP" "$RUNS" "$CALLS" <<'EOF'
import statistics, sys
tmp, runs, calls = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def rows(name):
    return [l.rstrip("\n").split("\t") for l in open(f"{tmp}/{name}.tsv") if l.strip()]
def med(name, col, scale=1.0):
    r = rows(name)
    if len(r) != runs:
        sys.exit(f"{name}: {len(r)} results for {runs} rounds")
    return statistics.median(float(x[col]) * scale for x in r)
# startup rows: run init_ms list_ms exit_ms cpu_ms rss_kb hwm_kb list_bytes stdout_ok
# series rows: calls half rss_start_kb rss_half_kb rss_end_kb p50_first100_ms p50_warm_ms p99_warm_ms first_call_ms
half = calls // 2
kb = 1 / 1024
figures = [
    ("spawn → tools/list answer, start-up cache trained (ms)", med("start-ours-cache", 2), med("start-hub-mcp", 2)),
    ("spawn → tools/list answer, no start-up cache (ms)", med("start-ours-nocache", 2), med("start-hub-mcp", 2)),
    ("RSS at tools/list answer (MiB)", med("calls-ours-cache", 2, kb), med("calls-hub-mcp", 2, kb)),
    (f"RSS after {half} calls (MiB)", med("calls-ours-cache", 3, kb), med("calls-hub-mcp", 3, kb)),
    (f"RSS after {calls} calls (MiB)", med("calls-ours-cache", 4, kb), med("calls-hub-mcp", 4, kb)),
    ("first call, login included (ms)", med("calls-ours-cache", 8), med("calls-hub-mcp", 8)),
    ("p50 of calls 1–100 (ms)", med("calls-ours-cache", 5), med("calls-hub-mcp", 5)),
    (f"p50 of calls {half + 1}–{calls} (ms)", med("calls-ours-cache", 6), med("calls-hub-mcp", 6)),
    (f"p99 of calls {half + 1}–{calls} (ms)", med("calls-ours-cache", 7), med("calls-hub-mcp", 7)),
]
print(f"| figure (median of {runs} rounds) | dockerhub-mcp | hub-mcp | ratio |")
print("|---|---|---|---|")
for name, ours, hub in figures:
    fmt = "{:.1f}" if "MiB" in name or ours >= 10 else "{:.3f}"
    print(f"| {name} | {fmt.format(ours)} | {fmt.format(hub)} | {ours / hub:.2f} |")
print()
print("ratio = dockerhub-mcp / hub-mcp (below 1: dockerhub-mcp is faster or smaller). Start-up RSS at the answer, "
      f"median: dockerhub-mcp {med('start-ours-cache', 5, kb):.1f} MiB (cache), {med('start-ours-nocache', 5, kb):.1f} "
      f"MiB (no cache), hub-mcp {med('start-hub-mcp', 5, kb):.1f} MiB; stdout carried JSON-RPC only in every start: "
      f"{all(x[8] == 'true' for n in ('start-ours-cache', 'start-ours-nocache', 'start-hub-mcp') for x in rows(n))}; "
      f"tools/list answer: dockerhub-mcp {rows('start-ours-cache')[0][7]} bytes, "
      f"hub-mcp {rows('start-hub-mcp')[0][7]} bytes")
EOF
echo "Static Hub served (expected $((2 * RUNS * CALLS)) GET, $RUNS token mints and $RUNS logins):" \
  "$(sed -n 's/^static hub: //p' "$BENCH_TMP/hub.err")"
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Command: RUNS=$RUNS CALLS=$CALLS bench/vs-hub-mcp/run.sh"
