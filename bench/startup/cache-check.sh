#!/usr/bin/env bash
# Checks the launcher's start-up cache under the awkward conditions: two servers starting at once on an empty cache
# (with the training in the foreground and in the background), a cache folder that cannot be created (read-only home),
# and a cache made stale by a newer jar. Each server must answer tools/list with JSON-RPC only on stdout; the cache
# folder must end with exactly one complete cache file and no temporary file or lock. Prints one line per check.
#
#   bench/startup/cache-check.sh
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
L="$DIST/bin/dockerhub-mcp"
input='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}
{"jsonrpc":"2.0","method":"notifications/initialized"}
{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}'
fail=0
check() { # description, command...
  local what="$1"; shift
  if "$@"; then echo "ok    $what"; else echo "FAIL  $what"; fail=1; fi
}
session() { # out-file, env...: one stdio session; true if stdout holds exactly the two answers, JSON only
  local out="$1"; shift
  printf '%s\n' "$input" | env "$@" "$L" > "$out" 2> "$out.err"
  [ "$(grep -c . "$out")" -eq 2 ] && ! grep -qv '^{"jsonrpc":"2.0"' "$out" && grep -q '"tools"' "$out"
}
clean_cache() { # dir: exactly one cache file, nothing temporary, no lock
  local n
  n=$(find "$1" -maxdepth 1 \( -name '*.aot' -o -name '*.jsa' \) | wc -l)
  [ "$n" -eq 1 ] && [ -z "$(find "$1" -maxdepth 1 \( -name '*.tmp*' -o -name '*.lock' -o -name '*.config' \))" ]
}
wait_unlocked() { # dir: waits (at most 120 s) for background training to finish
  local i
  for ((i = 0; i < 240; i++)); do
    [ -z "$(find "$1" -maxdepth 1 -name '*.lock')" ] && [ -z "$(find "$1" -maxdepth 1 -name '*.tmp')" ] && return 0
    sleep 0.5
  done
  return 1
}

machine
# 1. Two starts at once, both told to train and wait: one trains (the lock), the other serves uncached at once.
c1="$BENCH_TMP/c1"
session "$BENCH_TMP/a.out" DOCKERHUB_MCP_CACHE="$c1" DOCKERHUB_MCP_TRAIN=wait & a=$!
session "$BENCH_TMP/b.out" DOCKERHUB_MCP_CACHE="$c1" DOCKERHUB_MCP_TRAIN=wait & b=$!
ra=0; rb=0; wait "$a" || ra=1; wait "$b" || rb=1
check "two concurrent first starts (training in the foreground) both answer, JSON only on stdout" \
  [ "$ra" -eq 0 ] && [ "$rb" -eq 0 ]
check "... and leave one complete cache file, no temporary file, no lock" clean_cache "$c1"
check "... which the next start uses and answers with" session "$BENCH_TMP/c.out" DOCKERHUB_MCP_CACHE="$c1"

# 2. Two starts at once with a cache folder older than a minute: training happens in the background, detached.
c2="$BENCH_TMP/c2"
mkdir -p "$c2"
echo 1 > "$c2/first-use"
session "$BENCH_TMP/d.out" DOCKERHUB_MCP_CACHE="$c2" & a=$!
session "$BENCH_TMP/e.out" DOCKERHUB_MCP_CACHE="$c2" & b=$!
ra=0; rb=0; wait "$a" || ra=1; wait "$b" || rb=1
check "two concurrent starts (background training) both answer without waiting for it" [ "$ra" -eq 0 ] && [ "$rb" -eq 0 ]
check "... the background training finishes" wait_unlocked "$c2"
check "... with one complete cache file, no temporary file, no lock" clean_cache "$c2"

# 3. A fresh cache folder (first minute): no training at all, nothing left running.
c3="$BENCH_TMP/c3"
check "a start with a fresh cache folder answers" session "$BENCH_TMP/f.out" DOCKERHUB_MCP_CACHE="$c3"
check "... and starts no training (no lock, no cache file)" \
  [ -z "$(find "$c3" -maxdepth 1 \( -name '*.lock' -o -name '*.aot' -o -name '*.jsa' \))" ]

# 4. The cache folder cannot be created (read-only home): the server runs without a cache, quietly.
check "an uncreatable cache folder (read-only home): answers, stderr has no JVM message" \
  session "$BENCH_TMP/g.out" DOCKERHUB_MCP_CACHE=/dev/null/dockerhub-mcp
check "... stderr has no JVM/CDS/AOT message" bash -c "! grep -qiE 'aot|cds|shared|archive|warning' '$BENCH_TMP/g.out.err'"

# 5. A jar newer than the cache: the cache is not used (no JVM error), and a new training replaces it.
old="$(find "$c1" -maxdepth 1 \( -name '*.aot' -o -name '*.jsa' \) | head -n1)"
touch -d '2000-01-01' "$old"
check "a cache older than a jar is left aside: the start answers, stderr has no JVM message" \
  session "$BENCH_TMP/h.out" DOCKERHUB_MCP_CACHE="$c1" DOCKERHUB_MCP_TRAIN=wait
check "... stderr has no JVM/CDS/AOT message" bash -c "! grep -qiE 'aot|cds|shared|archive|warning' '$BENCH_TMP/h.out.err'"
check "... and the retrained cache replaced it" [ "$(stat -c %Y "$old")" -gt 946771200 ]
exit "$fail"
