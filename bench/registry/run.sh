#!/usr/bin/env bash
# Registry benchmark: get_blob / push_blob of a 1 GiB random blob through the plugin in a JVM with -Xmx64m versus
# curl on the same registry in the same run, and inspect of a multi-arch image (requests and wall time).
# Starts the real registry (distribution 2.8.2 + the testkit token server) on 127.0.0.1. Prints a Markdown section.
# Usage: bench/registry/run.sh [size_mib]   (default 1024)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
size_mib="${1:-1024}"
# shellcheck source=/dev/null
. "$root/.ci/find-java"
java="$JAVA_HOME/bin/java"
command -v docker-registry >/dev/null || { echo "docker-registry missing: run .ci/install-tools" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is needed (apt-get install -y curl)" >&2; exit 1; }
work="$(mktemp -d /tmp/registry-bench.XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    exec 9>&- 2>/dev/null || true   # EOF on its stdin: the server stops the registry and deletes its directory
    for _ in $(seq 1 200); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

cd "$root"
mvn -q -o -pl plugins/registry,engine -am compile >/dev/null 2>&1 || mvn -q -pl plugins/registry,engine -am compile
mvn -q -o -pl plugin-api dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1 \
  || mvn -q -pl plugin-api dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="$root/plugin-api/target/classes:$root/engine/target/classes:$root/testkit/target/classes:$root/plugins/registry/target/classes:$(cat "$work/cp.txt")"

# the server JVM lives until we close fd 9
mkfifo "$work/stdin"
"$java" -cp "$cp" bench/registry/BenchServer.java "$work/env" < "$work/stdin" > "$work/server.log" 2>&1 &
server_pid=$!
exec 9>"$work/stdin"
for _ in $(seq 1 300); do [ -s "$work/env" ] && break; sleep 0.1; done
[ -s "$work/env" ] || { echo "registry did not start:"; cat "$work/server.log"; exit 1; }
# shellcheck disable=SC1091
. "$work/env"

# the plugin's JVM: 64 MiB heap and the launcher's GC (dist/src/main/bin/dockerhub-mcp: -XX:+UseSerialGC); client_c1
# adds the launcher's -XX:TieredStopAtLevel=1 (C1 only), which has no SHA-256 intrinsic
client() { "$java" -Xmx64m -XX:+UseSerialGC -cp "$cp" bench/registry/BenchClient.java "$REGISTRY_URL" "$REALM" "$@" 2>>"$work/client.err"; }
client_c1() { "$java" -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$cp" bench/registry/BenchClient.java "$REGISTRY_URL" "$REALM" "$@" 2>>"$work/client.err"; }
field() { sed -E "s/.*\"$1\":([0-9.]+).*/\1/"; }
mibs() { awk -v b="$1" -v ms="$2" 'BEGIN { printf "%.0f", b / 1048576 / (ms / 1000) }'; }

blob="$work/blob.bin"
head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$blob"
bytes=$(stat -c %s "$blob")
digest="sha256:$(sha256sum "$blob" | cut -d' ' -f1)"

# ---- push: curl (POST + streamed PUT ?digest=, digest computed beforehand) vs push_blob (stream mode) ----
sync # each timed operation starts with no dirty pages from the previous one (BenchClient syncs before its calls)
t0=$(date +%s%N)
loc=$(curl -sS -o /dev/null -D - -X POST -H "Authorization: Bearer $TOKEN" "$REGISTRY_URL/v2/bench/curl/blobs/uploads/" \
  | tr -d '\r' | awk 'tolower($1)=="location:" {print $2}')
case "$loc" in http*) ;; *) loc="$REGISTRY_URL$loc" ;; esac
sep="?"; case "$loc" in *\?*) sep="&" ;; esac
code=$(curl -sS -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $TOKEN" \
  -H "Content-Type: application/octet-stream" -T "$blob" "$loc${sep}digest=$digest")
curl_push_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
[ "$code" = "201" ] || { echo "curl push failed: $code"; exit 1; }

push_json=$(client push_blob "{\"repository\":\"bench/plugin\",\"source_path\":\"$blob\"}" 2)
plugin_push_ms=$(echo "$push_json" | field ms)
plugin_push_cold_ms=$(echo "$push_json" | field first_ms)
echo "$push_json" | grep -q "\"digest\":\"$digest\"" || { echo "push_blob digest mismatch: $push_json"; exit 1; }
chunk_json=$(client push_blob "{\"repository\":\"bench/chunked\",\"source_path\":\"$blob\",\"mode\":\"chunked\",\"chunk_size\":67108864}")
plugin_chunk_ms=$(echo "$chunk_json" | field ms)
c1_push_json=$(client_c1 push_blob "{\"repository\":\"bench/c1\",\"source_path\":\"$blob\"}" 2)
c1_push_ms=$(echo "$c1_push_json" | field ms)

# ---- get: curl -o vs get_blob output_path (streamed, digest verified) ----
sync
t0=$(date +%s%N)
curl -sS -f -L -o "$work/curl.out" -H "Authorization: Bearer $TOKEN" "$REGISTRY_URL/v2/bench/curl/blobs/$digest"
curl_get_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
t0=$(date +%s%N)
[ "sha256:$(sha256sum "$work/curl.out" | cut -d' ' -f1)" = "$digest" ] || { echo "curl download corrupt"; exit 1; }
curl_verify_ms=$(( curl_get_ms + ($(date +%s%N) - t0) / 1000000 ))
rm -f "$work/curl.out"
get_json=$(client get_blob "{\"repository\":\"bench/plugin\",\"digest\":\"$digest\",\"output_path\":\"$work/plugin.out\",\"overwrite\":true}" 2)
plugin_get_ms=$(echo "$get_json" | field ms)
plugin_get_cold_ms=$(echo "$get_json" | field first_ms)
echo "$get_json" | grep -q '"verified":true' || { echo "get_blob not verified: $get_json"; exit 1; }
cmp -s "$blob" "$work/plugin.out" || { echo "get_blob bytes differ"; exit 1; }
rm -f "$work/plugin.out"
c1_get_json=$(client_c1 get_blob "{\"repository\":\"bench/plugin\",\"digest\":\"$digest\",\"output_path\":\"$work/plugin.out\",\"overwrite\":true}" 2)
c1_get_ms=$(echo "$c1_get_json" | field ms)
echo "$c1_get_json" | grep -q '"verified":true' || { echo "get_blob (C1) not verified: $c1_get_json"; exit 1; }
rm -f "$work/plugin.out"

# ---- inspect of a multi-arch image (3 platforms + attestation) ----
client seed-multiarch bench/multi:v1 > /dev/null
insp=$(client inspect '{"repository":"bench/multi","reference":"v1"}' 5)
insp_full=$(client inspect '{"repository":"bench/multi","reference":"v1","include_config":true,"include_layers":true}' 5)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
get_ratio=$(ratio "$curl_get_ms" "$plugin_get_ms"); get_cold_ratio=$(ratio "$curl_get_ms" "$plugin_get_cold_ms")
push_ratio=$(ratio "$curl_push_ms" "$plugin_push_ms"); push_cold_ratio=$(ratio "$curl_push_ms" "$plugin_push_cold_ms")
ms() { printf "%.0f" "$1"; }
cat <<MD
## Registry benchmark ($(date -u +%Y-%m-%d), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg))

Command: \`bench/registry/run.sh $size_mib\` — docker-registry $(docker-registry --version 2>/dev/null | awk '{print $3}') on 127.0.0.1 with token auth;
plugin in a JVM with \`-Xmx64m -XX:+UseSerialGC\` (the launcher's GC; heap max reported: $(echo "$get_json" | field heap_max_mb) MiB); times are of the action alone (JVM start excluded);
"warm" is the second call in the same JVM (as in a running server), "cold" the first (JIT not yet compiled, token fetched);
\`output_path\` is deleted and \`sync\` run before each timed operation, untimed (curl's too). $(nproc) CPUs shared by registry, curl/plugin and anything else running.
Blob: $size_mib MiB of random bytes, $digest.

| operation | curl | plugin warm | plugin cold | plugin / curl throughput (warm / cold) |
|---|---|---|---|---|
| download (\`get_blob\` → output_path, sha256 verified while streaming) | ${curl_get_ms} ms ($(mibs "$bytes" "$curl_get_ms") MiB/s) | $(ms "$plugin_get_ms") ms ($(mibs "$bytes" "$plugin_get_ms") MiB/s) | $(ms "$plugin_get_cold_ms") ms ($(mibs "$bytes" "$plugin_get_cold_ms") MiB/s) | ${get_ratio}× / ${get_cold_ratio}× |
| download, verified the curl way (curl -o, then sha256sum) vs \`get_blob\` | ${curl_verify_ms} ms ($(mibs "$bytes" "$curl_verify_ms") MiB/s) | $(ms "$plugin_get_ms") ms | $(ms "$plugin_get_cold_ms") ms | $(ratio "$curl_verify_ms" "$plugin_get_ms")× / $(ratio "$curl_verify_ms" "$plugin_get_cold_ms")× |
| upload (\`push_blob\` stream: POST, one PATCH, PUT ?digest=, sha256 of the bytes as sent) vs curl POST + PUT -T (digest precomputed, untimed) | ${curl_push_ms} ms ($(mibs "$bytes" "$curl_push_ms") MiB/s) | $(ms "$plugin_push_ms") ms ($(mibs "$bytes" "$plugin_push_ms") MiB/s) | $(ms "$plugin_push_cold_ms") ms ($(mibs "$bytes" "$plugin_push_cold_ms") MiB/s) | ${push_ratio}× / ${push_cold_ratio}× |
| upload (\`push_blob\` chunked, 64 MiB PATCHes, cold) | | | $(ms "$plugin_chunk_ms") ms ($(mibs "$bytes" "$plugin_chunk_ms") MiB/s) | |
| download with the launcher's \`-XX:TieredStopAtLevel=1\` (C1 only: no SHA-256 intrinsic) | ${curl_get_ms} ms | $(ms "$c1_get_ms") ms ($(mibs "$bytes" "$c1_get_ms") MiB/s) | | $(ratio "$curl_get_ms" "$c1_get_ms")× |
| upload with the launcher's \`-XX:TieredStopAtLevel=1\` | ${curl_push_ms} ms | $(ms "$c1_push_ms") ms ($(mibs "$bytes" "$c1_push_ms") MiB/s) | | $(ratio "$curl_push_ms" "$c1_push_ms")× |

| inspect of bench/multi:v1 (3 platforms + 1 attestation) | upstream requests | warm, median of calls 2–5 (ms) | first call (ms, cold, includes token fetch) |
|---|---|---|---|
| \`inspect\` | $(echo "$insp" | sed -E 's/.*"upstream_requests":([0-9]+).*/\1/') | $(ms "$(echo "$insp" | field ms)") | $(ms "$(echo "$insp" | field first_ms)") |
| \`inspect\` include_config + include_layers | $(echo "$insp_full" | sed -E 's/.*"upstream_requests":([0-9]+).*/\1/') | $(ms "$(echo "$insp_full" | field ms)") | $(ms "$(echo "$insp_full" | field first_ms)") |
MD
