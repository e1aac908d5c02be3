#!/usr/bin/env bash
# Cold start, image against folder: wall time from spawn to exit of a stdio session (initialize, initialized,
# tools/list, then stdin closed), median of RUNS, scenarios interleaved. The image runs from an unpacked root
# filesystem (umoci) under `unshare --root` as ImageIT does (needs root); the folder through bin/dockerhub-mcp.
#   dist/src/image/bench-start.sh <unpacked bundle dir> [<dist dir>]     # RUNS=10
set -euo pipefail
bundle="$1" dist="${2:-dist/target/dockerhub-mcp}" RUNS="${RUNS:-10}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
input='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}
{"jsonrpc":"2.0","method":"notifications/initialized"}
{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}'
mapfile -t args < <(python3 -c 'import json,sys; [print(a) for a in json.load(open(sys.argv[1]))["process"]["args"]]' "$bundle/config.json")
image() {
  env -i PATH=/usr/bin:/bin HOME=/home/nonroot LANG=C.UTF-8 ${JDK_JAVA_OPTIONS:+JDK_JAVA_OPTIONS=$JDK_JAVA_OPTIONS} \
    unshare --mount --pid --fork --kill-child /bin/sh -c \
    'mount --rbind /dev "$0/dev" && mount -t proc proc "$0/proc" && exec unshare --root="$0" "$@"' "$bundle/rootfs" \
    --wd=/home/nonroot --setuid=65532 --setgid=65532 "${args[@]}"
}
folder() { env -i PATH=/usr/bin:/bin HOME="$tmp" JAVA_HOME="$JAVA_HOME" DOCKERHUB_MCP_CACHE="$tmp/cache" "$dist/bin/dockerhub-mcp"; }
DOCKERHUB_MCP_TRAIN=wait DOCKERHUB_MCP_CACHE="$tmp/cache" HOME="$tmp" "$dist/bin/dockerhub-mcp" --version >/dev/null
one() { # name, command...
  local name="$1" s e; shift
  s=$(date +%s%N)
  if [ "$name" = java-version ]; then "$@" 2>/dev/null; else
    echo "$input" | "$@" 2>/dev/null | grep -q '"id":2' || { echo "$name: no tools/list answer" >&2; exit 1; }
  fi
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 )) >> "$tmp/$name"
}
for ((i = 0; i < RUNS; i++)); do
  one image-aot image
  JDK_JAVA_OPTIONS=-XX:AOTMode=off one image-noaot image
  one folder-cache folder
  DOCKERHUB_MCP_CDS=false one folder-nocache env DOCKERHUB_MCP_CDS=false "$dist/bin/dockerhub-mcp"
  one java-version "$JAVA_HOME/bin/java" -version
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in java-version image-aot image-noaot folder-cache folder-nocache; do
  printf '%-15s median %5d ms  min %5d ms\n' "$n" "$(sort -n "$tmp/$n" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" \
    "$(sort -n "$tmp/$n" | head -n1)"
done
