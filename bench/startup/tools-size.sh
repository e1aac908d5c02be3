#!/usr/bin/env bash
# Size of the compact tools/list answer (what an agent's context pays for the tool list) with the bundled plugins,
# in each tool mode (consolidated, granular): bytes of the whole JSON-RPC answer line, and per plugin the bytes of its
# tool definitions, its action count and bytes per action. Markdown on stdout.
#
#   bench/startup/tools-size.sh
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
export DOCKERHUB_MCP_CDS=false
L="$DIST/bin/dockerhub-mcp"
input='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}
{"jsonrpc":"2.0","method":"notifications/initialized"}
{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}'
for mode in consolidated granular; do
  printf '%s\n' "$input" | DOCKERHUB_TOOL_MODE="$mode" "$L" 2>"$BENCH_TMP/$mode.err" \
    | grep '"id":2' > "$BENCH_TMP/$mode.json"
done
machine
echo "Plugins: $(cd "$DIST/plugins" && ls ./*.jar | tr '\n' ' ')"
if grep -q 'not loaded' "$BENCH_TMP/consolidated.err"; then
  echo "Not loaded: $(grep -o 'plugin [^ ]* not loaded' "$BENCH_TMP/consolidated.err" | awk '{print $2}' | tr '\n' ' ')"
fi
echo
command -v python3 >/dev/null || { echo "python3 is needed (apt-get install -y python3)" >&2; exit 1; }
spec_tools="${SPEC_TOOLS:-$BENCH_ROOT/../shared/specs/docker-hub-mcp/tools.json}"
[ -f "$spec_tools" ] || echo "tools-size: no $spec_tools (Docker's Hub MCP server's tools/list answer; set SPEC_TOOLS):" \
  "the comparison line is left out" >&2
python3 - "$BENCH_TMP" "$spec_tools" <<'EOF'
import json, os, sys
tmp, spec = sys.argv[1], sys.argv[2]
def size(x):
    return len(json.dumps(x, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
rows = {}
total = {}
for mode in ("consolidated", "granular"):
    line = open(f"{tmp}/{mode}.json", encoding="utf-8").read().strip()
    total[mode] = len(line.encode("utf-8"))
    for t in json.loads(line)["result"]["tools"]:
        if mode == "consolidated":
            plugin = t["name"]
            n = len(t["inputSchema"]["properties"]["action"]["enum"]) - 1  # less "help"
        else:
            plugin = "_".join(t["name"].split("_")[:2])
            n = 1
        r = rows.setdefault(plugin, {"consolidated": [0, 0, 0], "granular": [0, 0, 0]})[mode]
        r[0] += 1; r[1] += n; r[2] += size(t)
print("| plugin tool | actions | consolidated: tools | bytes | bytes/action | granular: tools | bytes | bytes/action |")
print("|---|---|---|---|---|---|---|---|")
sums = {"consolidated": [0, 0, 0], "granular": [0, 0, 0]}
for plugin in sorted(rows):
    c, g = rows[plugin]["consolidated"], rows[plugin]["granular"]
    for m, r in (("consolidated", c), ("granular", g)):
        for i in range(3):
            sums[m][i] += r[i]
    print(f"| {plugin} | {c[1]} | {c[0]} | {c[2]} | {c[2] / max(c[1], 1):.0f} | {g[0]} | {g[2]} | {g[2] / max(g[1], 1):.0f} |")
c, g = sums["consolidated"], sums["granular"]
print(f"| **all tools** | {c[1]} | {c[0]} | {c[2]} | {c[2] / max(c[1], 1):.0f} | {g[0]} | {g[2]} | {g[2] / max(g[1], 1):.0f} |")
print(f"| **whole tools/list answer** (JSON-RPC line) | | | {total['consolidated']} | | | {total['granular']} | |")
ar = [rows[p]["consolidated"] for p in ("hub_auth", "hub_repos") if p in rows]
if len(ar) == 2:
    b = sum(r[2] for r in ar); n = sum(r[1] for r in ar)
    print()
    print(f"auth + repos, consolidated: {n} actions in {b} bytes ({b / 1024:.1f} KiB; goal < 8 KiB)")
if os.path.exists(spec):
    d = json.load(open(spec, encoding="utf-8"))
    tools = d["tools"] if isinstance(d, dict) and "tools" in d else d
    b = sum(size(t) for t in tools)
    print(f"For scale: Docker's official Hub MCP server ({os.path.basename(spec)}): {len(tools)} tools in {b} bytes "
          f"({b / max(len(tools), 1):.0f} bytes/tool)")
EOF
