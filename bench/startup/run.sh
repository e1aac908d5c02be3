#!/usr/bin/env bash
# Cold start of the stdio server: spawn -> answer to tools/list (after initialize + initialized, as a client does),
# the median of RUNS runs, and its ratio to a bare `java -version` of the same JDK measured in the same run; resident
# memory once tools/list is answered; time from closing stdin to exit. One long-lived driver
# (bench/lib/McpDriver.java) spawns the server RUNS times and reads the clock as each answer line arrives.
#
# Scenarios: the bundled plugins (plugins/ of the distribution) with the start-up cache trained, the same without the
# cache (a first start), and the test fixture + hello plugins alone. The cache lives in a scratch folder
# (DOCKERHUB_MCP_CACHE), trained once up front with DOCKERHUB_MCP_TRAIN=wait, and is removed at the end.
#
#   bench/startup/run.sh            # RUNS=10
#   RUNS=20 bench/startup/run.sh
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
RUNS="${RUNS:-10}"
L="$DIST/bin/dockerhub-mcp"
J="$JAVA_HOME/bin/java"
export DOCKERHUB_MCP_CACHE="$BENCH_TMP/cache"

fixture="$BENCH_TMP/fixture-plugins"
mkdir -p "$fixture"
cp "$TEST_PLUGINS"/fixture-plugin-*.jar "$TEST_PLUGINS"/hello-plugin-*.jar "$fixture/"

machine
echo "Bundled plugins: $(cd "$DIST/plugins" && ls ./*.jar | tr '\n' ' ')"
"$L" tools --json 2>"$BENCH_TMP/tools.err" >/dev/null || true
echo "Bundled plugins serving a tool: $(grep -c . < <("$L" tools 2>/dev/null | awk 'NR>1 {print $1}' | sort -u) || true)" \
  "(not loaded: $(grep -c 'not loaded' "$BENCH_TMP/tools.err" || true))"

# Training (what the first start after the cache folder's first minute does in the background).
t0=$(date +%s%N)
DOCKERHUB_MCP_TRAIN=wait "$L" --version >/dev/null
t1=$(date +%s%N)
echo "Cache training (background on a real first start): $(( (t1 - t0) / 1000000 )) ms; cache file:" \
  "$(cd "$DOCKERHUB_MCP_CACHE" && ls -- *.aot *.jsa 2>/dev/null | head -n1) ($(du -k "$DOCKERHUB_MCP_CACHE" | cut -f1) KiB)"
echo

run() { # name, then env assignments; prints the summary line
  local name="$1"; shift
  env "$@" "$J" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$BENCH_TMP/classes" McpDriver startup --runs "$RUNS" --warmup 1 \
    --stderr "$BENCH_TMP/server.err" -- "$L" > "$BENCH_TMP/$name.tsv"
}
baseline() {
  driver baseline --runs "$RUNS" --warmup 1 -- "$J" -version \
    > "$BENCH_TMP/java-version.tsv"
}

# Interleave the scenarios twice, so that a change in machine load hits them alike; each half does RUNS/2 runs.
half=$(( (RUNS + 1) / 2 ))
RUNS_SAVED="$RUNS"; RUNS="$half"
for round in 1 2; do
  baseline; cat "$BENCH_TMP/java-version.tsv" >> "$BENCH_TMP/all-java-version.tsv"
  run bundled DOCKERHUB_MCP_CDS=true; cat "$BENCH_TMP/bundled.tsv" >> "$BENCH_TMP/all-bundled.tsv"
  run bundled-nocache DOCKERHUB_MCP_CDS=false; cat "$BENCH_TMP/bundled-nocache.tsv" >> "$BENCH_TMP/all-bundled-nocache.tsv"
  run fixture DOCKERHUB_MCP_CDS=true DOCKERHUB_PLUGINS_DIR="$fixture"; cat "$BENCH_TMP/fixture.tsv" >> "$BENCH_TMP/all-fixture.tsv"
done
RUNS="$RUNS_SAVED"

python3 - "$BENCH_TMP" "$RUNS" <<'EOF'
import statistics, sys
tmp, runs = sys.argv[1], sys.argv[2]
def rows(name):
    out = []
    for line in open(f"{tmp}/all-{name}.tsv"):
        if line.startswith(("run", "#")):
            continue
        out.append(line.rstrip("\n").split("\t"))
    return out
base = [float(r[1]) for r in rows("java-version")]
bmed = statistics.median(base)
print(f"| scenario | runs | spawn → tools/list median (ms) | min (ms) | × `java -version` | CPU at answer, median (ms) | RSS at answer, median (MB) | stdin closed → exit, median (ms) |")
print("|---|---|---|---|---|---|---|---|")
print(f"| `java -version` (same JDK, spawn → exit) | {len(base)} | {bmed:.0f} | {min(base):.0f} | 1.00 | | | |")
labels = {"bundled": "bundled plugins, start-up cache", "bundled-nocache": "bundled plugins, no cache (first start)",
          "fixture": "fixture + hello plugins only, start-up cache"}
for name, label in labels.items():
    r = rows(name)
    lst = [float(x[2]) for x in r]; ex = [float(x[3]) for x in r]; cpu = [float(x[4]) for x in r]
    rss = [int(x[5]) / 1024 for x in r]
    m = statistics.median(lst)
    print(f"| {label} | {len(r)} | {m:.0f} | {min(lst):.0f} | {m / bmed:.2f} | {statistics.median(cpu):.0f} "
          f"| {statistics.median(rss):.1f} | {statistics.median(ex):.0f} |")
sizes = {x[7] for x in rows("bundled")}
print()
print(f"tools/list answer with the bundled plugins: {', '.join(sorted(sizes))} bytes; stdout carried JSON-RPC only "
      f"in every run: {all(x[8] == 'true' for n in labels for x in rows(n))}")
EOF
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
